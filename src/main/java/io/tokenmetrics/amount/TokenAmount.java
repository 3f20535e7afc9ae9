package io.tokenmetrics.amount;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An exact, non-negative whole number of tokens.
 *
 * <p>"20.6万亿", "20.6T", "20.6 trillion" and "20,600,000,000,000" all parse to the same
 * 20,600,000,000,000. {@link #toString()} writes the natural English unit ("20.6T"), which
 * {@link #parse(CharSequence)} reads back; {@link #format(Language)} writes either language.
 * Amounts up to {@link Long#MAX_VALUE} (about 9.2 quintillion, 9223千万亿) are supported; more is
 * refused rather than wrapped.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class TokenAmount implements Comparable<TokenAmount> {
    /** Zero tokens. */
    public static final TokenAmount ZERO = new TokenAmount(0);

    private static final BigDecimal MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private final long tokens;

    private TokenAmount(long tokens) {
        this.tokens = tokens;
    }

    /**
     * The amount of {@code tokens}.
     *
     * @param tokens the number of tokens
     * @return the amount of {@code tokens}
     * @throws IllegalArgumentException if {@code tokens} is negative
     */
    public static TokenAmount of(long tokens) {
        if (tokens < 0) {
            throw new IllegalArgumentException("tokens (" + tokens + ") must be >= 0");
        }
        return tokens == 0 ? ZERO : new TokenAmount(tokens);
    }

    /**
     * The amount equal to {@code value}, which must be a whole number in range.
     *
     * @param value the value
     * @return the amount equal to {@code value}, which must be a whole number in range
     * @throws IllegalArgumentException naming the value if it is negative, fractional or too large
     */
    public static TokenAmount of(BigDecimal value) {
        java.util.Objects.requireNonNull(value, "value");
        if (value.signum() < 0) {
            throw new IllegalArgumentException("tokens (" + value.toPlainString() + ") must be >= 0");
        }
        if (value.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("tokens (" + value.toPlainString() + ") must be <= " + Long.MAX_VALUE);
        }
        try {
            return of(value.setScale(0, RoundingMode.UNNECESSARY).longValueExact());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("tokens (" + value.toPlainString() + ") must be a whole number", e);
        }
    }

    /**
     * Parses a token amount: digits (ASCII or full-width, optional grouping commas, optional
     * decimal point) and an optional unit, in either language, then an optional "tokens" word.
     *
     * @param text the text
     * @return the amount
     * @throws AmountParseException with the input and the index of the first offending character
     */
    public static TokenAmount parse(CharSequence text) {
        Objects.requireNonNull(text, "text");
        if (text == null) {
            throw new AmountParseException("text is null", "", 0);
        }
        if (text.length() > Magnitudes.MAX_INPUT_LENGTH) {
            throw new AmountParseException("longer than " + Magnitudes.MAX_INPUT_LENGTH + " characters", text, Magnitudes.MAX_INPUT_LENGTH);
        }
        int i = Magnitudes.skipSpaces(text, 0);
        if (i == text.length()) {
            throw new AmountParseException("empty", text, i);
        }
        char first = text.charAt(i);
        if (first == '-' || first == '\u2212') {
            throw new AmountParseException("a token amount cannot be negative", text, i);
        }
        if (first == '+') {
            i++;
        }
        Magnitudes.Scan scan = Magnitudes.scan(text, i, true);
        int end = Magnitudes.skipTokenWord(text, scan.end);
        end = Magnitudes.skipSpaces(text, end);
        if (end != text.length()) {
            throw new AmountParseException(scan.hadUnit
                    ? "unexpected text after the amount" : "unknown unit \"" + unitWord(text, end) + "\"", text, end);
        }
        if (scan.value.compareTo(MAX) > 0) {
            throw new AmountParseException("larger than the largest supported amount, " + Long.MAX_VALUE, text, i);
        }
        if (scan.value.stripTrailingZeros().scale() > 0) {
            throw new AmountParseException("not a whole number of tokens (" + Magnitudes.plain(scan.value) + ")", text, i);
        }
        return of(scan.value.longValueExact());
    }

    private static String unitWord(CharSequence text, int from) {
        int to = from;
        while (to < text.length() && to - from < 12 && !Character.isWhitespace(text.charAt(to))) {
            to++;
        }
        return text.subSequence(from, Math.max(to, Math.min(from + 1, text.length()))).toString();
    }

    /**
     * The number of tokens.
     *
     * @return the number of tokens
     */
    public long tokens() {
        return tokens;
    }

    /**
     * The number of tokens as an exact decimal.
     *
     * @return the number of tokens as an exact decimal
     */
    public BigDecimal toBigDecimal() {
        return BigDecimal.valueOf(tokens);
    }

    /**
     * The number of tokens as a big integer.
     *
     * @return the number of tokens as a big integer
     */
    public BigInteger toBigInteger() {
        return BigInteger.valueOf(tokens);
    }

    /**
     * The exact sum.
     *
     * @param other the other one
     * @return the exact sum
     * @throws ArithmeticException if the sum exceeds {@link Long#MAX_VALUE}
     */
    public TokenAmount plus(TokenAmount other) {
        long sum = tokens + other.tokens;
        if (((tokens ^ sum) & (other.tokens ^ sum)) < 0) {
            throw new ArithmeticException("overflow: " + tokens + " + " + other.tokens + " passes " + Long.MAX_VALUE + " tokens");
        }
        return of(sum);
    }

    /**
     * Exact formatting in the natural unit of {@code language}: the largest unit not above the
     * amount, with as many decimals as needed and no more ("20.6T", "20.6万亿", "1000亿" in
     * Chinese because 万亿 would be below one). Reads back with {@link #parse(CharSequence)}.
     *
     * @param language the language to write in
     * @return exact formatting in the natural unit of {@code language}: the largest unit not above the amount, with as many
     *     decimals as needed and no more ("20.6T", "20.6万亿", "1000亿" in Chinese because 万亿 would be below one)
     */
    public String format(Language language) {
        Objects.requireNonNull(language, "language");
        return Magnitudes.format(toBigDecimal(), language);
    }

    /**
     * For display only: the natural unit, rounded half-up to {@code decimals} decimal places
     * ("4.91T" for 4,912,345,678,901 with 2). The result may not parse back to this amount.
     *
     * @param language the language to write in
     * @param decimals the number of decimals (0 or more)
     * @return the rounded text
     */
    public String formatRounded(Language language, int decimals) {
        Objects.requireNonNull(language, "language");
        if (decimals < 0) {
            throw new IllegalArgumentException("decimals (" + decimals + ") must be >= 0");
        }
        return Quantity.formatNumber(toBigDecimal(), language, decimals);
    }

    @Override
    public int compareTo(TokenAmount o) {
        return Long.compare(tokens, o.tokens);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TokenAmount && ((TokenAmount) o).tokens == tokens;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(tokens);
    }

    /** The exact English form, such as "20.6T"; {@link #parse(CharSequence)} reads it back. */
    @Override
    public String toString() {
        return format(Language.EN);
    }
}
