package io.tokenmetrics.amount;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The unit words of both languages and a scanner for "number + unit" that the public parsers share.
 * Longest unit first, so 千万亿 wins over 千 and 万亿 over 万.
 */
final class Magnitudes {
    /** Inputs longer than this are refused before any arithmetic: no figure needs it, a hostile one could. */
    static final int MAX_INPUT_LENGTH = 200;
    /** Digits allowed in one number: more than a long holds, fewer than a denial of service needs. */
    static final int MAX_DIGITS = 40;

    static final class Unit {
        final String text;
        final int exponent;

        Unit(String text, int exponent) {
            this.text = text;
            this.exponent = exponent;
        }
    }

    private static final List<Unit> UNITS;

    static {
        List<Unit> u = new ArrayList<>();
        u.add(new Unit("千万亿", 15));
        u.add(new Unit("万亿", 12));
        u.add(new Unit("千亿", 11));
        u.add(new Unit("百亿", 10));
        u.add(new Unit("十亿", 9));
        u.add(new Unit("亿", 8));
        u.add(new Unit("千万", 7));
        u.add(new Unit("百万", 6));
        u.add(new Unit("十万", 5));
        u.add(new Unit("万", 4));
        u.add(new Unit("千", 3));
        u.add(new Unit("quadrillion", 15));
        u.add(new Unit("trillion", 12));
        u.add(new Unit("billion", 9));
        u.add(new Unit("million", 6));
        u.add(new Unit("thousand", 3));
        u.add(new Unit("bn", 9));
        u.add(new Unit("Q", 15));
        u.add(new Unit("T", 12));
        u.add(new Unit("B", 9));
        u.add(new Unit("M", 6));
        u.add(new Unit("K", 3));
        u.add(new Unit("k", 3));
        UNITS = Collections.unmodifiableList(u);
    }

    private Magnitudes() {
    }

    /** A scanned number: its exact value and where the scan stopped. */
    static final class Scan {
        final BigDecimal value;
        final int end;
        final boolean hadUnit;
        /** The power of ten of the unit word, 0 without one. */
        final int exponent;

        Scan(BigDecimal value, int end, boolean hadUnit, int exponent) {
            this.exponent = exponent;
            this.value = value;
            this.end = end;
            this.hadUnit = hadUnit;
        }
    }

    /** ASCII and full-width digits (U+FF10..U+FF19) only: other scripts' digits are refused. */
    static int digit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= '\uFF10' && c <= '\uFF19') {
            return c - '\uFF10';
        }
        return -1;
    }

    static boolean isPoint(char c) {
        return c == '.' || c == '\uFF0E';
    }

    static boolean isGroupComma(char c) {
        return c == ',' || c == '\uFF0C';
    }

    static int skipSpaces(CharSequence s, int i) {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '\u00A0' || s.charAt(i) == '\u3000')) {
            i++;
        }
        return i;
    }

    /**
     * Scans an unsigned decimal number at {@code start}, then optional spaces and an optional unit
     * word. Grouping commas are accepted between digit groups of three ("20,600,000").
     */
    static Scan scan(CharSequence s, int start, boolean unitsAllowed) {
        int i = start;
        StringBuilder digits = new StringBuilder();
        int fractionDigits = -1;
        int count = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int d = digit(c);
            if (d >= 0) {
                digits.append((char) ('0' + d));
                if (fractionDigits >= 0) {
                    fractionDigits++;
                }
                if (++count > MAX_DIGITS) {
                    throw new AmountParseException("more than " + MAX_DIGITS + " digits", s, i);
                }
                i++;
            } else if (isPoint(c) && fractionDigits < 0 && count > 0) {
                fractionDigits = 0;
                i++;
            } else if (isGroupComma(c) && fractionDigits < 0 && count > 0
                    && allDigits(s, i + 1, 3) && (i + 4 >= s.length() || digit(s.charAt(i + 4)) < 0)) {
                i++;
            } else {
                break;
            }
        }
        if (count == 0) {
            throw new AmountParseException(i < s.length()
                    ? "expected a number, found '" + s.charAt(i) + "'" : "expected a number, found the end of the text", s, i);
        }
        if (fractionDigits == 0) {
            throw new AmountParseException("expected a digit after the decimal point", s, i);
        }
        int scale = Math.max(fractionDigits, 0);
        BigDecimal value = new BigDecimal(new java.math.BigInteger(digits.toString()), scale);
        int afterNumber = i;
        int j = skipSpaces(s, i);
        if (unitsAllowed) {
            for (Unit u : UNITS) {
                if (regionMatches(s, j, u.text)) {
                    int end = j + u.text.length();
                    // an English word must end at a word boundary: "Tokens" is not T + "okens"
                    if (isAsciiLetter(u.text.charAt(0)) && end < s.length() && isAsciiLetter(s.charAt(end))) {
                        continue;
                    }
                    return new Scan(value.scaleByPowerOfTen(u.exponent), end, true, u.exponent);
                }
            }
        }
        return new Scan(value, afterNumber, false, 0);
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean allDigits(CharSequence s, int from, int n) {
        if (from + n > s.length()) {
            return false;
        }
        for (int k = from; k < from + n; k++) {
            if (digit(s.charAt(k)) < 0) {
                return false;
            }
        }
        return true;
    }

    static boolean regionMatches(CharSequence s, int at, String word) {
        return at + word.length() <= s.length() && s.subSequence(at, at + word.length()).toString().equals(word);
    }

    /** Skips an optional trailing "token"/"tokens" word (any case), as articles write "4.44万亿Token". */
    static int skipTokenWord(CharSequence s, int i) {
        int j = skipSpaces(s, i);
        String rest = s.subSequence(j, s.length()).toString().toLowerCase(Locale.ROOT);
        if (rest.startsWith("tokens")) {
            return j + 6;
        }
        if (rest.startsWith("token")) {
            return j + 5;
        }
        return i;
    }

    /** Largest unit not above the value, for formatting. */
    static String format(BigDecimal value, Language language) {
        BigDecimal abs = value.abs();
        int[] exps = language == Language.ZH ? new int[] {15, 12, 8, 4} : new int[] {15, 12, 9, 6, 3};
        String[] names = language == Language.ZH
                ? new String[] {"千万亿", "万亿", "亿", "万"} : new String[] {"Q", "T", "B", "M", "K"};
        for (int k = 0; k < exps.length; k++) {
            if (abs.compareTo(BigDecimal.ONE.scaleByPowerOfTen(exps[k])) >= 0) {
                return plain(value.scaleByPowerOfTen(-exps[k])) + names[k];
            }
        }
        return plain(value);
    }

    /** {@code value} in the unit {@link #format} picks for {@code reference} (so both ends of a range share it). */
    static String formatLike(BigDecimal value, BigDecimal reference, Language language) {
        String ref = format(reference, language);
        int k = ref.length();
        while (k > 0 && !Character.isDigit(ref.charAt(k - 1))) {
            k--;
        }
        String unit = ref.substring(k);
        if (unit.isEmpty()) {
            return plain(value);
        }
        BigDecimal scale = reference.divide(new BigDecimal(ref.substring(0, k)), java.math.MathContext.DECIMAL128);
        return plain(value.divide(scale, java.math.MathContext.DECIMAL128)) + unit;
    }

    static String plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        if (s.scale() < 0) {
            s = s.setScale(0);
        }
        return s.toPlainString();
    }
}
