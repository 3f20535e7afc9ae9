package io.tokenmetrics.usage;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the CSV lines of one region of a file into a {@link RowProcessor}, scanning bytes in
 * place. The parallel path refuses quotes ({@link QuoteFound}): a quoted field may hold a
 * newline, which makes splitting a file at newlines unsafe, so such files are read by one thread
 * with full RFC 4180 quoting.
 */
final class CsvChunk extends RowCounts {
    /** Thrown by the parallel path at the first quote; the file is then read sequentially. */
    static final class QuoteFound extends RuntimeException {
        private static final long serialVersionUID = 1L;

        QuoteFound() {
            super(null, null, false, false);
        }
    }

    /** Stops a strict run at the first bad row. */
    static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final long line;
        final String message;

        Stop(long line, String message) {
            super(null, null, false, false);
            this.line = line;
            this.message = message;
        }
    }

    long lines;
    Stop stop;
    long blank;
    private final boolean skipBad;

    CsvChunk(boolean skipBad) {
        this.skipBad = skipBad;
    }

    @Override
    void bad(long line, String path, String kind, String message) {
        bad(line, kind, message, skipBad);
    }
    final Problems problems = new Problems();

    /**
     * Parses the complete lines of {@code b[from, to)} and returns where the first incomplete line
     * starts ({@code to} when all were complete). With {@code last}, the end of the buffer ends the
     * final line.
     */
    int parse(byte[] b, int from, int to, RowProcessor p, boolean quotesAllowed, boolean skipBad, boolean last) {
        int columns = p.layout.columns;
        int[] start = new int[columns];
        int[] end = new int[columns];
        int pos = from;
        while (pos < to) {
            lines++;
            int lineStart = pos;
            int nf = 0;
            start[0] = pos;
            int i = pos;
            boolean quoted = false;
            boolean tooMany = false;
            while (i < to) {
                byte c = b[i];
                if (c == ',') {
                    if (nf + 1 < columns) {
                        end[nf] = i;
                        start[++nf] = i + 1;
                    } else {
                        tooMany = true;
                        nf++;
                    }
                } else if (c == '\n') {
                    break;
                } else if (c == '"') {
                    if (!quotesAllowed) {
                        throw new QuoteFound();
                    }
                    quoted = true;
                    break;
                }
                i++;
            }
            if (quoted) {
                int next = slowLine(b, lineStart, to, p, skipBad, last);
                if (next < 0) {
                    lines--;
                    return lineStart;
                }
                pos = next;
                continue;
            }
            if (i == to && !last) {
                lines--;
                return lineStart;
            }
            int lineEnd = i;
            int contentEnd = lineEnd > lineStart && b[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
            pos = i + 1;
            if (!tooMany) {
                end[nf] = contentEnd;
            }
            nf++;
            if (nf == 1 && contentEnd == lineStart) {
                blank++;
                continue;
            }
            if (nf != columns) {
                bad(lines, "wrong number of columns", "expected " + columns + " columns, found " + nf, skipBad);
                continue;
            }
            count(p.row(b, start, end), p, lines, null);
        }
        return to;
    }

    /** Counts a line that was longer than the read buffer as bad; the caller skips it. */
    void tooLong(int limit, boolean skipBad) {
        lines++;
        bad(lines, "line too long", "the line is longer than " + limit + " bytes", skipBad);
    }

    private void bad(long line, String kind, String message, boolean skipBad) {
        if (!skipBad) {
            throw new Stop(line, message);
        }
        problems.add(kind, line, message);
    }

    /** The physical lines one quoted field may span before its quote is taken for one never closed. */
    static final int QUOTED_LINES = 1000;

    /** One line with quotes, read field by field with RFC 4180 rules; may span several physical lines. */
    private int slowLine(byte[] b, int lineStart, int to, RowProcessor p, boolean skipBad, boolean last) {
        long firstLine = lines;
        long linesBefore = lines;
        List<byte[]> fields = new ArrayList<>();
        java.io.ByteArrayOutputStream cur = new java.io.ByteArrayOutputStream();
        int i = lineStart;
        boolean inQuotes = false;
        boolean wasQuoted = false;
        String malformed = null;
        while (i < to) {
            byte c = b[i];
            if (inQuotes) {
                if (c == '"') {
                    if (i + 1 < to && b[i + 1] == '"') {
                        cur.write('"');
                        i += 2;
                        continue;
                    }
                    inQuotes = false;
                    i++;
                    continue;
                }
                if (c == '\n' && ++lines - firstLine > QUOTED_LINES) {
                    // most likely a quote that is never closed: report this line and go on at the
                    // next, rather than swallowing every row up to the next quote or the end. A long
                    // quoted field (free text, a JSON column) on fewer lines is read: only a
                    // dimension's value has a length limit, and only the line's length a byte budget
                    return resync(b, lineStart, to, firstLine, "a quoted field runs over more than " + QUOTED_LINES
                            + " lines (a quote that is not closed?)", skipBad, last);
                }
                cur.write(c);
                i++;
                continue;
            }
            if (c == '"') {
                if (cur.size() == 0 && !wasQuoted) {
                    inQuotes = true;
                    wasQuoted = true;
                } else if (malformed == null) {
                    malformed = "a quote inside an unquoted field";
                }
                i++;
                continue;
            }
            if (c == ',') {
                fields.add(cur.toByteArray());
                cur.reset();
                wasQuoted = false;
                i++;
                continue;
            }
            if (c == '\n') {
                break;
            }
            if (c != '\r' || (i + 1 < to && b[i + 1] != '\n')) {
                cur.write(c);
            }
            i++;
        }
        if (i == to && !last) {
            lines = linesBefore;
            return -1;
        }
        if (inQuotes) {
            return resync(b, lineStart, to, firstLine, "a quoted field is not closed before the end of the file", skipBad, last);
        }
        fields.add(cur.toByteArray());
        int next = Math.min(i + 1, to);
        if (malformed != null) {
            bad(firstLine, "malformed quoting", malformed, skipBad);
            return next;
        }
        if (fields.size() != p.layout.columns) {
            bad(firstLine, "wrong number of columns", "expected " + p.layout.columns + " columns, found " + fields.size(), skipBad);
            return next;
        }
        int total = 0;
        for (byte[] f : fields) {
            total += f.length;
        }
        byte[] row = new byte[total];
        int[] start = new int[fields.size()];
        int[] end = new int[fields.size()];
        int at = 0;
        for (int k = 0; k < fields.size(); k++) {
            start[k] = at;
            System.arraycopy(fields.get(k), 0, row, at, fields.get(k).length);
            at += fields.get(k).length;
            end[k] = at;
        }
        count(p.row(row, start, end), p, firstLine, null);
        return next;
    }

    /**
     * Counts the line at {@code lineStart} as bad and returns where the next physical line starts,
     * or -1 when that newline is not yet in the buffer.
     */
    private int resync(byte[] b, int lineStart, int to, long firstLine, String message, boolean skipBad, boolean last) {
        int nl = lineStart;
        while (nl < to && b[nl] != '\n') {
            nl++;
        }
        if (nl == to && !last) {
            lines = firstLine;
            return -1;
        }
        lines = firstLine;
        bad(firstLine, "malformed quoting", message, skipBad);
        return Math.min(nl + 1, to);
    }

    /** Splits a header line into names, with quotes. */
    static List<String> header(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean q = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (q) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    q = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                q = true;
            } else if (c == ',') {
                out.add(cur.toString().trim());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString().trim());
        return out;
    }

    static String utf8(byte[] b, int from, int to) {
        byte[] x = new byte[to - from];
        for (int i = from; i < to; i++) {
            x[i - from] = b[i];
        }
        return new String(x, StandardCharsets.UTF_8);
    }
}
