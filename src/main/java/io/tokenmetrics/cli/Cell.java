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

    static Cell of(Quantity q, Language lang) {
        return q == null ? text("") : new Cell(q.toString(), q.formatRounded(lang, 2));
    }

    static Cell of(Optional<Quantity> q, Language lang) {
        return of(q.orElse(null), lang);
    }
}
