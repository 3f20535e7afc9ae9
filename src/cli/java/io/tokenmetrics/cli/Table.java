package io.tokenmetrics.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A named table of cells: what every command produces, rendered as text, JSON or CSV. */
final class Table {
    final String name;
    final List<String> columns;
    final List<List<Cell>> rows = new ArrayList<>();

    Table(String name, String... columns) {
        this.name = name;
        this.columns = Arrays.asList(columns);
    }

    Table row(Cell... cells) {
        if (cells.length != columns.size()) {
            throw new IllegalStateException("table " + name + " has " + columns.size() + " columns, row has " + cells.length);
        }
        rows.add(Arrays.asList(cells));
        return this;
    }
}
