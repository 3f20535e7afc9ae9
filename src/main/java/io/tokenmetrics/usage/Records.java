package io.tokenmetrics.usage;

/** Names of the fields that a reader adds to a record from outside it, and the rule they follow. */
final class Records {
    /**
     * A record's project, from where its file lies: the directory of Claude Code's
     * {@code projects/<project>/<session>.jsonl}. Codex CLI's comes from its session's working
     * directory instead, Gemini CLI's from {@link #chatsProject}.
     */
    static final String PROJECT_KEY = "(project)";

    private Records() {
    }

    /** Gemini CLI's project: the directory above {@code chats} ({@code tmp/<project>/chats/…}). */
    static final String CHATS_PROJECT_KEY = "(chats project)";

    /** The project of a file at {@code path} (any separator): the name of the directory it lies in; null at the root. */
    static String project(String path) {
        String[] parts = path.replace('\\', '/').split("/");
        int dir = parts.length - 2;
        return dir >= 0 && !parts[dir].isEmpty() ? parts[dir] : null;
    }

    /**
     * Gemini CLI's project of a file at {@code path}: the directory above {@code chats}, which is
     * the file's directory, or its parent for a subagent's chat
     * ({@code <project>/chats/<parent session>/<file>}); else the file's directory.
     */
    static String chatsProject(String path) {
        String[] parts = path.replace('\\', '/').split("/");
        int dir = parts.length - 2;
        for (int up = dir; up >= Math.max(1, dir - 1); up--) {
            if (parts[up].equals("chats")) {
                return parts[up - 1].isEmpty() ? null : parts[up - 1];
            }
        }
        return project(path);
    }
}
