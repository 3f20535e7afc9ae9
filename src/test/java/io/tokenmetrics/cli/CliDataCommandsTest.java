package io.tokenmetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenmetrics.openrouter.OpenRouterTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The usage and openrouter commands, run through the real entry point. */
class CliDataCommandsTest {
    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, content.getBytes(StandardCharsets.UTF_8));
        return f;
    }

    @Test
    void usageCsvHasExactlyTheDocumentedColumns() throws IOException {
        Path log = file("u.csv", "timestamp,model,region,input_tokens,output_tokens\n"
                + "2026-04-06T10:00:00Z,gpt-4o,us,100,10\n2026-04-13T10:00:00Z,gpt-4o,us,150,15\n2026-04-13T11:00:00Z,qwen,cn,50,5\n");
        CliRun r = CliRun.of("usage", log.toString(), "--by", "model,region", "--period", "week", "--format", "csv");
        assertEquals(0, r.code, r::toString);
        // W15: gpt-4o 100 + 10 = 110; W16: gpt-4o 165, qwen 55; sorted by period then dimensions
        assertEquals("period_start,period_end,model,region,requests,input_tokens,output_tokens,total_tokens,cache_read_tokens,"
                + "cache_write_tokens,reasoning_tokens\n"
                + "2026-04-06,2026-04-12,gpt-4o,us,1,100,10,110,0,0,0\n"
                + "2026-04-13,2026-04-19,gpt-4o,us,1,150,15,165,0,0,0\n"
                + "2026-04-13,2026-04-19,qwen,cn,1,50,5,55,0,0,0\n", r.out);
        assertEquals("", r.err);
    }

    @Test
    void showGivesNotesRoundingSourcesAndTheFile() throws IOException {
        Path csv = file("r.csv", "series,period,value,stated_change,rounded,source,note\n"
                + "sonnet,2026-W15,1.38T,,true,OpenRouter rankings page,read off the chart\n"
                + "sonnet,2026-W16,1.64T,+19%,true,OpenRouter rankings page,\n");
        CliRun r = CliRun.of("show", "sonnet", "--data", csv.toString(), "--format", "csv");
        assertEquals(0, r.code, r::toString);
        // the value as written; the rounded column holds what it stands for: 1.38T ± 0.005T
        assertTrue(r.out.contains("sonnet,2026-W15,1380000000000,reported,,,,,\"OpenRouter rankings page, 2026-W15\",,read off the chart,"
                + "1375000000000..1385000000000," + csv + "\n"), r.out);
        CliRun text = CliRun.of("show", "sonnet", "--data", csv.toString());
        assertTrue(text.out.contains("source openrouter-rankings-page: OpenRouter rankings page, \"OpenRouter rankings page\", 2026-W15"), text.out);
        // the rounded figures decide the stated change: 18.05%..19.64% against 18.5%..19.5%
        CliRun ch = CliRun.of("changes", "sonnet", "--data", csv.toString(), "--format", "csv");
        assertTrue(ch.out.contains(",18.5..19.5,consistent"), ch.out);
        // a bundled series says where it is from too
        assertTrue(CliRun.of("show", "volcano-engine-daily", "--format", "csv").out.contains(",(bundled)\n"));
    }

    @Test
    void offListFoldsAliasesFirst() throws IOException {
        Path json = file("al.json", "{\"format\": \"token-metrics-dataset/1\", \"series\": ["
                + "{\"id\": \"x\", \"subject\": \"X\", \"region\": \"US\", \"measure\": \"tokens/week\", \"aliases\": [\"x-preview\"],"
                + " \"observations\": [{\"period\": \"2026-W15\", \"value\": \"1.1T\"}, {\"period\": \"2026-W16\", \"value\": \"1.2T\"}]},"
                + "{\"id\": \"x-preview\", \"subject\": \"X preview\", \"region\": \"US\", \"measure\": \"tokens/week\","
                + " \"observations\": [{\"period\": \"2026-W13\", \"value\": \"1T\"}, {\"period\": \"2026-W14\", \"value\": \"1T\"}]},"
                + "{\"id\": \"y\", \"subject\": \"Y\", \"region\": \"CN\", \"measure\": \"tokens/week\","
                + " \"observations\": [{\"period\": \"2026-W13\", \"value\": \"2T\"}, {\"period\": \"2026-W14\", \"value\": \"2T\"}]}]}");
        CliRun r = CliRun.of("off-list", "x", "x-preview", "y", "--data", json.toString(), "--format", "csv");
        assertEquals(0, r.code, r::toString);
        // y was on in W13 and W14, and x (its preview slug folded in) every week W13..W16: y is off W15, W16
        assertEquals("series,at,periods_off,last_on\ny,2026-W16,2,2026-W14\n", r.out);
        CliRun show = CliRun.of("show", "x-preview", "--data", json.toString());
        assertTrue(show.out.contains("x also stands for x-preview"), show.out);
    }

    @Test
    void theCommandShowsSharesOfTheListedApps() throws Exception {
        CliRun r = CliRun.of("openrouter", "--apps", java.nio.file.Paths.get(CliDataCommandsTest.class.getResource("/io/tokenmetrics/openrouter/app-rankings.json").toURI()).toString(), "--format", "csv");
        assertEquals(0, r.code, r::toString);
        // shares of 24,000,000: 12,345,678 → 51.44%; 9,876,543 → 41.15%; 1,777,779 → 7.41%
        String src = "\"Source: OpenRouter (openrouter.ai/apps), as of 2026-05-12T02:00:00Z.\"";
        assertEquals("start,end,rank,app,app_id,tokens,requests,share_of_listed_percent,source\n"
                + "2026-04-12,2026-05-11,1,Cline,12345,12345678,4321,51.44," + src + "\n"
                + "2026-04-12,2026-05-11,2,Roo Code,67890,9876543,2109,41.15," + src + "\n"
                + "2026-04-12,2026-05-11,3,Kilo Code,555,1777779,10,7.41," + src + "\n", r.out);
        CliRun text = CliRun.of("openrouter", "--apps", java.nio.file.Paths.get(CliDataCommandsTest.class.getResource("/io/tokenmetrics/openrouter/app-rankings.json").toURI()).toString());
        assertTrue(text.out.contains("share_of_listed_percent is an app's share of the tokens of the apps in the response"), text.out);
        CliRun bad = CliRun.of("openrouter", "--apps", "--fetch", "--from", "2026-04-12", "--to", "2026-05-11", "--top", "101");
        assertEquals(2, bad.code);
        assertEquals("token-metrics: --top (101) must be <= 100 with --apps --fetch: the API returns at most 100 apps\n", bad.err);
    }
    @Test
    void pricesSayWhichEntryEachModelUses() throws Exception {
        String lite = java.nio.file.Paths.get(CliDataCommandsTest.class.getResource("/io/tokenmetrics/cost/litellm-prices.json").toURI()).toString();
        String or = java.nio.file.Paths.get(CliDataCommandsTest.class.getResource("/io/tokenmetrics/cost/openrouter-models.json").toURI()).toString();
        CliRun r = CliRun.of("prices", "claude-sonnet-4-5", "openai/gpt-5-2025-08-07", "kimi:free", "mine", "--prices", lite, "--prices", or,
                "--price-map", "mine=gpt-5", "--format", "csv");
        assertEquals(0, r.code, r::toString);
        // $0.000003 a token is $3 a million; OpenRouter's entry is found by the normalized name before LiteLLM's dated one
        assertEquals("model,entry,rule,input_per_m,output_per_m,cache_read_per_m,cache_write_per_m,source\n"
                + "claude-sonnet-4-5,anthropic/claude-sonnet-4.5,normalized,3,15,0.3,3.75," + or + "\n"
                + "openai/gpt-5-2025-08-07,gpt-5-2025-08-07,provider,1.25,10,,," + lite + "\n"
                + "kimi:free,,none,,,,,\n"
                + "mine,gpt-5,mapped,1.25,10,0.125,," + lite + "\n", r.out);
        // openai/gpt-5-2025-08-07 fits the plain entry and azure's: the first party's (litellm_provider openai) is taken
        assertEquals("token-metrics: kimi:free: no price\n", r.err);
    }

    @Test
    void usageWithPricesAddsCostSummedOverModels() throws Exception {
        String lite = java.nio.file.Paths.get(CliDataCommandsTest.class.getResource("/io/tokenmetrics/cost/litellm-prices.json").toURI()).toString();
        Path log = file("u.csv", "timestamp,model,user,input_tokens,output_tokens,cache_read_tokens,cache_write_tokens\n"
                + "2026-04-13T10:00:00Z,claude-sonnet-4-5,ann,10000,2000,6000,1000\n"
                + "2026-04-13T11:00:00Z,gpt-5,ann,1000,500,0,0\n"
                + "2026-04-14T11:00:00Z,gpt-5,bob,2000,100,0,0\n"
                + "2026-04-14T12:00:00Z,mystery-model,bob,50,5,0,0\n");
        CliRun r = CliRun.of("usage", log.toString(), "--by", "user", "--period", "week", "--prices", lite, "--format", "csv");
        assertEquals(0, r.code, r::toString);
        // ann: Sonnet 0.04455 (PriceTableTest) + gpt-5 1,000 × 0.00000125 + 500 × 0.00001 = 0.00625: 0.0508, exact since
        // 11,000 input cannot hold a request above 200,000. bob: mystery-model has no price, so bob has no cost (not $0)
        assertEquals("period_start,period_end,user,requests,input_tokens,output_tokens,total_tokens,cache_read_tokens,cache_write_tokens,"
                + "reasoning_tokens,cost_usd\n"
                + "2026-04-13,2026-04-19,ann,2,11000,2500,13500,6000,1000,0,0.0508\n"
                + "2026-04-13,2026-04-19,bob,2,2050,105,2155,0,0,0,\n", r.out);
        assertEquals("token-metrics: mystery-model: no price; its groups have no cost_usd\n"
                + "token-metrics: priced claude-sonnet-4-5 -> claude-sonnet-4-5-20250929 (undated, " + lite + ")\n"
                + "token-metrics: priced gpt-5 -> gpt-5 (exact, " + lite + ")\n", r.err);
        // mapped, bob's unknown model is priced as gpt-5: 2,000 × 0.00000125 + 100 × 0.00001 + 50 × 0.00000125 + 5 × 0.00001
        // = 0.0025 + 0.001 + 0.0000625 + 0.00005 = 0.0036125
        CliRun m = CliRun.of("usage", log.toString(), "--by", "user", "--prices", lite, "--price-map", "mystery-model=gpt-5", "--format", "csv");
        assertTrue(m.out.endsWith("2026-04-13,2026-04-19,bob,2,2050,105,2155,0,0,0,0.0036125\n"), m.out);
    }

    @Test
    void usageCostIsExactPerRequestAndSitsBesideTheLoggedCost() throws Exception {
        String lite = java.nio.file.Paths.get(CliDataCommandsTest.class.getResource("/io/tokenmetrics/cost/litellm-prices.json").toURI()).toString();
        Path log = file("spend.csv", "request_id,spend,prompt_tokens,completion_tokens,startTime,model,user\n"
                + "r1,0.00625,1000,500,2026-04-13 10:00:00,gpt-5,alice\n"
                + "r2,1.5,250000,1000,2026-04-13 10:00:00,claude-sonnet-4-5,bob\n"
                + "r3,0.315,100000,1000,2026-04-13 11:00:00,claude-sonnet-4-5,bob\n"
                + "r4,,10,1,2026-04-13 12:00:00,gpt-5,carol\n");
        CliRun r = CliRun.of("usage", log.toString(), "--by", "user", "--prices", lite, "--format", "csv");
        assertEquals(0, r.code, r::toString);
        // alice: 1,000 × 0.00000125 + 500 × 0.00001 = 0.00625, as logged: difference 0.
        // bob: r2 is one request above 200,000 input, at tier prices: 250,000 × 0.000006 + 1,000 × 0.0000225 = 1.5225;
        // r3 at base prices: 100,000 × 0.000003 + 1,000 × 0.000015 = 0.315; 1.8375 in all, exact although the group's
        // 350,000 input is above 200,000. Logged 1.5 + 0.315 = 1.815: the log says 0.0225 less.
        // carol: 10 × 0.00000125 + 1 × 0.00001 = 0.0000225; her row has no spend, so no logged cost and no difference.
        assertEquals("period_start,period_end,user,requests,input_tokens,output_tokens,total_tokens,cache_read_tokens,cache_write_tokens,"
                + "reasoning_tokens,cost_usd,logged_cost_usd,cost_difference_usd\n"
                + "2026-04-13,2026-04-19,alice,1,1000,500,1500,0,0,0,0.00625,0.00625,0\n"
                + "2026-04-13,2026-04-19,bob,2,350000,2000,352000,0,0,0,1.8375,1.815,-0.0225\n"
                + "2026-04-13,2026-04-19,carol,1,10,1,11,0,0,0,0.0000225,,\n", r.out);
        assertEquals("token-metrics: priced claude-sonnet-4-5 -> claude-sonnet-4-5-20250929 (undated, " + lite + ")\n"
                + "token-metrics: priced gpt-5 -> gpt-5 (exact, " + lite + ")\n"
                + "token-metrics: 1 row has no logged cost; their groups have no logged_cost_usd\n", r.err);
        // in Chinese the columns are labelled for people, the figures unchanged
        CliRun zh = CliRun.of("usage", log.toString(), "--by", "user", "--prices", lite, "--lang", "zh");
        assertTrue(zh.out.contains("费用(美元)  日志记录费用(美元)  费用差额(美元)"), zh.out);
        assertTrue(zh.out.contains("1.8375      1.815               -0.0225"), zh.out);
        // a row of 2 requests with 300,000 input together: either may have been above 200,000, so the cost is the range
        // from base prices (300,000 × 0.000003 + 2,000 × 0.000015 = 0.93) to tier prices (300,000 × 0.000006
        // + 2,000 × 0.0000225 = 1.845); a log without a cost field has no logged columns
        Path bucket = file("bucket.csv", "timestamp,model,requests,input_tokens,output_tokens\n2026-04-13T10:00:00Z,claude-sonnet-4-5,2,300000,2000\n");
        CliRun b = CliRun.of("usage", bucket.toString(), "--prices", lite, "--format", "csv");
        assertEquals("period_start,period_end,requests,input_tokens,output_tokens,total_tokens,cache_read_tokens,cache_write_tokens,"
                + "reasoning_tokens,cost_usd\n2026-04-13,2026-04-19,2,300000,2000,302000,0,0,0,0.93..1.845\n", b.out);
    }

    @Test
    void pricesCanBeFetchedAndFilesWinOverThem() throws Exception {
        byte[] body = java.nio.file.Files.readAllBytes(java.nio.file.Paths.get(
                CliDataCommandsTest.class.getResource("/io/tokenmetrics/cost/openrouter-models.json").toURI()));
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/models", ex -> {
            ex.sendResponseHeaders(200, body.length);
            try (java.io.OutputStream o = ex.getResponseBody()) {
                o.write(body);
            }
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1/models";
            CliRun r = CliRun.of("prices", "anthropic/claude-sonnet-4.5", "--fetch-prices", url, "--format", "csv");
            assertEquals(0, r.code, r::toString);
            assertEquals("model,entry,rule,input_per_m,output_per_m,cache_read_per_m,cache_write_per_m,source\n"
                    + "anthropic/claude-sonnet-4.5,anthropic/claude-sonnet-4.5,exact,3,15,0.3,3.75," + url + "\n", r.out);
            // a file of one's own wins over the fetched table: $2 a million instead of $3
            Path mine = file("mine.json", "{\"anthropic/claude-sonnet-4.5\": {\"input_cost_per_token\": \"0.000002\", \"output_cost_per_token\": 1e-05}}");
            CliRun both = CliRun.of("prices", "anthropic/claude-sonnet-4.5", "--fetch-prices", url, "--prices", mine.toString(), "--format", "csv");
            assertTrue(both.out.contains("anthropic/claude-sonnet-4.5,anthropic/claude-sonnet-4.5,exact,2,10,,," + mine + "\n"), both.out);
            CliRun missing = CliRun.of("prices", "x", "--fetch-prices", url.replace("/api/v1/models", "/nothing"));
            assertEquals(1, missing.code);
            assertEquals("token-metrics: cannot fetch prices from " + url.replace("/api/v1/models", "/nothing") + ": " + url.replace("/api/v1/models", "/nothing")
                    + ": HTTP 404 (offline? save the table and give it with --prices FILE)\n", missing.err);
        } finally {
            server.stop(0);
        }
        CliRun bad = CliRun.of("prices", "x", "--fetch-prices", "ftp://example");
        assertEquals(2, bad.code);
        assertEquals("token-metrics: --fetch-prices (ftp://example) must be litellm, openrouter or an http(s) URL\n", bad.err);
    }

    @Test
    void costSeriesSaveLikeTokenSeries() throws Exception {
        String lite = java.nio.file.Paths.get(CliDataCommandsTest.class.getResource("/io/tokenmetrics/cost/litellm-prices.json").toURI()).toString();
        Path log = file("w.csv", "timestamp,model,user,input_tokens,output_tokens\n"
                + "2026-04-06T10:00:00Z,gpt-5,ann,1000000,100000\n"
                + "2026-04-07T10:00:00Z,gpt-5,bob,2000000,0\n"
                + "2026-04-13T10:00:00Z,gpt-5,ann,2000000,200000\n"
                + "2026-04-14T10:00:00Z,mystery,bob,10,0\n");
        Path saved = dir.resolve("cost.json");
        assertEquals(0, CliRun.of("usage", log.toString(), "--by", "user", "--prices", lite, "--save", saved.toString()).code);
        // ann W15: 1M × 0.00000125 + 100K × 0.00001 = 1.25 + 1 = $2.25; W16 twice that, $4.5: +100%
        CliRun ch = CliRun.of("changes", "usage-cost-ann", "--data", saved.toString(), "--format", "csv");
        assertEquals(0, ch.code, ch::toString);
        assertTrue(ch.out.contains("changes,usage-cost-ann,2026-W15,2026-W16,2.25,4.5,2.25,100,true,rise,"), ch.out);
        // bob W16 holds an unpriced model: no observation, and the note says so; all rows: W15 2.25 + 2.5 = 4.75, W16 unknown
        CliRun bob = CliRun.of("show", "usage-cost-bob", "--data", saved.toString());
        assertTrue(bob.out.contains("usage-cost-bob: Cost: user=bob (GLOBAL, usd/week). computed from a usage log and price tables;"
                + " no cost for 2026-W16 (a model without a price)"), bob.out);
        CliRun all = CliRun.of("show", "usage-cost-all", "--data", saved.toString(), "--format", "csv");
        assertTrue(all.out.contains("usage-cost-all,2026-W15,4.75,reported,"), all.out);
        assertFalse(all.out.contains("2026-W16"), all.out);
    }

    @Test
    void eachUsersMonthUnderASeatAndUnderUsageBilling() throws Exception {
        String lite = java.nio.file.Paths.get(CliDataCommandsTest.class.getResource("/io/tokenmetrics/cost/litellm-prices.json").toURI()).toString();
        Path log = file("m.csv", "timestamp,model,user,input_tokens,output_tokens\n"
                + "2026-04-03T10:00:00Z,gpt-5,ann,10000000,2000000\n"
                + "2026-04-13T11:00:00Z,gpt-5,ann,50000000,20000000\n"
                + "2026-04-14T11:00:00Z,gpt-5,bob,1000000,100000\n");
        CliRun r = CliRun.of("usage", log.toString(), "--by", "user", "--period", "month", "--prices", lite, "--seat", "200", "--fee", "20",
                "--format", "csv");
        assertEquals(0, r.code, r::toString);
        // ann: 60M × 0.00000125 = 75 plus 22M × 0.00001 = 220: $295 of usage, $315 with the fee, 315 / 200 = 1.575: the seat is cheaper
        // bob: 1.25 + 1 = $2.25, $22.25 with the fee, 0.11125 of the seat: usage billing is cheaper
        assertEquals("period_start,period_end,user,requests,input_tokens,output_tokens,total_tokens,cache_read_tokens,cache_write_tokens,"
                + "reasoning_tokens,cost_usd,usage_plan_usd,seat_usd,cheaper,usage_plan_multiple\n"
                + "2026-04-01,2026-04-30,ann,2,60000000,22000000,82000000,0,0,0,295,315,200,seat,1.58\n"
                + "2026-04-01,2026-04-30,bob,1,1000000,100000,1100000,0,0,0,2.25,22.25,200,usage,0.11\n", r.out);
        CliRun week = CliRun.of("usage", log.toString(), "--by", "user", "--prices", lite, "--seat", "200", "--fee", "20");
        assertEquals(2, week.code);
        assertEquals("token-metrics: --seat needs --prices and --period month: plans are priced by the month\n", week.err);
        CliRun alone = CliRun.of("usage", log.toString(), "--by", "user", "--period", "month", "--prices", lite, "--seat", "200");
        assertEquals("token-metrics: --seat and --fee go together: a seat price against a fee plus usage\n", alone.err);
    }

    @Test
    void usageSaveFeedsTheSeriesCommands() throws IOException {
        Path log = file("u.csv", "timestamp,model,input_tokens,output_tokens\n"
                + "2026-04-06T10:00:00Z,m,100,0\n2026-04-13T10:00:00Z,m,150,0\n2026-04-20T10:00:00Z,m,120,0\n");
        Path saved = dir.resolve("saved.json");
        CliRun r = CliRun.of("usage", log.toString(), "--by", "model", "--save", saved.toString());
        assertEquals(0, r.code, r::toString);
        assertTrue(r.out.contains("3 rows in 3 groups"), r.out);
        CliRun ch = CliRun.of("changes", "usage-m", "--data", saved.toString(), "--format", "csv");
        assertEquals(0, ch.code, ch::toString);
        // 100 → 150: +50%; 150 → 120: -20%
        assertTrue(ch.out.contains("changes,usage-m,2026-W15,2026-W16,100,150,50,50,true,rise,,,,,\n"), ch.out);
        assertTrue(ch.out.contains("changes,usage-m,2026-W16,2026-W17,150,120,-30,-20,true,fall,,,,,\n"), ch.out);
        CliRun g = CliRun.of("growth", "usage-all", "--data", saved.toString(), "--format", "csv");
        assertTrue(g.out.contains(",100,120,20,20,1.2,"), g.out);
    }

    @Test
    void usageCountsAnthropicCacheTokensAsInput() throws IOException {
        // the example: input_tokens 10 excludes cache writes 2000 and reads 50000:
        // input 52010, output 300, total 52310 (not 310)
        Path log = file("a.jsonl", "{\"timestamp\":\"2026-04-13T10:00:00Z\",\"type\":\"message\",\"model\":\"claude-sonnet-4-5\","
                + "\"usage\":{\"input_tokens\":10,\"cache_creation_input_tokens\":2000,\"cache_read_input_tokens\":50000,\"output_tokens\":300}}\n");
        CliRun r = CliRun.of("usage", log.toString(), "--by", "model", "--format", "csv");
        assertEquals(0, r.code, r::toString);
        // an Anthropic source tells one-hour writes apart: their column follows cache_write_tokens (none here: 0)
        assertEquals("period_start,period_end,model,requests,input_tokens,output_tokens,total_tokens,cache_read_tokens,cache_write_tokens,"
                + "cache_write_1h_tokens,reasoning_tokens\n2026-04-13,2026-04-19,claude-sonnet-4-5,1,52010,300,52310,50000,2000,0,0\n", r.out);
        // from standard input, named with --source
        java.io.InputStream saved = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream(Files.readAllBytes(log)));
            CliRun in = CliRun.of("usage", "-", "--source", "anthropic", "--format", "csv");
            assertEquals(0, in.code, in::toString);
            assertTrue(in.out.endsWith("\n2026-04-13,2026-04-19,1,52010,300,52310,50000,2000,0,0\n"), in.out);
        } finally {
            System.setIn(saved);
        }
        CliRun bad = CliRun.of("usage", log.toString(), "--source", "vertex");
        assertEquals(2, bad.code);
        assertEquals("token-metrics: --source (vertex) must be one of csv, jsonl, openai, openai-usage, anthropic, anthropic-usage,"
                + " claude-code, codex, gemini-cli, opencode, gemini, bedrock, otel, litellm\n", bad.err);
    }

    @Test
    void usageTextOutputEscapesControlCharactersFromTheLog() throws IOException {
        Path log = file("esc.csv", "timestamp,model,input_tokens,output_tokens\n2026-04-13T10:00:00Z,\u001b[2Jevil,1,1\n");
        CliRun r = CliRun.of("usage", log.toString(), "--by", "model");
        assertEquals(0, r.code, r::toString);
        assertFalse(r.out.contains("\u001b"), r.out);
        assertTrue(r.out.contains("\\u001b[2Jevil"), r.out);
    }

    @Test
    void cannotWriteSaysWhy() throws IOException {
        Path log = file("w.csv", "timestamp,input_tokens,output_tokens\n2026-04-13T10:00:00Z,1,1\n");
        Path target = dir.resolve("no-such-dir").resolve("x.json");
        CliRun r = CliRun.of("usage", log.toString(), "--save", target.toString());
        assertEquals(1, r.code);
        assertEquals("token-metrics: cannot write " + target + ": no such file or directory\n", r.err);
    }

    @Test
    void usageErrorsAndSkippedRows() throws IOException {
        Path bad = file("bad.csv", "timestamp,model,input_tokens,output_tokens\n2026-04-06T10:00:00Z,m,1x,0\n2026-04-06T10:00:00Z,m,1,0\n");
        CliRun strict = CliRun.of("usage", bad.toString(), "--by", "model");
        assertEquals(1, strict.code);
        assertEquals("token-metrics: " + bad + ":2: input_tokens (\"1x\") is not a whole number of tokens\n", strict.err);
        CliRun skip = CliRun.of("usage", bad.toString(), "--by", "model", "--skip-bad", "--format", "csv");
        assertEquals(0, skip.code);
        assertEquals("token-metrics: 1 row in 1 group; skipped 1 bad row {bad token count=1}, first: " + bad
                + ":2: input_tokens (\"1x\") is not a whole number of tokens\n", skip.err);
        CliRun zone = CliRun.of("usage", bad.toString(), "--zone", "Mars/Olympus");
        assertEquals(2, zone.code);
        assertTrue(zone.err.startsWith("token-metrics: --zone (Mars/Olympus) is not a time zone"), zone.err);
        CliRun period = CliRun.of("usage", bad.toString(), "--period", "fortnight");
        assertEquals(2, period.code);
        assertEquals("token-metrics: --period (fortnight) must be day, week, month, all or block5h\n", period.err);
    }

    @Test
    void openrouterFromSavedResponses() throws IOException {
        Path a = file("a.json", OpenRouterTest.response(LocalDate.of(2026, 4, 6), LocalDate.of(2026, 4, 12), "2026-04-13T02:00:00Z"));
        Path b = file("b.json", OpenRouterTest.response(LocalDate.of(2026, 4, 13), LocalDate.of(2026, 4, 19), "2026-04-20T02:00:00Z"));
        CliRun r = CliRun.of("openrouter", a.toString(), b.toString(), "--format", "csv");
        assertEquals(0, r.code, r::toString);
        // W15: total 225 × 7 = 1575, CN 560 (35.56%), US 910 (57.78%); W16: 1015, CN 0, US 910 (89.66%); US wow 0%, CN -100%,
        // total (1015 / 1575 - 1) × 100 = -35.555…% = -35.56%
        assertTrue(r.out.contains("weekly,2026-W15,7,false,1575,560,910,35,70,35.56,57.78,,,,US,"), r.out);
        assertTrue(r.out.contains("weekly,2026-W16,7,false,1015,0,910,35,70,0.00,89.66,-100.00,0.00,-35.56,US,"), r.out);
        // W16 ranks: sonnet 700 (was 1), gpt-5 210 (was 3 behind qwen), newco 35 (was 4); qwen dropped off
        assertTrue(r.out.contains("rankings,2026-W16,,,,,,,,,,,,,,,1,anthropic/claude-sonnet-4.6,US,700,1,same\n"), r.out);
        assertTrue(r.out.contains("rankings,2026-W16,,,,,,,,,,,,,,,2,openai/gpt-5,US,210,3,up 1\n"), r.out);
        assertTrue(r.out.contains("rankings,2026-W16,,,,,,,,,,,,,,,,qwen/qwen3.6-plus,CN,0,,dropped off\n"), r.out);
        assertEquals("token-metrics: Source: OpenRouter (openrouter.ai/rankings), as of 2026-04-20T02:00:00Z.\n", r.err);
        CliRun text = CliRun.of("openrouter", a.toString(), b.toString());
        assertTrue(text.out.contains("authors without a region (counted as UNMAPPED; add them with --regions FILE): {newco=70}"), text.out);
        assertTrue(text.out.contains("Source: OpenRouter (openrouter.ai/rankings), as of 2026-04-20T02:00:00Z."), text.out);
        Path saved = dir.resolve("or.json");
        assertEquals(0, CliRun.of("openrouter", a.toString(), b.toString(), "--save", saved.toString()).code);
        CliRun cmp = CliRun.of("compare", "openrouter-region-us", "openrouter-region-cn", "--total", "openrouter-total", "--data", saved.toString());
        assertEquals(0, cmp.code, cmp::toString);
        assertTrue(cmp.out.contains("89.66%"), cmp.out);
        CliRun top = CliRun.of("openrouter", a.toString(), "--top", "-1");
        assertEquals(2, top.code);
        assertEquals("token-metrics: --top (-1) must be >= 1\n", top.err);
        // the same two weeks as one period=week response: the same weekly rows
        Path w = file("w.json", OpenRouterTest.weeklyResponse(LocalDate.of(2026, 4, 6), LocalDate.of(2026, 4, 19), "2026-04-20T02:00:00Z"));
        CliRun weeks = CliRun.of("openrouter", "--period", "week", w.toString(), "--format", "csv");
        assertEquals(0, weeks.code, weeks::toString);
        assertTrue(weeks.out.contains("weekly,2026-W15,7,false,1575,560,910,35,70,35.56,57.78,,,,US,"), weeks.out);
        assertTrue(weeks.out.contains("weekly,2026-W16,7,false,1015,0,910,35,70,0.00,89.66,-100.00,0.00,-35.56,US,"), weeks.out);
        CliRun mixed = CliRun.of("openrouter", "--period", "week", w.toString(), a.toString());
        assertEquals(1, mixed.code, mixed::toString);
        // a file of days read as weeks fails at its first day that is not a Monday
        assertTrue(mixed.err.startsWith("token-metrics: " + a + ": $.data[5].date: 2026-04-07 is a tuesday"), mixed.err);
        CliRun none = CliRun.of("openrouter");
        assertEquals(2, none.code);
        assertEquals("token-metrics: give saved response FILEs, or --fetch --from DATE --to DATE\n", none.err);
    }

    /**
     * Saved rankings-daily rows for 2026-W04 to W16: per day a US model, a Chinese model and the
     * other row. Daily US 100 + k and CN 200 + k in week k up to W14 (the total rises ten weeks),
     * then W15 US 100, CN {@code cn15}; W16 US 150, CN 100.
     */
    private static String primaryResponse(int cn15) {
        StringBuilder b = new StringBuilder("{\"data\":[");
        LocalDate monday = LocalDate.of(2026, 1, 19); // Monday of 2026-W04
        boolean first = true;
        for (int k = 4; k <= 16; k++) {
            int us = k <= 14 ? 100 + k : k == 15 ? 100 : 150;
            int cn = k <= 14 ? 200 + k : k == 15 ? cn15 : 100;
            for (int d = 0; d < 7; d++) {
                LocalDate day = monday.plusDays((k - 4) * 7L + d);
                for (String[] r : new String[][] {{"anthropic/claude-sonnet-4.6", "" + us}, {"qwen/qwen3.6-plus", "" + cn}, {"other", "10"}}) {
                    b.append(first ? "" : ",").append("{\"date\":\"").append(day).append("\",\"model_permaslug\":\"").append(r[0])
                            .append("\",\"total_tokens\":\"").append(r[1]).append("\"}");
                    first = false;
                }
            }
        }
        return b.append("],\"meta\":{\"as_of\":\"2026-04-20T02:00:00Z\"}}").toString();
    }

    @Test
    void primaryDataDecidesTheArticlesOpenClaims() throws IOException {
        // from the article alone B2 and B5-two-months cannot be decided
        assertTrue(CliRun.of("check").out.contains("UNDECIDABLE   B2: "));
        Path saved = dir.resolve("or.json");
        assertEquals(0, CliRun.of("openrouter", file("weeks.json", primaryResponse(180)).toString(), "--save", saved.toString()).code);
        CliRun r = CliRun.of("check", "--data", saved.toString());
        assertEquals(0, r.code, r::toString);
        // weekly totals 7 × (us + cn + 10): W04 2254 rising by 14 a week to W14 2394, W15 7 × 290 = 2030, W16 7 × 260 = 1820
        assertTrue(r.out.contains("CONSISTENT    B2: OpenRouter's weekly total rose ten weeks in a row, then fell two weeks in a row, to 2026-W16\n"
                + "    from the primary data (openrouter-total): the 12 changes from 2026-W04 to 2026-W16 are 10 rises then 2 falls.\n"), r.out);
        // US 7 × 150 = 1050 ahead of CN 700 in W16; behind in each of W08 to W15 (CN 7 × 208.. and 7 × 180 = 1260 against US 700)
        assertTrue(r.out.contains("CONSISTENT    B5-two-months [B5]: "), r.out);
        assertTrue(r.out.contains("from the primary data (openrouter-region-us, openrouter-region-cn): 2026-W16: openrouter-region-us 1.05K vs"
                + " openrouter-region-cn 700; behind or level at 2026-W15: 700 vs 1.26K"), r.out);
        // the article's own figures stay the article's: B5 (one week) is still decided from them
        assertTrue(r.out.contains("CONSISTENT    B5: US models overtook"), r.out);
        assertTrue(r.out.contains("    2026-W16: openrouter-us-weekly 4.91T vs openrouter-china-weekly 4.44T"), r.out);
        // weeks that contradict the article: CN 400 a day in W15 makes the total rise into W15
        Path other = dir.resolve("or2.json");
        assertEquals(0, CliRun.of("openrouter", file("weeks2.json", primaryResponse(400)).toString(), "--save", other.toString()).code);
        CliRun bad = CliRun.of("check", "--data", other.toString());
        assertTrue(bad.out.contains("INCONSISTENT  B2: "), bad.out);
        // W15 7 × 510 = 3570 after W14's 2394: a rise where the claim needs its first fall (W16 fell to 1820)
        assertTrue(bad.out.contains("from the primary data (openrouter-total): the change into 2026-W15 is a rise, the claim needs a fall"
                + " (after 2026-W16 fall)."), bad.out);
    }

    @Test
    void sinceUntilAndTheWholeRange() throws Exception {
        String projects = java.nio.file.Paths.get(CliDataCommandsTest.class.getResource("/io/tokenmetrics/usage/sources/claude/projects").toURI())
                .toString();
        // the fixture: msg_A and msg_B on 2026-04-13 (opus: 13004 + 13502 = 26506 in, 120 + 800 = 920 out), msg_C on 2026-04-20
        // (sonnet: 20007 in, 50 out, 20000 read)
        CliRun all = CliRun.of("usage", projects, "--by", "model", "--period", "all", "--format", "csv");
        assertEquals(0, all.code, all::toString);
        assertEquals("period_start,period_end,model,requests,input_tokens,output_tokens,total_tokens,cache_read_tokens,cache_write_tokens,"
                + "cache_write_1h_tokens,reasoning_tokens\n"
                + "2026-04-13,2026-04-20,claude-opus-4-1-20250805,2,26506,920,27426,23000,3500,0,0\n"
                + "2026-04-13,2026-04-20,claude-sonnet-4-5-20250929,1,20007,50,20057,20000,0,0,0\n", all.out);
        CliRun since = CliRun.of("usage", projects, "--period", "all", "--since", "2026-04-14");
        assertEquals(0, since.code, since::toString);
        // only msg_C; A and B (2 responses) left out
        assertTrue(since.out.matches("(?s).*\\n2026-04-20 +2026-04-20 +1 +20007 +50 +20057 .*"), since.out);
        assertTrue(since.out.contains("1 row in 1 group, 2 repeated records (same request id) counted once, 2 records without usage (not requests),"
                + " 2 records outside --since/--until left out"), since.out);
        CliRun until = CliRun.of("usage", projects, "--period", "day", "--until", "20260413", "--format", "csv");
        assertTrue(until.out.endsWith("\n2026-04-13,2026-04-13,2,26506,920,27426,23000,3500,0,0\n"), until.out);
        CliRun bad = CliRun.of("usage", projects, "--since", "13/04/2026");
        assertEquals(2, bad.code);
        assertEquals("token-metrics: --since (13/04/2026) must be a day: YYYY-MM-DD or YYYYMMDD\n", bad.err);
        CliRun order = CliRun.of("usage", projects, "--since", "2026-04-20", "--until", "2026-04-13");
        assertEquals("token-metrics: --since (2026-04-20) must not be after --until (2026-04-13)\n", order.err);
    }

    @Test
    void fiveHourBlocksInTheZone() throws Exception {
        Path log = file("blocks.jsonl", "{\"timestamp\":\"2026-04-13T08:10:00Z\",\"input_tokens\":100,\"output_tokens\":10}\n"
                + "{\"timestamp\":\"2026-04-13T13:00:00Z\",\"input_tokens\":400,\"output_tokens\":40}\n");
        CliRun r = CliRun.of("usage", log.toString(), "--period", "block5h", "--zone", "Asia/Shanghai", "--format", "csv");
        assertEquals(0, r.code, r::toString);
        // 08:10Z opens [08:00Z, 13:00Z), 16:00 to 21:00 in Shanghai (+08:00); 13:00Z opens the next; both long past: not active
        assertEquals("block_start,block_end,requests,input_tokens,output_tokens,total_tokens,cache_read_tokens,cache_write_tokens,"
                + "reasoning_tokens,first_record,last_record,active,burn_tokens_per_minute,projected_total_tokens\n"
                + "2026-04-13T16:00+08:00,2026-04-13T21:00+08:00,1,100,10,110,0,0,0,2026-04-13T16:10:00+08:00,2026-04-13T16:10:00+08:00,false,,\n"
                + "2026-04-13T21:00+08:00,2026-04-14T02:00+08:00,1,400,40,440,0,0,0,2026-04-13T21:00:00+08:00,2026-04-13T21:00:00+08:00,false,,\n", r.out);
    }

    private static String chat(String id, String tier, long prompt, long cached, long completion) {
        return "{\"id\":\"" + id + "\",\"object\":\"chat.completion\",\"created\":1776070800,\"model\":\"gpt-5\""
                + (tier == null ? "" : ",\"service_tier\":\"" + tier + "\"") + ",\"usage\":{\"prompt_tokens\":" + prompt + ",\"completion_tokens\":"
                + completion + ",\"total_tokens\":" + (prompt + completion) + ",\"prompt_tokens_details\":{\"cached_tokens\":" + cached + "}}}\n";
    }

    @Test
    void serviceTiersArePricedFromTheTableOrNamedAsStandard() throws Exception {
        Path prices = file("tiers.json", "{\"gpt-5\": {\"input_cost_per_token\": 1.25e-06, \"output_cost_per_token\": 1e-05,"
                + " \"cache_read_input_token_cost\": 1.25e-07, \"input_cost_per_token_flex\": 6.25e-07, \"output_cost_per_token_flex\": 5e-06,"
                + " \"cache_read_input_token_cost_flex\": 6.25e-08, \"input_cost_per_token_priority\": 2.5e-06,"
                + " \"output_cost_per_token_priority\": 2e-05, \"cache_read_input_token_cost_priority\": 2.5e-07, \"litellm_provider\": \"openai\"},"
                + " \"claude-opus-4-6\": {\"input_cost_per_token\": 5e-06, \"output_cost_per_token\": 2.5e-05, \"cache_read_input_token_cost\": 5e-07,"
                + " \"litellm_provider\": \"anthropic\", \"provider_specific_entry\": {\"us\": 1.1, \"fast\": 6.0}}}");
        // default: 1000 × 1.25e-06 + 100 × 1e-05 = 0.00225
        // flex: 800 × 6.25e-07 + 200 cached × 6.25e-08 + 100 × 5e-06 = 0.0005 + 0.0000125 + 0.0005 = 0.0010125
        // priority: 1000 × 2.5e-06 + 100 × 2e-05 = 0.0045
        // scale (no prices in the table): at the standard rate, 0.00225, and named
        // the day: 0.00225 + 0.0010125 + 0.0045 + 0.00225 = 0.0100125
        Path log = file("tiers.jsonl", chat("c1", null, 1000, 0, 100) + chat("c2", "flex", 1000, 200, 100) + chat("c3", "priority", 1000, 0, 100)
                + chat("c4", "scale", 1000, 0, 100));
        CliRun r = CliRun.of("usage", log.toString(), "--period", "day", "--prices", prices.toString(), "--format", "csv");
        assertEquals(0, r.code, r::toString);
        assertTrue(r.out.endsWith(",4,4000,400,4400,200,0,0,0.0100125\n"), r.out);
        assertTrue(r.err.contains("token-metrics: gpt-5: requests of service tier scale priced at the standard rate: gpt-5 has no scale prices"), r.err);
        // Anthropic's fast mode (usage.speed): the input and output prices × 6, the cache reads as they are:
        // 100 × 3e-05 + 1000 × 5e-07 + 10 × 1.5e-04 = 0.003 + 0.0005 + 0.0015 = 0.005
        Path fast = file("fast.jsonl", "{\"timestamp\":\"2026-04-13T10:00:00Z\",\"id\":\"msg_f\",\"type\":\"message\",\"model\":\"claude-opus-4-6\","
                + "\"usage\":{\"input_tokens\":100,\"cache_read_input_tokens\":1000,\"cache_creation_input_tokens\":0,\"output_tokens\":10,"
                + "\"speed\":\"fast\",\"service_tier\":\"standard\"}}\n");
        CliRun f = CliRun.of("usage", fast.toString(), "--period", "day", "--prices", prices.toString(), "--format", "csv");
        assertEquals(0, f.code, f::toString);
        assertTrue(f.out.endsWith(",1,1100,10,1110,1000,0,0,0,0.005\n"), f.out);
        // by tier, in the output too
        CliRun by = CliRun.of("usage", log.toString(), "--period", "day", "--by", "service_tier", "--format", "csv");
        assertTrue(by.out.contains("\n2026-04-13,2026-04-13,,1,1000,100,1100,0,0,0\n"), by.out);
        assertTrue(by.out.contains("\n2026-04-13,2026-04-13,flex,1,1000,100,1100,200,0,0\n"), by.out);
    }

    @Test
    void openCodesDatabaseIsReadAsItsMessagesAndWinsOverTheFilesLeftBeside() throws Exception {
        // opencode.db's message table as OpenCode 1.2 writes it: data without id and sessionID
        Path dir = java.nio.file.Files.createTempDirectory("opencode");
        Path db = dir.resolve("opencode.db");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
                java.sql.Statement s = c.createStatement()) {
            s.execute("CREATE TABLE message (id TEXT PRIMARY KEY, session_id TEXT NOT NULL, time_created INTEGER, time_updated INTEGER, data TEXT NOT NULL)");
            s.execute("INSERT INTO message VALUES ('msg_1', 'ses_1', 1767312000123, 1767312014460, '{\"role\":\"assistant\",\"time\":"
                    + "{\"created\":1767312000123},\"modelID\":\"claude-sonnet-4-5\",\"providerID\":\"anthropic\",\"path\":{\"root\":\"/p\"},"
                    + "\"tokens\":{\"input\":1820,\"output\":655,\"reasoning\":0,\"cache\":{\"read\":23110,\"write\":1490}}}')");
            s.execute("INSERT INTO message VALUES ('msg_0', 'ses_1', 1767311999000, 1767311999000, '{\"role\":\"user\",\"time\":{\"created\":1767311999000}}')");
        }
        // a message file the migration left behind, an older state of msg_1 (output 100): the database's copy counts
        Path old = dir.resolve("msg_1.json");
        java.nio.file.Files.write(old, ("{\"id\":\"msg_1\",\"sessionID\":\"ses_1\",\"role\":\"assistant\",\"time\":{\"created\":1767312000123},"
                + "\"modelID\":\"claude-sonnet-4-5\",\"providerID\":\"anthropic\",\"tokens\":{\"input\":1820,\"output\":100,\"reasoning\":0,"
                + "\"cache\":{\"read\":23110,\"write\":1490}}}\n").getBytes(StandardCharsets.UTF_8));
        CliRun r = CliRun.of("usage", db.toString(), old.toString(), "--period", "day", "--format", "csv");
        assertEquals(0, r.code, r::toString);
        // 1820 + 23110 + 1490 = 26420 input, 655 output: one request
        assertEquals("period_start,period_end,requests,input_tokens,output_tokens,total_tokens,cache_read_tokens,cache_write_tokens,"
                + "reasoning_tokens\n2026-01-02,2026-01-02,1,26420,655,27075,23110,1490,0\n", r.out);
        CliRun bad = CliRun.of("usage", dir.resolve("missing.db").toString());
        assertEquals(1, bad.code);
        assertEquals("token-metrics: " + dir.resolve("missing.db") + ": no such file or directory\n", bad.err);
    }
}
