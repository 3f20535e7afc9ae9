package io.tokenmetrics.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** For tests that compare two ways to one result: every group and every count, with its reason. */
public final class SameResult {
    private SameResult() {
    }

    /**
     * Asserts that {@code actual} has the groups and counts of {@code expected}; the first
     * messages may name the rows otherwise (a file's lines, a partition's rows).
     *
     * @param expected the reference result
     * @param actual the result of the other way
     */
    public static void assertSameResult(UsageResult expected, UsageResult actual) {
        assertEquals(expected.groups(), actual.groups());
        assertEquals(expected.rows(), actual.rows());
        assertEquals(expected.skipped(), actual.skipped());
        assertEquals(expected.skippedByReason(), actual.skippedByReason());
        assertEquals(expected.duplicates(), actual.duplicates());
        assertEquals(expected.recordsWithoutUsage(), actual.recordsWithoutUsage());
        assertEquals(expected.blankLines(), actual.blankLines());
        assertEquals(expected.placeholders(), actual.placeholders());
        assertEquals(expected.incompleteLastLines(), actual.incompleteLastLines());
    }
}
