package io.tokenmetrics.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tokenmetrics.amount.Quantity;
import io.tokenmetrics.amount.Quantity.Unit;
import io.tokenmetrics.data.Dataset;
import io.tokenmetrics.data.InvalidDatasetException;
import io.tokenmetrics.data.Measure;
import io.tokenmetrics.data.Observation;
import io.tokenmetrics.data.Series;
import io.tokenmetrics.period.TimePeriod;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Figures rounded to the digits shown: the interval each stands for, carried through changes and claim checks. */
class RoundedFiguresTest {
    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    private static void assertInterval(String lo, String hi, Quantity q) {
        assertEquals(0, q.lower().get().compareTo(d(lo)), q.toString());
        assertEquals(0, q.upper().get().compareTo(d(hi)), q.toString());
    }

    @Test
    void theIntervalIsHalfAUnitInTheLastDigitShown() {
        // 1.38T: last digit 0.01T = 10^10, half of it 5 × 10^9
        assertInterval("1375000000000", "1385000000000", Quantity.parse("1.38T", Unit.TOKENS).roundedInterval());
        // +19%: last digit 1%, half 0.5%
        assertInterval("18.5", "19.5", Quantity.parse("+19%", Unit.PERCENT).roundedInterval());
        // 180万亿 = 180 × 10^12, last digit 10^12, half 5 × 10^11
        assertInterval("179500000000000", "180500000000000", Quantity.parse("180万亿", Unit.TOKENS).roundedInterval());
        // 1,380B shows four digits of billions: half a billion either side, not a coarser digit
        assertInterval("1379500000000", "1380500000000", Quantity.parse("1,380B", Unit.TOKENS).roundedInterval());
        // -23.77%: half of 0.01%
        assertInterval("-23.775", "-23.765", Quantity.parse("-23.77%", Unit.PERCENT).roundedInterval());
        // a lower bound keeps no upper end
        Quantity atLeast = Quantity.parse(">=30T", Unit.TOKENS).roundedInterval();
        assertEquals(0, atLeast.lower().get().compareTo(d("29500000000000")));
        assertEquals(false, atLeast.upper().isPresent());
        // 0% is -0.5% to 0.5%: a change may be negative
        assertInterval("-0.5", "0.5", Quantity.parse("0%", Unit.PERCENT).roundedInterval());
    }

    @Test
    void anObservationKeepsTheWrittenFigureAndUsesTheInterval() {
        TimePeriod w = TimePeriod.parse("2026-W16");
        Observation o = Observation.builder(w, Quantity.parse("1.64T", Unit.TOKENS)).statedChange(Quantity.parse("+19%", Unit.PERCENT))
                .rounded(true).build();
        assertEquals(Quantity.parse("1.64T", Unit.TOKENS), o.shownValue().get());
        assertInterval("1635000000000", "1645000000000", o.requireValue());
        assertInterval("18.5", "19.5", o.statedChange().get());
        assertEquals(Quantity.parse("+19%", Unit.PERCENT), o.shownChange().get());
        // a token count written 0 stands for 0 to 0.5 tokens, never a negative count
        Observation zero = Observation.builder(w, Quantity.parse("0", Unit.TOKENS)).rounded(true).build();
        assertInterval("0", "0.5", zero.requireValue());
        // the flag is part of the value: a rounded figure is not the exact one
        Observation exact = Observation.builder(w, Quantity.parse("1.64T", Unit.TOKENS)).statedChange(Quantity.parse("+19%", Unit.PERCENT)).build();
        assertNotEquals(exact, o);
        assertEquals(o, o.toBuilder().build());
        assertEquals(o.hashCode(), o.toBuilder().build().hashCode());
    }

    private static Series sonnet(boolean rounded) {
        return Series.builder("sonnet", Measure.TOKENS_PER_WEEK).subject("Sonnet").observations(Arrays.asList(
                Observation.builder(TimePeriod.parse("2026-W15"), Quantity.parse("1.38T", Unit.TOKENS)).rounded(rounded).build(),
                Observation.builder(TimePeriod.parse("2026-W16"), Quantity.parse("1.64T", Unit.TOKENS))
                        .statedChange(Quantity.parse("+19%", Unit.PERCENT)).rounded(rounded).build())).build();
    }

    @Test
    void theRoundingDecidesWhetherAStatedChangeFits() {
        MathContext mc = MathContext.DECIMAL128;
        BigDecimal hundred = BigDecimal.valueOf(100);
        Change rounded = Calculator.create().changes(sonnet(true)).get(0);
        // lowest: 1.635T / 1.385T - 1; highest: 1.645T / 1.375T - 1 (BigDecimal reference)
        BigDecimal lo = d("1.635").divide(d("1.385"), mc).subtract(BigDecimal.ONE).multiply(hundred);
        BigDecimal hi = d("1.645").divide(d("1.375"), mc).subtract(BigDecimal.ONE).multiply(hundred);
        Quantity p = rounded.percent().get();
        assertEquals(0, p.lower().get().round(new MathContext(20)).compareTo(lo.round(new MathContext(20))), p.toString());
        assertEquals(0, p.upper().get().round(new MathContext(20)).compareTo(hi.round(new MathContext(20))), p.toString());
        // 18.05%..19.64% overlaps the stated 18.5%..19.5%: consistent
        assertEquals(Verdict.CONSISTENT, ClaimChecker.create().judge(rounded.stated().get(), p));
        // taken as exact, the change is the point 1.64 / 1.38 - 1 = 18.84%
        Change exact = Calculator.create().changes(sonnet(false)).get(0);
        BigDecimal point = d("1.64").divide(d("1.38"), mc).subtract(BigDecimal.ONE).multiply(hundred);
        assertEquals(0, exact.percent().get().value().compareTo(point));
        // a stated +20% allows 19.5%..20.5% (half its last digit): it misses the exact 18.84%, but a
        // publisher working from unrounded figures could have got it, since 19.5 < 19.64
        assertEquals(Verdict.INCONSISTENT, ClaimChecker.create().judge(Quantity.parse("+20%", Unit.PERCENT), exact.percent().get()));
        assertEquals(Verdict.CONSISTENT, ClaimChecker.create().judge(Quantity.parse("+20%", Unit.PERCENT), p));
        // +21% (20.5%..21.5%) misses even the widest reading, 19.64%
        assertEquals(Verdict.INCONSISTENT, ClaimChecker.create().judge(Quantity.parse("+21%", Unit.PERCENT), p));
    }

    @Test
    void datasetsSayItPerSeriesOrPerFigureAndWriteItBack() {
        String json = "{\"format\": \"token-metrics-dataset/1\", \"series\": [{\"id\": \"s\", \"subject\": \"S\", \"region\": \"US\", \"measure\": \"tokens/week\","
                + " \"rounded\": true, \"observations\": [{\"period\": \"2026-W15\", \"value\": \"1.38T\"},"
                + " {\"period\": \"2026-W16\", \"value\": \"1.64T\", \"rounded\": false}]}]}";
        Dataset ds = Dataset.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "r.json");
        List<Observation> obs = ds.series("s").observations();
        assertInterval("1375000000000", "1385000000000", obs.get(0).requireValue());
        assertEquals(Quantity.parse("1.64T", Unit.TOKENS), obs.get(1).requireValue());
        Dataset back = Dataset.read(new ByteArrayInputStream(ds.toJson().getBytes(StandardCharsets.UTF_8)), "back.json");
        assertEquals(ds.series("s"), back.series("s"));
        String bad = json.replace("\"rounded\": true", "\"rounded\": \"yes\"");
        InvalidDatasetException e = assertThrows(InvalidDatasetException.class,
                () -> Dataset.read(new ByteArrayInputStream(bad.getBytes(StandardCharsets.UTF_8)), "bad.json"));
        assertEquals("bad.json: $.series[0].rounded: rounded (\"yes\") must be true or false", e.getMessage());
    }
}
