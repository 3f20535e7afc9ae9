package io.tokenmetrics.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenmetrics.amount.Quantity;
import io.tokenmetrics.period.TimePeriod;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Datasets as CSV: the long and the wide form, validated as JSON is, errors with line and column. */
class DatasetCsvTest {
    @TempDir
    Path dir;

    private Path csv(String name, String content) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, content.getBytes(StandardCharsets.UTF_8));
        return f;
    }

    private static BigDecimal value(Dataset d, String series, String period) {
        return d.series(series).require(TimePeriod.parse(period)).requireValue().lower().get();
    }

    @Test
    void theLongFormCarriesStatedChangesRanksAndProvenance() throws IOException {
        Dataset d = Dataset.read(csv("long.csv", "\uFEFFseries,period,value,stated_change,rank,status,source,quote,note\r\n"
                + "qwen,2026-W15,1.66T,,1,reported,OpenRouter,\"top, by far\",\r\n"
                + "qwen,2026-W16,1.2T,unknown,,reported,OpenRouter,,\"a note, with a comma\"\r\n"
                + "\r\n"
                + "sonnet,2026-W16,1.38T,+19%,1,,,,\r\n"));
        // ISO weeks make tokens/week series; 1.66T = 1,660,000,000,000
        assertEquals(Measure.TOKENS_PER_WEEK, d.series("qwen").measure());
        assertEquals(0, value(d, "qwen", "2026-W15").compareTo(new BigDecimal("1660000000000")));
        Observation w15 = d.series("qwen").require(TimePeriod.parse("2026-W15"));
        assertEquals(1, w15.rank().getAsInt());
        assertEquals("top, by far", w15.quote().get());
        assertEquals("OpenRouter", w15.source().get().publisher());
        Observation w16 = d.series("qwen").require(TimePeriod.parse("2026-W16"));
        assertTrue(w16.isChangeUnknown());
        assertEquals("a note, with a comma", w16.note().get());
        assertEquals(Quantity.parse("+19%", Quantity.Unit.PERCENT), d.series("sonnet").require(TimePeriod.parse("2026-W16")).statedChange().get());
        assertEquals("qwen", d.series("qwen").subject());
        assertEquals("GLOBAL", d.series("qwen").region());
    }

    @Test
    void theWideFormHasAPeriodColumnAndOneColumnPerSeries() throws IOException {
        Dataset d = Dataset.read(csv("wide.csv", "period,us,cn\n2026-W15,4.07T,5.82T\n2026-W16,4.91T,\n"));
        assertEquals(2, d.series("us").observations().size());
        // an empty cell is no figure
        assertEquals(1, d.series("cn").observations().size());
        assertEquals(0, value(d, "us", "2026-W16").compareTo(new BigDecimal("4910000000000")));
    }

    @Test
    void aStreamNamedCsvIsReadAsCsvAsTheFileIs() throws IOException {
        // Dataset.read(InputStream, "weekly.csv") once read JSON whatever the name
        String text = "period,us,cn\n2026-W15,4.07T,5.82T\n2026-W16,4.91T,\n";
        Dataset fromStream = Dataset.read(new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)), "weekly.csv");
        Dataset fromFile = Dataset.read(csv("weekly.csv", text));
        assertEquals(fromFile.toJson(), fromStream.toJson());
        // 5.82T at 2026-W15 for cn, as written
        assertEquals(0, fromStream.series("cn").at(io.tokenmetrics.period.TimePeriod.parse("2026-W15")).get().value().get().value()
                .compareTo(new java.math.BigDecimal("5820000000000")));
    }

    @Test
    void measuresSubjectsAndRegionsMayBeGiven() throws IOException {
        Dataset d = Dataset.read(csv("meta.csv", "series,period,value,measure,subject,region\n"
                + "cn-daily,2026-02,180万亿,tokens/day,China daily,CN\ncn-daily,mid-2025,>=30万亿,,,\n"));
        assertEquals(Measure.TOKENS_PER_DAY, d.series("cn-daily").measure());
        assertEquals("China daily", d.series("cn-daily").subject());
        assertEquals("CN", d.series("cn-daily").region());
        assertFalse(d.series("cn-daily").require(TimePeriod.parse("mid-2025")).requireValue().isPoint());
    }

    @Test
    void errorsNameTheLineAndTheColumn() throws IOException {
        Path bad = csv("bad.csv", "series,period,value\nx,2026-W16,12x\n");
        DatasetException e = assertThrows(InvalidDatasetException.class, () -> Dataset.read(bad));
        assertEquals(bad + ": 2:value: cannot parse \"12x\" at index 2: unknown unit \"x\"", e.getMessage());
        Path period = csv("period.csv", "series,period,value\nx,week 16,1T\n");
        assertTrue(assertThrows(InvalidDatasetException.class, () -> Dataset.read(period)).getMessage()
                .startsWith(period + ": 2:period: "));
        Path twice = csv("twice.csv", "series,period,value\nx,2026-W16,1T\nx,2026-W16,2T\n");
        assertEquals(twice + ": 3:period: period 2026-W16 appears twice (also on line 2)",
                assertThrows(InvalidDatasetException.class, () -> Dataset.read(twice)).getMessage());
        Path mixed = csv("mixed.csv", "series,period,value,measure\nx,2026-04,1T,tokens/month\nx,2026-W16,1T,\n");
        assertEquals(mixed + ": 3:period: period 2026-W16 is not a month: a tokens/month figure is the total of one month",
                assertThrows(InvalidDatasetException.class, () -> Dataset.read(mixed)).getMessage());
        Path cells = csv("cells.csv", "series,period,value\nx,2026-W16\n");
        assertEquals(cells + ": 2: expected 3 cells, found 2", assertThrows(MalformedDatasetException.class, () -> Dataset.read(cells)).getMessage());
        Path quote = csv("quote.csv", "series,period,value,quote\nx,2026-W16,1T,\"open\n");
        assertEquals(quote + ": 2: a quoted cell is not closed before the end of the file",
                assertThrows(MalformedDatasetException.class, () -> Dataset.read(quote)).getMessage());
        Path unknown = csv("unknown.csv", "series,period,value,colour\nx,2026-W16,1T,red\n");
        assertTrue(assertThrows(InvalidDatasetException.class, () -> Dataset.read(unknown)).getMessage()
                .startsWith(unknown + ": 1: unknown column \"colour\""));
        // in the wide form a series is a header cell, so a bad id is reported on line 1, in its column
        Path wideId = csv("wide-id.csv", "period,ok,Not_Kebab\n2026-W16,1T,2T\n");
        assertEquals(wideId + ": 1:Not_Kebab: series id (Not_Kebab) must be kebab-case: lower-case letters and digits joined by '-'",
                assertThrows(InvalidDatasetException.class, () -> Dataset.read(wideId)).getMessage());
    }
}
