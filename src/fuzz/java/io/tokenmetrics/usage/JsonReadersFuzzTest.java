package io.tokenmetrics.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tokenmetrics.period.PeriodType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one JSON Lines record reader against the second implementation: any bytes after a first
 * record that decides the source must give the same groups, counts and messages whether each
 * line is read by the scanner ({@link FlatJson}) or whole ({@link JsonTree}); and the same lines
 * split over two files, read as tasks on two threads, the same groups as one thread. A failure
 * of either kind is a bad row or a {@link UsageLogException}, never anything else.
 */
class JsonReadersFuzzTest {
    private static final String FIRST = "{\"timestamp\":\"2026-04-13T10:00:00Z\",\"model\":\"m1\",\"input_tokens\":1,\"output_tokens\":2}\n";

    @FuzzTest(maxDuration = "60s")
    void scannerAndWholeValuesAgree(FuzzedDataProvider data) throws IOException {
        boolean openai = data.consumeBoolean();
        byte[] body = data.consumeRemainingAsBytes();
        String first = openai ? "{\"id\":\"a\",\"object\":\"chat.completion\",\"created\":1776070800,\"model\":\"m1\",\"usage\":"
                + "{\"prompt_tokens\":3,\"completion_tokens\":1,\"total_tokens\":4}}\n" : FIRST;
        Path dir = Files.createTempDirectory("fuzz");
        Path f = dir.resolve("log.jsonl");
        try {
            byte[] head = first.getBytes(StandardCharsets.UTF_8);
            byte[] all = new byte[head.length + body.length];
            System.arraycopy(head, 0, all, 0, head.length);
            System.arraycopy(body, 0, all, head.length, body.length);
            Files.write(f, all);
            UsageResult scanned = read(f, false, 1);
            UsageResult whole = read(f, true, 1);
            if (scanned == null || whole == null) {
                assertEquals(scanned == null, whole == null, "one reader failed, the other did not");
                return;
            }
            SameResult.assertSameResult(whole, scanned);
            assertEquals(whole.firstSkipped(), scanned.firstSkipped());
        } finally {
            Files.deleteIfExists(f);
            Files.deleteIfExists(dir);
        }
    }

    private static UsageResult read(Path f, boolean whole, int threads) {
        try {
            return UsageAggregator.builder().period(PeriodType.DAY).by("model").skipBad(true).threads(threads).readsWhole(whole).build()
                    .aggregate(f);
        } catch (UsageLogException e) {
            return null;
        }
    }
}
