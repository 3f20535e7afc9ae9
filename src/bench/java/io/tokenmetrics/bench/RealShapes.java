package io.tokenmetrics.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Generated, deterministic inputs in the shapes vendors and agents write, for the benchmark:
 * whole API responses one per line (an {@code id}, a {@code choices} or {@code content} array
 * whose text has escapes and UTF-8, nested {@code usage} with cache and reasoning details), and
 * Claude Code trees of many small files (streaming copies of each response, tool results of a
 * few KB). Each writer returns the token sums it wrote, for the benchmark to check the readers
 * against.
 */
final class RealShapes {
    private static final String[] OPENAI_MODELS = {"gpt-4o-mini-2024-07-18", "gpt-4.1-2025-04-14", "o4-mini-2025-04-16", "gpt-5-2025-08-07"};
    private static final String[] CLAUDE_MODELS = {"claude-sonnet-4-5-20250929", "claude-opus-4-1-20250805", "claude-haiku-4-5-20251001"};
    private static final long START = Instant.parse("2026-03-02T00:00:00Z").getEpochSecond();
    private static final String[] WORDS = {"the", "token", "count", "of", "a", "response", "is", "read", "from", "\\\"usage\\\"", "\\n", "é", "模型",
        "\\u00e9", "cache", "reasoning", "{", "}", "[", "]", ":", "\\\\", "total"};

    private RealShapes() {
    }

    /** Input, output and requests written. */
    static final class Sums {
        long requests;
        long input;
        long output;

        @Override
        public String toString() {
            return requests + " requests, " + input + " input, " + output + " output";
        }
    }

    private static void text(SplittableRandom r, StringBuilder b, int words) {
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                b.append(' ');
            }
            b.append(WORDS[r.nextInt(WORDS.length)]);
        }
    }

    private static Writer writer(Path f) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(f), StandardCharsets.UTF_8), 1 << 20);
    }

    /** OpenAI Chat Completions responses, one per line, {@code n} of them over 4 weeks. */
    static Sums openAiChat(Path f, int n, long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        Sums s = new Sums();
        StringBuilder b = new StringBuilder(4096);
        try (Writer w = writer(f)) {
            for (int i = 0; i < n; i++) {
                b.setLength(0);
                long created = START + (long) i * 28 * 86400 / n;
                String model = OPENAI_MODELS[r.nextInt(OPENAI_MODELS.length)];
                long prompt = 20 + r.nextInt(20000);
                long cached = r.nextInt(3) == 0 ? 0 : r.nextLong(prompt + 1);
                long completion = 1 + r.nextInt(3000);
                long reasoning = model.startsWith("o") || model.startsWith("gpt-5") ? r.nextLong(completion + 1) : 0;
                b.append("{\"id\":\"chatcmpl-").append(Long.toHexString(seed)).append('-').append(i).append("\",\"object\":\"chat.completion\",\"created\":")
                        .append(created).append(",\"model\":\"").append(model).append("\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"");
                text(r, b, 40 + r.nextInt(200));
                b.append("\",\"refusal\":null,\"annotations\":[]},\"logprobs\":null,\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":").append(prompt)
                        .append(",\"completion_tokens\":").append(completion).append(",\"total_tokens\":").append(prompt + completion)
                        .append(",\"prompt_tokens_details\":{\"cached_tokens\":").append(cached).append(",\"audio_tokens\":0},\"completion_tokens_details\":{")
                        .append("\"reasoning_tokens\":").append(reasoning).append(",\"audio_tokens\":0,\"accepted_prediction_tokens\":0,")
                        .append("\"rejected_prediction_tokens\":0}},\"service_tier\":\"default\",\"system_fingerprint\":\"fp_").append(Integer.toHexString(r.nextInt()))
                        .append("\"}\n");
                w.write(b.toString());
                s.requests++;
                s.input += prompt;
                s.output += completion;
            }
        }
        return s;
    }

    /** Anthropic Messages responses, one per line, with the time the caller logged them. */
    static Sums anthropicMessages(Path f, int n, long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        Sums s = new Sums();
        StringBuilder b = new StringBuilder(4096);
        try (Writer w = writer(f)) {
            for (int i = 0; i < n; i++) {
                b.setLength(0);
                long at = START + (long) i * 28 * 86400 / n;
                String model = CLAUDE_MODELS[r.nextInt(CLAUDE_MODELS.length)];
                long input = 1 + r.nextInt(5000);
                long write = r.nextInt(3) == 0 ? r.nextInt(8000) : 0;
                long read = r.nextInt(40000);
                long output = 1 + r.nextInt(3000);
                b.append("{\"timestamp\":\"").append(Instant.ofEpochSecond(at)).append("\",\"id\":\"msg_").append(Long.toHexString(seed)).append('_').append(i)
                        .append("\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"").append(model).append("\",\"content\":[{\"type\":\"text\",\"text\":\"");
                text(r, b, 40 + r.nextInt(200));
                b.append("\"}],\"stop_reason\":\"end_turn\",\"stop_sequence\":null,\"usage\":{\"input_tokens\":").append(input)
                        .append(",\"cache_creation_input_tokens\":").append(write).append(",\"cache_read_input_tokens\":").append(read)
                        .append(",\"cache_creation\":{\"ephemeral_5m_input_tokens\":").append(write).append(",\"ephemeral_1h_input_tokens\":0},\"output_tokens\":")
                        .append(output).append(",\"service_tier\":\"standard\"}}\n");
                w.write(b.toString());
                s.requests++;
                s.input += input + write + read;
                s.output += output;
            }
        }
        return s;
    }

    /**
     * A Claude Code tree: {@code dir/projects/<project>/<session>.jsonl}, {@code files} sessions
     * of about {@code lines} lines each: user lines with tool results of about {@code toolBytes}
     * bytes, and each response written 1 to 4 times as it streamed (same {@code message.id} and
     * {@code requestId}, growing output; the last copy is the one billed).
     */
    static Sums claudeTree(Path dir, int files, int lines, int toolBytes, long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        Sums s = new Sums();
        int projects = Math.max(1, files / 20);
        long msg = 0;
        StringBuilder b = new StringBuilder(1 << 16);
        for (int fi = 0; fi < files; fi++) {
            Path p = Files.createDirectories(dir.resolve("projects").resolve("-home-dev-project" + fi % projects));
            String session = String.format("%08x-0000-4000-8000-%012x", seed, fi);
            long t = (START + r.nextInt(28 * 86400)) * 1000L;
            try (Writer w = writer(p.resolve(session + ".jsonl"))) {
                int written = 0;
                int uuid = 0;
                while (written < lines) {
                    b.setLength(0);
                    b.append("{\"parentUuid\":\"u").append(uuid).append("\",\"isSidechain\":false,\"userType\":\"external\",\"cwd\":\"/home/dev/project")
                            .append(fi % projects).append("\",\"sessionId\":\"").append(session).append("\",\"version\":\"2.0.14\",\"gitBranch\":\"main\",")
                            .append("\"type\":\"user\",\"message\":{\"role\":\"user\",\"content\":[{\"tool_use_id\":\"toolu_").append(uuid)
                            .append("\",\"type\":\"tool_result\",\"content\":\"");
                    int len = b.length();
                    while (b.length() - len < toolBytes / 2 + r.nextInt(toolBytes + 1)) {
                        text(r, b, 20);
                    }
                    b.append("\"}]},\"uuid\":\"u").append(++uuid).append("\",\"timestamp\":\"").append(Instant.ofEpochMilli(t)).append("\",")
                            .append("\"toolUseResult\":{\"stdout\":\"ok\\n\",\"stderr\":\"\",\"interrupted\":false,\"isImage\":false}}\n");
                    w.write(b.toString());
                    written++;
                    String model = CLAUDE_MODELS[r.nextInt(CLAUDE_MODELS.length)];
                    long input = 1 + r.nextInt(50);
                    long write = r.nextInt(3) == 0 ? 0 : r.nextInt(5000);
                    long read = r.nextInt(60000);
                    long out = 1 + r.nextInt(5);
                    int copies = 1 + r.nextInt(4);
                    String id = "msg_" + Long.toHexString(seed) + "_" + (msg++);
                    for (int c = 0; c < copies; c++) {
                        b.setLength(0);
                        b.append("{\"parentUuid\":\"u").append(uuid).append("\",\"isSidechain\":false,\"userType\":\"external\",\"cwd\":\"/home/dev/project")
                                .append(fi % projects).append("\",\"sessionId\":\"").append(session).append("\",\"version\":\"2.0.14\",\"gitBranch\":\"main\",")
                                .append("\"message\":{\"id\":\"").append(id).append("\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"").append(model)
                                .append("\",\"content\":[{\"type\":\"text\",\"text\":\"");
                        text(r, b, 10 + r.nextInt(60));
                        b.append("\"}],\"stop_reason\":null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":").append(input)
                                .append(",\"cache_creation_input_tokens\":").append(write).append(",\"cache_read_input_tokens\":").append(read)
                                .append(",\"cache_creation\":{\"ephemeral_5m_input_tokens\":").append(write).append(",\"ephemeral_1h_input_tokens\":0},")
                                .append("\"output_tokens\":").append(out).append(",\"service_tier\":\"standard\"}},\"requestId\":\"req_").append(id)
                                .append("\",\"type\":\"assistant\",\"uuid\":\"u").append(++uuid).append("\",\"timestamp\":\"")
                                .append(Instant.ofEpochMilli(t + 300L * c)).append("\"}\n");
                        w.write(b.toString());
                        written++;
                        if (c < copies - 1) {
                            out += 1 + r.nextInt(900);
                        }
                    }
                    s.requests++;
                    s.input += input + write + read;
                    s.output += out;
                    t += 1000L * (5 + r.nextInt(300));
                }
            }
        }
        return s;
    }
}
