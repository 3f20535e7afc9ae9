package io.tokenmetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code usage --agent}: the command in a JVM of its own, whose environment points the agents at
 * copies of the fixtures, as a user's shell would.
 */
class AgentCommandTest {
    @TempDir
    Path dir;

    private static final Path SOURCES = Paths.get("src/test/resources/io/tokenmetrics/usage/sources");

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> w = Files.walk(from)) {
            for (Path f : (Iterable<Path>) w::iterator) {
                Path t = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(f, t);
                }
            }
        }
    }

    /** Runs the command with these environment variables; its exit code, standard output and standard error. */
    private static String[] run(String[] env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(Arrays.asList(Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "io.tokenmetrics.cli.Main"));
        cmd.addAll(Arrays.asList(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("CLAUDE_CONFIG_DIR");
        pb.environment().remove("CODEX_HOME");
        for (int i = 0; i < env.length; i += 2) {
            pb.environment().put(env[i], env[i + 1]);
        }
        Process p = pb.start();
        String out = read(p.getInputStream());
        // the Spark build's test class path holds a second SLF4J provider, which SLF4J warns about first
        String err = read(p.getErrorStream()).replaceAll("(?m)^SLF4J\\([A-Z]\\): .*\\n", "");
        return new String[] {Integer.toString(p.waitFor()), out, err};
    }

    private static String read(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        for (int n; (n = in.read(buf)) > 0;) {
            b.write(buf, 0, n);
        }
        return new String(b.toByteArray(), StandardCharsets.UTF_8);
    }

    @Test
    void theAgentsDefaultDirectoriesAreReadAndNamed() throws Exception {
        Path claude = dir.resolve("claude");
        copyTree(SOURCES.resolve("claude"), claude);
        Path codex = dir.resolve("codex-home");
        copyTree(SOURCES.resolve("codex"), codex);
        Files.write(codex.resolve("sessions/2025/11/18/history.jsonl"), "{\"not\": \"a rollout\"}\n".getBytes(StandardCharsets.UTF_8));
        String[] r = run(new String[] {"CLAUDE_CONFIG_DIR", claude.toString(), "CODEX_HOME", codex.toString()}, "usage", "--agent", "claude-code",
                "--by", "model", "--format", "csv");
        assertEquals("0", r[0], r[2]);
        // the same totals as the fixture read by path (UsageSourcesTest): msg_A, msg_B once each, msg_C
        assertTrue(r[1].contains("2026-04-13,2026-04-19,claude-opus-4-1-20250805,2,26506,920,27426,23000,3500,0,0\n"), r[1]);
        r = run(new String[] {"CLAUDE_CONFIG_DIR", claude.toString(), "CODEX_HOME", codex.toString()}, "usage", "--agent", "codex", "--period",
                "month", "--by", "model");
        assertEquals("0", r[0], r[2]);
        // AgentLogsTest's requests: gpt-5 30000 in; gpt-5-codex 25000 + 15000 in; history.jsonl is not a rollout and is not read
        assertTrue(r[1].contains("codex logs read: 2 files in " + codex.resolve("sessions")), r[1]);
        assertTrue(r[1].matches("(?s).*2025-11-01 +2025-11-30 +gpt-5-codex +3 +40000 +800 +40800 .*"), r[1]);
        r = run(new String[] {"CODEX_HOME", dir.resolve("none").toString()}, "usage", "--agent", "codex");
        assertEquals("1", r[0]);
        assertEquals("token-metrics: no codex logs found: looked in " + dir.resolve("none/sessions") + ", " + dir.resolve("none/archived_sessions")
                + "\n", r[2]);
    }
}
