package io.tokenmetrics.amount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenmetrics.amount.Quantity.Shape;
import io.tokenmetrics.amount.Quantity.Unit;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuantityTest {
    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        // text | unit | shape | lower | upper | approximate
        "4.44万亿|TOKENS|POINT|4440000000000|4440000000000|false",
        "约10千万亿|TOKENS|POINT|10000000000000000|10000000000000000|true",
        "接近5万亿|TOKENS|POINT|5000000000000|5000000000000|true",
        "180万亿级别|TOKENS|POINT|180000000000000|180000000000000|true",
        "~5T|TOKENS|POINT|5000000000000|5000000000000|true",
        "15-20万亿|TOKENS|RANGE|15000000000000|20000000000000|false",
        "15万亿–20万亿|TOKENS|RANGE|15000000000000|20000000000000|false",
        "15T to 20T|TOKENS|RANGE|15000000000000|20000000000000|false",
        "15万亿至20万亿|TOKENS|RANGE|15000000000000|20000000000000|false",
        "突破30万亿|TOKENS|AT_LEAST|30000000000000||false",
        ">=30T|TOKENS|AT_LEAST|30000000000000||false",
        "超500万|COUNT|AT_LEAST|5000000||false",
        "最高200|USD|AT_MOST||200|false",
        "-23.77%|PERCENT|POINT|-23.77|-23.77|false",
        "+20.62%|PERCENT|POINT|20.62|20.62|false",
        "2%~4%|PERCENT|RANGE|2|4|false",
        "2-4%|PERCENT|RANGE|2|4|false",
        "30%起|PERCENT|AT_LEAST|30||false",
        "约370×|MULTIPLE|POINT|370|370|true",
        "2-3×|MULTIPLE|RANGE|2|3|false",
        "370倍|MULTIPLE|POINT|370|370|false"
    })
    void parsesPointsRangesAndBounds(String text, Unit unit, Shape shape, String lower, String upper, boolean approx) {
        Quantity q = Quantity.parse(text, unit);
        assertEquals(shape, q.shape());
        assertEquals(approx, q.isApproximate());
        assertEquals(lower == null ? null : 0, q.lower().map(x -> x.compareTo(d(lower))).orElse(null));
        assertEquals(upper == null ? null : 0, q.upper().map(x -> x.compareTo(d(upper))).orElse(null));
        // toString is read back to an equal quantity
        assertEquals(q, Quantity.parse(q.toString(), unit));
        assertEquals(q, Quantity.parse(q.format(Language.ZH), unit));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "20-15万亿|TOKENS|cannot parse \"20-15万亿\" at index 0: range written backwards: 20000000000000 > 15000000000000",
        "20.6兆|TOKENS|cannot parse \"20.6兆\" at index 4: unknown unit \"兆\"",
        "''|PERCENT|cannot parse \"\" at index 0: empty",
        "5 apples|PERCENT|cannot parse \"5 apples\" at index 2: unknown unit \"apples\"",
        ">=15-20T|TOKENS|cannot parse \">=15-20T\" at index 4: a range cannot also be a bound"
    })
    void rejectsBadText(String text, Unit unit, String message) {
        assertEquals(message, assertThrows(AmountParseException.class, () -> Quantity.parse(text, unit)).getMessage());
    }

    @Test
    void intervalArithmeticCarriesRangesAndBounds() {
        Quantity range = Quantity.parse("15-20万亿", Unit.TOKENS);
        Quantity five = Quantity.parse("5万亿", Unit.TOKENS);
        // [15, 20] / 5 = [3, 4]
        Quantity m = range.dividedBy(five, Unit.MULTIPLE);
        assertEquals(Quantity.range(d("3"), d("4"), Unit.MULTIPLE), m);
        // 180 / [30, ∞) = (0, 6]: at most 6, and at least 0 since the bound is unbounded above
        Quantity bound = Quantity.parse("突破30万亿", Unit.TOKENS);
        Quantity r = Quantity.parse("180万亿", Unit.TOKENS).dividedBy(bound, Unit.MULTIPLE);
        assertEquals(Quantity.range(BigDecimal.ZERO, d("6"), Unit.MULTIPLE), r);
        // [30, ∞) - [1, 2] = [28, ∞)
        assertEquals(Quantity.atLeast(d("28000000000000"), Unit.TOKENS),
                bound.minus(Quantity.parse("1-2T", Unit.TOKENS), Unit.TOKENS));
        // approximate is contagious
        assertTrue(five.plus(Quantity.parse("~1T", Unit.TOKENS)).isApproximate());
        assertFalse(five.plus(five).isApproximate());
    }

    @Test
    void divisionByAnIntervalContainingZeroIsRefused() {
        Quantity one = Quantity.of(1, Unit.NUMBER);
        assertEquals("divisor (0) is zero or includes zero",
                assertThrows(ArithmeticException.class, () -> one.dividedBy(Quantity.of(0, Unit.NUMBER), Unit.NUMBER)).getMessage());
        assertThrows(ArithmeticException.class, () -> one.dividedBy(Quantity.range(d("-1"), d("1"), Unit.NUMBER), Unit.NUMBER));
    }

    @Test
    void pointArithmeticMatchesBigDecimal() {
        Random r = new Random(7);
        MathContext mc = MathContext.DECIMAL128;
        for (int i = 0; i < 5_000; i++) {
            BigDecimal a = BigDecimal.valueOf(r.nextLong() % 1_000_000_000_000L, r.nextInt(6));
            BigDecimal b = BigDecimal.valueOf((r.nextLong() % 1_000_000_000L) | 1, r.nextInt(6));
            Quantity qa = Quantity.of(a, Unit.NUMBER);
            Quantity qb = Quantity.of(b, Unit.NUMBER);
            assertEquals(0, qa.plus(qb).value().compareTo(a.add(b)));
            assertEquals(0, qa.minus(qb, Unit.NUMBER).value().compareTo(a.subtract(b)));
            assertEquals(0, qa.times(qb, Unit.NUMBER).value().compareTo(a.multiply(b)));
            // division goes through the reciprocal: within one unit of the 34th digit of a / b
            BigDecimal q = qa.dividedBy(qb, Unit.NUMBER).value();
            BigDecimal ref = a.divide(b, mc);
            BigDecimal tol = ref.abs().movePointLeft(32).add(BigDecimal.ONE.movePointLeft(60));
            assertTrue(q.subtract(ref).abs().compareTo(tol) <= 0, a + " / " + b + ": " + q + " vs " + ref);
        }
    }

    @Test
    void rangeEndsShareTheUpperUnitSoTheyReadBack() {
        // found by CalculationProperties: [2, 1000] was written "2 to 1K" and read back as 2K to 1K
        Quantity q = Quantity.range(d("2"), d("1000"), Unit.TOKENS);
        assertEquals("0.002K to 1K", q.toString());
        assertEquals(q, Quantity.parse(q.toString(), Unit.TOKENS));
        assertEquals("0.0002万至1万", Quantity.range(d("2"), d("10000"), Unit.TOKENS).format(Language.ZH));
    }

    @Test
    void theDifferenceOfTwoLowerBoundsIsAnyValue() {
        // found by DatasetFuzzTest (Jazzer): [30T, ∞) - [0, ∞) = (-∞, ∞) was refused with an exception
        Quantity a = Quantity.parse(">=30T", Unit.TOKENS);
        Quantity b = Quantity.parse(">=0", Unit.TOKENS);
        Quantity diff = a.minus(b, Unit.TOKENS);
        assertEquals(Quantity.Shape.UNBOUNDED, diff.shape());
        assertEquals("any", diff.toString());
        assertEquals(diff, Quantity.parse("any", Unit.TOKENS));
        assertEquals("任意", diff.format(Language.ZH));
        assertEquals(0, diff.compareDecided(a));
    }

    @Test
    void anApproximateBoundReadsBack() {
        // found by DatasetFuzzTest (Jazzer, seeded with the bundled data): "~>=180T" did not parse
        Quantity q = Quantity.atLeast(d("180E12"), Unit.TOKENS).approximate();
        assertEquals("~>=180T", q.toString());
        assertEquals(q, Quantity.parse("~>=180T", Unit.TOKENS));
        assertEquals(q, Quantity.parse(q.format(Language.ZH), Unit.TOKENS));
        assertEquals(q, Quantity.parse("约突破180万亿", Unit.TOKENS));
        assertEquals(q, Quantity.parse(">=~180T", Unit.TOKENS));
    }

    @Test
    void roundedDisplay() {
        Quantity prev = Quantity.parse("4.44T", Unit.TOKENS).dividedBy(d("0.7623"));
        // 4.44 / 0.7623 = 5.82448… → 5.82T
        assertEquals("5.82T", prev.formatRounded(Language.EN, 2));
        assertEquals("5.82万亿", prev.formatRounded(Language.ZH, 2));
        assertEquals("15T to 20T", Quantity.parse("15-20万亿", Unit.TOKENS).formatRounded(Language.EN, 2));
        assertEquals("-23.77%", Quantity.parse("-23.77%", Unit.PERCENT).formatRounded(Language.EN, 2));
        assertEquals("~390×", Quantity.parse("约390倍", Unit.MULTIPLE).formatRounded(Language.EN, 2));
        assertEquals("约390倍", Quantity.parse("约390倍", Unit.MULTIPLE).formatRounded(Language.ZH, 2));
    }

    @Test
    void equalityIgnoresScaleButNotShapeUnitOrApproximation() {
        Quantity a = Quantity.of(d("20.6"), Unit.NUMBER);
        Quantity b = Quantity.of(d("20.600"), Unit.NUMBER);
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, a.approximate());
        assertNotEquals(a, a.withUnit(Unit.PERCENT));
        assertNotEquals(Quantity.atLeast(d("1"), Unit.NUMBER), Quantity.atMost(d("1"), Unit.NUMBER));
        assertEquals("quantity (15T to 20T) is a range, not a single value",
                assertThrows(IllegalStateException.class, () -> Quantity.parse("15-20T", Unit.TOKENS).value()).getMessage());
    }
}
