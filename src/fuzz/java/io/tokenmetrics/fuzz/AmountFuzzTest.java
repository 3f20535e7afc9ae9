package io.tokenmetrics.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tokenmetrics.amount.AmountParseException;
import io.tokenmetrics.amount.Language;
import io.tokenmetrics.amount.Quantity;
import io.tokenmetrics.amount.TokenAmount;

/** Any text: a parse either succeeds and round-trips, or fails with AmountParseException; nothing else. */
class AmountFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void amountsAndQuantities(FuzzedDataProvider data) {
        Quantity.Unit unit = data.pickValue(Quantity.Unit.values());
        String text = data.consumeRemainingAsString();
        try {
            TokenAmount a = TokenAmount.parse(text);
            assertEquals(a, TokenAmount.parse(a.format(Language.EN)));
            assertEquals(a, TokenAmount.parse(a.format(Language.ZH)));
        } catch (AmountParseException expected) {
            // rejected with input and index: fine
        }
        try {
            Quantity q = Quantity.parse(text, unit);
            assertEquals(q, Quantity.parse(q.format(Language.EN), unit));
            assertEquals(q, Quantity.parse(q.format(Language.ZH), unit));
            q.formatRounded(Language.EN, 2);
        } catch (AmountParseException expected) {
            // fine
        }
    }
}
