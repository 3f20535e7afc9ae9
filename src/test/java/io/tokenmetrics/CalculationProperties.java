package io.tokenmetrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenmetrics.amount.Language;
import io.tokenmetrics.amount.Quantity;
import io.tokenmetrics.amount.Quantity.Unit;
import io.tokenmetrics.amount.TokenAmount;
import io.tokenmetrics.calc.Calculator;
import io.tokenmetrics.calc.Change;
import io.tokenmetrics.calc.Growth;
import io.tokenmetrics.data.Measure;
import io.tokenmetrics.data.Observation;
import io.tokenmetrics.data.Series;
import io.tokenmetrics.period.TimePeriod;
import io.tokenmetrics.usage.UsageAggregator;
import io.tokenmetrics.usage.UsageResult;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** Properties that must hold for all inputs, not just the examples (jqwik). */
class CalculationProperties {
    private static final Calculator C = Calculator.create();

    @Property
    void tokenAmountsRoundTripInBothLanguages(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long tokens) {
        TokenAmount a = TokenAmount.of(tokens);
        assertEquals(a, TokenAmount.parse(a.format(Language.EN)));
        assertEquals(a, TokenAmount.parse(a.format(Language.ZH)));
        assertEquals(a, TokenAmount.parse(a.toString()));
    }

    @Property
    void rangesRoundTripInBothLanguages(@ForAll @LongRange(min = 0, max = 1_000_000_000_000_000L) long lo,
            @ForAll @LongRange(min = 0, max = 1_000_000_000_000_000L) long width, @ForAll boolean approximate) {
        Quantity q = Quantity.range(BigDecimal.valueOf(lo), BigDecimal.valueOf(lo + width), Unit.TOKENS);
        Quantity x = approximate ? q.approximate() : q;
        assertEquals(x, Quantity.parse(x.format(Language.EN), Unit.TOKENS));
        assertEquals(x, Quantity.parse(x.format(Language.ZH), Unit.TOKENS));
    }

    @Provide
    Arbitrary<BigDecimal> changes() {
        // a stated change in percent with two decimals, above -100%
        return Arbitraries.integers().between(-9_999, 100_000).map(i -> BigDecimal.valueOf(i, 2));
    }

    @Property
    void impliedPreviousAndStatedChangeAreInverses(@ForAll @LongRange(min = 1, max = 1_000_000_000_000_000L) long current,
            @ForAll("changes") BigDecimal change) {
        Quantity cur = Quantity.of(current, Unit.TOKENS);
        Quantity pct = Quantity.of(change, Unit.PERCENT);
        Quantity prev = C.impliedPrevious(cur, pct);
        BigDecimal back = C.applyChange(prev, pct).value();
        // two roundings of 34 digits: relative error far below 1e-28
        assertTrue(back.subtract(BigDecimal.valueOf(current)).abs().compareTo(BigDecimal.valueOf(current).movePointLeft(28)) <= 0);
        BigDecimal again = C.impliedChange(prev, cur).value();
        assertTrue(again.subtract(change).abs().compareTo(new BigDecimal("1E-25")) <= 0, again + " vs " + change);
    }

    @Property
    void sharesOfThePartsSumToTheWhole(@ForAll @Size(min = 1, max = 20) List<@LongRange(min = 1, max = 1_000_000_000_000_000L) Long> parts) {
        long sum = 0;
        for (long p : parts) {
            sum += p;
        }
        Quantity whole = Quantity.of(sum, Unit.TOKENS);
        BigDecimal total = BigDecimal.ZERO;
        for (long p : parts) {
            total = total.add(C.share(Collections.singletonList(Quantity.of(p, Unit.TOKENS)), whole).percent().value());
        }
        assertTrue(total.subtract(BigDecimal.valueOf(100)).abs().compareTo(new BigDecimal("1E-28")) <= 0, total.toPlainString());
        List<Quantity> all = new ArrayList<>();
        for (long p : parts) {
            all.add(Quantity.of(p, Unit.TOKENS));
        }
        assertEquals(0, C.share(all, whole).percent().value().compareTo(BigDecimal.valueOf(100)));
    }

    @Property
    void periodOverPeriodChangesAgreeWithPairwiseGrowth(@ForAll @Size(min = 2, max = 15) List<@LongRange(min = 0, max = 1_000_000_000_000L) Long> values) {
        List<Observation> obs = new ArrayList<>();
        TimePeriod w = TimePeriod.parse("2026-W01");
        for (long v : values) {
            obs.add(Observation.of(w, Quantity.of(v, Unit.TOKENS)));
            w = w.next();
        }
        Series s = Series.builder("p", Measure.TOKENS_PER_WEEK).subject("p").region("GLOBAL").observations(obs).build();
        List<Change> ch = C.changes(s);
        assertEquals(values.size() - 1, ch.size());
        for (Change c : ch) {
            Growth g = C.growth(s, c.from(), c.to());
            assertEquals(c.percent(), g.percentChange());
            assertEquals(c.absolute(), g.absoluteChange());
            assertTrue(c.isConsecutive());
        }
    }

    @Property(tries = 40)
    void aggregatingAnySplitOfTheRowsEqualsAggregatingAll(@ForAll @IntRange(min = 1, max = 400) int rows,
            @ForAll @IntRange(min = 0, max = 400) int cutAt, @ForAll @IntRange(min = 1, max = 4) int threads) throws IOException {
        Path dir = Files.createTempDirectory("split");
        try {
            Path all = dir.resolve("all.csv");
            io.tokenmetrics.usage.UsageLogGenerator.write(all, rows, rows * 31L + cutAt);
            List<String> lines = Files.readAllLines(all, StandardCharsets.UTF_8);
            int cut = 1 + Math.min(cutAt, lines.size() - 1);
            Path a = dir.resolve("a.csv");
            Path b = dir.resolve("b.csv");
            List<String> first = new ArrayList<>(lines.subList(0, cut));
            List<String> second = new ArrayList<>();
            second.add(lines.get(0));
            second.addAll(lines.subList(cut, lines.size()));
            Files.write(a, first, StandardCharsets.UTF_8);
            Files.write(b, second, StandardCharsets.UTF_8);
            UsageAggregator agg = UsageAggregator.builder().by(Arrays.asList("model", "region")).threads(threads).build();
            UsageResult whole = agg.aggregate(Collections.singletonList(all));
            UsageResult parts = agg.aggregate(Arrays.asList(a, b));
            assertEquals(whole.groups(), parts.groups());
            assertEquals(rows, whole.rows());
        } finally {
            for (Path p : Files.list(dir).toArray(Path[]::new)) {
                Files.delete(p);
            }
            Files.delete(dir);
        }
    }
}
