package io.tokenmetrics.usage;

import io.tokenmetrics.internal.IoErrors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A coding agent whose own logs this library reads, with where the agent writes them by default
 * and which files under there are its logs ({@code docs/usage-sources.md}).
 */
public enum CodingAgent {
    /**
     * Claude Code: {@code projects/<project>/<session>.jsonl} under each directory of
     * {@code CLAUDE_CONFIG_DIR} (comma-separated), else under {@code ~/.config/claude} and
     * {@code ~/.claude}.
     */
    CLAUDE_CODE("claude-code", UsageSource.CLAUDE_CODE),
    /** Codex CLI: {@code sessions/**}{@code /rollout-*.jsonl} and {@code archived_sessions/} under {@code CODEX_HOME}, else {@code ~/.codex}. */
    CODEX("codex", UsageSource.CODEX),
    /** Gemini CLI: {@code tmp/<project>/chats/**} ({@code .json}, {@code .jsonl}) under {@code ~/.gemini}, the home being {@code GEMINI_CLI_HOME} when set. */
    GEMINI_CLI("gemini-cli", UsageSource.GEMINI_CLI),
    /** OpenCode: {@code storage/message/<session>/<message>.json} under {@code $XDG_DATA_HOME/opencode}, else {@code ~/.local/share/opencode}. */
    OPENCODE("opencode", UsageSource.OPENCODE);

    private final String id;
    private final UsageSource source;

    CodingAgent(String id, UsageSource source) {
        this.id = id;
        this.source = source;
    }

    /**
     * The name used on the command line ({@code usage --agent claude-code}).
     *
     * @return the name
     */
    public String id() {
        return id;
    }

    /**
     * The source the agent's logs are read as.
     *
     * @return the source
     */
    public UsageSource source() {
        return source;
    }

    /**
     * The agent of a command-line name.
     *
     * @param name {@code claude-code}, {@code codex}, {@code gemini-cli} or {@code opencode}
     * @return the agent
     * @throws IllegalArgumentException naming the agents for any other name
     */
    public static CodingAgent fromId(String name) {
        Objects.requireNonNull(name, "name");
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (CodingAgent a : values()) {
            if (a.id.equals(n)) {
                return a;
            }
        }
        List<String> ids = new ArrayList<>();
        for (CodingAgent a : values()) {
            ids.add(a.id);
        }
        throw new IllegalArgumentException("agent (" + name + ") must be one of " + String.join(", ", ids));
    }

    /**
     * The directories where the agent writes its logs by default, in the order they are read,
     * whether or not they exist.
     *
     * @param env the environment ({@link System#getenv()})
     * @param home the user's home directory
     * @return the directories
     */
    public List<Path> directories(Map<String, String> env, Path home) {
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(home, "home");
        List<Path> dirs = new ArrayList<>();
        switch (this) {
            case CLAUDE_CODE:
                String config = env.get("CLAUDE_CONFIG_DIR");
                if (config != null && !config.trim().isEmpty()) {
                    for (String d : config.split(",")) {
                        if (!d.trim().isEmpty()) {
                            dirs.add(home.getFileSystem().getPath(d.trim()).resolve("projects"));
                        }
                    }
                } else {
                    dirs.add(home.resolve(".config").resolve("claude").resolve("projects"));
                    dirs.add(home.resolve(".claude").resolve("projects"));
                }
                break;
            case CODEX:
                String codexHome = env.get("CODEX_HOME");
                Path c = codexHome != null && !codexHome.trim().isEmpty() ? home.getFileSystem().getPath(codexHome.trim()) : home.resolve(".codex");
                dirs.add(c.resolve("sessions"));
                dirs.add(c.resolve("archived_sessions"));
                break;
            case GEMINI_CLI:
                String geminiHome = env.get("GEMINI_CLI_HOME");
                Path g = geminiHome != null && !geminiHome.trim().isEmpty() ? home.getFileSystem().getPath(geminiHome.trim()) : home;
                dirs.add(g.resolve(".gemini").resolve("tmp"));
                break;
            default:
                String data = env.get("XDG_DATA_HOME");
                Path base = data != null && !data.trim().isEmpty() ? home.getFileSystem().getPath(data.trim())
                        : home.resolve(".local").resolve("share");
                dirs.add(base.resolve("opencode").resolve("storage").resolve("message"));
                break;
        }
        return dirs;
    }

    /**
     * Databases the agent keeps its messages in, where they exist: OpenCode's {@code opencode.db}
     * and {@code opencode-<channel>.db} in its data directory (version 1.2 on); empty for the
     * others. This library does not read them: the command line does, with SQLite's driver.
     *
     * @param env the environment
     * @param home the user's home directory
     * @return the databases, in path order
     */
    public List<Path> databases(Map<String, String> env, Path home) {
        if (this != OPENCODE) {
            return Collections.emptyList();
        }
        Path data = directories(env, home).get(0).getParent().getParent();
        if (!Files.isDirectory(data)) {
            return Collections.emptyList();
        }
        try (Stream<Path> s = Files.list(data)) {
            return s.filter(f -> {
                String n = f.getFileName().toString();
                return Files.isRegularFile(f) && n.startsWith("opencode") && n.endsWith(".db");
            }).sorted().collect(Collectors.toList());
        } catch (IOException | java.io.UncheckedIOException e) {
            IOException io = e instanceof IOException ? (IOException) e : ((java.io.UncheckedIOException) e).getCause();
            throw new UsageLogException(data.toString(), 0, "cannot read the directory: " + IoErrors.reason(io));
        }
    }

    /**
     * The agent's log files under {@code dir}, in path order: only the files the agent writes as
     * logs there (Gemini CLI's {@code tmp} also holds shell histories and checkpoints, which are
     * not).
     *
     * @param dir one of {@link #directories}
     * @return the files, empty when {@code dir} does not exist
     * @throws UsageLogException naming {@code dir} when it cannot be read
     */
    public List<Path> logFiles(Path dir) {
        Objects.requireNonNull(dir, "dir");
        if (!Files.isDirectory(dir)) {
            return Collections.emptyList();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).filter(f -> isLog(dir.relativize(f))).sorted().collect(Collectors.toList());
        } catch (IOException | java.io.UncheckedIOException e) {
            IOException io = e instanceof IOException ? (IOException) e : ((java.io.UncheckedIOException) e).getCause();
            throw new UsageLogException(dir.toString(), 0, "cannot read the directory: " + IoErrors.reason(io));
        }
    }

    private boolean isLog(Path relative) {
        String name = relative.getFileName().toString();
        switch (this) {
            case CLAUDE_CODE:
                return name.endsWith(".jsonl");
            case CODEX:
                return name.startsWith("rollout-") && name.endsWith(".jsonl");
            case GEMINI_CLI:
                // <project>/chats/<file>, or <project>/chats/<parent session>/<file> for a subagent
                return relative.getNameCount() >= 3 && relative.getName(1).toString().equals("chats")
                        && (name.endsWith(".json") || name.endsWith(".jsonl"));
            default:
                return relative.getNameCount() == 2 && name.endsWith(".json");
        }
    }
}
