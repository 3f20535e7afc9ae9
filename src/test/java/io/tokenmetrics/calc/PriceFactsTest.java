package io.tokenmetrics.calc;

import io.tokenmetrics.cost.PlanComparison;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tokenmetrics.amount.Quantity;
import io.tokenmetrics.amount.Quantity.Unit;
import io.tokenmetrics.data.Dataset;
import io.tokenmetrics.data.Observation;
import io.tokenmetrics.data.Series;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The articles' price facts: compounded price changes, and a flat seat against usage-based billing. */
class PriceFactsTest {
    private static final Calculator CALC = Calculator.create();

    private static Quantity pct(String s) {
        return Quantity.parse(s, Unit.PERCENT);
    }

    private static Quantity usd(String s) {
        return Quantity.parse(s, Unit.USD);
    }

    @Test
    void zhipusKnownChangesCompoundToAtLeast143Percent() {
        // the bundled figures: "30%起" (at least 30%) on 2026-02-12, 10% on 2026-04-08; the series'
        // note says the April rise was the third change of the year, so the second has no stated size
        Series zhipu = Dataset.bundled().series("zhipu-price-changes");
        List<Observation> o = zhipu.observations();
        CompoundedChange c = CALC.compound(Arrays.asList(o.get(0).value(), Optional.empty(), o.get(1).value()));
        // 1.3 × 1.1 = 1.43, and more if the first rise was more than 30%: at least 1.43×, at least +43%
        assertEquals(0, c.multiple().lower().get().compareTo(new BigDecimal("1.43")));
        assertFalse(c.multiple().upper().isPresent());
        assertEquals(0, c.percent().lower().get().compareTo(new BigDecimal("43")));
        assertEquals(Collections.singletonList(2), c.unstated());
        assertEquals(3, c.changes());
        // exact changes give an exact multiple: 1.3 × 1.1 = 1.43
        CompoundedChange exact = CALC.compound(Arrays.asList(Optional.of(pct("30%")), Optional.of(pct("10%"))));
        assertEquals(Quantity.of(new BigDecimal("1.43"), Unit.MULTIPLE), exact.multiple());
        // a fall and a rise: 0.8 × 1.25 = 1.00, no change
        assertEquals(0, CALC.compound(Arrays.asList(Optional.of(pct("-20%")), Optional.of(pct("25%")))).percent().value().signum());
        assertEquals("change (-100%) must be greater than -100%",
                assertThrows(IllegalArgumentException.class, () -> CALC.compound(Collections.singletonList(Optional.of(pct("-100%"))))).getMessage());
    }

    @Test
    void aSeatAgainstUsageBilling() {
        // Claude Enterprise as the article puts it, taking the seat at its $200 ceiling: break-even 200 - 20 = $180 of usage
        PlanComparison even = PlanComparison.of(usd("$200"), usd("$20"), usd("$180"));
        assertEquals(PlanComparison.Cheaper.EQUAL, even.cheaper());
        assertEquals(usd("$180"), even.breakEven());
        // a heavy user with $380 of usage pays 20 + 380 = $400: 2× the seat, $200 more
        PlanComparison heavy = PlanComparison.of(usd("$200"), usd("$20"), usd("$380"));
        assertEquals(PlanComparison.Cheaper.SEAT, heavy.cheaper());
        assertEquals(0, heavy.multiple().get().value().compareTo(new BigDecimal(2)));
        assertEquals(usd("$200"), heavy.difference());
        // a light user with $50 pays $70: $130 less than the seat, 0.35×
        PlanComparison light = PlanComparison.of(usd("$200"), usd("$20"), usd("$50"));
        assertEquals(PlanComparison.Cheaper.USAGE, light.cheaper());
        assertEquals(0, light.multiple().get().value().compareTo(new BigDecimal("0.35")));
        // "at most $200": the break-even is at most $180, and a $400 usage plan still costs more than any such seat
        PlanComparison ceiling = PlanComparison.of(Quantity.atMost(new BigDecimal(200), Unit.USD), usd("$20"), usd("$380"));
        assertEquals(Quantity.atMost(new BigDecimal(180), Unit.USD), ceiling.breakEven());
        assertEquals(PlanComparison.Cheaper.SEAT, ceiling.cheaper());
        assertFalse(ceiling.multiple().isPresent());
        // and $150 of usage against a seat of at most $200 cannot be decided: the seat might be $100
        assertEquals(PlanComparison.Cheaper.UNDECIDED,
                PlanComparison.of(Quantity.atMost(new BigDecimal(200), Unit.USD), usd("$20"), usd("$150")).cheaper());
    }
}
