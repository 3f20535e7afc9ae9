package io.tokenmetrics.usage;

/** Names of the fields that a reader adds to a record from outside it. */
final class Records {
    /** Claude Code's project: the directory a session file lies in ({@code projects/<project>/<session>.jsonl}). */
    static final String PROJECT_KEY = "(project)";

    private Records() {
    }
}
