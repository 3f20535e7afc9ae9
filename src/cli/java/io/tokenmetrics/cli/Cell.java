package io.tokenmetrics.cli;

import io.tokenmetrics.amount.Language;
import io.tokenmetrics.amount.Quantity;
import java.util.Optional;

/** One table cell: the exact value (JSON, CSV) and the rounded view (text). */
final class Cell {
    final String exact;
    final String display;

    private Cell(String exact, String display) {
        this.exact = exact;
        this.display = display;
    }

    static Cell text(Object s) {
        String v = s == null ? "" : s.toString();
        return new Cell(v, v);
    }

    /** A cell whose exact value (JSON, CSV) differs from what text shows. */
    static Cell shown(String exact, String display) {
        return new Cell(exact, display);
    }

    static Cell of(Quantity q, Language lang) {
        return q == null ? text("") : new Cell(plain(q), q.formatRounded(lang, 2));
    }

    /**
     * The exact machine form of JSON and CSV: plain decimals without units or grouping
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

    private static String num(java.math.BigDecimal v) {
        java.math.BigDecimal s = v.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }

    static Cell of(Optional<Quantity> q, Language lang) {
        return of(q.orElse(null), lang);
    }
}
