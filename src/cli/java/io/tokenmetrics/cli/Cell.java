package io.tokenmetrics.cli;

import io.tokenmetrics.amount.Language;
import io.tokenmetrics.amount.Quantity;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One table cell: the exact value (CSV), the rounded view (text), and the JSON value: a number
 * for a count or an exact amount (its exact decimal, any size), {@code true}/{@code false}, an
 * object {@code {"low", "high", "approximate"}} for an amount that is a range, a bound or
 * approximate, {@code null} for none, and a string only for text.
 */
final class Cell {
    final String exact;
    final String display;
    /** A String, a BigDecimal, a Boolean, a Map (an interval) or null. */
    final Object json;

    private Cell(String exact, String display, Object json) {
        this.exact = exact;
        this.display = display;
        this.json = json;
    }

    /** Text, or a number ({@link Number}) or a truth value ({@link Boolean}), which JSON writes as such. */
    static Cell text(Object s) {
        String v = s == null ? "" : s.toString();
        Object json = s instanceof Number ? new BigDecimal(v) : s instanceof Boolean ? s : v;
        return new Cell(v, v, json);
    }

    /** A decimal number given as its exact text ("" or null: none, JSON null). */
    static Cell number(String decimal) {
        if (decimal == null || decimal.isEmpty()) {
            return new Cell("", "", null);
        }
        return new Cell(decimal, decimal, new BigDecimal(decimal));
    }

    /** An amount written as {@code exact} (CSV and text), with the quantity's JSON value ({@link #json(Quantity)}). */
    static Cell amount(Quantity q, String exact) {
        return new Cell(exact, exact, json(q));
    }

    /** A truth value shown to people as {@code display}. */
    static Cell flag(boolean v, String display) {
        return new Cell(Boolean.toString(v), display, v);
    }

    /** A text cell whose exact value (JSON, CSV) differs from what text shows. */
    static Cell shown(String exact, String display) {
        return new Cell(exact, display, exact);
    }

    static Cell of(Quantity q, Language lang) {
        return q == null ? new Cell("", "", null) : new Cell(plain(q), q.formatRounded(lang, 2), json(q));
    }

    /** A quantity's JSON value: its number when it is one exact value, else {@code {"low", "high", "approximate"}}. */
    static Object json(Quantity q) {
        if (q.shape() == Quantity.Shape.POINT && !q.isApproximate()) {
            return q.lower().get();
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("low", q.lower().orElse(null));
        m.put("high", q.upper().orElse(null));
        m.put("approximate", q.isApproximate());
        return m;
    }

    /**
     * The exact machine form of CSV: plain decimals without units or grouping
     * ("4440000000000", "-23.77" for -23.77%), "~" before an approximate value, "lo..hi" for a
     * range, ">=lo" and "<=hi" for bounds.
     */
    static String plain(Quantity q) {
        String approx = q.isApproximate() ? "~" : "";
        switch (q.shape()) {
            case POINT: return approx + num(q.lower().get());
            case RANGE: return approx + num(q.lower().get()) + ".." + num(q.upper().get());
            case AT_LEAST: return approx + ">=" + num(q.lower().get());
            case AT_MOST: return approx + "<=" + num(q.upper().get());
            default: return "any";
        }
    }

    private static String num(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }

    static Cell of(Optional<Quantity> q, Language lang) {
        return of(q.orElse(null), lang);
    }
}
