package io.tokenmetrics.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Jackson, configured once for the whole library: one set of reading limits, chosen on purpose
 * rather than left at Jackson's defaults, and one mapper. Every JSON the library reads (datasets,
 * OpenRouter responses, usage logs and exports) goes through these.
 */
public final class Json {
    /**
     * The reading limits: nesting 64 deep (an OTLP file nests about 10), numbers of at most 40
     * digits (a 64-bit count has 19), strings up to 64 MiB (Claude Code writes whole tool results
     * into one line), documents up to 256 MiB.
     */
    public static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(64)
            .maxNumberLength(40)
            .maxStringLength(64 << 20)
            .maxDocumentLength(256L << 20)
            .build();

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
     * a document refused, indented output, and the caller's streams left open.
     */
    public static final ObjectMapper MAPPER = new ObjectMapper(FACTORY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private Json() {
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
