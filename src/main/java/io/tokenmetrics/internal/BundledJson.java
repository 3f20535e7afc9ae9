package io.tokenmetrics.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A JSON reader for text already known to be well-formed: the library's own resources (the
 * bundled figures), and the entries of a price table whose whole document the cost package's
 * index has checked as Jackson would. It gives the tree {@link Json#readTree} gives, without
 * loading Jackson's parser, which is a fifth of the command line's {@code report}. It trusts its
 * input (checked by {@code BundledJsonTest} against {@link Json#readTree}): anything unexpected is
 * an {@link IllegalStateException}, never a user's error. Any other file users give goes through
 * Jackson.
 */
public final class BundledJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private final String s;
    private int i;

    private BundledJson(String s) {
        this.s = s;
    }

    /**
     * The tree of a whole JSON document.
     *
     * @param text the document
     * @return its tree
     * @throws IllegalStateException if it is not one JSON value
     */
    public static JsonNode parse(String text) {
        BundledJson p = new BundledJson(text);
        JsonNode n = p.value();
        p.space();
        if (p.i != text.length()) {
            throw p.fail("text after the value");
        }
        return n;
    }

    private IllegalStateException fail(String what) {
        return new IllegalStateException("bundled JSON, at " + i + ": " + what);
    }

    private void space() {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\n' || s.charAt(i) == '\r' || s.charAt(i) == '\t')) {
            i++;
        }
    }

    private JsonNode value() {
        space();
        if (i >= s.length()) {
            throw fail("end of input");
        }
        char c = s.charAt(i);
        switch (c) {
            case '{': {
                i++;
                ObjectNode o = NODES.objectNode();
                space();
                if (s.charAt(i) == '}') {
                    i++;
                    return o;
                }
                while (true) {
                    space();
                    String name = string();
                    space();
                    expect(':');
                    o.set(name, value());
                    space();
                    if (s.charAt(i) == ',') {
                        i++;
                    } else {
                        expect('}');
                        return o;
                    }
                }
            }
            case '[': {
                i++;
                ArrayNode a = NODES.arrayNode();
                space();
                if (s.charAt(i) == ']') {
                    i++;
                    return a;
                }
                while (true) {
                    a.add(value());
                    space();
                    if (s.charAt(i) == ',') {
                        i++;
                    } else {
                        expect(']');
                        return a;
                    }
                }
            }
            case '"':
                return NODES.textNode(string());
            case 't':
                word("true");
                return NODES.booleanNode(true);
            case 'f':
                word("false");
                return NODES.booleanNode(false);
            case 'n':
                word("null");
                return NODES.nullNode();
            default:
                return number();
        }
    }

    private void expect(char c) {
        if (i >= s.length() || s.charAt(i) != c) {
            throw fail("expected '" + c + "'");
        }
        i++;
    }

    private void word(String w) {
        if (!s.startsWith(w, i)) {
            throw fail("expected " + w);
        }
        i += w.length();
    }

    private String string() {
        expect('"');
        StringBuilder b = new StringBuilder();
        while (true) {
            if (i >= s.length()) {
                throw fail("unclosed string");
            }
            char c = s.charAt(i++);
            if (c == '"') {
                return b.toString();
            }
            if (c != '\\') {
                b.append(c);
                continue;
            }
            char e = s.charAt(i++);
            switch (e) {
                case 'n': b.append('\n'); break;
                case 't': b.append('\t'); break;
                case 'r': b.append('\r'); break;
                case 'b': b.append('\b'); break;
                case 'f': b.append('\f'); break;
                case 'u':
                    b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                    i += 4;
                    break;
                default: b.append(e); break;
            }
        }
    }

    /** Integers as BigInteger; decimals without trailing zeros, as {@link Json#readTree}. */
    private JsonNode number() {
        int from = i;
        boolean decimal = false;
        while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
            decimal |= s.charAt(i) == '.' || s.charAt(i) == 'e' || s.charAt(i) == 'E';
            i++;
        }
        if (from == i) {
            throw fail("unexpected character '" + s.charAt(i) + "'");
        }
        String t = s.substring(from, i);
        if (!decimal) {
            return NODES.numberNode(new BigInteger(t));
        }
        BigDecimal d = new BigDecimal(t);
        return NODES.numberNode(d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros());
    }
}
