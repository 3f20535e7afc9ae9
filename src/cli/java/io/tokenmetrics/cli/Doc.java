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

    /** Charts (SVG markup) that the HTML page shows after the text; other formats leave them out. */
    final List<String> figures = new ArrayList<>();

    void render(Format format, Language lang, PrintWriter out) {
        if (raw != null) {
            out.print(raw);
            out.flush();
            return;
        }
        switch (format) {
            case JSON: json(lang, out); break;
            case CSV: csv(out); break;
            case HTML: html(lang, out); break;
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

    /**
     * One self-contained page: the text (a briefing's sections as headings, its lines as a list
     * with their fact ids as tags), the charts inline as SVG (a point's exact value is its
     * tooltip), the tables and the notes. No script, no style sheet, font or image from elsewhere:
     * it opens the same offline, and nothing on it is fetched.
     */
    private void html(Language lang, PrintWriter out) {
        boolean zh = lang == Language.ZH;
        StringBuilder b = new StringBuilder(1 << 16);
        b.append("<!DOCTYPE html>\n<html lang=\"").append(zh ? "zh-CN" : "en").append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>token-metrics ").append(escape(command)).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        List<String> lines = new ArrayList<>();
        if (text != null) {
            lines.addAll(java.util.Arrays.asList(text.split("\n")));
        }
        // the first line of a text is its title; the rest: unindented lines are headings, indented ones items
        b.append("<h1>").append(escape(lines.isEmpty() ? "token-metrics " + command : lines.get(0))).append("</h1>\n");
        boolean open = false;
        for (int i = 1; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.trim().isEmpty()) {
                continue;
            }
            if (!l.startsWith(" ")) {
                if (open) {
                    b.append("</ul>\n");
                    open = false;
                }
                b.append(i == 1 ? "<p class=\"sources\">" : "<h2>").append(escape(l)).append(i == 1 ? "</p>\n" : "</h2>\n");
                continue;
            }
            if (!open) {
                b.append("<ul>\n");
                open = true;
            }
            String item = l.trim();
            String facts = "";
            int at = item.lastIndexOf("  [");
            if (at > 0 && item.endsWith("]")) {
                facts = item.substring(at + 3, item.length() - 1);
                item = item.substring(0, at);
            }
            b.append("<li>").append(escape(item));
            for (String f : facts.isEmpty() ? new String[0] : facts.split(", ")) {
                b.append(" <span class=\"fact\">").append(escape(f)).append("</span>");
            }
            b.append("</li>\n");
        }
        if (open) {
            b.append("</ul>\n");
        }
        for (String svg : figures) {
            b.append("<figure>\n").append(svg.replaceFirst("^<\\?xml[^>]*>\\s*", "")).append("</figure>\n");
        }
        if (text == null) {
            for (Table t : tables) {
                if (tables.size() > 1) {
                    b.append("<h2>").append(escape(t.name)).append("</h2>\n");
                }
                b.append("<div class=\"table\"><table>\n<thead><tr>");
                for (String c : t.columns) {
                    String label = zh && io.tokenmetrics.internal.Messages.keys(lang).contains("col." + c) ? io.tokenmetrics.internal.Messages.get(lang, "col." + c) : c;
                    b.append("<th>").append(escape(label)).append("</th>");
                }
                b.append("</tr></thead>\n<tbody>\n");
                for (List<Cell> r : t.rows) {
                    b.append("<tr>");
                    for (Cell c : r) {
                        boolean number = c.json instanceof java.math.BigDecimal || c.json instanceof java.util.Map;
                        b.append(number ? "<td class=\"n\"" : "<td").append(c.exact.equals(c.display) ? "" : " title=\"" + escape(c.exact) + "\"")
                                .append(">").append(escape(c.display)).append("</td>");
                    }
                    b.append("</tr>\n");
                }
                b.append("</tbody>\n</table></div>\n");
            }
        }
        if (!notes.isEmpty()) {
            b.append("<ul class=\"notes\">\n");
            for (String n : notes) {
                b.append("<li>").append(escape(n)).append("</li>\n");
            }
            b.append("</ul>\n");
        }
        b.append("<footer>token-metrics</footer>\n</body>\n</html>\n");
        out.print(b);
    }

    /** The page's own style: system fonts only (CJK ones named first for Chinese), nothing fetched. */
    private static final String CSS = "body{font-family:\"Noto Sans CJK SC\",\"Source Han Sans SC\",\"PingFang SC\",\"Microsoft YaHei\",\"Noto Sans\","
            + "\"DejaVu Sans\",system-ui,sans-serif;max-width:1000px;margin:2em auto;padding:0 1em;color:#222;line-height:1.5}\n"
            + "h1{font-size:1.5em;margin-bottom:.2em}h2{font-size:1.15em;margin-top:1.6em;border-bottom:1px solid #ddd}\n"
            + ".sources{color:#555}ul{padding-left:1.2em}li{margin:.3em 0}\n"
            + ".fact{display:inline-block;font-size:.75em;color:#555;background:#eef;border-radius:3px;padding:0 .35em;margin-left:.2em}\n"
            + "figure{margin:1.5em 0}figure svg{max-width:100%;height:auto}\n"
            + ".table{overflow-x:auto}table{border-collapse:collapse;font-size:.9em}th,td{border:1px solid #ddd;padding:.25em .5em;text-align:left}"
            + "td.n{text-align:right;font-variant-numeric:tabular-nums}th{background:#f5f5f5}\n"
            + ".notes{color:#555;font-size:.9em}footer{color:#999;font-size:.8em;margin-top:3em}\n";

    /** Text as HTML: the five characters that could start or end markup escaped; control characters shown as escapes. */
    static String escape(String s) {
        String t = io.tokenmetrics.internal.Text.escape(s);
        StringBuilder b = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            switch (c) {
                case '<': b.append("&lt;"); break;
                case '>': b.append("&gt;"); break;
                case '&': b.append("&amp;"); break;
                case '"': b.append("&quot;"); break;
                case '\'': b.append("&#39;"); break;
                default: b.append(c);
            }
        }
        return b.toString();
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
