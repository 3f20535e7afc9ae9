package io.tokenmetrics.usage;

import io.tokenmetrics.internal.Text;
import io.tokenmetrics.internal.IoErrors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tokenmetrics.period.PeriodType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bugs found when the usage path was tried as a new user would, each pinned by a test. */
class UsageRegressionTest {
    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        return file(name, content.getBytes(StandardCharsets.UTF_8));
    }

    private Path file(String name, byte[] content) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, content);
        return f;
    }

    private static UsageAggregator.Builder weekly(String... by) {
        return UsageAggregator.builder().period(PeriodType.WEEK).by(Arrays.asList(by));
    }

    private static String message(UsageAggregator a, Path f) {
        return assertThrows(UsageLogException.class, () -> a.aggregate(f)).getMessage();
    }

    @Test
    void aFileCutWhileItIsReadIsAnErrorNotAnEndlessLoop() throws IOException {
        Path f = file("cut.csv", "timestamp,input_tokens,output_tokens\n");
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
            // the reader was told the file has 1000 bytes; it has 37
            FileRegions.Src src = FileRegions.region(ch, 0, 1000, "cut.csv");
            ByteBuffer b = ByteBuffer.allocate(4096);
            assertEquals(37, src.read(b));
            UsageLogException e = assertThrows(UsageLogException.class, () -> src.read(b));
            assertEquals("cut.csv: the file became shorter while it was read (it ends at byte 37, it had 1000 or more): was it"
                    + " truncated, as log rotation with copytruncate does? Read a copy", e.getMessage());
        }
    }

    @Test
    void anUnclosedQuoteCostsOneRowNotTheRestOfTheFile() throws IOException {
        StringBuilder b = new StringBuilder("timestamp,model,input_tokens,output_tokens\n2026-04-13T10:00:00Z,\"a,1,1\n");
        for (int i = 0; i < 1100; i++) {
            b.append("2026-04-13T10:00:00Z,b,1,1\n");
        }
        Path f = file("quote.csv", b.toString());
        UsageResult r = weekly("model").skipBad(true).build().aggregate(f);
        // line 2 is bad (its quote would run over more than 1,000 lines); the 1,100 rows after it count: 2,200 tokens
        assertEquals(1100, r.rows());
        assertEquals(1, r.skipped());
        assertEquals(f + ":2: a quoted field runs over more than 1000 lines (a quote that is not closed?)", r.firstSkipped().get(0));
        assertEquals(2200, r.groups().get(0).totalTokens());
        // a long quoted field that is closed (an export's free text or JSON column, 5 KiB over 3 lines) is read, not bad
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            text.append(i % 2000 == 1999 ? '\n' : i % 7 == 0 ? ',' : 'x');
        }
        Path longField = file("long.csv", "timestamp,model,input_tokens,output_tokens,metadata\n2026-04-13T10:00:00Z,b,3,4,\"" + text
                + "\"\n2026-04-13T11:00:00Z,b,1,1,\"{\"\"k\"\": 1}\"\n");
        UsageResult lf = weekly("model").build().aggregate(longField);
        assertEquals(2, lf.rows());
        assertEquals(9, lf.groups().get(0).totalTokens());
        Path end = file("end.csv", "timestamp,model,input_tokens,output_tokens\n2026-04-13T10:00:00Z,b,1,1\n2026-04-13T10:00:00Z,\"a,1,1\n"
                + "2026-04-13T10:00:00Z,b,2,2\n");
        UsageResult e = weekly("model").skipBad(true).build().aggregate(end);
        // line 3 opens a quote never closed; line 4 still counts: 1 + 1 + 2 + 2 = 6
        assertEquals(f.getParent().resolve("end.csv") + ":3: a quoted field is not closed before the end of the file", e.firstSkipped().get(0));
        assertEquals(6, e.groups().get(0).totalTokens());
    }

    @Test
    void aRowThatWouldOverflowAddsNothing() throws IOException {
        Path f = file("o.csv", "timestamp,input_tokens,output_tokens\n2026-04-13T10:00:00Z,9000000000000000000,0\n"
                + "2026-04-13T11:00:00Z,9000000000000000000,5\n2026-04-13T12:00:00Z,1,1\n");
        UsageResult r = weekly().skipBad(true).threads(1).build().aggregate(f);
        // row 2 is refused whole: its 5 output tokens are not added; rows 1 and 3 give 9e18 + 1 in, 1 out
        assertEquals(1, r.skipped());
        assertEquals(9000000000000000001L, r.groups().get(0).inputTokens());
        assertEquals(1, r.groups().get(0).outputTokens());
    }

    @Test
    void overflowAcrossFilesAndThreadsNamesTheFileLineAndPeriod() throws IOException {
        Path a = file("a.csv", "timestamp,model,input_tokens,output_tokens\n2026-04-13T10:00:00Z,m,5000000000000000000,0\n");
        Path b = file("b.csv", "timestamp,model,input_tokens,output_tokens\n2026-04-14T10:00:00Z,m,5000000000000000000,0\n");
        // each file alone is fine; together 1e19 passes 2^63 - 1 in the group (2026-W16, m)
        assertEquals(b + ":2: adding this row to the group of 2026-W16 (model=m) would take input_tokens (5000000000000000000 + 5000000000000000000) past 9223372036854775807: refused rather"
                + " than wrapped", assertThrows(UsageLogException.class, () -> weekly("model").threads(2).build().aggregate(a, b)).getMessage());
    }

    @Test
    void anOffsetAndAZoneFarApartMoveTheDayByTwo() throws IOException {
        // 23:30 at -12:00 on the 13th is 11:30 UTC on the 14th, 01:30 on the 15th at +14:00
        Path f = file("z.csv", "timestamp,input_tokens,output_tokens\n2026-04-13T23:30:00-12:00,1,1\n");
        UsageResult r = UsageAggregator.builder().period(PeriodType.DAY).zone(ZoneId.of("Pacific/Kiritimati")).build().aggregate(f);
        assertEquals("2026-04-15", r.groups().get(0).period().start().toString());
        UsageResult fixed = UsageAggregator.builder().period(PeriodType.DAY).zone(ZoneOffset.ofHours(14)).build().aggregate(f);
        assertEquals("2026-04-15", fixed.groups().get(0).period().start().toString());
    }

    @Test
    void compactDatesAndYearsAreNotEpochSecondsButFractionalEpochsAre() throws IOException {
        Path d = file("d.csv", "timestamp,input_tokens,output_tokens\n20260413,1,1\n");
        assertEquals(d + ":2: timestamp (\"20260413\") is neither epoch seconds (10 digits), milliseconds (13), microseconds (16) or"
                + " nanoseconds (19) nor ISO-8601 (2026-04-13T12:34:56Z); write a date as 2026-04-13", message(weekly().build(), d));
        Path y = file("y.csv", "timestamp,input_tokens,output_tokens\n2026,1,1\n");
        assertEquals(y + ":2: timestamp (\"2026\") is neither epoch seconds (10 digits), milliseconds (13), microseconds (16) or"
                + " nanoseconds (19) nor ISO-8601 (2026-04-13T12:34:56Z)", message(weekly().build(), y));
        // 1776074400.75 s is 2026-04-13T10:00:00.75Z, as a CSV text and as a JSON number
        Path c = file("f.csv", "timestamp,input_tokens,output_tokens\n1776074400.75,1,1\n");
        assertEquals("2026-04-13", UsageAggregator.builder().period(PeriodType.DAY).build().aggregate(c).groups().get(0).period().start().toString());
        Path j = file("f.jsonl", "{\"timestamp\":1776074400.75,\"input_tokens\":1,\"output_tokens\":1}\n");
        assertEquals("2026-04-13", UsageAggregator.builder().period(PeriodType.DAY).build().aggregate(j).groups().get(0).period().start().toString());
        // a fraction is still no token count
        Path t = file("t.jsonl", "{\"timestamp\":1776074400,\"input_tokens\":1.5,\"output_tokens\":1}\n");
        assertEquals(t + ":1: input_tokens (1.5) is not a whole number of tokens", message(weekly().build(), t));
    }

    @Test
    void invalidUtf8NamesAreBadRowsNotOneMergedGroup() throws IOException {
        byte[] head = "timestamp,model,input_tokens,output_tokens\n".getBytes(StandardCharsets.US_ASCII);
        byte[] row1 = "2026-04-13T10:00:00Z,\u00ff1,1,1\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] row2 = "2026-04-13T10:00:00Z,\u00fe2,1,1\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[head.length + row1.length + row2.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(row1, 0, all, head.length, row1.length);
        System.arraycopy(row2, 0, all, head.length + row1.length, row2.length);
        Path f = file("latin1.csv", all);
        UsageResult r = weekly("model").skipBad(true).build().aggregate(f);
        assertEquals(0, r.rows());
        assertEquals(Arrays.asList(f + ":2: model (\"\\xFF1\") is not valid UTF-8", f + ":3: model (\"\\xFE2\") is not valid UTF-8"), r.firstSkipped());
    }

    @Test
    void aBadRowInternsNothing() {
        RowProcessor.Layout layout = weekly("model").build().layout(Arrays.asList("timestamp", "model", "input_tokens", "output_tokens"), "x.csv");
        Accumulator acc = new Accumulator(1);
        RowProcessor p = new RowProcessor(layout, weekly("model").build(), acc, null);
        byte[] row = "2026-04-13T10:00:00Zdistinct-name-1x1".getBytes(StandardCharsets.US_ASCII);
        // fields: timestamp [0,20), model [20,35), input "x" [35,36) is bad, output [36,37)
        assertEquals(RowProcessor.BAD, p.row(row, new int[] {0, 20, 35, 36}, new int[] {20, 35, 36, 37}));
        assertEquals(0, acc.dicts[0].size());
    }

    @Test
    void messagesNameVendorFieldsAsWrittenAndShowValuesAsWritten() throws IOException {
        // found by a hostile corpus: usagemetadata.candidatestokencount (lower-cased) and 1000 for 1e3; on the first line (read
        // whole) and on a later one (read by the scanner) alike
        String good = "{\"timestamp\":\"2026-04-13T10:00:00Z\",\"modelVersion\":\"gemini-2.5-pro\",\"usageMetadata\":{\"promptTokenCount\":10,"
                + "\"candidatesTokenCount\":7,\"totalTokenCount\":17}}\n";
        String bad = "{\"timestamp\":\"2026-04-13T10:00:00Z\",\"modelVersion\":\"gemini-2.5-pro\",\"usageMetadata\":{\"promptTokenCount\":10,"
                + "\"candidatesTokenCount\":1e3,\"totalTokenCount\":17}}\n";
        Path first = file("first.jsonl", bad);
        assertEquals(first + ":1: usageMetadata.candidatesTokenCount (1e3) is not a whole number of tokens", message(weekly().build(), first));
        Path later = file("later.jsonl", good + bad);
        assertEquals(later + ":2: usageMetadata.candidatesTokenCount (1e3) is not a whole number of tokens", message(weekly().build(), later));
    }

    @Test
    void twoJsonValuesOnALineAndRepeatedKeysOrColumnsAreErrors() throws IOException {
        Path two = file("two.jsonl", "{\"timestamp\":\"2026-04-13T10:00:00Z\",\"input_tokens\":1,\"output_tokens\":1} "
                + "{\"timestamp\":\"2026-04-13T10:00:00Z\",\"input_tokens\":2,\"output_tokens\":2}\n");
        assertEquals(two + ":1: more than one JSON value on the line (JSON Lines has one per line)", message(weekly().build(), two));
        Path key = file("key.jsonl", "{\"timestamp\":\"2026-04-13T10:00:00Z\",\"input_tokens\":1,\"input_tokens\":9,\"output_tokens\":1}\n");
        assertEquals(key + ":1: field \"input_tokens\" appears twice: which one counts is not clear", message(weekly().build(), key));
        Path col = file("col.csv", "timestamp,input_tokens,output_tokens,input_tokens\n2026-04-13T10:00:00Z,1,1,9\n");
        assertEquals(col + ":1: column \"input_tokens\" appears twice (columns 2 and 4): which one counts is not clear",
                message(weekly().build(), col));
    }

    @Test
    void utf16CrOnlyAndNulBytesGetReadableErrors() throws IOException {
        byte[] utf16 = "\ufefftimestamp,input_tokens,output_tokens\n".getBytes(StandardCharsets.UTF_16LE);
        Path u = file("u16.csv", utf16);
        assertEquals(u + ":1: the file is UTF-16 (it starts with a UTF-16 byte-order mark); convert it to UTF-8", message(weekly().build(), u));
        Path nobom = file("nobom.csv", "timestamp,input_tokens\n".getBytes(StandardCharsets.UTF_16LE));
        assertEquals(nobom + ":1: the header row has a NUL byte: not a UTF-8 text file (UTF-16 without a byte-order mark?)",
                message(weekly().build(), nobom));
        Path cr = file("cr.csv", "timestamp,input_tokens,output_tokens\r2026-04-13T10:00:00Z,1,1\r");
        assertEquals(cr + ":1: the file has CR-only line ends (classic Mac); convert them to LF or CRLF", message(weekly().build(), cr));
        Path nul = file("nul.csv", "timestamp,input_tokens,output_tokens\n2026-04-13T10:00:00Z,1\u0000\u001b[2J,1\n");
        assertEquals(nul + ":2: input_tokens (\"1\\0\\u001b[2J\") is not a whole number of tokens", message(weekly().build(), nul));
    }

    @Test
    void ioErrorsSayWhy() {
        assertEquals("permission denied", IoErrors.reason(new AccessDeniedException("x.csv")));
        assertEquals("no such file or directory", IoErrors.reason(new NoSuchFileException("x.csv")));
        Path missing = dir.resolve("missing.csv");
        assertEquals(missing + ": no such file or directory",
                assertThrows(UsageLogException.class, () -> weekly().build().aggregate(Collections.singletonList(missing))).getMessage());
    }

    @Test
    void textEscapesControlCharacters() {
        assertEquals("a\\u001b[31mb\\n\\0", Text.escape("a\u001b[31mb\n\u0000"));
        assertEquals("模型 gpt-4o", Text.escape("模型 gpt-4o"));
    }

    @Test
    void aStringThatLooksLikeAnOldFloatMarkerIsJustAString() throws IOException {
        // the reader once marked floats as "float:..." text, so a value "float:abc" was taken for a number
        Path f = file("m.jsonl", "{\"timestamp\":\"2026-04-13T10:00:00Z\",\"model\":\"float:abc\",\"input_tokens\":1,\"output_tokens\":1}\n"
                + "{\"timestamp\":\"2026-04-13T10:00:00Z\",\"model\":\"m\",\"input_tokens\":\"float:abc\",\"output_tokens\":1}\n");
        UsageResult r = weekly("model").skipBad(true).build().aggregate(f);
        assertEquals("float:abc", r.groups().get(0).dimensions().get(0));
        assertEquals(Arrays.asList(f + ":2: input_tokens (\"float:abc\") is not a whole number of tokens"), r.firstSkipped());
    }

    @Test
    void aDimensionValueAllDoesNotCollideWithTheTotal() throws IOException {
        Path f = file("all.csv", "timestamp,model,input_tokens,output_tokens\n2026-04-13T10:00:00Z,all,1,1\n2026-04-13T10:00:00Z,b,2,2\n");
        io.tokenmetrics.data.Dataset d = weekly("model").build().aggregate(f).toDataset("usage");
        // usage-all is the total (2 + 4 = 6); the model "all" gets usage-all-2 (2)
        assertEquals("Usage: all rows", d.series("usage-all").subject());
        assertEquals("Usage: model=all", d.series("usage-all-2").subject());
        assertEquals(0, d.series("usage-all").observations().get(0).requireValue().lower().get().compareTo(java.math.BigDecimal.valueOf(6)));
    }

    @Test
    void aLineOfNulBytesIsABadRowNotACrash() throws IOException {
        // found by UsageLogFuzzTest (Jazzer): "\n\t\0\0\0\0a\xC9" made the JSON reader dereference a null tree
        Path f = file("nul.jsonl", new byte[] {'\n', '\t', 0, 0, 0, 0, 'a', (byte) 0xC9});
        UsageResult r = weekly().skipBad(true).build().aggregate(f);
        assertEquals(1, r.blankLines());
        assertEquals(1, r.skipped());
        assertEquals(0, r.rows());
    }

    @Test
    void minusZeroIsZeroOnEveryLineAndInEveryFormat() throws IOException {
        // the first line is read as a tree (it decides the source), the next ones by the scanner: one answer, 0
        Path j = file("z.jsonl", "{\"timestamp\":\"2026-04-13T10:00:00Z\",\"input_tokens\":-0,\"output_tokens\":2}\n"
                + "{\"timestamp\":\"2026-04-13T10:00:00Z\",\"input_tokens\":-0,\"output_tokens\":3}\n");
        UsageResult r = weekly().build().aggregate(j);
        assertEquals(2, r.rows());
        assertEquals(5, r.groups().get(0).totalTokens());
        Path c = file("z.csv", "timestamp,input_tokens,output_tokens\n2026-04-13T10:00:00Z,-0,4\n");
        assertEquals(4, weekly().build().aggregate(c).groups().get(0).totalTokens());
        // a negative count stays bad, on either path
        Path n = file("n.jsonl", "{\"timestamp\":\"2026-04-13T10:00:00Z\",\"input_tokens\":1,\"output_tokens\":2}\n"
                + "{\"timestamp\":\"2026-04-13T10:00:00Z\",\"input_tokens\":-5,\"output_tokens\":3}\n");
        assertEquals(n + ":2: input_tokens (\"-5\") is not a whole number of tokens", message(weekly().build(), n));
    }
}
