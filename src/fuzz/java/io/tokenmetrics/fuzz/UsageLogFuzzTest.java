package io.tokenmetrics.fuzz;

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
        } catch (UsageLogException expected) {
            // named file, line and reason
        } finally {
            Files.deleteIfExists(f);
        }
    }
}
