package io.tokenmetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenmetrics.data.Dataset;
import io.tokenmetrics.data.Series;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every command on every bundled series, in every format and both languages: no internal error
 * (exit 3) anywhere, a data-limited answer is exit 2 with one line; and Chinese text output
 * holds no English word that a person reads (ids, units, model and publisher names aside).
 */
class EveryCommandTest {
    @org.junit.jupiter.api.io.TempDir
    static java.nio.file.Path dir;

    private static List<String[]> commands() {
        List<String[]> out = new ArrayList<>();
        try {
            java.nio.file.Path or = dir.resolve("rankings.json");
            java.nio.file.Files.write(or, io.tokenmetrics.openrouter.OpenRouterTest.response(java.time.LocalDate.of(2026, 4, 6),
                    java.time.LocalDate.of(2026, 4, 19), "2026-04-20T02:00:00Z").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.add(new String[] {"openrouter", or.toString()});
            java.nio.file.Path log = dir.resolve("usage.jsonl");
            java.nio.file.Files.write(log, ("{\"timestamp\":\"2026-04-13T10:00:00Z\",\"model\":\"gpt-5\",\"input_tokens\":5,\"output_tokens\":2}\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.add(new String[] {"usage", log.toString(), "--by", "model"});
            out.add(new String[] {"usage", log.toString(), "--period", "block5h"});
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        out.add(new String[] {"chart", "china-daily"});
        out.add(new String[] {"chart", "openrouter-us-weekly", "openrouter-china-weekly"});
        out.add(new String[] {"report"});
        out.add(new String[] {"check"});
        out.add(new String[] {"list"});
        for (Series s : Dataset.bundled().series()) {
            out.add(new String[] {"show", s.id()});
            out.add(new String[] {"growth", s.id()});
            out.add(new String[] {"changes", s.id()});
        }
        out.add(new String[] {"compare", "openrouter-us-weekly", "openrouter-china-weekly", "--total", "openrouter-total-weekly"});
        out.add(new String[] {"off-list", "openrouter-kimi-k2-5-weekly", "openrouter-step-3-5-flash-weekly", "openrouter-zhipu-glm-weekly"});
        return out;
    }

    private static String[] with(String[] c, String... more) {
        List<String> a = new ArrayList<>(Arrays.asList(c));
        a.addAll(Arrays.asList(more));
        return a.toArray(new String[0]);
    }

    @Test
    void noCommandFailsInternallyInAnyFormatOrLanguage() {
        int runs = 0;
        for (String[] c : commands()) {
            for (String lang : new String[] {"en", "zh"}) {
                for (String format : new String[] {"text", "json", "csv"}) {
                    CliRun r = CliRun.of(with(c, "--lang", lang, "--format", format));
                    runs++;
                    String what = String.join(" ", c) + " --lang " + lang + " --format " + format;
                    assertTrue(r.code == 0 || r.code == 2, what + ": exit " + r.code + "\n" + r.err);
                    if (r.code == 2) {
                        assertTrue(r.err.startsWith("token-metrics: ") && r.err.indexOf('\n') == r.err.length() - 1, what + ": " + r.err);
                    }
                }
            }
        }
        assertTrue(runs > 100, "runs " + runs);
    }

    /** Words of English that a Chinese reader should not meet in text output. */
    private static final List<String> ENGLISH = Arrays.asList("difference", "ratio", "leader", "previous", "basis", "implied", "true", "false",
            "stated", "rise", "fall", "flat", "undecided", "start", "end", "mid", "priced", "share", "sum", "week", "tie", "none", "unknown",
            "period", "periods", "consecutive", "direction", "reported", "off", "list", "lead", "changed", "yes", "no", "verdict", "total");

    @Test
    void chineseTextHoldsNoEnglishWord() {
        List<String> ids = new ArrayList<>();
        for (Series s : Dataset.bundled().series()) {
            ids.add(s.id());
            // the data author's notes are data, quoted as written (English with the article's Chinese terms): not scanned
            s.note().ifPresent(ids::add);
            for (io.tokenmetrics.data.Observation o : s.observations()) {
                o.note().ifPresent(ids::add);
            }
        }
        List<String> found = new ArrayList<>();
        Pattern word = Pattern.compile("[A-Za-z]+");
        for (String[] c : commands()) {
            CliRun r = CliRun.of(with(c, "--lang", "zh"));
            if (r.code != 0) {
                continue;
            }
            // a chart: what it shows as text, not its markup
            String text = r.out.startsWith("<svg") ? r.out.replaceAll("(?s)<[^>]*>", " ") : r.out;
            // paths of the temporary inputs
            text = text.replace(dir.toString(), " ");
            for (String id : ids) {
                text = text.replace(id, " ");
            }
            Matcher m = word.matcher(text);
            while (m.find()) {
                String w = m.group().toLowerCase(java.util.Locale.ROOT);
                if (ENGLISH.contains(w)) {
                    int at = m.start();
                    found.add(String.join(" ", c) + ": \"" + w + "\" in …" + text.substring(Math.max(0, at - 30), Math.min(text.length(), at + 30))
                            .replace('\n', ' ') + "…");
                }
            }
        }
        assertEquals("", String.join("\n", found));
    }
}
