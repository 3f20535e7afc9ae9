package io.tokenmetrics.usage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Claude Code trees shaped like real ones, generated from a ground truth kept by the generator
 * itself: each response written as several streaming copies with a growing output count,
 * resumed sessions that copy earlier lines into new files of other projects, sidechain replays
 * under another request id, copies without a request id, API-error placeholders, one-hour cache
 * writes, requests over 200k, copies that cross midnight, and files whose last line was cut
 * short. {@link #truth} holds, per "day model", the requests, input (all), output, cache reads,
 * cache writes and one-hour writes that each response's final copy and first day give.
 */
public final class ClaudeCodeTrees {
    private static final String[] MODELS = {"claude-sonnet-4-5-20250929", "claude-opus-4-1-20250805", "claude-haiku-4-5-20251001"};

    /** One API response as the API billed it: its first copy's time, and its final output. */
    public static final class Response {
        String id;
        public String model;
        public long start;
        /** Uncached input (Anthropic's input_tokens). */
        public long input;
        public long cw5;
        public long cw1h;
        public long cacheRead;
        public long finalOutput;

        /** The day (UTC) of the response's first copy. */
        public String day() {
            return LocalDate.ofEpochDay(Math.floorDiv(start, 86_400_000L)).toString();
        }
    }

    /** Every response, once. */
    public final List<Response> responses = new ArrayList<>();

    /** The generator's truth per (day, model): requests, input (all), output, cache read, cache write, of it 1h. */
    public final Map<String, long[]> truth = new TreeMap<>();
    public long copies;
    public long responseCount;
    public long placeholders;
    public long cut;

    private static String line(String session, String uuid, Response r, long out, long at, String requestId, boolean sidechain) {
        return "{\"parentUuid\":null,\"isSidechain\":" + sidechain + ",\"userType\":\"external\",\"cwd\":\"/w\",\"sessionId\":\"" + session
                + "\",\"version\":\"2.0.14\",\"type\":\"assistant\",\"message\":{\"id\":\"" + r.id + "\",\"type\":\"message\",\"role\":\"assistant\","
                + "\"model\":\"" + r.model + "\",\"content\":[{\"type\":\"text\",\"text\":\"part\"}],\"stop_reason\":null,\"usage\":{\"input_tokens\":"
                + r.input + ",\"cache_creation_input_tokens\":" + (r.cw5 + r.cw1h) + ",\"cache_read_input_tokens\":" + r.cacheRead
                + ",\"cache_creation\":{\"ephemeral_5m_input_tokens\":" + r.cw5 + ",\"ephemeral_1h_input_tokens\":" + r.cw1h
                + "},\"output_tokens\":" + out + ",\"service_tier\":\"standard\"}}" + (requestId == null ? "" : ",\"requestId\":\"" + requestId + "\"")
                + ",\"uuid\":\"" + uuid + "\",\"timestamp\":\"" + Instant.ofEpochMilli(at) + "\"}";
    }

    private void expect(Response r) {
        responseList(r);
        String day = r.day();
        long[] t = truth.computeIfAbsent(day + " " + r.model, k -> new long[6]);
        t[0]++;
        t[1] += r.input + r.cw5 + r.cw1h + r.cacheRead;
        t[2] += r.finalOutput;
        t[3] += r.cacheRead;
        t[4] += r.cw5 + r.cw1h;
        t[5] += r.cw1h;
        responseCount++;
    }

    private void responseList(Response r) {
        responses.add(r);
    }

    private final Path dir;

    private ClaudeCodeTrees(Path dir) {
        this.dir = dir;
    }

    /** A tree under {@code dir/projects}: 4 projects of 5 sessions each, from {@code seed}. */
    public static ClaudeCodeTrees generate(Path dir, long seed) throws IOException {
        ClaudeCodeTrees t = new ClaudeCodeTrees(dir);
        t.generate(seed);
        return t;
    }

    private void generate(long seed) throws IOException {
        Random rnd = new Random(seed);
        List<String> earlier = new ArrayList<>();
        int uuid = 0;
        int msg = 0;
        for (int p = 0; p < 4; p++) {
            Path project = Files.createDirectories(dir.resolve("projects").resolve("-home-dev-p" + p));
            for (int s = 0; s < 5; s++) {
                String session = "s" + p + "-" + s;
                List<String> lines = new ArrayList<>();
                if (!earlier.isEmpty() && rnd.nextInt(3) == 0) {
                    // a resumed session starts with copies of earlier lines, same ids and times
                    int n = 1 + rnd.nextInt(Math.min(6, earlier.size()));
                    int from = rnd.nextInt(earlier.size() - n + 1);
                    for (int i = 0; i < n; i++) {
                        lines.add(earlier.get(from + i));
                        copies++;
                    }
                }
                long t = Instant.parse("2026-04-13T00:00:00Z").toEpochMilli() + rnd.nextInt(10) * 86_400_000L
                        + (rnd.nextInt(4) == 0 ? 86_399_000L : rnd.nextInt(80_000) * 1000L);
                int n = 5 + rnd.nextInt(20);
                for (int k = 0; k < n; k++) {
                    lines.add("{\"type\":\"user\",\"sessionId\":\"" + session + "\",\"uuid\":\"u" + (uuid++) + "\",\"timestamp\":\""
                            + Instant.ofEpochMilli(t) + "\",\"message\":{\"role\":\"user\",\"content\":\"go on\"}}");
                    if (rnd.nextInt(12) == 0) {
                        // a request that failed: a placeholder with all-zero usage
                        lines.add("{\"type\":\"assistant\",\"sessionId\":\"" + session + "\",\"uuid\":\"u" + (uuid++) + "\",\"timestamp\":\""
                                + Instant.ofEpochMilli(t) + "\",\"isApiErrorMessage\":true,\"message\":{\"id\":\"err_" + uuid
                                + "\",\"model\":\"<synthetic>\",\"role\":\"assistant\",\"type\":\"message\",\"usage\":{\"input_tokens\":0,"
                                + "\"output_tokens\":0,\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":0},\"content\":"
                                + "[{\"type\":\"text\",\"text\":\"API Error: 529 overloaded\"}]}}");
                        placeholders++;
                        continue;
                    }
                    Response r = new Response();
                    r.id = "msg_" + (msg++);
                    r.model = MODELS[rnd.nextInt(MODELS.length)];
                    r.start = t;
                    r.input = rnd.nextInt(8) == 0 ? 200_001 + rnd.nextInt(50_000) : 1 + rnd.nextInt(50);
                    r.cw5 = rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(5000);
                    r.cw1h = rnd.nextInt(3) == 0 ? rnd.nextInt(9000) : 0;
                    r.cacheRead = rnd.nextInt(60_000);
                    int parts = 1 + rnd.nextInt(4);
                    long out = 1 + rnd.nextInt(5);
                    String req = rnd.nextInt(10) == 0 ? null : "req_" + r.id;
                    for (int c = 0; c < parts; c++) {
                        long at = t + 700L * c;
                        String l = line(session, "u" + (uuid++), r, out, at, req, false);
                        lines.add(l);
                        earlier.add(l);
                        copies++;
                        r.finalOutput = out;
                        out += rnd.nextInt(3) == 0 ? 0 : 1 + rnd.nextInt(900);
                    }
                    if (rnd.nextInt(8) == 0) {
                        // a sidechain replay of the response under another request id, later
                        lines.add(line(session, "u" + (uuid++), r, r.finalOutput, t + 5000, "req_replay_" + r.id, true));
                        copies++;
                    }
                    expect(r);
                    t += 1000L * (30 + rnd.nextInt(4000));
                }
                StringBuilder b = new StringBuilder();
                for (String l : lines) {
                    b.append(l).append('\n');
                }
                if (rnd.nextInt(4) == 0) {
                    // the agent was stopped while writing: the last line is cut short
                    String last = lines.get(lines.size() - 1);
                    b.append(last, 0, last.length() / 2);
                    cut++;
                }
                Files.write(project.resolve(session + ".jsonl"), b.toString().getBytes(StandardCharsets.UTF_8));
            }
        }
    }
}
