package io.tokenmetrics.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokenmetrics.amount.Language;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A command's output: tables, plus an optional plain-language text for the text format.
 * JSON: {@code {"command", "lang", "tables": [{"name", "columns", "rows": [{column: value}]}], "notes"}}, each value
 * typed ({@link Cell#json}): numbers as numbers, intervals as objects, text as strings.
 * CSV: one table's header and rows; several tables get a leading {@code table} column.
 */
final class Doc {

    final String command;
    final List<Table> tables = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    String text;

    Doc(String command) {
        this.command = command;
    }

    Table table(String name, String... columns) {
        Table t = new Table(name, columns);
        tables.add(t);
        return t;
    }

    /** The exit code once the output is written: a command may print all it can and still fail. */
    int exit = Main.OK;

    /** Output written as it is, whatever the format: an SVG chart on standard output. */
    String raw;

    void render(Format format, Language lang, PrintWriter out) {
        if (raw != null) {
            out.print(raw);
            out.flush();
            return;
        }
        switch (format) {
            case JSON: json(lang, out); break;
            case CSV: csv(out); break;
            default: text(out, lang); break;
        }
        out.flush();
    }

    private void text(PrintWriter out, Language lang) {
        if (text != null) {
            // data may carry control characters: escape them, keeping the lines
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                out.print(io.tokenmetrics.internal.Text.escape(lines[i]));
                if (i < lines.length - 1) {
                    out.print('\n');
                }
            }
        } else {
            for (Table t : tables) {
                if (tables.size() > 1) {
                    out.println("== " + t.name);
                }
                List<String> header = new ArrayList<>();
                for (String c : t.columns) {
                    // column labels for people; JSON and CSV keep the stable English names
                    header.add(lang == Language.ZH && io.tokenmetrics.internal.Messages.keys(lang).contains("col." + c)
                            ? io.tokenmetrics.internal.Messages.get(lang, "col." + c) : c);
                }
                int[] w = new int[t.columns.size()];
                for (int i = 0; i < w.length; i++) {
                    w[i] = width(header.get(i));
                    for (List<Cell> r : t.rows) {
                        w[i] = Math.max(w[i], width(io.tokenmetrics.internal.Text.escape(r.get(i).display)));
                    }
                }
                line(out, w, header);
                for (List<Cell> r : t.rows) {
                    List<String> d = new ArrayList<>();
                    for (Cell c : r) {
                        // values from logs may hold terminal escape sequences: never pass them on
                        d.add(io.tokenmetrics.internal.Text.escape(c.display));
                    }
                    line(out, w, d);
                }
            }
        }
        for (String n : notes) {
            out.println(io.tokenmetrics.internal.Text.escape(n));
        }
    }

    /** Display width: CJK characters take two columns in a terminal. */
    static int width(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            w += (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xFF00 && c <= 0xFF60) ? 2 : 1;
        }
        return w;
    }

    private static void line(PrintWriter out, int[] w, List<String> cells) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            b.append(c);
            if (i < cells.size() - 1) {
                for (int k = width(c); k < w[i] + 2; k++) {
                    b.append(' ');
                }
            }
        }
        out.println(b.toString());
    }

    private void json(Language lang, PrintWriter out) {
        // the mapper is reached only here: text and CSV output never start Jackson
        ObjectMapper json = io.tokenmetrics.internal.Json.mapper();
        ObjectNode root = json.createObjectNode();
        root.put("command", command);
        root.put("lang", lang.name().toLowerCase(java.util.Locale.ROOT));
        ArrayNode ts = root.putArray("tables");
        for (Table t : tables) {
            ObjectNode o = ts.addObject();
            o.put("name", t.name);
            ArrayNode cols = o.putArray("columns");
            t.columns.forEach(cols::add);
            ArrayNode rows = o.putArray("rows");
            for (List<Cell> r : t.rows) {
                ObjectNode row = rows.addObject();
                for (int i = 0; i < r.size(); i++) {
                    row.set(t.columns.get(i), node(json, r.get(i).json));
                }
            }
        }
        ArrayNode ns = root.putArray("notes");
        notes.forEach(ns::add);
        try {
            // exact decimals as written, never in exponent form
            json.writer().with(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN).writeValue(out, root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println();
    }

    /** A cell's JSON value as a node: a whole number as an integer, a decimal as written, an interval as an object. */
    private static com.fasterxml.jackson.databind.JsonNode node(ObjectMapper json, Object v) {
        com.fasterxml.jackson.databind.node.JsonNodeFactory f = json.getNodeFactory();
        if (v == null) {
            return f.nullNode();
        }
        if (v instanceof java.math.BigDecimal) {
            java.math.BigDecimal d = (java.math.BigDecimal) v;
            java.math.BigDecimal s = d.signum() == 0 ? java.math.BigDecimal.ZERO : d.stripTrailingZeros();
            return s.scale() <= 0 ? f.numberNode(s.toBigIntegerExact()) : f.numberNode(s);
        }
        if (v instanceof Boolean) {
            return f.booleanNode((Boolean) v);
        }
        if (v instanceof java.util.Map) {
            ObjectNode o = f.objectNode();
            ((java.util.Map<?, ?>) v).forEach((k, x) -> o.set(k.toString(), node(json, x)));
            return o;
        }
        return f.textNode(v.toString());
    }

    private void csv(PrintWriter out) {
        boolean several = tables.size() > 1;
        if (several) {
            List<String> header = new ArrayList<>();
            header.add("table");
            List<String> all = new ArrayList<>();
            for (Table t : tables) {
                for (String c : t.columns) {
                    if (!all.contains(c)) {
                        all.add(c);
                    }
                }
            }
            header.addAll(all);
            out.println(csvLine(header));
            for (Table t : tables) {
                for (List<Cell> r : t.rows) {
                    List<String> v = new ArrayList<>();
                    v.add(t.name);
                    for (String c : all) {
                        int i = t.columns.indexOf(c);
                        v.add(i < 0 ? "" : r.get(i).exact);
                    }
                    out.println(csvLine(v));
                }
            }
            return;
        }
        for (Table t : tables) {
            out.println(csvLine(t.columns));
            for (List<Cell> r : t.rows) {
                List<String> v = new ArrayList<>();
                for (Cell c : r) {
                    v.add(c.exact);
                }
                out.println(csvLine(v));
            }
        }
    }

    /** RFC 4180 quoting. */
    static String csvLine(List<String> values) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            if (i > 0) {
                b.append(',');
            }
            if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
                b.append('"').append(v.replace("\"", "\"\"")).append('"');
            } else {
                b.append(v);
            }
        }
        return b.toString();
    }
}
