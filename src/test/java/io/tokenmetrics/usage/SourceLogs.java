package io.tokenmetrics.usage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generated logs of one record source for differential tests: the source's fixture records
 * again and again, every count times a random factor (a record's stated totals stay
 * consistent), dates moved, ids drawn from a small set (so ids repeat), and optionally one
 * record in 40 with a count that is not a number.
 */
public final class SourceLogs {
    private static final Pattern COUNT = Pattern.compile("\": (\\d+)");
    private static final Pattern ID = Pattern.compile("\"(id|responseId|requestId)\": \"([^\"]*)\"");

    private SourceLogs() {
    }

    /** The fixture's path: {@code src/test/resources/io/tokenmetrics/usage/sources/} + {@code fixture}. */
    public static Path fixture(String fixture) {
        return Paths.get("src/test/resources/io/tokenmetrics/usage/sources/" + fixture);
    }

    /** {@code n} generated lines of {@code fixture}'s source. */
    public static List<String> lines(String fixture, int n, long seed, boolean badCounts) throws IOException {
        List<String> records = Files.readAllLines(fixture(fixture), StandardCharsets.UTF_8);
        Random r = new Random(seed);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String line = records.get(r.nextInt(records.size()));
            int factor = 1 + r.nextInt(5);
            Matcher m = COUNT.matcher(line);
            StringBuffer b = new StringBuffer();
            boolean broken = badCounts && r.nextInt(40) == 0;
            while (m.find()) {
                m.appendReplacement(b, broken ? "\": \"7x\"" : "\": " + Long.parseLong(m.group(1)) * factor);
                broken = false;
            }
            m.appendTail(b);
            line = b.toString().replaceAll("2026-04-1\\d", "2026-04-" + (10 + r.nextInt(18)));
            line = ID.matcher(line).replaceAll("\"$1\": \"$2-" + r.nextInt(Math.max(1, n / 3)) + "\"");
            out.add(line);
        }
        return out;
    }

    /** {@link #lines} written to {@code dir/gen-<fixture>}. */
    public static Path write(Path dir, String fixture, int n, long seed, boolean badCounts) throws IOException {
        Path f = dir.resolve("gen-" + fixture.replace('/', '-'));
        Files.write(f, lines(fixture, n, seed, badCounts), StandardCharsets.UTF_8);
        return f;
    }
}
