package io.tokenmetrics.openrouter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.tokenmetrics.calc.Calculator;
import io.tokenmetrics.calc.Comparison;
import io.tokenmetrics.calc.Leader;
import io.tokenmetrics.data.Dataset;
import io.tokenmetrics.period.TimePeriod;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class OpenRouterTest {
    @TempDir
    Path dir;

    /**
     * A response for [from, to]: each day sonnet 100, qwen 80 (only in 2026-W15), gpt 30, newco 5,
     * other 10. W15 is 2026-04-06..12, W16 2026-04-13..19.
     */
    public static String response(LocalDate from, LocalDate to, String asOf) {
        StringBuilder b = new StringBuilder("{\"data\":[");
        boolean first = true;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            boolean w15 = d.isBefore(LocalDate.of(2026, 4, 13));
            String[][] rows = {{"anthropic/claude-sonnet-4.6", "100"}, {"qwen/qwen3.6-plus", w15 ? "80" : null},
                {"openai/gpt-5", "30"}, {"newco/model-x", "5"}, {"other", "10"}};
            for (String[] r : rows) {
                if (r[1] == null) {
                    continue;
                }
                b.append(first ? "" : ",").append("{\"date\":\"").append(d).append("\",\"model_permaslug\":\"").append(r[0])
                        .append("\",\"total_tokens\":\"").append(r[1]).append("\"}");
                first = false;
            }
        }
        return b.append("],\"meta\":{\"as_of\":\"").append(asOf).append("\",\"start_date\":\"").append(from).append("\",\"end_date\":\"")
                .append(to).append("\",\"version\":\"v1\"}}").toString();
    }

    static RankingsData parse(String json) {
        return RankingsData.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
    }

    @Test
    void weeksRegionsRankingsAndPartialWeeks() {
        // W15 and W16 whole, plus two days of W17
        RankingsData data = parse(response(LocalDate.of(2026, 4, 6), LocalDate.of(2026, 4, 21), "2026-04-22T02:00:00Z"));
        WeeklyRankings w = WeeklyRankings.of(data, RegionTable.bundled());
        assertEquals(3, w.weeks().size());
        WeeklyRankings.Week w15 = w.weeks().get(0);
        WeeklyRankings.Week w16 = w.weeks().get(1);
        WeeklyRankings.Week w17 = w.weeks().get(2);
        // W15 per day: 100 + 80 + 30 + 5 + 10 = 225; × 7 = 1575. W16: 145 × 7 = 1015
        assertEquals(1575, w15.total());
        assertEquals(1015, w16.total());
        // US: (100 + 30) × 7 = 910; CN (W15): 80 × 7 = 560; other 10 × 7 = 70; newco unmapped 35
        assertEquals(Long.valueOf(910), w16.regions().get("US"));
        assertEquals(Long.valueOf(560), w15.regions().get("CN"));
        assertEquals(70, w16.other());
        assertEquals(Collections.singletonMap("newco", 35L), w16.unmappedAuthors());
        assertEquals(Long.valueOf(35), w16.regions().get(WeeklyRankings.UNMAPPED));
        // W17 has 2 days: partial
        assertTrue(w17.isPartial());
        assertEquals(2, w17.days());
        // rankings: W15 sonnet 700, qwen 560, gpt 210, newco 35; W16 qwen fell off
        assertEquals("qwen/qwen3.6-plus", w15.entries().get(1).permaslug());
        assertNull(w15.entries().get(0).previousRank());
        assertEquals(Collections.singletonList("qwen/qwen3.6-plus"), w16.dropped());
        assertEquals(3, w16.entries().get(1).previousRank().intValue());
        assertEquals(2, w16.entries().get(1).rank());
        assertEquals("Source: OpenRouter (openrouter.ai/rankings), as of 2026-04-22T02:00:00Z.", w.citation());
        // qwen: ranked in W15, absent in W16 (the last whole week): one week off
        assertEquals(Collections.singletonMap("qwen/qwen3.6-plus", 1), w.offTheRanking());
        // with a third whole week (W17) qwen is off two weeks in a row
        WeeklyRankings three = WeeklyRankings.of(parse(response(LocalDate.of(2026, 4, 6), LocalDate.of(2026, 4, 26), "2026-04-27T02:00:00Z")),
                RegionTable.bundled());
        assertEquals(Collections.singletonMap("qwen/qwen3.6-plus", 2), three.offTheRanking());
    }

    @Test
    void seriesWorkWithTheCalculator() {
        Dataset d = WeeklyRankings.of(parse(response(LocalDate.of(2026, 4, 6), LocalDate.of(2026, 4, 21), "2026-04-22T02:00:00Z")),
                RegionTable.bundled()).toDataset();
        TimePeriod w16 = TimePeriod.parse("2026-W16");
        Comparison c = Calculator.create().compare(d.series("openrouter-region-us"), d.series("openrouter-region-cn"), w16,
                d.series("openrouter-total"));
        // W16: US (100 + 30) × 7 = 910 vs CN 0 (no Chinese model in the top 50); W15: US 910 vs CN 560
        assertEquals(0, c.secondValue().value().signum());
        assertEquals(Leader.series("openrouter-region-us"), c.leader());
        assertEquals(Leader.series("openrouter-region-us"), c.previousLeader());
        assertEquals(Boolean.FALSE, c.leadChanged().get());
        // shares of the 1015 total: 910 / 1015 = 89.66%
        assertEquals("89.66%", c.firstShareOfTotal().get().formatRounded(io.tokenmetrics.amount.Language.EN, 2));
        assertEquals(Boolean.FALSE, d.series("openrouter-model-qwen-qwen3-6-plus").require(w16).listed().get());
        assertEquals(1, d.series("openrouter-model-anthropic-claude-sonnet-4-6").require(w16).rank().getAsInt());
        // the partial week W17 is left out
        assertEquals(2, d.series("openrouter-total").observations().size());
    }

    @Test
    void overlappingResponsesKeepTheNewestAsOf() {
        RankingsData old = parse("{\"data\":[{\"date\":\"2026-04-13\",\"model_permaslug\":\"openai/gpt-5\",\"total_tokens\":\"1\"}],"
                + "\"meta\":{\"as_of\":\"2026-04-14T02:00:00Z\"}}");
        RankingsData fresh = parse("{\"data\":[{\"date\":\"2026-04-13\",\"model_permaslug\":\"openai/gpt-5\",\"total_tokens\":\"2\"},"
                + "{\"date\":\"2026-04-14\",\"model_permaslug\":\"openai/gpt-5\",\"total_tokens\":\"5\"}],\"meta\":{\"as_of\":\"2026-04-15T02:00:00Z\"}}");
        for (RankingsData m : new RankingsData[] {old.merge(fresh), fresh.merge(old)}) {
            assertEquals(2, m.rows().size());
            assertEquals(2, m.rows().get(0).totalTokens());
            assertEquals("2026-04-15T02:00:00Z", m.asOf());
        }
    }

    @Test
    void badResponsesNameTheirPath() {
        assertEquals("test.json: $.data[0].total_tokens: \"12x\" is not a whole number of tokens",
                assertThrows(OpenRouterException.class, () -> parse("{\"data\":[{\"date\":\"2026-04-13\",\"model_permaslug\":\"a/b\","
                        + "\"total_tokens\":\"12x\"}],\"meta\":{\"as_of\":\"2026-04-14T02:00:00Z\"}}")).getMessage());
        assertEquals("test.json: $.meta.as_of: missing; every figure must be cited with its as_of time",
                assertThrows(OpenRouterException.class, () -> parse("{\"data\":[]}")).getMessage());
        assertEquals("test.json: $.data[0].date: \"13/04/2026\" is not a date (YYYY-MM-DD)",
                assertThrows(OpenRouterException.class, () -> parse("{\"data\":[{\"date\":\"13/04/2026\",\"model_permaslug\":\"a/b\","
                        + "\"total_tokens\":\"1\"}],\"meta\":{\"as_of\":\"2026-04-14T02:00:00Z\"}}")).getMessage());
        // an as_of that cannot be read cannot be cited
        assertEquals("test.json: $.meta.as_of: \"x\" is not an ISO-8601 time with an offset (2026-04-20T02:00:00Z); every figure must be"
                + " cited with it", assertThrows(OpenRouterException.class, () -> parse("{\"data\":[],\"meta\":{\"as_of\":\"x\"}}")).getMessage());
        assertEquals("test.json: $.meta.as_of: \"\" is not an ISO-8601 time with an offset (2026-04-20T02:00:00Z); every figure must be"
                + " cited with it", assertThrows(OpenRouterException.class, () -> parse("{\"data\":[],\"meta\":{\"as_of\":\"\"}}")).getMessage());
    }

    @Test
    void asOfComparesInstantsNotText() {
        // 2026-04-15T01:00:00-05:00 is 06:00Z: newer than 2026-04-15T02:00:00Z, though smaller as text
        RankingsData a = parse("{\"data\":[{\"date\":\"2026-04-13\",\"model_permaslug\":\"a/b\",\"total_tokens\":\"1\"}],"
                + "\"meta\":{\"as_of\":\"2026-04-15T02:00:00Z\"}}");
        RankingsData b = parse("{\"data\":[{\"date\":\"2026-04-13\",\"model_permaslug\":\"a/b\",\"total_tokens\":\"2\"}],"
                + "\"meta\":{\"as_of\":\"2026-04-15T01:00:00-05:00\"}}");
        assertEquals(2, a.merge(b).rows().get(0).totalTokens());
        assertEquals(2, b.merge(a).rows().get(0).totalTokens());
        assertEquals("2026-04-15T01:00:00-05:00", a.merge(b).asOf());
    }

    @Test
    void aDayIsMergedWholeSoAModelFoldedIntoOtherCountsOnce() {
        // the older response lists c/d with 5; the newer one folds it into other (10 + 5 = 15)
        RankingsData old = parse("{\"data\":[{\"date\":\"2026-04-13\",\"model_permaslug\":\"a/b\",\"total_tokens\":\"100\"},"
                + "{\"date\":\"2026-04-13\",\"model_permaslug\":\"c/d\",\"total_tokens\":\"5\"},"
                + "{\"date\":\"2026-04-13\",\"model_permaslug\":\"other\",\"total_tokens\":\"10\"}],\"meta\":{\"as_of\":\"2026-04-14T02:00:00Z\"}}");
        RankingsData fresh = parse("{\"data\":[{\"date\":\"2026-04-13\",\"model_permaslug\":\"a/b\",\"total_tokens\":\"100\"},"
                + "{\"date\":\"2026-04-13\",\"model_permaslug\":\"other\",\"total_tokens\":\"15\"}],\"meta\":{\"as_of\":\"2026-04-15T02:00:00Z\"}}");
        for (RankingsData m : new RankingsData[] {old.merge(fresh), fresh.merge(old)}) {
            long total = 0;
            for (DailyRow r : m.rows()) {
                total += r.totalTokens();
            }
            // 100 + 15, never 100 + 5 + 15
            assertEquals(115, total);
            assertEquals(2, m.rows().size());
        }
    }

    @Test
    void aDayWithoutItsOtherRowMakesThePartialWeek() {
        StringBuilder b = new StringBuilder("{\"data\":[");
        for (int d = 13; d <= 19; d++) {
            b.append(d == 13 ? "" : ",").append("{\"date\":\"2026-04-").append(d).append("\",\"model_permaslug\":\"a/b\",\"total_tokens\":\"1\"}");
            if (d != 16) {
                b.append(",{\"date\":\"2026-04-").append(d).append("\",\"model_permaslug\":\"other\",\"total_tokens\":\"1\"}");
            }
        }
        WeeklyRankings w = WeeklyRankings.of(parse(b.append("],\"meta\":{\"as_of\":\"2026-04-20T02:00:00Z\"}}").toString()), RegionTable.bundled());
        // seven days of data, but 04-16 has no other row: six whole days, a partial week
        assertEquals(6, w.weeks().get(0).days());
        assertTrue(w.weeks().get(0).isPartial());
    }

    @Test
    void aDayOutsideItsResponsesWindowIsRefused() {
        // found by a hostile corpus: it made a week with tokens and no day counted
        String json = response(LocalDate.of(2026, 4, 13), LocalDate.of(2026, 4, 19), "2026-04-20T02:00:00Z")
                .replaceFirst("\"date\":\"2026-04-13\"", "\"date\":\"2026-03-30\"");
        assertEquals("test.json: $.data[0].date: 2026-03-30 is outside the response's window 2026-04-13..2026-04-19 ($.meta.start_date..end_date)",
                assertThrows(OpenRouterException.class, () -> parse(json)).getMessage());
    }

    @Test
    void theListedAppsSumPastTheLimitNamesTheFile() {
        // found by a hostile corpus: listedTokens() threw "long overflow" naming nothing
        String json = "{\"data\":[{\"rank\":1,\"app_id\":1,\"app_name\":\"A\",\"total_tokens\":9000000000000000000,\"total_requests\":1},"
                + "{\"rank\":2,\"app_id\":2,\"app_name\":\"B\",\"total_tokens\":9000000000000000000,\"total_requests\":1}],"
                + "\"meta\":{\"as_of\":\"2026-04-20T02:00:00Z\",\"start_date\":\"2026-04-13\",\"end_date\":\"2026-04-19\"}}";
        assertEquals("apps.json: $.data: the listed apps' tokens together pass 9223372036854775807: refused rather than wrapped",
                assertThrows(OpenRouterException.class, () -> AppRankings.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                        "apps.json")).getMessage());
    }

    @Test
    void overflowNamesTheWeekAndOperands() {
        RankingsData d = parse("{\"data\":[{\"date\":\"2026-04-13\",\"model_permaslug\":\"a/b\",\"total_tokens\":\"9000000000000000000\"},"
                + "{\"date\":\"2026-04-14\",\"model_permaslug\":\"a/b\",\"total_tokens\":\"9000000000000000000\"}],\"meta\":{\"as_of\":\"2026-04-20T02:00:00Z\"}}");
        assertEquals("the tokens of 2026-W16 pass 9223372036854775807 (9000000000000000000 + 9000000000000000000): refused rather than wrapped",
                assertThrows(OpenRouterException.class, () -> WeeklyRankings.of(d, RegionTable.bundled())).getMessage());
    }

    @Test
    void permaslugsThatMakeOneIdGetDistinctIds() {
        StringBuilder b = new StringBuilder("{\"data\":[");
        for (int d = 13; d <= 19; d++) {
            b.append(d == 13 ? "" : ",").append("{\"date\":\"2026-04-").append(d).append("\",\"model_permaslug\":\"openai/gpt-5\",\"total_tokens\":\"2\"},")
                    .append("{\"date\":\"2026-04-").append(d).append("\",\"model_permaslug\":\"openai/gpt.5\",\"total_tokens\":\"1\"},")
                    .append("{\"date\":\"2026-04-").append(d).append("\",\"model_permaslug\":\"other\",\"total_tokens\":\"1\"}");
        }
        io.tokenmetrics.data.Dataset ds = WeeklyRankings.of(parse(b.append("],\"meta\":{\"as_of\":\"2026-04-20T02:00:00Z\"}}").toString()),
                RegionTable.bundled()).toDataset();
        // "openai/gpt-5" and "openai/gpt.5" both make openrouter-model-openai-gpt-5: in name order, - before .
        assertEquals("OpenRouter, openai/gpt-5", ds.series("openrouter-model-openai-gpt-5").subject());
        assertEquals("OpenRouter, openai/gpt.5", ds.series("openrouter-model-openai-gpt-5-2").subject());
    }

    @Test
    void regionOverrides() throws IOException {
        Path f = dir.resolve("regions.properties");
        Files.write(f, "newco=EU\nopenai=XX\n".getBytes(StandardCharsets.UTF_8));
        RegionTable t = RegionTable.bundled().withOverrides(f);
        assertEquals("EU", t.region("newco").get());
        assertEquals("XX", t.region("OpenAI").get());
        assertEquals("CN", t.region("qwen").get());
        Path bad = dir.resolve("bad.properties");
        Files.write(bad, "newco=eu\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(bad + ": newco: region \"eu\" must be an upper-case code such as CN, US, EU",
                assertThrows(OpenRouterException.class, () -> RegionTable.bundled().withOverrides(bad)).getMessage());
    }

    @Test
    void fetchesOverLoopbackSplittingWindowsAndRetrying429() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        List<String> queries = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger calls = new AtomicInteger();
        server.createContext("/api/v1/datasets/rankings-daily", ex -> {
            int n = calls.incrementAndGet();
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            byte[] body;
            int code;
            if (!"Bearer test-key".equals(auth)) {
                code = 401;
                body = "{}".getBytes(StandardCharsets.UTF_8);
            } else if (n == 1) {
                code = 429;
                ex.getResponseHeaders().add("Retry-After", "0");
                body = "{}".getBytes(StandardCharsets.UTF_8);
            } else {
                String q = ex.getRequestURI().getQuery();
                queries.add(q);
                LocalDate s = LocalDate.parse(q.replaceAll(".*start_date=([0-9-]+).*", "$1"));
                LocalDate e = LocalDate.parse(q.replaceAll(".*end_date=([0-9-]+).*", "$1"));
                code = 200;
                body = response(s, e, "2026-04-20T02:00:00Z").getBytes(StandardCharsets.UTF_8);
            }
            ex.sendResponseHeaders(code, body.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(body);
            }
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            RankingsData d = OpenRouterClient.create(base, "test-key", 7, 0).fetch(LocalDate.of(2026, 4, 6), LocalDate.of(2026, 4, 19));
            // 14 days in windows of 7: two requests after the one that got 429
            assertEquals(3, calls.get());
            assertEquals("start_date=2026-04-06&end_date=2026-04-12", queries.get(0));
            assertEquals("start_date=2026-04-13&end_date=2026-04-19", queries.get(1));
            // W15: 5 rows a day, W16: 4 rows a day
            assertEquals(7 * 5 + 7 * 4, d.rows().size());
            OpenRouterException e = assertThrows(OpenRouterException.class,
                    () -> OpenRouterClient.create(base, "wrong", 7, 0).fetch(LocalDate.of(2026, 4, 6), LocalDate.of(2026, 4, 6)));
            assertEquals(base + "/api/v1/datasets/rankings-daily?start_date=2026-04-06&end_date=2026-04-06: OpenRouter refused the API key (HTTP 401)",
                    e.getMessage());
        } finally {
            server.stop(0);
        }
        assertEquals("API key is missing: set OPENROUTER_API_KEY",
                assertThrows(IllegalArgumentException.class, () -> OpenRouterClient.create("http://127.0.0.1:1", " ", 7, 0)).getMessage());
        // 2020-01-01..2026-01-01 is 366 + 5 × 365 + 1 = 2193 days: 2193 one-day requests, over the daily limit
        assertEquals("the window 2020-01-01..2026-01-01 needs 2193 requests; the API allows 500 a day",
                assertThrows(IllegalArgumentException.class, () -> OpenRouterClient.create("http://127.0.0.1:1", "k", 1, 0)
                        .fetch(LocalDate.of(2020, 1, 1), LocalDate.of(2026, 1, 1))).getMessage());
    }

    @Test
    void weeklyFiguresAreExactInTheLibrary() {
        WeeklyRankings w = WeeklyRankings.of(parse(response(LocalDate.of(2026, 4, 6), LocalDate.of(2026, 4, 19), "2026-04-20T02:00:00Z")),
                RegionTable.bundled());
        WeeklyRankings.Week w15 = w.weeks().get(0);
        WeeklyRankings.Week w16 = w.weeks().get(1);
        java.math.MathContext mc = java.math.MathContext.DECIMAL64;
        // W15 CN share: 560 / 1575 × 100 = 35.5555…%, compared to 16 digits with a BigDecimal reference
        assertEquals(new java.math.BigDecimal(560 * 100).divide(new java.math.BigDecimal(1575), mc),
                WeeklyRankings.share(w15, "CN").get().value().round(mc));
        // total week on week: (1015 - 1575) / 1575 × 100 = -35.5555…%
        assertEquals(new java.math.BigDecimal((1015 - 1575) * 100).divide(new java.math.BigDecimal(1575), mc),
                w.totalChange(w16).get().value().round(mc));
        // CN from 560 to 0: -100%; no change into the first week
        assertEquals(0, w.regionChange(w16, "CN").get().value().compareTo(java.math.BigDecimal.valueOf(-100)));
        assertTrue(!w.totalChange(w15).isPresent());
        assertEquals(w15, w.previous(w16).get());
        assertEquals(Leader.series("US"), WeeklyRankings.leader(w16, "CN", "US"));
        // sonnet 700 both weeks: 0%; gpt-5 rank 3 → 2: up 1; qwen not ranked in W16: no change
        assertEquals(0, w.modelChange(w16, "anthropic/claude-sonnet-4.6").get().value().signum());
        assertEquals(Integer.valueOf(1), w16.entries().get(1).movement().get());
        assertTrue(!w.modelChange(w16, "qwen/qwen3.6-plus").isPresent());
    }

    /** The same figures as {@link #response} summed by ISO week, as a period=week response: each week's row dated by its Monday. */
    public static String weeklyResponse(LocalDate from, LocalDate to, String asOf) {
        StringBuilder b = new StringBuilder("{\"data\":[");
        boolean first = true;
        for (LocalDate monday = from.minusDays(from.getDayOfWeek().getValue() - 1); !monday.isAfter(to); monday = monday.plusDays(7)) {
            java.util.Map<String, Long> sums = new java.util.LinkedHashMap<>();
            for (LocalDate d = monday; d.isBefore(monday.plusDays(7)); d = d.plusDays(1)) {
                if (d.isBefore(from) || d.isAfter(to)) {
                    continue;
                }
                boolean w15 = d.isBefore(LocalDate.of(2026, 4, 13));
                sums.merge("anthropic/claude-sonnet-4.6", 100L, Long::sum);
                if (w15) {
                    sums.merge("qwen/qwen3.6-plus", 80L, Long::sum);
                }
                sums.merge("openai/gpt-5", 30L, Long::sum);
                sums.merge("newco/model-x", 5L, Long::sum);
                sums.merge("other", 10L, Long::sum);
            }
            for (java.util.Map.Entry<String, Long> e : sums.entrySet()) {
                b.append(first ? "" : ",").append("{\"date\":\"").append(monday).append("\",\"model_permaslug\":\"").append(e.getKey())
                        .append("\",\"total_tokens\":\"").append(e.getValue()).append("\"}");
                first = false;
            }
        }
        return b.append("],\"meta\":{\"as_of\":\"").append(asOf).append("\",\"start_date\":\"").append(from).append("\",\"end_date\":\"")
                .append(to).append("\",\"version\":\"v1\"}}").toString();
    }

    private static RankingsData weeks(String json) {
        return RankingsData.parseWeeks(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "weeks.json");
    }

    @Test
    void weeksBucketsGiveTheSameWeeksAsDays() {
        WeeklyRankings fromDays = WeeklyRankings.of(parse(response(LocalDate.of(2026, 4, 6), LocalDate.of(2026, 4, 21), "2026-04-22T02:00:00Z")),
                RegionTable.bundled());
        RankingsData buckets = weeks(weeklyResponse(LocalDate.of(2026, 4, 6), LocalDate.of(2026, 4, 21), "2026-04-22T02:00:00Z"));
        assertTrue(buckets.isWeekly());
        // 3 weeks × 5 or 4 models: 5 + 4 + 4 rows instead of 7 × 5 + 7 × 4 + 2 × 4
        assertEquals(13, buckets.rows().size());
        WeeklyRankings fromWeeks = WeeklyRankings.of(buckets, RegionTable.bundled());
        assertEquals(3, fromWeeks.weeks().size());
        for (int i = 0; i < 3; i++) {
            WeeklyRankings.Week a = fromDays.weeks().get(i);
            WeeklyRankings.Week b = fromWeeks.weeks().get(i);
            assertEquals(a.total(), b.total());
            assertEquals(a.regions(), b.regions());
            assertEquals(a.days(), b.days());
            assertEquals(a.isPartial(), b.isPartial());
        }
        // W17's bucket covers the two days of the window, 2026-04-20 and 21: partial, as with days
        assertEquals(2, fromWeeks.weeks().get(2).days());
        assertEquals(1575, fromWeeks.weeks().get(0).total());
        assertEquals(fromDays.totalChange(fromDays.weeks().get(1)), fromWeeks.totalChange(fromWeeks.weeks().get(1)));
    }

    @Test
    void weeksBucketsAreCheckedAndKeptApartFromDays() {
        String ok = weeklyResponse(LocalDate.of(2026, 4, 6), LocalDate.of(2026, 4, 12), "2026-04-13T02:00:00Z");
        assertEquals("weeks.json: $.data[0].date: 2026-04-07 is a tuesday; a period=week row is dated by the Monday that starts its ISO week",
                assertThrows(MalformedResponseException.class, () -> weeks(ok.replaceFirst("2026-04-06", "2026-04-07"))).getMessage());
        assertEquals("weeks.json: $.meta.start_date: missing; a period=week response needs it to know which days a week's bucket covers",
                assertThrows(MalformedResponseException.class, () -> weeks(ok.replace("\"start_date\":\"2026-04-06\",", ""))).getMessage());
        assertEquals("cannot merge days (period=day) with weeks (period=week): read each kind on its own",
                assertThrows(IllegalArgumentException.class, () -> weeks(ok).merge(parse(response(LocalDate.of(2026, 4, 13),
                        LocalDate.of(2026, 4, 13), "2026-04-14T02:00:00Z")))).getMessage());
        assertEquals("from (2026-04-07) must be a Monday: period=week buckets whole ISO weeks", assertThrows(IllegalArgumentException.class,
                () -> OpenRouterClient.create("http://127.0.0.1:1", "k", 7, 0).fetchWeeks(LocalDate.of(2026, 4, 7), LocalDate.of(2026, 4, 12)))
                .getMessage());
    }

    @Test
    void fetchingWeeksTakesFewerRequests() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        List<String> queries = Collections.synchronizedList(new ArrayList<>());
        server.createContext("/api/v1/datasets/rankings-daily", ex -> {
            String q = ex.getRequestURI().getQuery();
            queries.add(q);
            LocalDate s = LocalDate.parse(q.replaceAll(".*start_date=([0-9-]+).*", "$1"));
            LocalDate e = LocalDate.parse(q.replaceAll(".*end_date=([0-9-]+).*", "$1"));
            byte[] body = (q.contains("period=week") ? weeklyResponse(s, e, "2026-04-20T02:00:00Z") : response(s, e, "2026-04-20T02:00:00Z"))
                    .getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(body);
            }
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            // 2 weeks at 364 days a request: one request; the same window by day at 7 days a request: two
            RankingsData w = OpenRouterClient.create(base, "k", 364, 0).fetchWeeks(LocalDate.of(2026, 4, 6), LocalDate.of(2026, 4, 19));
            assertEquals(Collections.singletonList("start_date=2026-04-06&end_date=2026-04-19&period=week"), queries);
            RankingsData d = OpenRouterClient.create(base, "k", 7, 0).fetch(LocalDate.of(2026, 4, 6), LocalDate.of(2026, 4, 19));
            assertEquals(3, queries.size());
            WeeklyRankings a = WeeklyRankings.of(w, RegionTable.bundled());
            WeeklyRankings b = WeeklyRankings.of(d, RegionTable.bundled());
            assertEquals(b.weeks().get(1).total(), a.weeks().get(1).total());
            assertEquals(b.weeks().get(1).entries().get(0).permaslug(), a.weeks().get(1).entries().get(0).permaslug());
        } finally {
            server.stop(0);
        }
    }
}
