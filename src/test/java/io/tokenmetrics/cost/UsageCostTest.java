package io.tokenmetrics.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenmetrics.amount.Quantity;
import io.tokenmetrics.period.PeriodType;
import io.tokenmetrics.usage.UsageAggregator;
import io.tokenmetrics.usage.UsageGroup;
import io.tokenmetrics.usage.UsageResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Pricing an aggregation from Java gives what {@code usage --prices} prints, per-request tiers included. */
class UsageCostTest {
    private static final String TABLE = "{\"claude-sonnet-4-5\": {\"input_cost_per_token\": 3e-06, \"output_cost_per_token\": 1.5e-05,"
            + " \"input_cost_per_token_above_200k_tokens\": 6e-06, \"output_cost_per_token_above_200k_tokens\": 2.25e-05},"
            + " \"gpt-5\": {\"input_cost_per_token\": 1.25e-06, \"output_cost_per_token\": 1e-05}}";

    private static UsageResult aggregate(String csv) {
        return UsageAggregator.builder().period(PeriodType.MONTH).by("user", "model").build()
                .aggregate(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "log.csv");
    }

    @Test
    void eachRequestAtItsOwnTierNotTheGroupsSum() throws IOException {
        PriceTable table = PriceTable.parse(new ByteArrayInputStream(TABLE.getBytes(StandardCharsets.UTF_8)), "t.json");
        UsageResult r = aggregate("timestamp,user,model,input_tokens,output_tokens\n"
                + "2026-04-13T10:00:00Z,bob,claude-sonnet-4-5,250000,1000\n"
                + "2026-04-13T11:00:00Z,bob,claude-sonnet-4-5,100000,1000\n"
                + "2026-04-13T12:00:00Z,ann,mystery-model,10,1\n"
                + "2026-04-13T13:00:00Z,ann,gpt-5,1000,500\n");
        UsageCost c = UsageCost.of(r, table);
        // bob: 250,000 × 6e-06 + 1,000 × 2.25e-05 = 1.5225 (above 200k), 100,000 × 3e-06 + 1,000 × 1.5e-05 = 0.315;
        // the group's 350,000 input priced as one bucket would be 1.08, and as one large request 2.1 + 0.045
        UsageGroup bob = r.groups().get(2);
        assertEquals("[bob, claude-sonnet-4-5]", bob.dimensions().toString());
        assertEquals(0, new BigDecimal("1.8375").compareTo(c.cost(bob).get().lower().get()));
        assertTrue(c.cost(bob).get().isPoint());
        // ann's gpt-5: 1,000 × 1.25e-06 + 500 × 1e-05 = 0.00625; her mystery model has no price: empty, never $0
        assertEquals(0, new BigDecimal("0.00625").compareTo(c.cost(r.groups().get(0)).get().lower().get()));
        assertFalse(c.cost(r.groups().get(1)).isPresent());
        assertEquals("no price", c.unpriced().get("mystery-model"));
        assertTrue(c.notes().contains("mystery-model: no price; its groups have no cost_usd"), c.notes().toString());
        assertEquals(PriceMatch.Rule.EXACT, c.matches().get("gpt-5").rule());
        UsageResult other = aggregate("timestamp,user,model,input_tokens,output_tokens\n2026-04-13T10:00:00Z,x,gpt-5,1,1\n");
        assertThrows(IllegalArgumentException.class, () -> c.cost(other.groups().get(0)));
        UsageResult noModel = UsageAggregator.builder().build().aggregate(new ByteArrayInputStream(
                "timestamp,input_tokens,output_tokens\n2026-04-13T10:00:00Z,1,1\n".getBytes(StandardCharsets.UTF_8)), "x.csv");
        assertEquals("result (by []) must be grouped by model to be priced",
                assertThrows(IllegalArgumentException.class, () -> UsageCost.of(noModel, table)).getMessage());
        assertEquals(Quantity.Unit.USD, c.cost(bob).get().unit());
    }
}
