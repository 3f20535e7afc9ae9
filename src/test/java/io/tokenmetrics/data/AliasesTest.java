package io.tokenmetrics.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenmetrics.amount.Quantity;
import io.tokenmetrics.amount.Quantity.Unit;
import io.tokenmetrics.calc.Calculator;
import io.tokenmetrics.period.TimePeriod;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Series published under several ids (slug changes): folded into one, found by any of its ids. */
class AliasesTest {
    private static Observation obs(String week, String value) {
        return Observation.of(TimePeriod.parse(week), Quantity.parse(value, Unit.TOKENS));
    }

    private static Series weekly(String id, Observation... o) {
        return Series.builder(id, Measure.TOKENS_PER_WEEK).subject(id).observations(o).build();
    }

    private static final String JSON = "{\"format\": \"token-metrics-dataset/1\", \"series\": ["
            + "{\"id\": \"qwen\", \"subject\": \"Qwen3.6 Plus\", \"region\": \"CN\", \"measure\": \"tokens/week\","
            + " \"aliases\": [\"qwen-free\", \"qwen-preview\"], \"observations\": [{\"period\": \"2026-W15\", \"value\": \"1.36T\", \"rank\": 1}]},"
            + "{\"id\": \"qwen-free\", \"subject\": \"Qwen3.6 Plus (free)\", \"region\": \"CN\", \"measure\": \"tokens/week\","
            + " \"observations\": [{\"period\": \"2026-W15\", \"value\": \"0.3T\", \"rank\": 7}, {\"period\": \"2026-W16\", \"value\": \"0.2T\"}]},"
            + "{\"id\": \"qwen-preview\", \"subject\": \"Qwen3.6 Plus Preview\", \"region\": \"CN\", \"measure\": \"tokens/week\","
            + " \"observations\": [{\"period\": \"2026-W13\", \"value\": \"1T\"}, {\"period\": \"2026-W14\", \"value\": \"1.2T\"}]}]}";

    private static Dataset read(String json) {
        return Dataset.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "a.json");
    }

    @Test
    void aliasesAreFoldedIntoTheSeriesThatNamesThem() {
        Dataset d = read(JSON);
        assertEquals(Collections.singletonList("qwen"), ids(d.series()));
        assertSame(d.series("qwen"), d.series("qwen-free"));
        assertSame(d.series("qwen"), d.find("qwen-preview").get());
        Series q = d.series("qwen");
        assertEquals(Arrays.asList("qwen-free", "qwen-preview"), q.aliases());
        // W13 and W14 from the preview; W15 the paid 1.36T plus the free 0.3T = 1.66T; W16 the free 0.2T
        assertEquals(Quantity.parse("1T", Unit.TOKENS), q.require(TimePeriod.parse("2026-W13")).requireValue());
        assertEquals(Quantity.parse("1.2T", Unit.TOKENS), q.require(TimePeriod.parse("2026-W14")).requireValue());
        Observation w15 = q.require(TimePeriod.parse("2026-W15"));
        assertEquals(0, w15.requireValue().value().compareTo(new java.math.BigDecimal("1660000000000")));
        // the rank of one slug is not the rank of the sum
        assertFalse(w15.rank().isPresent());
        assertEquals("sum of qwen + qwen-free", w15.note().get());
        assertEquals(Quantity.parse("0.2T", Unit.TOKENS), q.require(TimePeriod.parse("2026-W16")).requireValue());
        // written back as given, and read back equal
        assertEquals(d, read(d.toJson()));
        assertTrue(d.toJson().contains("\"aliases\" : [ \"qwen-free\", \"qwen-preview\" ]"), d.toJson());
    }

    @Test
    void aliasesFoldAcrossFiles() {
        Dataset names = Dataset.of(Collections.singletonList(weekly("x", obs("2026-W14", "1T")).withAliases(Arrays.asList("x-preview"))));
        Dataset slugs = Dataset.of(Collections.singletonList(weekly("x-preview", obs("2026-W13", "2T"))));
        Dataset both = names.merge(slugs);
        assertEquals(2, both.series("x-preview").observations().size());
        assertEquals(Collections.singletonList("x"), ids(both.series()));
    }

    @Test
    void conflictingAliasesAreRefused() {
        Series a = weekly("a", obs("2026-W14", "1T")).withAliases(Arrays.asList("z"));
        Series b = weekly("b", obs("2026-W14", "1T")).withAliases(Arrays.asList("z"));
        assertEquals("series id (z) is an alias of both a and b",
                assertThrows(IllegalArgumentException.class, () -> Dataset.of(Arrays.asList(a, b))).getMessage());
        Series c = weekly("c", obs("2026-W14", "1T")).withAliases(Arrays.asList("a"));
        assertEquals("series a is an alias of c and has aliases itself (z): name them all on c",
                assertThrows(IllegalArgumentException.class, () -> Dataset.of(Arrays.asList(a, c))).getMessage());
        Series daily = Series.builder("d", Measure.TOKENS_PER_DAY).subject("d")
                .observations(Observation.of(TimePeriod.parse("2026-04-01"), Quantity.parse("1T", Unit.TOKENS))).build();
        Series w = weekly("w", obs("2026-W14", "1T")).withAliases(Arrays.asList("d"));
        assertEquals("series d (tokens/day) cannot be an alias of w (tokens/week): different measures",
                assertThrows(IllegalArgumentException.class, () -> Dataset.of(Arrays.asList(w, daily))).getMessage());
        assertEquals("series w: alias (w) is the series' own id",
                assertThrows(IllegalArgumentException.class, () -> w.withAliases(Arrays.asList("w"))).getMessage());
        String twice = JSON.replace("\"id\": \"qwen-free\", ", "\"id\": \"qwen-free\", \"aliases\": [\"qwen-preview\"], ");
        assertEquals("a.json: $.series: series qwen-free is an alias of qwen and has aliases itself (qwen-preview): name them all on qwen",
                assertThrows(InvalidDatasetException.class, () -> read(twice)).getMessage());
        InvalidDatasetException e = assertThrows(InvalidDatasetException.class, () -> read(JSON.replace("\"qwen-free\", \"qwen-preview\"", "\"Qwen_Free\"")));
        assertEquals("a.json: $.series[0].aliases: series qwen: alias (Qwen_Free) must be kebab-case: lower-case letters and digits joined by '-'",
                e.getMessage());
    }

    @Test
    void weeksOffTheListCountBackToTheLastValue() {
        // b is on the list every week W10..W16, so each of those weeks was published
        List<Series> ranking = new ArrayList<>();
        List<Observation> b = new ArrayList<>();
        TimePeriod p = TimePeriod.parse("2026-W10");
        for (int i = 0; i < 7; i++, p = p.next()) {
            b.add(Observation.of(p, Quantity.parse((10 - i) + "T", Unit.TOKENS)));
        }
        ranking.add(weekly("b", b.toArray(new Observation[0])));
        // a: W10..W13, then nothing: off W14, W15, W16 = 3
        ranking.add(weekly("a", obs("2026-W10", "1T"), obs("2026-W11", "1T"), obs("2026-W12", "1T"), obs("2026-W13", "1T")));
        // c: W10..W12, stated off in W13, then nothing: off W13..W16 = 4
        ranking.add(weekly("c", obs("2026-W10", "1T"), obs("2026-W11", "1T"), obs("2026-W12", "1T"),
                Observation.builder(TimePeriod.parse("2026-W13"), null).listed(false).build()));
        // n: first on the list in W16: not off
        ranking.add(weekly("n", obs("2026-W16", "1T")));
        Map<String, Integer> expected = new TreeMap<>();
        expected.put("a", 3);
        expected.put("c", 4);
        assertEquals(expected, Calculator.create().periodsOffTheList(ranking, TimePeriod.parse("2026-W16")));
        // a week nobody has (W14 here, with b's W14 left out) ends the count: a is off W15 and W16 = 2
        List<Series> gap = new ArrayList<>(ranking);
        List<Observation> bGap = new ArrayList<>(b);
        bGap.remove(4);
        gap.set(0, weekly("b", bGap.toArray(new Observation[0])));
        assertEquals(Integer.valueOf(2), Calculator.create().periodsOffTheList(gap, TimePeriod.parse("2026-W16")).get("a"));
    }

    @Test
    void aSlugChangeIsNotADropOffTheList() {
        Series preview = weekly("x-preview", obs("2026-W13", "1T"), obs("2026-W14", "1T"));
        Series dated = weekly("x", obs("2026-W15", "1.1T"), obs("2026-W16", "1.2T"));
        // as two slugs, the preview looks off the list for W15 and W16
        assertEquals(Collections.singletonMap("x-preview", 2),
                Calculator.create().periodsOffTheList(Arrays.asList(preview, dated), TimePeriod.parse("2026-W16")));
        // named as one model, nothing is off
        Dataset d = Dataset.of(Arrays.asList(dated.withAliases(Arrays.asList("x-preview")), preview));
        assertTrue(Calculator.create().periodsOffTheList(d.series(), TimePeriod.parse("2026-W16")).isEmpty());
        assertEquals(4, d.series("x").observations().size());
    }

    private static List<String> ids(List<Series> series) {
        List<String> out = new ArrayList<>();
        for (Series s : series) {
            out.add(s.id());
        }
        return out;
    }
}
