package io.tokenmetrics.usage;

/** What a reader did with its rows: counted, not usage, repeated, or bad (handed to {@link #bad}). */
abstract class RowCounts {
    long rows;
    long notUsage;
    long duplicates;
    long placeholders;
    /** Good rows dated outside the days asked for. */
    long outside;
    /** Files whose last line was cut short (a write that did not finish): not errors. */
    long incompleteLastLines;

    final void count(int result, RowProcessor p, long line, String path) {
        switch (result) {
            case RowProcessor.COUNTED:
                rows++;
                break;
            case RowProcessor.NOT_USAGE:
                notUsage++;
                break;
            case RowProcessor.DUPLICATE:
                duplicates++;
                break;
            case RowProcessor.PLACEHOLDER:
                placeholders++;
                break;
            case RowProcessor.OUTSIDE:
                outside++;
                break;
            default:
                bad(line, path, p.errorKind, p.error);
                break;
        }
    }

    /** A bad row: stop, or count it. */
    abstract void bad(long line, String path, String kind, String message);

    /** Adds these counts to {@code into}. */
    final void addTo(RowCounts into) {
        into.rows += rows;
        into.notUsage += notUsage;
        into.duplicates += duplicates;
        into.placeholders += placeholders;
        into.outside += outside;
        into.incompleteLastLines += incompleteLastLines;
    }
}
