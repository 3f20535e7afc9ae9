package io.tokenmetrics.usage;

/** Names of the fields that a reader adds to a record from outside it, and the rule they follow. */
final class Records {
    /**
     * A record's project, from where its file lies: the directory of Claude Code's
     * {@code projects/<project>/<session>.jsonl}; of Gemini CLI's {@code tmp/<project>/chats/…},
     * the one above {@code chats}. Codex CLI's comes from its session's working directory instead.
     */
    static final String PROJECT_KEY = "(project)";

    private Records() {
    }

    /**
     * The project of a file at {@code path} (any separator): the name of the directory it lies in,
     * or of the one above Gemini CLI's {@code chats} (the file's directory, or its parent for a
     * subagent's file); null at the root.
     */
    static String project(String path) {
        String[] parts = path.replace('\\', '/').split("/");
        int dir = parts.length - 2;
        // Gemini CLI: <project>/chats/<file>, or <project>/chats/<parent session>/<file> for a subagent's
        for (int up = dir; up >= Math.max(1, dir - 1); up--) {
            if (parts[up].equals("chats")) {
                dir = up - 1;
                break;
            }
        }
        return dir >= 0 && !parts[dir].isEmpty() ? parts[dir] : null;
    }
}
