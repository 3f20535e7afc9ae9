package io.tokenmetrics.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenmetrics.amount.Language;
import io.tokenmetrics.amount.Quantity;
import io.tokenmetrics.amount.Quantity.Unit;
import io.tokenmetrics.data.Dataset;
import io.tokenmetrics.data.Measure;
import io.tokenmetrics.data.Observation;
import io.tokenmetrics.data.Series;
import io.tokenmetrics.period.TimePeriod;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every number the two articles state or imply, each expected value derived by hand in a comment. */
class CalculatorTest {
    private static final Dataset D = Dataset.bundled();
    private static final Calculator C = Calculator.create();
    private static final MathContext MC = MathContext.DECIMAL128;

    private static TimePeriod p(String s) {
        return TimePeriod.parse(s);
    }

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    private static void assertValue(String expected, Quantity q) {
        assertEquals(0, q.value().compareTo(d(expected)), () -> "expected " + expected + " but was " + q.value().toPlainString());
    }

    private static void assertClose(double expected, Quantity q, double tolerance) {
        assertEquals(expected, q.value().doubleValue(), tolerance);
    }

    @Test
    void volcanoEngineGrowth() {
        // A2 2万亿 (end 2024) to A3 63万亿 (end 2025): change 63 - 2 = 61 trillion;
        // multiple 63 / 2 = 31.5; percent (31.5 - 1) × 100 = 3050; end-2024 (2025.0) to end-2025 (2026.0) = 1 year,
        // so the annual rate equals the percent change, 3050%
        Growth g = C.growth(D.series("volcano-engine-daily"), p("end-2024"), p("end-2025"));
        assertValue("61000000000000", g.absoluteChange());
        assertValue("31.5", g.multiple().get());
        assertValue("3050", g.percentChange().get());
        assertEquals(1.0, g.elapsedYears(), 0.0);
        assertClose(3050.0, g.annualRate().get(), 1e-9);
        assertEquals("end-2024 → end-2025: 2T → 63T, change +61T (+3050%, ×31.5), 1 year, +3050% a year", g.describe(Language.EN));
        assertEquals(g, C.growth(D.series("volcano-engine-daily")));
    }

    @Test
    void chinaDailyPathCarriesTheBoundAndTheApproximation() {
        Series china = D.series("china-daily");
        // A8 1000亿 (start 2024 = 2024.0) to A9 >30万亿 (mid 2025 = 2025.5): multiple >= 30e12 / 1e11 = 300 over 1.5 years;
        // rate >= (300^(1/1.5) - 1) × 100 = (44.8140...- 1) × 100 = 4381.40%
        Growth g1 = C.growth(china, p("start-2024"), p("mid-2025"));
        assertEquals(Quantity.Shape.AT_LEAST, g1.multiple().get().shape());
        assertEquals(0, g1.multiple().get().lower().get().compareTo(d("300")));
        assertEquals(1.5, g1.elapsedYears(), 0.0);
        assertEquals(4381.40, g1.annualRate().get().lower().get().doubleValue(), 0.01);
        // A9 >30万亿 to A10 约180万亿 (February 2026): 180 / [30, ∞) = [0, 6]; the upper bound 6× is what the figures allow
        Growth g2 = C.growth(china, p("mid-2025"), p("2026-02"));
        assertEquals(0, g2.multiple().get().upper().get().compareTo(d("6")));
        assertTrue(g2.multiple().get().isApproximate());
        // A8 to A10: 180e12 / 1e11 = 1800×; start-2024 (2024.0) to the middle of February 2026 (2026 + 45/365):
        // 2.1233 years; rate = 1800^(1/2.12329) - 1 = 3312.94%
        Growth g3 = C.growth(china, p("start-2024"), p("2026-02"));
        assertValue("1800", g3.multiple().get());
        assertEquals(2 + 45.0 / 365, g3.elapsedYears(), 1e-12);
        assertEquals(3312.94, g3.annualRate().get().value().doubleValue(), 0.01);
        // the path as successive changes: A8→A9 and A9→A10 are not adjacent periods
        List<Change> changes = C.changes(china);
        assertEquals(2, changes.size());
        assertFalse(changes.get(0).isConsecutive());
        assertEquals(Direction.RISE, changes.get(0).direction());
        // >30 to ~180 could be a fall only if the first were above 180: undecided
        assertEquals(Direction.UNDECIDED, changes.get(1).direction());
    }

    @Test
    void alibabaTargetsAsMultiplesOfToday() {
        // A4 接近5万亿 (2025) to A5 15-20万亿 (2026 target): [15, 20] / 5 = [3, 4]×, approximate through A4
        Growth ext = C.growth(D.series("alibaba-cloud-external-daily"), p("2025"), p("2026"));
        assertEquals(Quantity.range(d("3"), d("4"), Unit.MULTIPLE).approximate(), ext.multiple().get());
        // A6 16-17万亿 to A7 100万亿: 100 / [16, 17] = [5.88235…, 6.25]×
        Growth in = C.growth(D.series("alibaba-internal-daily"), p("2026-02"), p("2026"));
        assertEquals(0, in.multiple().get().lower().get().compareTo(d("100").divide(d("17"), MC)));
        assertEquals(0, in.multiple().get().upper().get().compareTo(d("6.25")));
        assertEquals("5.88× to 6.25×", in.multiple().get().formatRounded(Language.EN, 2));
    }

    @Test
    void jpMorganForecast() {
        Series jpm = D.series("china-inference-jpm-yearly");
        // A11 约10千万亿 (2025) to A12 约3900千万亿 (2030): 3900 / 10 = 390×; 2025.5 to 2030.5 = 5 years;
        // rate = 390^(1/5) - 1 = e^(ln 390 / 5) - 1 = e^1.193231 - 1 = 2.297713 → 229.77%
        Growth g = C.growth(jpm, p("2025"), p("2030"));
        assertValue("390", g.multiple().get());
        assertEquals(5.0, g.elapsedYears(), 0.0);
        assertEquals(229.7713, g.annualRate().get().value().doubleValue(), 1e-4);
        // per day: 10 × 10^15 / 365 days of 2025 = 27,397,260,273,972.6… tokens a day (27.4T)
        Quantity perDay2025 = C.convert(jpm.require(p("2025")).requireValue(), Measure.TOKENS_PER_YEAR, p("2025"), Measure.TOKENS_PER_DAY);
        assertEquals(0, perDay2025.value().compareTo(d("1E16").divide(d("365"), MC)));
        assertEquals("~27.4T", perDay2025.formatRounded(Language.EN, 2));
        // 3900 × 10^15 / 365 = 10,684.93T a day in 2030
        Quantity perDay2030 = C.convert(jpm.require(p("2030")).requireValue(), Measure.TOKENS_PER_YEAR, p("2030"), Measure.TOKENS_PER_DAY);
        // (10,684.93T is 10.68 quadrillion, 10.68千万亿, the natural unit in both languages)
        assertEquals("~10.68Q", perDay2030.formatRounded(Language.EN, 2));
        assertEquals("约10.68千万亿", perDay2030.formatRounded(Language.ZH, 2));
        // a yearly total at an approximate point has no length to divide by
        assertEquals("a yearly total needs a year period, not end-2025",
                assertThrows(IllegalArgumentException.class, () -> C.convert(Quantity.of(1, Unit.TOKENS), Measure.TOKENS_PER_YEAR,
                        p("end-2025"), Measure.TOKENS_PER_DAY)).getMessage());
    }

    @Test
    void openRouterWeek16ChinaUsCard() {
        Comparison c = C.compare(D.series("openrouter-us-weekly"), D.series("openrouter-china-weekly"), p("2026-W16"),
                D.series("openrouter-total-weekly"));
        // difference 4.91 - 4.44 = 0.47 trillion; ratio 4.91 / 4.44 = 1.10585…
        assertValue("470000000000", c.difference());
        assertEquals(0, c.ratio().get().value().compareTo(d("4.91").divide(d("4.44"), MC)));
        // shares of the 20.6T total: US 4.91 / 20.6 = 23.835%, China 4.44 / 20.6 = 21.553%
        assertEquals("23.83%", c.firstShareOfTotal().get().formatRounded(Language.EN, 2));
        assertEquals("21.55%", c.secondShareOfTotal().get().formatRounded(Language.EN, 2));
        // of their sum 9.35T: US 4.91 / 9.35 = 52.513%, China 4.44 / 9.35 = 47.487%; the two add to 100
        assertEquals("52.51%", c.firstShareOfSum().get().formatRounded(Language.EN, 2));
        assertEquals("47.49%", c.secondShareOfSum().get().formatRounded(Language.EN, 2));
        assertValue("100", c.firstShareOfSum().get().plus(c.secondShareOfSum().get()));
        // implied previous week: US 4.91 / 1.2062 = 4.0706T, China 4.44 / (1 - 0.2377) = 4.44 / 0.7623 = 5.8245T
        assertEquals(Comparison.Basis.IMPLIED_FROM_STATED_CHANGE, c.firstPreviousBasis());
        assertEquals(0, c.firstPrevious().get().value().compareTo(d("4.91E12").divide(d("1.2062"), MC)));
        assertEquals(0, c.secondPrevious().get().value().compareTo(d("4.44E12").divide(d("0.7623"), MC)));
        assertEquals("4.07T", c.firstPrevious().get().formatRounded(Language.EN, 2));
        assertEquals("5.82T", c.secondPrevious().get().formatRounded(Language.EN, 2));
        // US leads now, China led the week before: the lead changed
        assertEquals(Leader.series("openrouter-us-weekly"), c.leader());
        assertEquals(Leader.series("openrouter-china-weekly"), c.previousLeader());
        assertEquals("openrouter-us-weekly", c.leader().toString());
        assertEquals(Boolean.TRUE, c.leadChanged().get());
    }

    @Test
    void impliedPreviousAndStatedChangeAreInverses() {
        Quantity current = Quantity.parse("1.38T", Unit.TOKENS);
        Quantity change = Quantity.parse("+19%", Unit.PERCENT);
        // B6: 1.38 / 1.19 = 1.159664T the week before
        Quantity prev = C.impliedPrevious(current, change);
        assertEquals("1.16T", prev.formatRounded(Language.EN, 2));
        assertEquals(0, prev.value().compareTo(d("1.38E12").divide(d("1.19"), MC)));
        // and back: 1.159664 × 1.19 = 1.38 (to 30 digits), and the change from prev to current is 19%
        assertEquals(0, C.applyChange(prev, change).value().round(new MathContext(30)).compareTo(d("1.38E12")));
        assertEquals(0, C.impliedChange(prev, current).value().round(new MathContext(30)).compareTo(d("19")));
        assertEquals("change (-100%) must be greater than -100%",
                assertThrows(IllegalArgumentException.class, () -> C.impliedPrevious(current, Quantity.parse("-100%", Unit.PERCENT))).getMessage());
    }

    @Test
    void sonnetAndOpusShareOfUsModels() {
        // B8: (1.38 + 1.22) / 4.91 = 2.60 / 4.91 = 52.953%
        Share s = C.share(D.series("openrouter-us-weekly"), p("2026-W16"),
                Arrays.asList(D.series("openrouter-claude-sonnet-4-6-weekly"), D.series("openrouter-claude-opus-4-6-weekly")));
        assertValue("2600000000000", s.sum());
        assertEquals("52.95%", s.percent().formatRounded(Language.EN, 2));
    }

    @Test
    void openRouterShareImpliesAGlobalRange() {
        Quantity week = D.series("openrouter-total-weekly").require(p("2026-W16")).requireValue();
        Quantity share = D.series("openrouter-global-share").require(p("2026")).requireValue();
        // 20.6T / 4% = 515T, 20.6T / 2% = 1030T a week
        Quantity global = C.scaleByShare(week, share);
        assertEquals(Quantity.range(d("515E12"), d("1030E12"), Unit.TOKENS), global);
        // per day: / 7 = 73.571T to 147.143T
        Quantity daily = C.convert(global, Measure.TOKENS_PER_WEEK, p("2026-W16"), Measure.TOKENS_PER_DAY);
        assertEquals("73.57T to 147.14T", daily.formatRounded(Language.EN, 2));
        // China's 约180T a day (A10) alone is above the whole implied global range
        Quantity china = D.series("china-daily").require(p("2026-02")).requireValue();
        assertEquals(1, china.compareDecided(daily));
    }

    @Test
    void seedanceTokensPerSecond() {
        // A1: 35万 tokens for a 10-second video = 350,000 / 10 = 35,000 tokens a second
        Quantity perVideo = D.series("seedance-2-video").observations().get(0).requireValue();
        assertEquals(Quantity.approximately(d("35000"), Unit.TOKENS), perVideo.dividedBy(BigDecimal.TEN));
    }

    @Test
    void projections() {
        // 100% a year over 5 years: 2^5 = 32 exactly (whole years use exact powers)
        assertValue("32", C.multipleForAnnualRate(Quantity.of(100, Unit.PERCENT), 5));
        // and back: 32^(1/5) - 1 = 1 → 100%
        assertClose(100.0, C.annualRateForMultiple(Quantity.of(32, Unit.MULTIPLE), 5), 1e-9);
        // doubling at 100% a year takes ln 2 / ln 2 = 1 year; at 41.421356% (√2 - 1) two years
        assertClose(1.0, C.doublingTime(Quantity.of(100, Unit.PERCENT)), 1e-12);
        assertClose(2.0, C.doublingTime(Quantity.of(d("41.42135623730950488"), Unit.PERCENT)), 1e-9);
        // 2T growing 3050% a year reaches 63T in ln(31.5) / ln(31.5) = 1 year
        assertClose(1.0, C.yearsToReach(Quantity.parse("2T", Unit.TOKENS), Quantity.parse("63T", Unit.TOKENS),
                Quantity.of(3050, Unit.PERCENT)), 1e-12);
        // 10 (×10^15) at 229.77% a year for 5 years: 10 × 3.2977^5 = 10 × 390.0 ≈ 3900
        assertClose(3900e15, C.project(Quantity.of(d("1E16"), Unit.TOKENS), p("2025"), p("2030"),
                Quantity.of(d("229.7713494366275"), Unit.PERCENT)), 1e6);
        // a rate range gives a range: 2T at 100%-200% for 1 year = [4T, 6T]
        assertEquals(Quantity.range(d("4E12"), d("6E12"), Unit.TOKENS),
                C.project(Quantity.parse("2T", Unit.TOKENS), Quantity.parse("100-200%", Unit.PERCENT), 1));
        assertEquals("annual rate (0%) must be greater than 0%",
                assertThrows(IllegalArgumentException.class, () -> C.doublingTime(Quantity.of(0, Unit.PERCENT))).getMessage());
    }

    private static Series weekly(String id, long... values) {
        List<Observation> obs = new ArrayList<>();
        TimePeriod w = p("2026-W04");
        for (long v : values) {
            obs.add(Observation.of(w, Quantity.of(v, Unit.TOKENS)));
            w = w.next();
        }
        return Series.builder(id, Measure.TOKENS_PER_WEEK).subject("test").region("GLOBAL").observations(obs).build();
    }

    @Test
    void changesOfChangesAreRefused() {
        // PA2 +30% (at least) then PB1 +10%: not "a fall of 66.67%"; compound() combines them (1.3 × 1.1 = 1.43)
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> C.changes(D.series("zhipu-price-changes")));
        assertEquals("series zhipu-price-changes holds changes (price-change), not levels: a change between two changes is not a change of"
                + " anything; compound them instead (the briefing's price section), or show each with show", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> C.growth(D.series("zhipu-price-changes")));
    }

    @Test
    void periodsOffTheListAgreeWithTheArticleAndTheBriefing() {
        // B11: Kimi K2.5 and the Zhipu GLM series "已连续三周未登榜" (three weeks in a row, W14..W16); B12: Step 3.5 Flash off in W15
        // and W16. Stated off, without an earlier value in the data: they count (the command once said "no series is off")
        java.util.SortedMap<String, Integer> off = C.periodsOffTheList(Arrays.asList(D.series("openrouter-kimi-k2-5-weekly"),
                D.series("openrouter-step-3-5-flash-weekly"), D.series("openrouter-zhipu-glm-weekly")), p("2026-W16"));
        java.util.Map<String, Integer> expected = new java.util.TreeMap<>();
        expected.put("openrouter-kimi-k2-5-weekly", 3);
        expected.put("openrouter-step-3-5-flash-weekly", 2);
        expected.put("openrouter-zhipu-glm-weekly", 3);
        assertEquals(expected, off);
    }

    @Test
    void comparisonsAndChangesDescribeThemselvesInBothLanguages() {
        // A1/A2: US 4.91T and China 4.44T at 2026-W16; difference 0.47T = 470B (4700亿); ratio 4.91 / 4.44 = 1.1059 → 1.11
        Comparison c = C.compare(D.series("openrouter-us-weekly"), D.series("openrouter-china-weekly"), p("2026-W16"));
        assertEquals(c, C.compare(D.series("openrouter-us-weekly"), D.series("openrouter-china-weekly"), p("2026-W16"), null));
        assertEquals("2026-W16: openrouter-us-weekly 4.91T against openrouter-china-weekly 4.44T; difference +470B (×1.11);"
                + " leader openrouter-us-weekly", c.describe(Language.EN));
        assertEquals("2026年第16周：openrouter-us-weekly 4.91万亿，openrouter-china-weekly 4.44万亿；差额 +4700亿（1.11倍）；"
                + "领先：openrouter-us-weekly", c.describe(Language.ZH));
        assertEquals(c.describe(Language.EN), c.toString());
        // W15 → W16 of 10 → 9 tokens: -1, (9 / 10 - 1) × 100 = -10%
        Change ch = C.changes(weekly("t", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 10, 9)).get(11);
        assertEquals("2026-W15 → 2026-W16: 10 → 9, change -1 (-10%)", ch.describe(Language.EN));
        assertEquals("2026年第15周 → 2026年第16周：10 → 9，变化 -1（-10%）", ch.describe(Language.ZH));
        // across a gap: said
        Change gap = C.changes(D.series("china-daily")).get(0);
        assertTrue(gap.describe(Language.EN).endsWith(" (the periods are not adjacent)"), gap::toString);
        assertTrue(gap.describe(Language.ZH).endsWith("（两个时期不相邻）"), () -> gap.describe(Language.ZH));
    }

    @Test
    void weekOnWeekChangesAndStreaks() {
        // 13 weeks W04..W16: ten rises (1..11), then two falls (10, 9)
        Series s = weekly("t", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 10, 9);
        List<Change> ch = C.changes(s);
        assertEquals(12, ch.size());
        // W04→W05: (2 / 1 - 1) × 100 = 100%; W15→W16: (9 / 10 - 1) × 100 = -10%
        assertValue("100", ch.get(0).percent().get());
        assertValue("-10", ch.get(11).percent().get());
        assertTrue(ch.get(11).isConsecutive());
        List<Streak> st = C.streaks(s);
        assertEquals(Arrays.asList(new Streak(Direction.RISE, 10, p("2026-W04"), p("2026-W14")),
                new Streak(Direction.FALL, 2, p("2026-W14"), p("2026-W16"))), st);
        assertEquals("rose 10 periods in a row (2026-W04 → 2026-W14)", st.get(0).toString());
        // a gap breaks a streak: W04, W05, W07
        Series gap = Series.builder("g", Measure.TOKENS_PER_WEEK).subject("test").region("GLOBAL").observations(Arrays.asList(
                Observation.of(p("2026-W04"), Quantity.of(1, Unit.TOKENS)), Observation.of(p("2026-W05"), Quantity.of(2, Unit.TOKENS)),
                Observation.of(p("2026-W07"), Quantity.of(3, Unit.TOKENS)))).build();
        assertEquals(Collections.singletonList(new Streak(Direction.RISE, 1, p("2026-W04"), p("2026-W05"))), C.streaks(gap));
    }

    @Test
    void anAnnualRateTooLargeForADoubleIsEmptyWithAReason() {
        // found by CalculationProperties: 1 → 10^12 in one week compounds to (10^12)^(365/7), beyond a double
        Growth g = C.growth(weekly("big", 1, 1_000_000_000_000L));
        assertValue("1000000000000", g.multiple().get());
        assertFalse(g.annualRate().isPresent());
        assertEquals("the annual rate of 1000000000000× over 0.02 years is too large to represent", g.undefinedReason().get());
    }

    @Test
    void changesBetweenTwoLowerBoundsAreUndecided() {
        // found by DatasetFuzzTest: >=0 then >=30T: the change is any value, the direction undecided
        Series s = Series.builder("b", Measure.TOKENS_PER_WEEK).subject("b").region("GLOBAL").observations(Arrays.asList(
                Observation.of(p("2026-W15"), Quantity.parse(">=0", Unit.TOKENS)),
                Observation.of(p("2026-W16"), Quantity.parse(">=30T", Unit.TOKENS)))).build();
        Change c = C.changes(s).get(0);
        assertEquals(Quantity.Shape.UNBOUNDED, c.absolute().shape());
        assertFalse(c.percent().isPresent());
        assertEquals(Direction.UNDECIDED, c.direction());
        assertTrue(C.streaks(s).isEmpty());
    }

    @Test
    void edgeCases() {
        // zero baseline: absolute change defined, percent and multiple not
        Series zero = weekly("z", 0, 5);
        Growth g = C.growth(zero);
        assertValue("5", g.absoluteChange());
        assertFalse(g.multiple().isPresent());
        assertEquals("baseline 0 is zero or may be zero: percent change and multiple are undefined", g.undefinedReason().get());
        // a single observation
        assertEquals("series one has 1 observation with a value; growth needs two",
                assertThrows(IllegalArgumentException.class, () -> C.growth(weekly("one", 5))).getMessage());
        assertTrue(C.changes(weekly("one", 5)).isEmpty());
        // a missing period
        assertEquals("series volcano-engine-daily has no observation at end-2023 (it has: end-2024, end-2025)",
                assertThrows(IllegalArgumentException.class, () -> C.growth(D.series("volcano-engine-daily"), p("end-2023"), p("end-2025"))).getMessage());
        // periods out of order
        assertEquals("from (end-2025) must be before to (end-2024)",
                assertThrows(IllegalArgumentException.class, () -> C.growth(D.series("volcano-engine-daily"), p("end-2025"), p("end-2024"))).getMessage());
        // different cadences are refused, never silently compared
        assertEquals("cannot compare volcano-engine-daily (tokens/day) with openrouter-total-weekly (tokens/week): different measures;"
                + " convert cadences first with Calculator.convert",
                assertThrows(IllegalArgumentException.class, () -> C.compare(D.series("volcano-engine-daily"),
                        D.series("openrouter-total-weekly"), p("2026-W16"), null)).getMessage());
        // an off-the-ranking entry has no value to compute with
        assertEquals("series openrouter-qwen-3-6-plus-weekly has no value at 2026-W16: the entry is off the ranking",
                assertThrows(IllegalArgumentException.class, () -> C.share(D.series("openrouter-total-weekly"), p("2026-W16"),
                        Collections.singletonList(D.series("openrouter-qwen-3-6-plus-weekly")))).getMessage());
        // a price change has no cadence
        assertEquals("cannot convert price-change to tokens/day: only token flows (tokens/day, /week, /month, /year) have a cadence",
                assertThrows(IllegalArgumentException.class, () -> C.convert(Quantity.of(1, Unit.PERCENT), Measure.PRICE_CHANGE,
                        p("2026"), Measure.TOKENS_PER_DAY)).getMessage());
    }

    @Test
    void calculatorEqualsBigDecimalReferenceOnRandomWeeklySeries() {
        java.util.Random r = new java.util.Random(16);
        for (int n = 0; n < 200; n++) {
            long[] v = new long[2 + r.nextInt(10)];
            for (int i = 0; i < v.length; i++) {
                v[i] = 1 + (r.nextLong() >>> 20);
            }
            Series s = weekly("r", v);
            List<Change> ch = C.changes(s);
            for (int i = 1; i < v.length; i++) {
                BigDecimal a = BigDecimal.valueOf(v[i - 1]);
                BigDecimal b = BigDecimal.valueOf(v[i]);
                // (b / a - 1) × 100, computed independently
                BigDecimal ref = b.divide(a, MC).subtract(BigDecimal.ONE).multiply(BigDecimal.valueOf(100));
                BigDecimal got = ch.get(i - 1).percent().get().value();
                assertTrue(got.subtract(ref).abs().compareTo(d("1E-28")) < 0, got + " vs " + ref);
                assertEquals(0, ch.get(i - 1).absolute().value().compareTo(b.subtract(a)));
                // the pairwise growth agrees with the period-over-period change
                Growth g = C.growth(s, ch.get(i - 1).from(), ch.get(i - 1).to());
                assertEquals(ch.get(i - 1).percent().get(), g.percentChange().get());
            }
        }
    }
}
