package io.tokenmetrics.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tokenmetrics.usage.UsageAggregator;
import io.tokenmetrics.usage.UsageLogException;
import io.tokenmetrics.usage.UsageResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;

/** Any bytes as CSV or JSON Lines: a result that accounts for every line, or a UsageLogException; nothing else. */
class UsageLogFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void usageReaders(FuzzedDataProvider data) throws IOException {
        boolean json = data.consumeBoolean();
        boolean skip = data.consumeBoolean();
        int threads = data.consumeInt(1, 3);
        byte[] body = data.consumeRemainingAsBytes();
        Path f = Files.createTempFile("fuzz", json ? ".jsonl" : ".csv");
        try {
            Files.write(f, body);
            UsageResult r = UsageAggregator.builder().by(Arrays.asList("model")).skipBad(skip).threads(threads).build()
                    .aggregate(Collections.singletonList(f));
            assertTrue(r.rows() >= 0 && r.skipped() >= 0);
            if (!skip) {
                assertTrue(r.skipped() == 0);
            }
            // every line is accounted for: a header, a blank line, or one record (counted, skipped,
            // repeated or without usage); exactly so where no record can span or share lines
            long records = r.rows() + r.skipped() + r.duplicates() + r.recordsWithoutUsage();
            long lines = lines(body);
            String text = new String(body, java.nio.charset.StandardCharsets.ISO_8859_1);
            if (json) {
                if (everyLineIsOneObject(text)) {
                    assertEquals(lines, records + r.blankLines(), "JSON lines " + lines + " vs records " + records + " + blank " + r.blankLines());
                }
            } else if (text.indexOf('"') < 0 && text.indexOf('\r') < 0) {
                assertEquals(lines, records + r.blankLines() + 1, "CSV lines " + lines + " vs records " + records + " + blank " + r.blankLines() + " + header");
            } else {
                assertTrue(records + r.blankLines() + 1 <= lines);
            }
        } catch (UsageLogException expected) {
            // named file, line and reason
        } finally {
            Files.deleteIfExists(f);
        }
    }

    /** Lines as the readers count them: a final line without a newline counts, an empty end does not. */
    private static long lines(byte[] b) {
        long n = 0;
        for (byte x : b) {
            if (x == '\n') {
                n++;
            }
        }
        return b.length > 0 && b[b.length - 1] != '\n' ? n + 1 : n;
    }

    /** Whether each non-blank line is one flat object (no array, page or trace file that holds several records). */
    private static boolean everyLineIsOneObject(String text) {
        for (String line : text.split("\n")) {
            String t = line.trim();
            if (t.isEmpty()) {
                continue;
            }
            if (!t.startsWith("{") || t.contains("resourceSpans") || t.contains("results") || t.contains("[")) {
                return false;
            }
        }
        return true;
    }
}
