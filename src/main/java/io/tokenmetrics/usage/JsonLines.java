package io.tokenmetrics.usage;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * JSON Lines usage logs: one object per line, read line by line with a bounded buffer (a line
 * longer than {@link #MAX_LINE} bytes is a bad row, never held in memory whole).
 */
final class JsonLines {
    static final int MAX_LINE = 1 << 20;
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).maxNumberLength(40).maxStringLength(MAX_LINE).build())
            .build();

    private final UsageAggregator agg;
    private final String name;
    private final RowProcessor proc;
    private final RowProcessor.Layout layout;
    private final List<List<String>> candidates = new ArrayList<>();

    JsonLines(UsageAggregator agg, String name) {
        this.agg = agg;
        this.name = name;
        List<String> names = new ArrayList<>();
        for (UsageField f : new UsageField[] {UsageField.TIMESTAMP}) {
            candidates.add(agg.column(f) != null ? Arrays.asList(agg.column(f)) : f.defaultNames());
            names.add(f.defaultNames().get(0));
        }
        int[] dims = new int[agg.by().size()];
        for (int k = 0; k < dims.length; k++) {
            dims[k] = candidates.size();
            candidates.add(UsageField.dimensionNames(agg.by().get(k)));
            names.add(agg.by().get(k));
        }
        int first = candidates.size();
        for (UsageField f : new UsageField[] {UsageField.INPUT, UsageField.OUTPUT, UsageField.CACHED, UsageField.REASONING, UsageField.TOTAL}) {
            candidates.add(agg.column(f) != null ? Arrays.asList(agg.column(f)) : f.defaultNames());
            names.add(f.defaultNames().get(0));
        }
        this.layout = new RowProcessor.Layout(candidates.size(), 0, dims, agg.by().toArray(new String[0]), first, first + 1, first + 2,
                first + 3, first + 4, names.toArray(new String[0]));
        this.proc = agg.processor(layout);
    }

    void read(Path f, UsageAggregator.Merged merged) {
        Problems problems = new Problems();
        long rows = 0;
        long blank = 0;
        long line = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(f), 1 << 16)) {
            byte[] buf = new byte[4096];
            while (true) {
                int len = 0;
                boolean tooLong = false;
                int c;
                while ((c = in.read()) >= 0 && c != '\n') {
                    if (len == MAX_LINE) {
                        tooLong = true;
                        continue;
                    }
                    if (len == buf.length) {
                        buf = Arrays.copyOf(buf, Math.min(buf.length * 2, MAX_LINE));
                    }
                    buf[len++] = (byte) c;
                }
                if (c < 0 && len == 0 && !tooLong) {
                    break;
                }
                line++;
                if (tooLong) {
                    bad(problems, line, "line too long", "the line is longer than " + MAX_LINE + " bytes");
                    continue;
                }
                int start = line == 1 && len >= 3 && (buf[0] & 0xFF) == 0xEF && (buf[1] & 0xFF) == 0xBB && (buf[2] & 0xFF) == 0xBF ? 3 : 0;
                int end = len > start && buf[len - 1] == '\r' ? len - 1 : len;
                if (isBlank(buf, start, end)) {
                    blank++;
                    continue;
                }
                String err = row(buf, start, end);
                if (err == null) {
                    rows++;
                } else {
                    bad(problems, line, proc.errorKind, err);
                }
                if (c < 0) {
                    break;
                }
            }
        } catch (NoSuchFileException e) {
            throw new UsageLogException(name, 0, "no such file");
        } catch (IOException e) {
            throw new UsageLogException(name, 0, "cannot read: " + e.getMessage());
        }
        merged.add(proc, layout);
        merged.rows += rows;
        merged.blank += blank;
        merged.problems.addAll(problems, 0, name);
    }

    private void bad(Problems problems, long line, String kind, String message) {
        if (!agg.skipBad()) {
            throw new UsageLogException(name, line, message);
        }
        problems.add(kind, line, message);
    }

    private static boolean isBlank(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != ' ' && b[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    /** Flattens one object to dotted names and hands the needed values to the row processor. */
    private String row(byte[] b, int from, int to) {
        Map<String, String> values = new HashMap<>();
        try (JsonParser p = JSON.createParser(b, from, to - from)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                proc.errorKind = "not an object";
                return "expected a JSON object";
            }
            List<String> path = new ArrayList<>();
            String field = null;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                switch (t) {
                    case FIELD_NAME:
                        field = p.currentName();
                        break;
                    case START_OBJECT:
                        path.add(field);
                        break;
                    case END_OBJECT:
                        if (!path.isEmpty()) {
                            path.remove(path.size() - 1);
                        }
                        break;
                    case START_ARRAY:
                        p.skipChildren();
                        break;
                    case VALUE_NULL:
                        break;
                    default:
                        String key = (path.isEmpty() ? "" : String.join(".", path) + ".") + field;
                        String v = t == JsonToken.VALUE_NUMBER_FLOAT ? "float:" + p.getText() : p.getText();
                        values.putIfAbsent(key.toLowerCase(Locale.ROOT), v);
                        break;
                }
            }
        } catch (JsonProcessingException e) {
            proc.errorKind = "malformed JSON";
            String m = e.getOriginalMessage();
            return "malformed JSON: " + (m.indexOf('\n') >= 0 ? m.substring(0, m.indexOf('\n')) : m);
        } catch (IOException e) {
            proc.errorKind = "malformed JSON";
            return "malformed JSON: " + e.getMessage();
        }
        byte[][] fields = new byte[candidates.size()][];
        int total = 0;
        for (int k = 0; k < candidates.size(); k++) {
            String v = null;
            for (String c : candidates.get(k)) {
                v = values.get(c.toLowerCase(Locale.ROOT));
                if (v != null) {
                    break;
                }
            }
            if (v == null && (k == 0 || isDim(k) || k == layout.input || k == layout.output)) {
                proc.errorKind = "missing field";
                return "no " + (isDim(k) ? "\"" + layout.names[k] + "\"" : candidates.get(k).get(0)) + " field (looked for "
                        + String.join(", ", candidates.get(k)) + ")";
            }
            if (v != null && v.startsWith("float:")) {
                proc.errorKind = "bad token count";
                return candidates.get(k).get(0) + " (" + v.substring(6) + ") is not a whole number of tokens";
            }
            fields[k] = v == null ? new byte[0] : v.getBytes(StandardCharsets.UTF_8);
            total += fields[k].length;
        }
        byte[] row = new byte[total];
        int[] start = new int[fields.length];
        int[] end = new int[fields.length];
        int at = 0;
        for (int k = 0; k < fields.length; k++) {
            start[k] = at;
            System.arraycopy(fields[k], 0, row, at, fields[k].length);
            at += fields[k].length;
            end[k] = at;
        }
        return proc.row(row, start, end);
    }

    private boolean isDim(int k) {
        for (int d : layout.dims) {
            if (d == k) {
                return true;
            }
        }
        return false;
    }
}
