package io.tokenmetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    /** As a careful consumer reads our JSON: decimals exactly (a double keeps 17 digits of the 34 written). */
    private static final ObjectMapper JSON = new ObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final MathContext MC = MathContext.DECIMAL128;

    @TempDir
    Path dir;

    private static CliRun ok(String... args) {
        CliRun r = CliRun.of(args);
        assertEquals(0, r.code, r::toString);
        assertEquals("", r.err, r::toString);
        return r;
    }

    private static JsonNode rows(CliRun r, int table) throws IOException {
        return JSON.readTree(r.out).get("tables").get(table).get("rows");
    }

    @Test
    void reportReproducesTheArticlesAndNamesFactIds() {
        String out = ok("report").out;
        // 63 - 2 = 61T; 63 / 2 = 31.5; (31.5 - 1) × 100 = 3050%; end-2024 → end-2025 = 1 year
        assertTrue(out.contains("  End of 2024 2T → end of 2025 63T: +61T, ×31.5, +3050% in 1 year.  [A2, A3]\n"), out);
        // 4.44 / (1 - 0.2377) = 5.8245 → 5.82T; 4.91 / 1.2062 = 4.0706 → 4.07T
        assertTrue(out.contains("Chinese models: 4.44T, -23.77% week-on-week, so 5.82T the week before"), out);
        assertTrue(out.contains("US models: 4.91T, +20.62% week-on-week, so 4.07T the week before"), out);
        // Zhipu: at least 30%, then 10%: 1.3 × 1.1 = 1.43, at least; the unstated second change is said, not guessed
        assertTrue(out.contains("Zhipu: the two stated rises compound to at least 1.43× (at least 43%); the second of the year's three changes"
                + " has no stated size"), out);
        // A9 >30T to A10 ~180T: 180 / [30, ∞) = (0, 6]: read as "at most ~6×", not "~0× to 6×"; 6^(1/0.62) - 1 = 1671.99%
        assertTrue(out.contains("mid 2025 at least 30T → 2026-02 ~180T: multiple at most ~6× in 0.62 years, at most ~1671.99% a year."), out);
        // Claude: 200 - 20 = $180 break-even; 2 × 200 - 20 = 380 and 3 × 200 - 20 = 580
        assertTrue(out.contains("usage billing costs more than the seat above $180 of usage a month; paying 2× to 3× the seat means $380 to $580"
                + " of usage a month.  [PB2]"), out);
        // 4.91 / 20.6 = 23.83%, 4.44 / 20.6 = 21.55%, (20.6 - 9.35) / 20.6 = 54.61%; 4.91 / 9.35 = 52.51%
        assertTrue(out.contains("Shares of the total: US 23.83%, China 21.55%, all other models 54.61% (11.25T)."), out);
        assertTrue(out.contains("Of China + US (9.35T): US 52.51%, China 47.49%."), out);
        // 5.8245 - 4.0706 = 1.7539 → 1.75T; 4.91 - 4.44 = 0.47T = 470B
        assertTrue(out.contains("Leader now: US, by 470B; the week before: China, by 1.75T (implied). The lead changed."), out);
        // (1.38 + 1.22) / 4.91 = 52.95%
        assertTrue(out.contains("= 2.6T = 52.95% of US models' 4.91T"), out);
        // 390^(1/5) - 1 = 229.77%; 10^16 / 365 = 27.40T a day
        assertTrue(out.contains("compound ~229.77% a year over 5 years (B16 states 330%)"), out);
        assertTrue(out.contains("Per day (÷365): ~27.4T in 2025, ~10.68Q in 2030."), out);
        // 20.6 / 0.04 = 515T, 20.6 / 0.02 = 1030T a week; / 7 = 73.57T to 147.14T a day
        assertTrue(out.contains("implies 515T to 1.03Q a week worldwide, 73.57T to 147.14T a day (÷7)."), out);
        // 350,000 / 10 s = 35,000 tokens a second
        assertTrue(out.contains("~35K tokens per second of video."), out);
        // every line of findings names its fact ids
        for (String line : out.split("\n")) {
            if (line.startsWith("  ")) {
                assertTrue(line.matches(".*  \\[[A-Z0-9, -]+\\]$"), line);
            }
        }
    }

    @Test
    void reportInChineseUnits() {
        String out = ok("report", "--lang", "zh").out;
        assertTrue(out.contains("全部模型: 本周 20.6万亿 Token。  [B1]"), out);
        assertTrue(out.contains("中国模型: 4.44万亿, 环比 -23.77%, 推算前一周 5.82万亿。  [B3]"), out);
    }

    @Test
    void reportAsJsonCarriesExactValues() throws IOException {
        JsonNode rows = rows(ok("report", "--format", "json"), 0);
        Map<String, String> byItem = new HashMap<>();
        for (JsonNode r : rows) {
            byItem.put(r.get("item").asText(), r.get("value").asText());
        }
        // exact: 4.91 / 9.35 × 100 to 34 digits
        BigDecimal expected = new BigDecimal("4.91").divide(new BigDecimal("9.35"), MC).multiply(BigDecimal.valueOf(100));
        BigDecimal got = new BigDecimal(byItem.get("shares of china+us"));
        assertTrue(got.subtract(expected).abs().compareTo(new BigDecimal("1E-30")) < 0, got + " vs " + expected);
        assertEquals("31.5", byItem.get("growth"));
        assertEquals("20600000000000", byItem.get("total"));
        assertEquals("515000000000000..1030000000000000", byItem.get("global weekly"));
    }

    @Test
    void reportAsCsv() {
        String out = ok("report", "--format", "csv").out;
        assertTrue(out.startsWith("section,facts,item,value,text\n"), out);
        assertTrue(out.contains("\"OpenRouter, week 2026-W16 (13-19 April 2026)\",B1,total,20600000000000,All models: 20.6T tokens in the week.\n"), out);
        // one cadence: 20.6e12 / 7 = 2.942857…e12 a day, exact in CSV, 2.94T for people
        assertTrue(out.contains("\"OpenRouter, week 2026-W16 (13-19 April 2026)\",\"B1, A10\",cadence,2942857142857.142857142857142857143,"), out);
    }

    @Test
    void checkGivesEveryVerdict() throws IOException {
        String text = ok("check").out;
        assertTrue(text.contains("INCONSISTENT  B16-cagr [B16]: J.P. Morgan: compound annual growth of 330% from 2025 to 2030\n"), text);
        assertTrue(text.contains("CONSISTENT    B8: Claude Sonnet 4.6"), text);
        assertTrue(text.contains("UNDECIDABLE   B2: OpenRouter's weekly total"), text);
        Map<String, String> verdicts = new HashMap<>();
        for (JsonNode r : rows(ok("check", "--format", "json"), 0)) {
            verdicts.put(r.get("claim").asText(), r.get("verdict").asText());
        }
        assertEquals("consistent", verdicts.get("A13"));
        assertEquals("inconsistent", verdicts.get("B16-cagr"));
        assertEquals("undecidable", verdicts.get("B2"));
        assertEquals(8, verdicts.size());
        assertTrue(ok("check", "--format", "csv").out.startsWith("claim,fact,verdict,stated,computed,statement,explanation,note\n"));
        assertTrue(ok("check", "--lang", "zh").out.contains("不一致        B16-cagr"));
    }

    @Test
    void listAndShow() throws IOException {
        assertEquals(20, rows(ok("list", "--format", "json"), 0).size());
        assertEquals(21, ok("list", "--format", "csv").out.split("\n").length);
        String csv = ok("show", "volcano-engine-daily", "--format", "csv").out;
        // 2万亿 = 2 × 10^12, 63万亿 = 63 × 10^12
        assertTrue(csv.contains("volcano-engine-daily,end-2024,2000000000000,reported,,,,A2,"), csv);
        assertTrue(csv.contains("volcano-engine-daily,end-2025,63000000000000,reported,,,,A3,"), csv);
        String zh = ok("show", "volcano-engine-daily", "--lang", "zh").out;
        assertTrue(zh.contains("63万亿"), zh);
        assertTrue(zh.startsWith("序列"), zh);
        // JSON keeps the stable English column names in either language
        assertTrue(ok("show", "volcano-engine-daily", "--lang", "zh", "--format", "json").out.contains("\"period\" : \"end-2024\""));
    }

    @Test
    void growthOfAnySeriesInAllFormats() throws IOException {
        JsonNode g = rows(ok("growth", "volcano-engine-daily", "--format", "json"), 0).get(0);
        assertEquals("61000000000000", g.get("absolute_change").asText());
        assertEquals("31.5", g.get("multiple").asText());
        assertEquals("3050", g.get("percent_change").asText());
        assertEquals("1", g.get("years").asText());
        // numbers are JSON numbers, which jq can add up; a bound is an object
        assertTrue(g.get("absolute_change").isIntegralNumber() && g.get("multiple").isNumber() && g.get("years").isNumber(), g::toString);
        // A8 → A9 with explicit periods: >= 30e12 / 1e11 = 300
        // a lower bound: {"low": 300, "high": null, "approximate": false}
        JsonNode bound = rows(ok("growth", "china-daily", "--from", "start-2024", "--to", "mid-2025", "--format", "json"), 0).get(0).get("multiple");
        assertEquals(0, bound.get("low").decimalValue().compareTo(new BigDecimal(300)), bound::toString);
        assertTrue(bound.get("high").isNull() && !bound.get("approximate").asBoolean(), bound::toString);
        // in Chinese throughout: period labels, 倍 for the multiple, 年 and 年化 for the years and the rate
        assertEquals("volcano-engine-daily: 2024年末 → 2025年末: 2万亿 → 63万亿, 变化 +61万亿 (+3050%, 31.5倍), 历时 1年, 年化 +3050%\n",
                ok("growth", "volcano-engine-daily", "--lang", "zh").out);
        assertTrue(ok("growth", "volcano-engine-daily", "--format", "csv").out.startsWith(
                "series,from,to,from_value,to_value,absolute_change,percent_change,multiple,years,annual_rate_percent\n"
                        + "volcano-engine-daily,end-2024,end-2025,2000000000000,63000000000000,61000000000000,3050,31.5,1.0,"));
    }

    private Path weeklyFile() throws IOException {
        StringBuilder obs = new StringBuilder();
        long[] v = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 10, 9};
        for (int i = 0; i < v.length; i++) {
            obs.append(i == 0 ? "" : ",").append(String.format("{\"period\":\"2026-W%02d\",\"value\":\"%dT\"}", i + 4, v[i]));
        }
        Path f = dir.resolve("weeks.json");
        Files.write(f, ("{\"format\":\"token-metrics-dataset/1\",\"series\":[{\"id\":\"my-weekly\",\"subject\":\"Mine\",\"region\":\"US\","
                + "\"measure\":\"tokens/week\",\"observations\":[" + obs + "]}]}").getBytes(StandardCharsets.UTF_8));
        return f;
    }

    @Test
    void changesAndStreaksOnLoadedData() throws IOException {
        Path f = weeklyFile();
        CliRun r = ok("changes", "my-weekly", "--data", f.toString(), "--format", "json");
        JsonNode changes = rows(r, 0);
        assertEquals(12, changes.size());
        // W04 → W05: 1T → 2T = +100%; W15 → W16: 10T → 9T = -10%
        assertEquals("100", changes.get(0).get("percent_change").asText());
        assertEquals("-10", changes.get(11).get("percent_change").asText());
        JsonNode streaks = rows(r, 1);
        assertEquals("rise", streaks.get(0).get("direction").asText());
        assertEquals("10", streaks.get(0).get("length").asText());
        assertEquals("fall", streaks.get(1).get("direction").asText());
        assertEquals("2", streaks.get(1).get("length").asText());
        String text = ok("changes", "my-weekly", "--data", f.toString()).out;
        assertTrue(text.contains("== streaks"), text);
        assertTrue(ok("changes", "my-weekly", "--data", f.toString(), "--format", "csv").out.startsWith(
                "table,series,from,to,from_value,to_value,absolute_change,percent_change,consecutive,direction,stated_percent,stated_verdict,"
                + "length,start,end\n"));
    }

    @Test
    void changesShowTheStatedChangeBesideTheComputedOne() throws IOException {
        Path f = dir.resolve("stated.json");
        Files.write(f, ("{\"format\":\"token-metrics-dataset/1\",\"series\":[{\"id\":\"s\",\"subject\":\"S\",\"region\":\"GLOBAL\","
                + "\"measure\":\"tokens/week\",\"observations\":[{\"period\":\"2026-W15\",\"value\":\"100\"},"
                + "{\"period\":\"2026-W16\",\"value\":\"120\",\"change\":\"+20%\"},{\"period\":\"2026-W17\",\"value\":\"150\",\"change\":\"+30%\"}]}],"
                + "\"claims\":[{\"id\":\"c\",\"kind\":\"stated-change\",\"statement\":\"W17 up 30%\",\"series\":\"s\",\"at\":\"2026-W17\","
                + "\"stated\":\"+30%\"}]}").getBytes(StandardCharsets.UTF_8));
        JsonNode rows = rows(ok("changes", "s", "--data", f.toString(), "--format", "json"), 0);
        // 100 → 120 is +20%, as stated; 120 → 150 is +25%, stated +30%: beyond the rounding of "30"
        assertEquals("20", rows.get(0).get("stated_percent").asText());
        assertEquals("consistent", rows.get(0).get("stated_verdict").asText());
        assertEquals("25", rows.get(1).get("percent_change").asText());
        assertEquals("inconsistent", rows.get(1).get("stated_verdict").asText());
        // the same as a claim kind
        CliRun check = CliRun.of("check", "--data", f.toString());
        assertTrue(check.out.contains("INCONSISTENT  c: W17 up 30%\n    from 2026-W16 (120) to 2026-W17 (150) is +25%; stated +30% (+20.0% from the"
                + " computed value); exact figures, so only the stated value's rounding is allowed.\n"), check.out);
    }

    @Test
    void compareTheChinaUsCard() throws IOException {
        JsonNode rows = rows(ok("compare", "openrouter-us-weekly", "openrouter-china-weekly", "--total", "openrouter-total-weekly",
                "--format", "json"), 0);
        Map<String, String> m = new HashMap<>();
        for (JsonNode r : rows) {
            m.put(r.get("metric").asText(), r.get("value").asText());
        }
        assertEquals("2026-W16", m.get("period"));
        assertEquals("470000000000", m.get("difference"));
        assertEquals("openrouter-us-weekly", m.get("leader"));
        assertEquals("openrouter-china-weekly", m.get("previous leader"));
        assertEquals("true", m.get("lead changed"));
        // 4.44e12 / 0.7623 exactly to 34 digits
        assertEquals(0, new BigDecimal(m.get("openrouter-china-weekly previous")).compareTo(new BigDecimal("4.44E12").divide(new BigDecimal("0.7623"), MC)));
        assertTrue(ok("compare", "openrouter-us-weekly", "openrouter-china-weekly").out.matches("(?s).*\nleader +openrouter-us-weekly\n.*"));
        assertTrue(ok("compare", "openrouter-us-weekly", "openrouter-china-weekly", "--format", "csv").out.startsWith("metric,value\nperiod,2026-W16\n"));
    }

    @Test
    void chartWritesAnSvgWithItsSource() throws IOException {
        Path svg = dir.resolve("china.svg");
        CliRun r = CliRun.of("chart", "china-daily", "--out", svg.toString());
        assertEquals(0, r.code, r::toString);
        // 100B to 180T spans more than two orders of magnitude: log scale; the status goes to
        // standard error, so that --out /dev/stdout holds the SVG alone
        assertEquals("", r.out);
        assertEquals("token-metrics: wrote " + svg + " (lines, log, 3 points)\n", r.err);
        String s = new String(Files.readAllBytes(svg), StandardCharsets.UTF_8);
        assertTrue(s.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assertTrue(s.contains("(log scale)"));
        assertTrue(s.contains("Source: 科创板日报 (STAR Market Daily), reprinted by 东方财富 (East Money)"), s);
        assertTrue(s.contains("[A10, A8, A9]"), s);
        Path bars = dir.resolve("bars.svg");
        JsonNode row = rows(CliRun.of("chart", "openrouter-us-weekly", "openrouter-china-weekly", "--bars", "--lang", "zh", "--out",
                bars.toString(), "--format", "json"), 0).get(0);
        // W16 observed and W15 implied for both series: 4 bars
        assertEquals("4", row.get("points").asText());
        String b = new String(Files.readAllBytes(bars), StandardCharsets.UTF_8);
        assertTrue(b.contains("5.82万亿 (推算)"), b);
        assertTrue(b.contains("来源: 每日经济新闻"), b);
    }

    @Test
    void withoutOutAChartIsTheSvgOnStandardOutput() throws IOException {
        CliRun r = ok("chart", "china-daily");
        assertTrue(r.out.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""), r.out);
        assertTrue(r.out.trim().endsWith("</svg>"), r.out);
        assertEquals("", r.err);
        // the same bytes as --out writes
        Path svg = dir.resolve("same.svg");
        assertEquals(0, CliRun.of("chart", "china-daily", "--out", svg.toString()).code);
        assertEquals(new String(Files.readAllBytes(svg), StandardCharsets.UTF_8), r.out);
    }

    /** Runs {@code args} with standard output failing as the OS fails it, with {@code reason}; the exit code and standard error. */
    private static Object[] failingOutput(String reason, String... args) throws java.io.UnsupportedEncodingException {
        java.io.OutputStream failing = new java.io.OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException(reason);
            }
        };
        Main.WriteFailure watched = new Main.WriteFailure(failing);
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int code = Main.run(args, new java.io.PrintStream(watched, true, "UTF-8"), new java.io.PrintStream(err, true, "UTF-8"), UsageCommand.LOCAL,
                watched);
        return new Object[] {code, new String(err.toByteArray(), StandardCharsets.UTF_8)};
    }

    @Test
    void aFailedWriteIsAnErrorNotExitZero() throws java.io.UnsupportedEncodingException {
        Object[] full = failingOutput("No space left on device", "list");
        assertEquals(1, full[0]);
        assertEquals("token-metrics: cannot write the output: the write to standard output failed (No space left on device)\n", full[1]);
    }

    @Test
    void aPipeClosedByItsReaderIsQuietAndExitZero() throws java.io.UnsupportedEncodingException {
        // token-metrics list | head -1: head closes the pipe; Unix tools end quietly
        Object[] closed = failingOutput("Broken pipe", "list");
        assertEquals(0, closed[0]);
        assertEquals("", closed[1]);
        // a command that failed keeps its own code and message
        Object[] failed = failingOutput("Broken pipe", "show", "no-such-series");
        assertEquals(2, failed[0]);
        assertTrue(((String) failed[1]).startsWith("token-metrics: "), failed[1]::toString);
    }

    @Test
    void anInternalStateErrorIsExitThreeAndMissingDataIsExitTwo() {
        assertEquals(3, Main.exitCode(new IllegalStateException("table x has 3 columns, row has 2")));
        assertEquals(2, Main.exitCode(new io.tokenmetrics.amount.IndeterminateValueException("quantity (15T..20T) is a range, not a single value")));
    }

    @Test
    void errorsAreOneLineWithExitCodesAndNoStackTrace() throws IOException {
        CliRun unknown = CliRun.of("growth", "volcano-daily");
        assertEquals(2, unknown.code);
        assertEquals("token-metrics: no series \"volcano-daily\"; did you mean: volcano-engine-daily?\n", unknown.err);
        assertEquals("", unknown.out);

        CliRun period = CliRun.of("growth", "china-daily", "--from", "2025-13");
        assertEquals(2, period.code);
        assertEquals("token-metrics: --from: cannot parse period \"2025-13\" at index 5: month must be 01 to 12 (forms: 2026-04-13,"
                + " 2026-W16, 2026-02, 2026-Q1, 2026-H1, 2025, start-2024, mid-2025, end-2024)\n", period.err);

        CliRun option = CliRun.of("list", "--bogus");
        assertEquals(2, option.code);
        assertEquals("token-metrics: Unknown option: '--bogus' (see: token-metrics list --help)\n", option.err);

        // edit distance by hand: --fromat is one swap (ro -> or) from --format; --peroid one swap from --period; "reprot" one from "report"
        assertEquals(1, Main.distance("--fromat", "--format"));
        assertEquals(2, Main.distance("kitten", "sitting") - 1);
        assertEquals("token-metrics: Unknown options: '--fromat', 'csv'; did you mean --format? (see: token-metrics list --help)\n",
                CliRun.of("list", "--fromat", "csv").err);
        assertEquals("token-metrics: Unmatched argument at index 0: 'reprot'; did you mean report? (see: token-metrics --help)\n",
                CliRun.of("reprot").err);
        // nothing near: no guess
        assertEquals("token-metrics: Unknown option: '--bogus' (see: token-metrics list --help)\n", CliRun.of("list", "--bogus").err);

        CliRun format = CliRun.of("list", "--format", "xml");
        assertEquals(2, format.code);
        assertTrue(format.err.startsWith("token-metrics: Invalid value for option '--format': expected one of [TEXT, JSON, CSV, HTML]"), format.err);

        CliRun mixed = CliRun.of("compare", "volcano-engine-daily", "openrouter-total-weekly");
        assertEquals(2, mixed.code);
        assertEquals("token-metrics: cannot compare volcano-engine-daily (tokens/day) with openrouter-total-weekly (tokens/week):"
                + " different measures; convert cadences first with Calculator.convert\n", mixed.err);

        Path bad = dir.resolve("bad.json");
        Files.write(bad, "{\"format\":\"token-metrics-dataset/1\",\"series\":[{\"id\":\"x\",\"subject\":\"X\",\"region\":\"CN\",\"measure\":\"tokens/week\",\"observations\":[{\"period\":\"2026-W16\",\"value\":\"20.6兆\"}]}]}"
                .getBytes(StandardCharsets.UTF_8));
        CliRun data = CliRun.of("list", "--data", bad.toString());
        assertEquals(1, data.code);
        assertEquals("token-metrics: " + bad + ": $.series[0].observations[0].value: cannot parse \"20.6兆\" at index 4: unknown unit \"兆\"\n", data.err);

        CliRun missing = CliRun.of("list", "--data", dir.resolve("none.json").toString());
        assertEquals(1, missing.code);
        assertEquals("token-metrics: " + dir.resolve("none.json") + ": no such file or directory\n", missing.err);

        for (CliRun r : new CliRun[] {unknown, period, option, format, mixed, data, missing}) {
            assertFalse(r.err.contains("\tat "), r.err);
            assertEquals(1, r.err.split("\n").length, r.err);
        }
        // --debug adds the stack trace
        assertTrue(CliRun.of("list", "--data", bad.toString(), "--debug").err.contains("\tat io.tokenmetrics"));
    }

    @Test
    void helpAndVersion() {
        assertTrue(ok("--version").out.startsWith("token-metrics "));
        assertTrue(ok("report", "--help").out.contains("--format=FORMAT"));
        CliRun none = CliRun.of();
        assertEquals(2, none.code);
        assertTrue(none.err.contains("Usage: token-metrics"));
    }

    @Test
    void chineseCheckAndBriefingReadAsChinese() {
        String check = ok("check", "--lang", "zh").out;
        // statements from the dataset's statement_zh, explanations from the bundle, 倍 for multiples
        assertTrue(check.contains("不一致        B16-cagr [B16]: 摩根大通：2025年至2030年年复合增长率达330%\n"), check);
        assertTrue(check.contains("若理解为每年 3.3 倍，复合计算得到 391.35倍，与数字相符。"), check);
        assertTrue(check.contains("(1.38万亿 + 1.22万亿) / 4.91万亿 = 2.6万亿 / 4.91万亿 = 52.95%，超过 50%。"), check);
        for (String english : new String[] {"cannot be decided", "stated", "figures are", "J.P. Morgan", " vs ", "2026-W"}) {
            assertFalse(check.contains(english), english + " in: " + check);
        }
        String report = ok("report", "--lang", "zh").out;
        assertTrue(report.contains("OpenRouter 2026年第16周 (4月13日至19日)"), report);
        assertTrue(report.contains("2024年初 1000亿 → 2025年中 至少30万亿"), report);
        assertTrue(report.contains("至多约6倍, 历时 0.62 年, 年化 至多约1671.99%"), report);
        for (String doubled : new String[] {"约 约", "约约", "倍 倍", "倍倍", "2026-W"}) {
            assertFalse(report.contains(doubled), doubled + " in: " + report);
        }
    }

    @Test
    void checkReportsEveryClaimEvenWhenOneCannotBeComputed() throws IOException {
        // a dataset whose claim names a series nobody has: the bundled claims are still checked
        Path f = dir.resolve("broken-claim.json");
        Files.write(f, ("{\"format\":\"token-metrics-dataset/1\",\"claims\":[{\"id\":\"X1\",\"kind\":\"streak\",\"statement\":\"S\","
                + "\"series\":\"no-such-series\",\"at\":\"2026-W16\",\"rises\":2,\"falls\":0}]}").getBytes(StandardCharsets.UTF_8));
        CliRun r = CliRun.of("check", "--data", f.toString());
        assertEquals(1, r.code, r::toString);
        assertTrue(r.out.contains("INCONSISTENT  B16-cagr [B16]"), r.out);
        assertTrue(r.out.contains("ERROR         X1: S\n    cannot be computed: no series \"no-such-series\""), r.out);
        assertTrue(r.out.endsWith("1 of 9 claims cannot be computed from this data (verdict error); the others are checked above\n"), r.out);
    }
}
