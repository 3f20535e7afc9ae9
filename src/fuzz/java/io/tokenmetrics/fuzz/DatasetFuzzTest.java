package io.tokenmetrics.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tokenmetrics.calc.Calculator;
import io.tokenmetrics.data.Dataset;
import io.tokenmetrics.data.DatasetException;
import io.tokenmetrics.data.Series;
import java.io.ByteArrayInputStream;

/** Any bytes: the loader gives a dataset that writes and reads back equal, or a DatasetException; nothing else. */
class DatasetFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void datasetLoader(FuzzedDataProvider data) {
        byte[] bytes = data.consumeRemainingAsBytes();
        Dataset d;
        try {
            d = Dataset.read(new ByteArrayInputStream(bytes), "fuzz.json");
        } catch (DatasetException expected) {
            return;
        }
        assertEquals(d, Dataset.read(new ByteArrayInputStream(d.toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8)), "again"));
        Calculator c = Calculator.create();
        for (Series s : d.series()) {
            c.changes(s);
            c.streaks(s);
        }
        try {
            io.tokenmetrics.calc.ClaimChecker.create().checkAll(d);
        } catch (IllegalArgumentException | ArithmeticException expected) {
            // a claim naming a missing series or unusable figures: a documented error
        }
    }
}
