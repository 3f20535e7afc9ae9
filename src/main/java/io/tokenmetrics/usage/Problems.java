package io.tokenmetrics.usage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Bad rows of one chunk or file: counts by kind and the first few with their line numbers. */
final class Problems {
    static final int KEEP = 5;

    final Map<String, Long> byKind = new LinkedHashMap<>();
    final List<long[]> firstLines = new ArrayList<>();
    final List<String> firstMessages = new ArrayList<>();
    long total;

    void add(String kind, long line, String message) {
        total++;
        byKind.merge(kind, 1L, Long::sum);
        if (firstLines.size() < KEEP) {
            firstLines.add(new long[] {line});
            firstMessages.add(message);
        }
    }

    /** Adds {@code other}, whose messages already name their file and line. */
    void addAll(Problems other) {
        total += other.total;
        other.byKind.forEach((k, v) -> byKind.merge(k, v, Long::sum));
        for (int i = 0; i < other.firstLines.size() && firstLines.size() < KEEP; i++) {
            firstLines.add(other.firstLines.get(i));
            firstMessages.add(other.firstMessages.get(i));
        }
    }

    /** Adds {@code other}, whose line numbers are shifted by {@code lineOffset}. */
    void addAll(Problems other, long lineOffset, String file) {
        total += other.total;
        other.byKind.forEach((k, v) -> byKind.merge(k, v, Long::sum));
        for (int i = 0; i < other.firstLines.size() && firstLines.size() < KEEP; i++) {
            firstLines.add(new long[] {other.firstLines.get(i)[0] + lineOffset});
            firstMessages.add(file + ":" + (other.firstLines.get(i)[0] + lineOffset) + ": " + other.firstMessages.get(i));
        }
    }
}
