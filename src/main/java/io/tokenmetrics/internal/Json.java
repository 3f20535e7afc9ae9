package io.tokenmetrics.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;

/**
 * Jackson, configured once for the whole library: one set of reading limits, chosen on purpose
 * rather than left at Jackson's defaults, and one mapper. Every JSON the library reads (datasets,
 * OpenRouter responses, usage logs and exports) goes through these.
 */
public final class Json {
    /**
     * The reading limits: nesting 64 deep (an OTLP file nests about 10), numbers of at most 40
     * digits (a 64-bit count has 19), strings up to 64 MiB (Claude Code writes whole tool results
     * into one line), documents up to 256 MiB. The document limit needs Jackson 2.16 or later: on
     * Spark 3.5, which brings its own Jackson 2.15, a document is limited by memory alone.
     */
    public static final StreamReadConstraints LIMITS = limits();

    private static StreamReadConstraints limits() {
        StreamReadConstraints.Builder b = StreamReadConstraints.builder()
                .maxNestingDepth(64)
                .maxNumberLength(40)
                .maxStringLength(64 << 20);
        try {
            // by reflection: the library also runs with the Jackson that Spark 3.5 ships (2.15), which lacks it
            b = (StreamReadConstraints.Builder) StreamReadConstraints.Builder.class.getMethod("maxDocumentLength", long.class)
                    .invoke(b, 256L << 20);
        } catch (ReflectiveOperationException e) {
            // Jackson 2.15: no document limit
        }
        return b.build();
    }

    /** The factory: the limits, a key given twice is an error, and errors quote the input. */
    public static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(LIMITS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    /**
     * The same limits without duplicate detection, which keeps a hash set for every object: for
     * the usage path's streaming reader only, which detects a field it reads twice itself.
     */
    public static final JsonFactory STREAMING = JsonFactory.builder().streamReadConstraints(LIMITS).build();

    /**
     * The mapper: exact numbers (BigDecimal and BigInteger, never double), trailing tokens after
     * a document refused, indented output, and the caller's streams left open. Made on first use:
     * starting it is a tenth of a second, which a run that only reads trees ({@link #readTree})
     * or usage logs never pays.
     *
     * @return the mapper
     */
    public static ObjectMapper mapper() {
        return Mapper.INSTANCE;
    }

    private static final class Mapper {
        static final ObjectMapper INSTANCE = new ObjectMapper(FACTORY)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    private Json() {
    }

    private static final com.fasterxml.jackson.databind.node.JsonNodeFactory NODES =
            com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true);

    /**
     * A whole JSON document as a tree, read with the streaming parser of {@link #FACTORY} alone:
     * the tree the {@link #mapper()}'s {@code readTree} gives (integers as BigInteger, decimals without trailing zeros, a key
     * given twice refused by the parser, tokens after the value refused), without starting the
     * mapper, which is a tenth of a second of a short run ({@code JsonTreeTest} compares the two).
     *
     * @param in the document
     * @return the tree, or null for empty input
     * @throws IOException if the stream fails
     * @throws JsonProcessingException if it is not one well-formed JSON value
     */
    public static JsonNode readTree(java.io.InputStream in) throws IOException {
        try (JsonParser p = FACTORY.createParser(in)) {
            return readTree(p);
        }
    }

    /**
     * {@link #readTree(java.io.InputStream)} from a parser, which is left open.
     *
     * @param p the parser, before the document's first token
     * @return the tree, or null for empty input
     * @throws IOException if the stream fails
     * @throws JsonProcessingException if it is not one well-formed JSON value
     */
    public static JsonNode readTree(JsonParser p) throws IOException {
        JsonToken t = p.nextToken();
        if (t == null) {
            return null;
        }
        JsonNode root = value(p, t);
        JsonToken after = p.nextToken();
        if (after != null) {
            throw new com.fasterxml.jackson.core.JsonParseException(p, "Trailing token (of type " + after
                    + ") found after value: a document holds one JSON value");
        }
        return root;
    }

    private static JsonNode value(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT: {
                com.fasterxml.jackson.databind.node.ObjectNode o = NODES.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    o.set(name, value(p, p.nextToken()));
                }
                return o;
            }
            case START_ARRAY: {
                com.fasterxml.jackson.databind.node.ArrayNode a = NODES.arrayNode();
                JsonToken e;
                while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
                    a.add(value(p, e));
                }
                return a;
            }
            case VALUE_STRING:
                return NODES.textNode(p.getText());
            case VALUE_NUMBER_INT:
                return NODES.numberNode(p.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT:
                // as the mapper's STRIP_TRAILING_BIGDECIMAL_ZEROES: 1.50 is 1.5, 0.000 is 0
                java.math.BigDecimal d = p.getDecimalValue();
                return NODES.numberNode(d.signum() == 0 ? java.math.BigDecimal.ZERO : d.stripTrailingZeros());
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw new com.fasterxml.jackson.core.JsonParseException(p, "Unexpected token " + t);
        }
    }

    /**
     * A parser's message without what only a developer needs: the first line, and no "(for
     * Object starting at [Source: …])" tail that names a stream rather than the file.
     *
     * @param m the parser's original message
     * @return the message for people
     */
    public static String shortMessage(String m) {
        String first = m.indexOf('\n') >= 0 ? m.substring(0, m.indexOf('\n')) : m;
        int tail = first.indexOf(" (for ");
        return tail >= 0 && first.indexOf("[Source:", tail) >= 0 ? first.substring(0, tail) : first;
    }

    /**
     * A parse error for people: "line:column: malformed JSON: what", the location left out when
     * the parser has none.
     *
     * @param e the parser's exception
     * @return the message, without the name of the input
     */
    public static String malformed(com.fasterxml.jackson.core.JsonProcessingException e) {
        return (e.getLocation() == null ? "" : e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr() + ": ") + "malformed JSON: "
                + shortMessage(e.getOriginalMessage());
    }
}
