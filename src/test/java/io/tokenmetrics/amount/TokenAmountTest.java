package io.tokenmetrics.amount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenAmountTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        // 20.6 × 10^12 (万亿 = 10^4 × 10^8)
        "20.6万亿|20600000000000",
        "20.6T|20600000000000",
        "20.6 trillion|20600000000000",
        "'20,600,000,000,000'|20600000000000",
        "4.44万亿Token|4440000000000",
        // 1000 × 10^8 = 10^11
        "1000亿|100000000000",
        // 35 × 10^4
        "35万|350000",
        "35万 tokens|350000",
        // 10 × 10^15 (千万亿 = 10^3 × 10^4 × 10^8)
        "10千万亿|10000000000000000",
        "3900千万亿|3900000000000000000",
        "1.5K|1500",
        "2.5 million|2500000",
        "7B|7000000000",
        "7bn|7000000000",
        "0.5Q|500000000000000",
        "1 quadrillion|1000000000000000",
        "  42  |42",
        "+42|42",
        // full-width digits and point are accepted (documented in docs/data-format.md)
        "２０．６万亿|20600000000000",
        "0|0",
        "9223372036854775807|9223372036854775807"
    })
    void parsesBothLanguages(String text, long expected) {
        assertEquals(expected, TokenAmount.parse(text).tokens());
    }

    @ParameterizedTest(name = "{0} -> {1} / {2}")
    @CsvSource(delimiter = '|', value = {
        "20600000000000|20.6T|20.6万亿",
        "100000000000|100B|1000亿",
        "350000|350K|35万",
        "3900000000000000000|3900Q|3900千万亿",
        "999|999|999",
        "1000|1K|1000",
        "10000|10K|1万",
        "1234567|1.234567M|123.4567万",
        "0|0|0"
    })
    void formatsTheNaturalUnitExactly(long tokens, String en, String zh) {
        TokenAmount a = TokenAmount.of(tokens);
        assertEquals(en, a.format(Language.EN));
        assertEquals(zh, a.format(Language.ZH));
        assertEquals(en, a.toString());
        assertEquals(a, TokenAmount.parse(en));
        assertEquals(a, TokenAmount.parse(zh));
    }

    @Test
    void roundTripsRandomAmountsInBothLanguages() {
        Random r = new Random(20260426L);
        for (int i = 0; i < 20_000; i++) {
            long v = r.nextInt(4) == 0 ? r.nextInt(100_000) : (r.nextLong() >>> 1);
            TokenAmount a = TokenAmount.of(v);
            assertEquals(a, TokenAmount.parse(a.format(Language.EN)), a.format(Language.EN));
            assertEquals(a, TokenAmount.parse(a.format(Language.ZH)), a.format(Language.ZH));
        }
    }

    @Test
    void roundsForDisplayOnly() {
        // 4,912,345,678,901 = 4.912345678901T, half-up to 2 decimals = 4.91T
        assertEquals("4.91T", TokenAmount.of(4_912_345_678_901L).formatRounded(Language.EN, 2));
        assertEquals("4.91万亿", TokenAmount.of(4_912_345_678_901L).formatRounded(Language.ZH, 2));
        // 5,825,000,000,000 rounds half-up to 5.83T
        assertEquals("5.83T", TokenAmount.of(5_825_000_000_000L).formatRounded(Language.EN, 2));
        // a negative number of decimals is refused, not printed as "0M"
        assertEquals("decimals (-1) must be >= 0",
                org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                        () -> TokenAmount.of(5_825_000_000_000L).formatRounded(Language.EN, -1)).getMessage());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "20.6兆|cannot parse \"20.6兆\" at index 4: unknown unit \"兆\"",
        "-5|cannot parse \"-5\" at index 0: a token amount cannot be negative",
        "''|cannot parse \"\" at index 0: empty",
        "abc|cannot parse \"abc\" at index 0: expected a number, found 'a'",
        "1.5|cannot parse \"1.5\" at index 0: not a whole number of tokens (1.5)",
        "1.|cannot parse \"1.\" at index 2: expected a digit after the decimal point",
        "20.6T T|cannot parse \"20.6T T\" at index 6: unexpected text after the amount",
        "10000Q|cannot parse \"10000Q\" at index 0: larger than the largest supported amount, 9223372036854775807",
        "0x10|cannot parse \"0x10\" at index 1: unknown unit \"x10\"",
        "1e6|cannot parse \"1e6\" at index 1: unknown unit \"e6\"",
        "NaN|cannot parse \"NaN\" at index 0: expected a number, found 'N'"
    })
    void rejectsBadTextWithInputAndIndex(String text, String message) {
        AmountParseException e = assertThrows(AmountParseException.class, () -> TokenAmount.parse(text));
        assertEquals(message, e.getMessage());
        assertEquals(text, e.getInput());
    }

    @Test
    void rejectsAbsurdlyLongNumbersBeforeAnyArithmetic() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            b.append('9');
        }
        AmountParseException e = assertThrows(AmountParseException.class, () -> TokenAmount.parse(b));
        assertEquals(200, e.getErrorIndex());
        StringBuilder c = new StringBuilder();
        for (int i = 0; i < 41; i++) {
            c.append('1');
        }
        assertEquals("cannot parse \"" + c + "\" at index 40: more than 40 digits",
                assertThrows(AmountParseException.class, () -> TokenAmount.parse(c)).getMessage());
    }

    @Test
    void factoriesCheckTheirArguments() {
        assertEquals("tokens (-3) must be >= 0", assertThrows(IllegalArgumentException.class, () -> TokenAmount.of(-3)).getMessage());
        assertEquals("tokens (1.5) must be a whole number",
                assertThrows(IllegalArgumentException.class, () -> TokenAmount.of(new BigDecimal("1.5"))).getMessage());
        assertEquals(TokenAmount.of(20), TokenAmount.of(new BigDecimal("20.000")));
    }

    @Test
    void sumsOverflowInsteadOfWrapping() {
        TokenAmount max = TokenAmount.of(Long.MAX_VALUE);
        assertThrows(ArithmeticException.class, () -> max.plus(TokenAmount.of(1)));
        // reference: BigInteger sum of two amounts equals plus()
        TokenAmount a = TokenAmount.of(4_440_000_000_000L);
        TokenAmount b = TokenAmount.of(4_910_000_000_000L);
        assertEquals(a.toBigInteger().add(b.toBigInteger()), a.plus(b).toBigInteger());
    }

    @Test
    void equalityFollowsTheNumberOfTokens() {
        TokenAmount x = TokenAmount.parse("20.6万亿");
        TokenAmount y = TokenAmount.parse("20.6T");
        TokenAmount z = TokenAmount.parse("20.6 trillion");
        assertEquals(x, y);
        assertEquals(y, z);
        assertEquals(x.hashCode(), z.hashCode());
        assertNotEquals(x, TokenAmount.parse("20.7T"));
        assertNotEquals(x, "20.6T");
        assertEquals(-1, TokenAmount.parse("1000亿").compareTo(TokenAmount.parse("2万亿")));
        assertEquals(BigInteger.valueOf(350_000), TokenAmount.parse("35万").toBigInteger());
    }
}
