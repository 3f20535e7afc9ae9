package io.tokenmetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report --format html} and {@code usage --format html}: one self-contained page (nothing
 * fetched, no script), the briefing with its fact ids, the charts inline with a tooltip on each
 * point, values escaped; and, where Chromium is installed (Debian's {@code chromium}), the page
 * loaded in a real headless browser without a console error and screenshotted.
 */
class HtmlReportTest {
    @TempDir
    Path dir;

    private static void selfContained(String html) {
        assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang="), html.substring(0, 60));
        assertTrue(html.trim().endsWith("</html>"));
        String lower = html.toLowerCase(java.util.Locale.ROOT);
        // nothing that a browser would fetch or run: the only URL is SVG's namespace, an identifier
        for (String fetch : new String[] {"<script", "<link", "<img", "<iframe", "@import", "url(", "src=", "href="}) {
            assertFalse(lower.contains(fetch), fetch + " in the page");
        }
        assertEquals(lower.split("http").length - 1, lower.split("http://www.w3.org/2000/svg").length - 1, "a URL other than SVG's namespace");
    }

    @Test
    void theReportIsOneSelfContainedPageWithTheBriefingAndItsCharts() {
        CliRun r = CliRun.of("report", "--format", "html");
        assertEquals(0, r.code, r.err);
        selfContained(r.out);
        assertTrue(r.out.contains("<h1>token-metrics briefing: the figures of two articles, recomputed and checked</h1>"), r.out);
        // A2, A3: 2T to 63T in a year, with the fact ids as tags
        assertTrue(r.out.contains("<li>End of 2024 2T → end of 2025 63T: +61T, ×31.5, +3050% in 1 year. <span class=\"fact\">A2</span>"
                + " <span class=\"fact\">A3</span></li>"), r.out);
        // four charts, each point with its value as a tooltip: US 4.91T in 2026-W16 (B4)
        assertEquals(4, r.out.split("<svg").length - 1);
        assertTrue(r.out.contains("<title>openrouter-us-weekly 2026-W16: 4.91T</title>"), r.out);
        CliRun zh = CliRun.of("report", "--format", "html", "--lang", "zh");
        selfContained(zh.out);
        assertTrue(zh.out.startsWith("<!DOCTYPE html>\n<html lang=\"zh-CN\">"));
        assertTrue(zh.out.contains("2024年底 2万亿 → 2025年底 63万亿"), zh.out);
    }

    @Test
    void usageAsAPageEscapesWhatTheLogsHold() throws Exception {
        Path log = dir.resolve("log.jsonl");
        Files.write(log, ("{\"timestamp\":\"2026-04-13T10:00:00Z\",\"model\":\"<script>alert(1)</script>\",\"input_tokens\":5,\"output_tokens\":2}\n")
                .getBytes(StandardCharsets.UTF_8));
        CliRun r = CliRun.of("usage", log.toString(), "--by", "model", "--format", "html");
        assertEquals(0, r.code, r.err);
        selfContained(r.out);
        assertTrue(r.out.contains("<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>"), r.out);
        // counts right-aligned as numbers: 5 + 2 = 7
        assertTrue(r.out.contains("<td class=\"n\">7</td>"), r.out);
    }

    private static File chromium() {
        for (String p : new String[] {"/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"}) {
            if (new File(p).canExecute()) {
                return new File(p);
            }
        }
        return null;
    }

    @Test
    void aRealBrowserLoadsThePageWithoutErrors() throws Exception {
        File browser = chromium();
        Assumptions.assumeTrue(browser != null, "no Chromium here: apt-get install chromium to run this test");
        for (String lang : new String[] {"en", "zh"}) {
            Path page = dir.resolve("report-" + lang + ".html");
            Files.write(page, CliRun.of("report", "--format", "html", "--lang", lang).out.getBytes(StandardCharsets.UTF_8));
            Path shot = dir.resolve("report-" + lang + ".png");
            Path log = dir.resolve("chromium-" + lang + ".log");
            // the flags of a closed machine: no background connections, a fresh profile
            List<String> cmd = Arrays.asList(browser.getPath(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--user-data-dir=" + dir.resolve("profile-" + lang),
                    "--enable-logging=stderr", "--v=0", "--hide-scrollbars", "--window-size=1100,3600", "--screenshot=" + shot, page.toUri().toString());
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            assertTrue(p.waitFor(90, TimeUnit.SECONDS), "Chromium did not finish");
            String out = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
            assertTrue(Files.exists(shot) && Files.size(shot) > 50_000, "screenshot " + shot + ":\n" + out);
            for (String line : out.split("\n")) {
                // a console message of the page (there is no script: any is an error)
                assertFalse(line.contains("CONSOLE") || line.contains("Uncaught"), line);
            }
            // where the screenshots are kept for a person to look at (docs/cli.md)
            Path keep = java.nio.file.Paths.get("target", "html-report");
            Files.createDirectories(keep);
            Files.copy(shot, keep.resolve(shot.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.copy(page, keep.resolve(page.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
