package io.tokenmetrics.usage;

import static io.tokenmetrics.usage.SameResult.assertSameResult;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tokenmetrics.period.PeriodType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JSON Lines file read in parts on two threads against the same file read whole by one: the
 * same groups, counts, reasons and messages, and the whole-file reading wherever a part cannot
 * stand alone (request ids, lines that are not flat records).
 */
class JsonLinesInPartsTest {
    @TempDir
    Path dir;

    /** More than {@link UsageAggregator#JSON_PARTS_MIN} of flat records, with bad rows and blank lines; {@code extra} at the end. */
    private Path log(long seed, String... extra) throws IOException {
        Random r = new Random(seed);
        List<String> lines = new ArrayList<>();
        while (lines.size() < 45_000) {
            String in = r.nextInt(80) == 0 ? "\"12x\"" : Integer.toString(r.nextInt(300_000));
            String line = "{\"timestamp\":\"2026-04-" + (10 + r.nextInt(18)) + "T0" + r.nextInt(10) + ":00:00Z\",\"model\":\"m" + r.nextInt(6)
                    + "\",\"provider\":\"p\",\"input_tokens\":" + in + ",\"output_tokens\":" + r.nextInt(4000)
                    + (r.nextInt(100) == 0 ? "" : ",\"cache_read_tokens\":0") + "}";
            lines.add(r.nextInt(500) == 0 ? "" : r.nextInt(300) == 0 ? line.replace(",\"output_tokens\"", ",\"x\"") : line);
        }
        lines.addAll(Arrays.asList(extra));
        Path f = dir.resolve("log.jsonl");
        Files.write(f, lines, StandardCharsets.UTF_8);
        return f;
    }

    private static UsageAggregator.Builder agg() {
        return UsageAggregator.builder().period(PeriodType.DAY).by("model").skipBad(true);
    }

    private static void compare(Path f, boolean expectParts) {
        UsageResult whole = agg().threads(1).build().aggregate(f);
        UsageResult parts = agg().threads(2).build().aggregate(f);
        assertEquals(expectParts ? 1 : 0, parts.filesReadInParts, "read in parts");
        assertSameResult(whole, parts);
        // the messages name the file's lines, whichever way it was read
        assertEquals(whole.firstSkipped(), parts.firstSkipped());
    }

    @Test
    void flatRecordsWithBadRowsAreReadInPartsToTheSameResult() throws IOException {
        Path f = log(1);
        UsageResult r = agg().threads(2).build().aggregate(f);
        assertEquals(2, r.skippedByReason().size(), r.skippedByReason()::toString);
        compare(f, true);
    }

    @Test
    void requestIdsLinesThatAreNotJsonAndArraysAreReadInPartsToTheSameResult() throws IOException {
        compare(log(2, "{\"timestamp\":\"2026-04-13T10:00:00Z\",\"model\":\"m1\",\"request_id\":\"a\",\"input_tokens\":1,\"output_tokens\":1}",
                "{\"timestamp\":\"2026-04-13T10:00:00Z\",\"model\":\"m1\",\"request_id\":\"a\",\"input_tokens\":1,\"output_tokens\":1}"), true);
        compare(log(3, "not json"), true);
        compare(log(4, "[{\"timestamp\":\"2026-04-13T10:00:00Z\",\"model\":\"m1\",\"input_tokens\":1,\"output_tokens\":1}]"), true);
    }

    @Test
    void withoutSkipBadTheFirstBadRowInTheFileStops() throws IOException {
        // good records, then one bad one in the second part, after a blank line: its line in the file is named
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 45_000; i++) {
            lines.add("{\"timestamp\":\"2026-04-13T10:00:00Z\",\"model\":\"m" + i % 3 + "\",\"input_tokens\":" + i
                    + ",\"output_tokens\":1,\"region\":\"somewhere-quite-far\"}");
        }
        lines.add(40_000, "");
        lines.add(40_001, "{\"timestamp\":\"2026-04-13T10:00:00Z\",\"model\":\"m\",\"input_tokens\":\"7x\",\"output_tokens\":1}");
        Path f = dir.resolve("strict.jsonl");
        Files.write(f, lines, StandardCharsets.UTF_8);
        assertEquals(true, Files.size(f) > UsageAggregator.JSON_PARTS_MIN);
        UsageLogException one = assertThrows(UsageLogException.class,
                () -> UsageAggregator.builder().period(PeriodType.DAY).by("model").threads(1).build().aggregate(f));
        UsageLogException two = assertThrows(UsageLogException.class,
                () -> UsageAggregator.builder().period(PeriodType.DAY).by("model").threads(2).build().aggregate(f));
        assertEquals(f + ":40002: input_tokens (\"7x\") is not a whole number of tokens", one.getMessage());
        assertEquals(one.getMessage(), two.getMessage());
        // and with --skip-bad it was read in parts, to the same result
        compare(f, true);
    }

    @Test
    void aCutLastLineARangeAndAnotherSourcesRecordGiveOneAnswerEitherWay() throws IOException {
        // a cut last line is counted, a cut line that is not the last is bad, in parts as whole
        Path cut = log(5, "{\"timestamp\":\"2026-04-13T10:00:00Z\",\"model\":\"m1\",\"input_tok");
        compare(cut, true);
        assertEquals(1, agg().threads(2).build().aggregate(cut).incompleteLastLines());
        Path inside = log(6, "{\"timestamp\":\"2026-04-13T10:00:00Z\",\"model\":\"m1\",\"input_tok",
                "{\"timestamp\":\"2026-04-13T10:00:00Z\",\"model\":\"m1\",\"input_tokens\":1,\"output_tokens\":1}");
        compare(inside, true);
        assertEquals(0, agg().threads(2).build().aggregate(inside).incompleteLastLines());
        // an OpenAI response among the flat records: its own source's rules, so the file goes back to one thread
        compare(log(7, "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1776070800,\"model\":\"m1\",\"usage\":"
                + "{\"prompt_tokens\":100,\"completion_tokens\":5,\"total_tokens\":105,\"prompt_tokens_details\":{\"cached_tokens\":64}}}"), false);
        // a date range, in parts and whole
        Path f = log(8);
        UsageResult whole = agg().threads(1).since(java.time.LocalDate.parse("2026-04-15")).until(java.time.LocalDate.parse("2026-04-20")).build()
                .aggregate(f);
        UsageResult parts = agg().threads(2).since(java.time.LocalDate.parse("2026-04-15")).until(java.time.LocalDate.parse("2026-04-20")).build()
                .aggregate(f);
        assertSameResult(whole, parts);
        assertEquals(whole.outsideDates(), parts.outsideDates());
        assertEquals(true, whole.outsideDates() > 10_000, () -> "outside: " + whole.outsideDates());
    }

    @Test
    void aLongCutLastLineThatSpansThePartsIsTheFilesIncompleteLastLine() throws IOException {
        // found in review: a cut last line longer than size/threads spans the cut points; the part that holds it is not the last
        StringBuilder cut = new StringBuilder("{\"timestamp\":\"2026-04-13T10:00:00Z\",\"model\":\"m1\",\"note\":\"");
        while (cut.length() < 3 << 20) {
            cut.append("a long tool result ");
        }
        Path f = log(11, cut.toString());
        UsageResult one = agg().threads(1).build().aggregate(f);
        assertEquals(1, one.incompleteLastLines());
        for (int threads : new int[] {2, 8}) {
            UsageResult parts = agg().threads(threads).build().aggregate(f);
            assertEquals(1, parts.filesReadInParts, "read in parts");
            assertSameResult(one, parts);
        }
        // the same, followed by blank lines only: still the last line
        Path blanks = log(12, cut.toString(), "", "", "");
        assertEquals(1, agg().threads(1).build().aggregate(blanks).incompleteLastLines());
        assertSameResult(agg().threads(1).build().aggregate(blanks), agg().threads(8).build().aggregate(blanks));
    }

    @Test
    void aLineThatStartsLikeUtf16AtAPartsStartIsABadRowAsOnOneThread() throws IOException {
        // found in review: the UTF-16 check ran on every part's first line, not only the file's
        Path f = log(13);
        byte[] b = Files.readAllBytes(f);
        int at = b.length / 2;
        while (b[at] != '\n') {
            at++;
        }
        // the line that starts the second part of two begins with FF FE
        b[at + 1] = (byte) 0xFF;
        b[at + 2] = (byte) 0xFE;
        Files.write(f, b);
        UsageResult one = agg().threads(1).build().aggregate(f);
        UsageResult two = agg().threads(2).build().aggregate(f);
        assertEquals(1, two.filesReadInParts, "read in parts");
        assertSameResult(one, two);
        assertEquals(one.firstSkipped(), two.firstSkipped());
    }
}
