package io.tokenmetrics.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenmetrics.amount.Quantity;
import io.tokenmetrics.period.TimePeriod;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatasetTest {
    /** The fact ids of ../shared/FACTS.md, written out so the test also runs without shared/. */
    static final List<String> FACT_IDS = Arrays.asList(
            "A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8", "A9", "A10", "A11", "A12", "A13",
            "B1", "B2", "B3", "B4", "B5", "B6", "B7", "B8", "B9", "B10", "B11", "B12", "B13", "B14", "B15", "B16");

    static Dataset read(String json) {
        return Dataset.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
    }

    @Test
    void aChineseSubjectIsReadWrittenAndFallsBack() throws java.io.IOException {
        Dataset d = Dataset.bundled();
        Series v = d.series("volcano-engine-daily");
        assertEquals("火山引擎，大模型日均 Token 调用量", v.subject(io.tokenmetrics.amount.Language.ZH));
        assertEquals(v.subject(), v.subject(io.tokenmetrics.amount.Language.EN));
        // written and read back whole
        Dataset again = Dataset.read(new java.io.ByteArrayInputStream(d.toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8)), "again.json");
        assertEquals(v, again.series("volcano-engine-daily"));
        // none given: the subject
        Series plain = Series.builder("x", io.tokenmetrics.data.Measure.TOKENS_PER_DAY).subject("X").build();
        assertEquals("X", plain.subject(io.tokenmetrics.amount.Language.ZH));
        assertEquals(false, plain.subjectZh().isPresent());
    }

    @Test
    void factsSheetListsExactlyTheIdsThisTestWalks() throws IOException {
        Path facts = Paths.get("..", "shared", "FACTS.md");
        // outside the project workspace only the written-out list applies; CI has shared/ beside the clone
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(facts), "../shared/FACTS.md is not beside the project");
        Set<String> ids = new TreeSet<>();
        Matcher m = Pattern.compile("^\\| ([AB]\\d+) \\|", Pattern.MULTILINE)
                .matcher(new String(Files.readAllBytes(facts), StandardCharsets.UTF_8));
        while (m.find()) {
            ids.add(m.group(1));
        }
        assertEquals(new TreeSet<>(FACT_IDS), ids);
    }

    @Test
    void everyFactIsBundledWithItsOriginalSentence() {
        Dataset d = Dataset.bundled();
        Set<String> found = new LinkedHashSet<>();
        for (Series s : d.series()) {
            for (Observation o : s.observations()) {
                assertTrue(o.quote().isPresent(), s.id() + " " + o.period() + " has no quote");
                assertTrue(o.source().isPresent(), s.id() + " " + o.period() + " has no source");
                o.fact().ifPresent(found::add);
            }
        }
        for (Claim c : d.claims()) {
            assertTrue(c.quote().isPresent(), c.id());
            c.fact().ifPresent(found::add);
        }
        List<String> missing = new ArrayList<>();
        for (String id : FACT_IDS) {
            if (!found.contains(id)) {
                missing.add(id);
            }
        }
        assertEquals(Collections.emptyList(), missing);
        // the price facts are their own kinds of series, not token counts
        assertEquals(Measure.PRICE_CHANGE, d.series("zhipu-price-changes").measure());
        assertTrue(found.containsAll(Arrays.asList("PA1", "PA2", "PB1", "PB2")));
    }

    @Test
    void bundledFiguresAreExact() {
        Dataset d = Dataset.bundled();
        // B1: 20.6万亿 = 20.6 × 10^12 exactly
        assertEquals(Quantity.of(20_600_000_000_000L, Quantity.Unit.TOKENS),
                d.series("openrouter-total-weekly").require(TimePeriod.parse("2026-W16")).requireValue());
        // A9: 突破30万亿 is a lower bound of 30 × 10^12
        Quantity a9 = d.series("china-daily").require(TimePeriod.parse("mid-2025")).requireValue();
        assertEquals(Quantity.Shape.AT_LEAST, a9.shape());
        assertEquals(0, a9.lower().get().compareTo(new java.math.BigDecimal("30000000000000")));
        // B3's stated change
        assertEquals(Quantity.parse("-23.77%", Quantity.Unit.PERCENT),
                d.series("openrouter-china-weekly").require(TimePeriod.parse("2026-W16")).statedChange().get());
        // B10: off the ranking has no value
        assertEquals(Boolean.FALSE, d.series("openrouter-qwen-3-6-plus-weekly").require(TimePeriod.parse("2026-W16")).listed().get());
    }

    @Test
    void writesWhatItReadsBack() throws IOException {
        Dataset d = Dataset.bundled();
        Dataset again = read(d.toJson());
        assertEquals(d, again);
        assertEquals(d.hashCode(), again.hashCode());
    }

    @Test
    void mergeKeepsIdenticalSeriesOnceAndRefusesConflicts() {
        Dataset a = read(minimal("x", "1T"));
        Dataset b = read(minimal("x", "1T"));
        assertEquals(1, a.merge(b).series().size());
        Dataset c = read(minimal("x", "2T"));
        assertEquals("series id (x) is defined differently in the two datasets",
                assertThrows(IllegalArgumentException.class, () -> a.merge(c)).getMessage());
        assertEquals(2, a.merge(read(minimal("y", "2T"))).series().size());
    }

    @Test
    void unknownSeriesNamesCloseIds() {
        UnknownSeriesException e = assertThrows(UnknownSeriesException.class, () -> Dataset.bundled().series("volcano-daily"));
        assertEquals("no series \"volcano-daily\"; did you mean: volcano-engine-daily?", e.getMessage());
        assertEquals("volcano-daily", e.id());
    }

    @Test
    void sortsObservationsByPeriod() {
        Dataset d = read("{\"format\":\"token-metrics-dataset/1\",\"series\":[{\"id\":\"x\",\"subject\":\"X\",\"region\":\"CN\","
                + "\"measure\":\"tokens/week\",\"observations\":[{\"period\":\"2026-W16\",\"value\":\"2T\"},{\"period\":\"2026-W15\",\"value\":\"1T\"}]}]}");
        assertEquals(TimePeriod.parse("2026-W15"), d.series("x").observations().get(0).period());
    }

    static String minimal(String id, String value) {
        return "{\"format\":\"token-metrics-dataset/1\",\"series\":[{\"id\":\"" + id + "\",\"subject\":\"X\",\"region\":\"CN\","
                + "\"measure\":\"tokens/week\",\"observations\":[{\"period\":\"2026-W16\",\"value\":\"" + value + "\"}]}]}";
    }

    @org.junit.jupiter.api.Tag("jackson-wording")
    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        // malformed: line:column
        "`{\"format\": `|test.json: 1:12: malformed JSON: Unexpected end-of-input within/between Object entries",
        "``|test.json: 1:1: empty input: expected a JSON object",
        "`{\"format\":\"token-metrics-dataset/1\"} x`|test.json: 1:38: malformed JSON: Unrecognized token 'x': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')",
        // invalid: JSON path
        "`[]`|test.json: $: expected an object, found an array",
        "`{\"format\":\"v2\"}`|test.json: $.format: format (\"v2\") must be \"token-metrics-dataset/1\"",
        "`{\"format\":\"token-metrics-dataset/1\",\"serie\":[]}`|test.json: $.serie: unknown field \"serie\" (allowed: format, sources, series, claims, note)",
        "`{\"format\":\"token-metrics-dataset/1\",\"series\":[{\"id\":\"Bad Id\"}]}`|test.json: $.series[0].id: series id (Bad Id) must be kebab-case: lower-case letters and digits joined by '-'",
        "`{\"format\":\"token-metrics-dataset/1\",\"series\":[{\"id\":\"x\",\"subject\":\"X\",\"region\":\"CN\",\"measure\":\"tokens/fortnight\",\"observations\":[]}]}`|test.json: $.series[0].measure: measure (tokens/fortnight) must be one of tokens/day, tokens/week, tokens/month, tokens/year, tokens/item, users, share, price-change, cost-multiple, usd/day, usd/week, usd/month",
        "`{\"format\":\"token-metrics-dataset/1\",\"series\":[{\"id\":\"x\",\"subject\":\"X\",\"region\":\"CN\",\"measure\":\"tokens/week\",\"observations\":[{\"period\":\"2026-W16\",\"value\":\"20.6兆\"}]}]}`|test.json: $.series[0].observations[0].value: cannot parse \"20.6兆\" at index 4: unknown unit \"兆\"",
        "`{\"format\":\"token-metrics-dataset/1\",\"series\":[{\"id\":\"x\",\"subject\":\"X\",\"region\":\"CN\",\"measure\":\"tokens/week\",\"observations\":[{\"period\":\"2026-W16\",\"value\":20.6}]}]}`|test.json: $.series[0].observations[0].value: value (20.6) must be a string such as \"20.6万亿\" or a whole number",
        "`{\"format\":\"token-metrics-dataset/1\",\"series\":[{\"id\":\"x\",\"subject\":\"X\",\"region\":\"CN\",\"measure\":\"tokens/week\",\"observations\":[{\"period\":\"2026-W16\",\"value\":\"1T\"},{\"period\":\"2026-W16\",\"value\":\"2T\"}]}]}`|test.json: $.series[0].observations[1].period: period 2026-W16 appears twice in series x (also at observations[0])",
        "`{\"format\":\"token-metrics-dataset/1\",\"series\":[{\"id\":\"x\",\"subject\":\"X\",\"region\":\"CN\",\"measure\":\"tokens/week\",\"observations\":[{\"period\":\"2026-W99\",\"value\":\"1T\"}]}]}`|test.json: $.series[0].observations[0].period: cannot parse period \"2026-W99\" at index 6: week (99) must be between 1 and 53 in 2026 (forms: 2026-04-13, 2026-W16, 2026-02, 2026-Q1, 2026-H1, 2025, start-2024, mid-2025, end-2024)",
        "`{\"format\":\"token-metrics-dataset/1\",\"series\":[{\"id\":\"x\",\"subject\":\"X\",\"region\":\"CN\",\"measure\":\"tokens/week\",\"observations\":[{\"period\":\"2026-W16\"}]}]}`|test.json: $.series[0].observations[0]: value is required unless the entry is off the ranking (listed false)",
        "`{\"format\":\"token-metrics-dataset/1\",\"series\":[{\"id\":\"x\",\"subject\":\"X\",\"region\":\"CN\",\"measure\":\"tokens/week\",\"observations\":[{\"period\":\"2026-W16\",\"value\":\"1T\",\"source\":\"Z\"}]}]}`|test.json: $.series[0].observations[0].source: source \"Z\" is not defined in $.sources (defined: [])",
        "`{\"format\":\"token-metrics-dataset/1\",\"series\":[{\"id\":\"x\",\"subject\":\"X\",\"region\":\"CN\",\"measure\":\"tokens/week\",\"observations\":[{\"period\":\"2026-W16\",\"value\":\"15-20T\",\"rank\":0}]}]}`|test.json: $.series[0].observations[0].rank: rank (0) must be a whole number >= 1",
        "`{\"format\":\"token-metrics-dataset/1\",\"format\":\"x\"}`|test.json: 1:45: malformed JSON: Duplicate field 'format'"
    })
    void errorsNameTheFileTheLocationAndTheValue(String json, String message) {
        DatasetException e = assertThrows(DatasetException.class, () -> read(json));
        assertEquals(message, e.getMessage());
    }

    @Test
    void malformedAndInvalidAreDifferentKinds() {
        assertTrue(assertThrows(DatasetException.class, () -> read("{")) instanceof MalformedDatasetException);
        assertTrue(assertThrows(DatasetException.class, () -> read("{}")) instanceof InvalidDatasetException);
        DatasetException e = assertThrows(DatasetException.class, () -> read("{}"));
        assertEquals("test.json", e.sourceName());
        assertEquals("$", e.location());
        assertEquals("missing required field \"format\"", e.detail());
    }

    private static String series(String measure, String observations) {
        return "{\"format\":\"token-metrics-dataset/1\",\"series\":[{\"id\":\"x\",\"subject\":\"X\",\"region\":\"GLOBAL\","
                + "\"measure\":\"" + measure + "\",\"observations\":[" + observations + "]}]}";
    }

    @Test
    void observationsThatDoNotFitTheirMeasureAreInvalid() {
        // a week and a day in a monthly series: a monthly total is the total of one month
        DatasetException cadence = assertThrows(InvalidDatasetException.class, () -> read(series("tokens/month",
                "{\"period\":\"2026-04\",\"value\":\"1T\"},{\"period\":\"2026-W16\",\"value\":\"1T\"}")));
        assertEquals("test.json: $.series[0].observations[1]: period 2026-W16 is not a month: a tokens/month figure is the total of one month",
                cadence.getMessage());
        DatasetException listed = assertThrows(InvalidDatasetException.class, () -> read(series("tokens/week",
                "{\"period\":\"2026-W16\",\"value\":\"1T\",\"listed\":false}")));
        assertEquals("test.json: $.series[0].observations[0]: value (1T) contradicts listed false: an entry off the ranking has no value",
                listed.getMessage());
        DatasetException share = assertThrows(InvalidDatasetException.class, () -> read(series("share",
                "{\"period\":\"2026\",\"value\":\"120%\"}")));
        assertEquals("test.json: $.series[0].observations[0]: share (120%) at 2026 must lie within 0% to 100%", share.getMessage());
        DatasetException change = assertThrows(InvalidDatasetException.class, () -> read(series("tokens/week",
                "{\"period\":\"2026-W16\",\"value\":\"1T\",\"change\":\"-150%\"}")));
        assertEquals("test.json: $.series[0].observations[0]: stated change (-150%) must be >= -100%: nothing falls by more than all of it",
                change.getMessage());
        // a daily figure is a rate: any period fits it
        assertEquals(2, read(series("tokens/day", "{\"period\":\"end-2024\",\"value\":\"2T\"},{\"period\":\"2026-02\",\"value\":\"3T\"}"))
                .series("x").observations().size());
    }

    @Test
    void aClaimsNoteIsKeptAndWrittenBack() throws IOException {
        Dataset d = read("{\"format\":\"token-metrics-dataset/1\",\"claims\":[{\"id\":\"c\",\"kind\":\"untestable\",\"statement\":\"S\","
                + "\"reason\":\"no figures\",\"note\":\"asked the author\"}]}");
        assertEquals("asked the author", d.claims().get(0).note().get());
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        d.write(out);
        assertEquals(d.claims(), read(new String(out.toByteArray(), StandardCharsets.UTF_8)).claims());
    }

    @Test
    @org.junit.jupiter.api.Tag("jackson-wording")
    void deeplyNestedJsonIsRefusedByTheReadingLimit() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            b.append('[');
        }
        DatasetException e = assertThrows(MalformedDatasetException.class, () -> read(b.toString()));
        assertEquals("test.json: 1:66: input exceeds a reading limit: Document nesting depth (65) exceeds the maximum allowed"
                + " (64, from `StreamReadConstraints.getMaxNestingDepth()`)", e.getMessage());
    }

    @Test
    @org.junit.jupiter.api.Tag("jackson-wording")
    void aNumberWithAHugeExponentIsMalformedInputNotACrash() {
        // found by DatasetFuzzTest (Jazzer): Jackson's NumberFormatException escaped the loader
        DatasetException e = assertThrows(MalformedDatasetException.class, () -> read("111111111111111111111E1111111111111111111\n"));
        assertEquals("test.json: 1:1: a number is out of range: Value \"111111111111111111111E1111111111111111111\" can not be"
                + " deserialized as `java.math.BigDecimal`, reason:  Too many nonzero exponent digits.", e.getMessage());
    }

    @Test
    void byteOrderMarkAndCrlfAreAccepted() {
        Dataset d = read("\uFEFF{\r\n\"format\":\"token-metrics-dataset/1\"\r\n}\r\n");
        assertTrue(d.series().isEmpty());
    }

    @Test
    void aMissingFileIsAnIoErrorNotMalformedInput() {
        // I/O stays I/O: the file's absence says nothing about its JSON
        java.nio.file.NoSuchFileException e = assertThrows(java.nio.file.NoSuchFileException.class,
                () -> Dataset.read(Paths.get("no/such/file.json")));
        assertEquals("no/such/file.json", e.getFile());
    }

    @Test
    void seriesValidation() {
        Observation o = Observation.of(TimePeriod.parse("2026-W16"), Quantity.parse("1%", Quantity.Unit.PERCENT));
        assertEquals("series x: value (1%) at 2026-W16 is in PERCENT, the measure tokens/week counts TOKENS",
                assertThrows(IllegalArgumentException.class, () -> Series.builder("x", Measure.TOKENS_PER_WEEK).subject("X").region("CN").observations(Collections.singletonList(o)).build()).getMessage());
        assertEquals("region (cn) must be an upper-case code such as CN, US, GLOBAL",
                assertThrows(IllegalArgumentException.class, () -> Series.builder("x", Measure.TOKENS_PER_WEEK).subject("X").region("cn").observations(Collections.<Observation>emptyList()).build()).getMessage());
        assertFalse(Dataset.bundled().find("nope").isPresent());
        Observation negative = Observation.of(TimePeriod.parse("2026-W16"), Quantity.parse("-5T", Quantity.Unit.TOKENS));
        assertEquals("series x: value (-5T) at 2026-W16 may be negative; a tokens/week figure cannot be",
                assertThrows(IllegalArgumentException.class, () -> Series.builder("x", Measure.TOKENS_PER_WEEK).subject("X").region("CN").observations(Collections.singletonList(negative)).build()).getMessage());
    }

    @Test
    void aChangeMarkedUnknownIsNoStatedChange() throws IOException {
        // some sources print 0% for a new entry: "unknown" says there is no previous figure
        Dataset d = read(series("tokens/week", "{\"period\":\"2026-W16\",\"value\":\"1T\",\"change\":\"unknown\"}"));
        Observation o = d.series("x").observations().get(0);
        assertTrue(o.isChangeUnknown());
        assertFalse(o.statedChange().isPresent());
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        d.write(out);
        assertTrue(new String(out.toByteArray(), StandardCharsets.UTF_8).contains("\"change\" : \"unknown\""));
        assertEquals(d.series("x"), read(new String(out.toByteArray(), StandardCharsets.UTF_8)).series("x"));
    }
}
