package io.tokenmetrics.openrouter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** OpenRouter's app-rankings endpoint: the top apps by tokens, with its own citation line. */
class AppRankingsTest {
    private static Path fixture() throws URISyntaxException {
        return Paths.get(AppRankingsTest.class.getResource("app-rankings.json").toURI());
    }

    private static AppRankings parse(String json) {
        return AppRankings.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "r.json");
    }

    @Test
    void aResponseReadsByRankWithItsCitation() throws Exception {
        AppRankings r = AppRankings.read(fixture());
        assertEquals(3, r.apps().size());
        // sorted by rank, not by the order in the file
        assertEquals("Cline", r.apps().get(0).name());
        assertEquals(12345L, r.apps().get(0).id());
        assertEquals(12_345_678L, r.apps().get(0).tokens());
        assertEquals(4321L, r.apps().get(0).requests());
        assertEquals(LocalDate.of(2026, 4, 12), r.startDate());
        assertEquals(LocalDate.of(2026, 5, 11), r.endDate());
        // 12,345,678 + 9,876,543 + 1,777,779 = 24,000,000
        assertEquals(24_000_000L, r.listedTokens());
        assertEquals("Source: OpenRouter (openrouter.ai/apps), as of 2026-05-12T02:00:00Z.", r.citation());
    }

    @Test
    @org.junit.jupiter.api.Tag("jackson-wording")
    void badResponsesNameTheFileAndPath() {
        String ok = "{\"data\": [{\"app_id\": 1, \"app_name\": \"A\", \"rank\": 1, \"total_requests\": 1, \"total_tokens\": \"5\"}],"
                + " \"meta\": {\"as_of\": \"2026-05-12T02:00:00Z\", \"start_date\": \"2026-04-12\", \"end_date\": \"2026-05-11\"}}";
        assertEquals(1, parse(ok).apps().size());
        assertEquals("r.json: $.data[0].total_tokens: \"5x\" is not a whole number >= 0",
                assertThrows(MalformedResponseException.class, () -> parse(ok.replace("\"5\"", "\"5x\""))).getMessage());
        assertEquals("r.json: $.data[0].total_tokens: \"99999999999999999999\" is not a whole number >= 0",
                assertThrows(MalformedResponseException.class, () -> parse(ok.replace("\"5\"", "\"99999999999999999999\""))).getMessage());
        assertEquals("r.json: $.data[0].app_name: expected a non-empty string, found nothing",
                assertThrows(MalformedResponseException.class, () -> parse(ok.replace("\"app_name\": \"A\", ", ""))).getMessage());
        assertEquals("r.json: $.meta.as_of: expected a non-empty string, found nothing",
                assertThrows(MalformedResponseException.class, () -> parse(ok.replace("\"as_of\": \"2026-05-12T02:00:00Z\", ", ""))).getMessage());
        assertEquals("r.json: $.data[0].rank: 0 is not a rank (1 or more)",
                assertThrows(MalformedResponseException.class, () -> parse(ok.replace("\"rank\": 1", "\"rank\": 0"))).getMessage());
        String twice = ok.replace("}],", "}, {\"app_id\": 1, \"app_name\": \"B\", \"rank\": 2, \"total_requests\": 1, \"total_tokens\": \"4\"}],");
        assertEquals("r.json: $.data[1].app_id: app 1 appears twice in one response",
                assertThrows(MalformedResponseException.class, () -> parse(twice)).getMessage());
        assertEquals("r.json: 1:2: malformed JSON: Unexpected close marker ']': expected '}'",
                assertThrows(MalformedResponseException.class, () -> parse("{]")).getMessage());
    }

    @Test
    void fetchAsksForTheWindowAndLimit() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        List<String> queries = Collections.synchronizedList(new ArrayList<>());
        byte[] body = Files.readAllBytes(fixture());
        server.createContext("/api/v1/datasets/app-rankings", ex -> {
            queries.add(ex.getRequestURI().getQuery());
            int code = "Bearer k".equals(ex.getRequestHeaders().getFirst("Authorization")) ? 200 : 401;
            ex.sendResponseHeaders(code, code == 200 ? body.length : 2);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(code == 200 ? body : "{}".getBytes(StandardCharsets.UTF_8));
            }
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            AppRankings r = OpenRouterClient.create(base, "k", 7, 0).fetchApps(LocalDate.of(2026, 4, 12), LocalDate.of(2026, 5, 11), 3);
            assertEquals("start_date=2026-04-12&end_date=2026-05-11&limit=3", queries.get(0));
            assertEquals(3, r.apps().size());
            assertEquals("limit (101) must be between 1 and 100", assertThrows(IllegalArgumentException.class,
                    () -> OpenRouterClient.create(base, "k", 7, 0).fetchApps(LocalDate.of(2026, 4, 12), LocalDate.of(2026, 5, 11), 101)).getMessage());
        } finally {
            server.stop(0);
        }
    }
}
