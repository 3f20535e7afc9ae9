package io.tokenmetrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tokenmetrics.calc.Calculator;
import io.tokenmetrics.calc.ClaimCheck;
import io.tokenmetrics.calc.Comparison;
import io.tokenmetrics.calc.Growth;
import io.tokenmetrics.data.Dataset;
import io.tokenmetrics.data.Series;
import io.tokenmetrics.period.TimePeriod;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** One Dataset and one Calculator shared by many threads give the single-threaded answers. */
class ConcurrencyTest {
    private static List<Object> answers(Dataset d, Calculator c) {
        List<Object> out = new ArrayList<>();
        for (Series s : d.series()) {
            try {
                Growth g = c.growth(s);
                out.add(g);
            } catch (IllegalArgumentException e) {
                out.add(e.getMessage());
            }
            try {
                out.add(c.changes(s));
                out.add(c.streaks(s));
            } catch (IllegalArgumentException e) {
                // a series of changes: refused, the same way on every thread
                out.add(e.getMessage());
            }
        }
        Comparison cmp = c.compare(d.series("openrouter-us-weekly"), d.series("openrouter-china-weekly"), TimePeriod.parse("2026-W16"),
                d.series("openrouter-total-weekly"));
        out.add(cmp);
        out.add(cmp.firstShareOfSum());
        for (ClaimCheck k : io.tokenmetrics.calc.ClaimChecker.create().checkAll(d)) {
            out.add(k);
        }
        out.add(d.toJson());
        return out;
    }

    @Test
    void sharedInstancesGiveTheSameAnswersFromManyThreads() throws Exception {
        Dataset d = Dataset.bundled();
        Calculator c = Calculator.create();
        List<Object> expected = answers(d, c);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<Object>>> futures = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                futures.add(pool.submit(() -> answers(d, c)));
            }
            for (Future<List<Object>> f : futures) {
                assertEquals(expected, f.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
