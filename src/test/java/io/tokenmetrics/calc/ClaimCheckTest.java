package io.tokenmetrics.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenmetrics.amount.Quantity;
import io.tokenmetrics.amount.Quantity.Unit;
import io.tokenmetrics.data.Claim;
import io.tokenmetrics.data.Dataset;
import io.tokenmetrics.data.Measure;
import io.tokenmetrics.data.Observation;
import io.tokenmetrics.data.Series;
import io.tokenmetrics.period.TimePeriod;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClaimCheckTest {
    private static final Dataset D = Dataset.bundled();
    private static final ClaimChecker C = ClaimChecker.create();

    private static Map<String, ClaimCheck> checks() {
        Map<String, ClaimCheck> m = new LinkedHashMap<>();
        for (ClaimCheck c : C.checkAll(D)) {
            m.put(c.claim().id(), c);
        }
        return m;
    }

    @Test
    void everyStatedClaimOfTheArticlesHasAVerdict() {
        Map<String, ClaimCheck> m = checks();
        // A13 / B16: 3900 / 10 = 390×, stated 约370×: (370 - 390) / 390 = -5.1%, within the 10% allowed for approximate figures
        assertEquals(Verdict.CONSISTENT, m.get("A13").verdict());
        assertEquals("~3900Q / ~10Q = ~390×; stated ~370× (-5.1% from the computed value); figures are approximate,"
                + " so up to 10% apart counts as consistent.", m.get("A13").explanation());
        assertEquals(Verdict.CONSISTENT, m.get("B16-multiple").verdict());
        // B16: 390× over 5 years is 229.77% a year, not 330%: 330% a year would compound to 4.3^5 = 1470.08×.
        // 330% read as a yearly multiple 3.3× gives 3.3^5 = 391.35×, which matches 390×
        assertEquals(Verdict.INCONSISTENT, m.get("B16-cagr").verdict());
        assertEquals("~390× over 5 years is ~229.77% a year; stated 330% (+43.6% from the computed value); figures are approximate,"
                + " so up to 10% apart counts as consistent. A rate of 330% would compound to 1470.08×."
                + " Read as a yearly multiple of 3.3× instead, it compounds to 391.35×, which matches the figures.", m.get("B16-cagr").explanation());
        // B2 needs 13 weekly totals (W04..W16); only W16 was published
        assertEquals(Verdict.UNDECIDABLE, m.get("B2").verdict());
        assertEquals("cannot be decided: the claim needs the direction of 12 successive changes (2026-W04 to 2026-W16, 13 values);"
                + " the data gives 0, and has values at 2026-W16.", m.get("B2").explanation());
        // B5: US 4.91 > China 4.44 in W16; implied W15: US 4.07 < China 5.82
        assertEquals(Verdict.CONSISTENT, m.get("B5").verdict());
        assertEquals(Verdict.UNDECIDABLE, m.get("B5-two-months").verdict());
        // 8 weeks before W16 are W08..W15; W15 is implied from the stated changes, W08..W14 are not published
        assertTrue(m.get("B5-two-months").explanation().endsWith("no figures for 7 of the 8 earlier periods (2026-W08 to 2026-W14)."),
                m.get("B5-two-months").explanation());
        // B8: 2.60 / 4.91 = 52.95% > 50%
        assertEquals(Verdict.CONSISTENT, m.get("B8").verdict());
        assertEquals("(1.38T + 1.22T) / 4.91T = 2.6T / 4.91T = 52.95%, more than 50%.", m.get("B8").explanation());
        assertEquals(Verdict.UNDECIDABLE, m.get("B15").verdict());
    }

    private static Series weekly(String id, long... values) {
        List<Observation> obs = new ArrayList<>();
        TimePeriod w = TimePeriod.parse("2026-W04");
        for (long v : values) {
            obs.add(Observation.of(w, Quantity.of(v, Unit.TOKENS)));
            w = w.next();
        }
        return Series.builder(id, Measure.TOKENS_PER_WEEK).subject("test").region("GLOBAL").observations(obs).build();
    }

    @Test
    void streakClaimsAreDecidedWhenTheWeeksArePublished() {
        Claim claim = Claim.streak("s", "rose ten, fell two", "t", TimePeriod.parse("2026-W16"), 10, 2);
        Dataset ok = Dataset.of(Collections.singletonList(weekly("t", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 10, 9)));
        assertEquals(Verdict.CONSISTENT, C.check(claim, ok).verdict());
        assertEquals("the 12 changes from 2026-W04 to 2026-W16 are 10 rises then 2 falls.", C.check(claim, ok).explanation());
        // W09 → W10 falls (6 → 5): inconsistent
        Dataset bad = Dataset.of(Collections.singletonList(weekly("t", 1, 2, 3, 4, 5, 6, 5, 8, 9, 10, 11, 10, 9)));
        ClaimCheck c = C.check(claim, bad);
        assertEquals(Verdict.INCONSISTENT, c.verdict());
        assertEquals("the change into 2026-W10 is a fall, the claim needs a rise (after 2026-W16 fall, 2026-W15 fall, 2026-W14 rise,"
                + " 2026-W13 rise, 2026-W12 rise, 2026-W11 rise).", c.explanation());
    }

    @Test
    void multipleClaimsWithExactFiguresAllowOnlyRounding() {
        // 63 / 2 = 31.5 exactly: "31.5×" is consistent, "32×" (±0.5 → 31.5..32.5) too, "31×" (30.5..31.5) too, "30×" not
        Claim.Ref from = Claim.Ref.of("volcano-engine-daily", TimePeriod.parse("end-2024"));
        Claim.Ref to = Claim.Ref.of("volcano-engine-daily", TimePeriod.parse("end-2025"));
        assertEquals(Verdict.CONSISTENT, C.check(Claim.multiple("m", "x", from, to, Quantity.parse("31.5×", Unit.MULTIPLE)), D).verdict());
        assertEquals(Verdict.CONSISTENT, C.check(Claim.multiple("m", "x", from, to, Quantity.parse("32×", Unit.MULTIPLE)), D).verdict());
        assertEquals(Verdict.INCONSISTENT, C.check(Claim.multiple("m", "x", from, to, Quantity.parse("30×", Unit.MULTIPLE)), D).verdict());
        assertEquals(Verdict.INCONSISTENT, C.check(Claim.multiple("m", "x", from, to, Quantity.parse("31.4×", Unit.MULTIPLE)), D).verdict());
        // a stricter tolerance turns A13 (5.1% off) inconsistent
        ClaimChecker strict = ClaimChecker.withApproximateTolerance(new BigDecimal("5"));
        assertEquals(Verdict.INCONSISTENT, strict.check(D.claim("A13").get(), D).verdict());
    }

    @Test
    void primaryDataDecidesAClaimFromJavaToo() {
        // weekly totals for 2026-W04..W16: 100, 101, …, 110 (ten rises into W05..W14), then 90 and 80 (two falls)
        List<Observation> obs = new java.util.ArrayList<>();
        for (int k = 4; k <= 16; k++) {
            long v = k <= 14 ? 96 + k : k == 15 ? 90 : 80;
            obs.add(Observation.of(TimePeriod.parse(String.format("2026-W%02d", k)), Quantity.of(v, Unit.TOKENS)));
        }
        Dataset primary = Dataset.of(java.util.Collections.singletonList(
                Series.builder("openrouter-total", Measure.TOKENS_PER_WEEK).subject("OpenRouter, all models").observations(obs).build()));
        Dataset both = D.merge(primary);
        ClaimCheck b2 = C.check(both.claim("B2").get(), both);
        assertEquals(Verdict.CONSISTENT, b2.verdict());
        assertEquals("from the primary data (openrouter-total): the 12 changes from 2026-W04 to 2026-W16 are 10 rises then 2 falls.",
                b2.explanation());
        // without the primary series, the article's own figures decide: undecidable
        assertEquals(Verdict.UNDECIDABLE, C.check(D.claim("B2").get(), D).verdict());
    }
}
