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
     * or of the one above when that is Gemini CLI's {@code chats}; null at the root.
     */
    static String project(String path) {
        String[] parts = path.replace('\\', '/').split("/");
        int dir = parts.length - 2;
        if (dir >= 1 && parts[dir].equals("chats")) {
            dir--;
        }
        return dir >= 0 && !parts[dir].isEmpty() ? parts[dir] : null;
    }
}
