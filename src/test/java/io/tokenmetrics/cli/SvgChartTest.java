package io.tokenmetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenmetrics.amount.Language;
import io.tokenmetrics.amount.Quantity;
import io.tokenmetrics.data.Measure;
import io.tokenmetrics.data.Observation;
import io.tokenmetrics.data.Series;
import io.tokenmetrics.period.TimePeriod;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** Charts of real sizes: a year of weekly data with six series, two years of daily data. */
class SvgChartTest {
    /** 65 ISO weeks from 2025-W06; series {@code k} has values 10^12 × (k + 1 + week/10); series 2 misses weeks 20 to 25. */
    static List<Series> weekly(int count) {
        List<Series> out = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            List<Observation> obs = new ArrayList<>();
            TimePeriod p = TimePeriod.parse("2025-W06");
            for (int w = 0; w < 65; w++) {
                if (!(k == 2 && w >= 20 && w <= 25)) {
                    obs.add(Observation.of(p, Quantity.of((long) ((k + 1 + w / 10.0) * 1e12), Quantity.Unit.TOKENS)));
                }
                p = p.next();
            }
            out.add(Series.builder("model-" + k, Measure.TOKENS_PER_WEEK)
                    .subject("OpenRouter, a model with a rather long descriptive name number " + k + ", weekly tokens").observations(obs).build());
        }
        return out;
    }

    private static Document wellFormed(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static void noTextOverlaps(SvgChart c) {
        List<double[]> boxes = c.textBoxes();
        for (int i = 0; i < boxes.size(); i++) {
            double[] a = boxes.get(i);
            assertTrue(a[0] >= 0 && a[2] <= 900, "text runs off the 900 px canvas: " + Arrays.toString(a));
            for (int j = i + 1; j < boxes.size(); j++) {
                double[] b = boxes.get(j);
                boolean overlap = a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
                assertFalse(overlap, "text boxes overlap: " + Arrays.toString(a) + " and " + Arrays.toString(b));
            }
            // and no text over a mark: a line, a point, an arrow, a bar
            for (double[] m : c.marks()) {
                boolean over = a[0] < m[2] && m[0] < a[2] && a[1] < m[3] && m[1] < a[3];
                assertFalse(over, "text " + Arrays.toString(a) + " over the mark " + Arrays.toString(m));
            }
            for (double[] seg : c.lineSegments()) {
                assertFalse(SvgChart.crosses(seg, a), "text " + Arrays.toString(a) + " crossed by the line " + Arrays.toString(seg));
            }
        }
    }

    @Test
    void theReportsChartsHaveNoTextOverAnotherOrOverAMark() throws Exception {
        io.tokenmetrics.data.Dataset d = io.tokenmetrics.data.Dataset.bundled();
        String[][] figures = {{"china-daily"}, {"volcano-engine-daily"}, {"openrouter-us-weekly", "openrouter-china-weekly"},
            {"openrouter-claude-sonnet-4-6-weekly", "openrouter-claude-opus-4-6-weekly"}, {"alibaba-internal-daily"}};
        for (Language lang : Language.values()) {
            for (String[] ids : figures) {
                for (boolean bars : new boolean[] {false, true}) {
                    List<Series> series = new ArrayList<>();
                    for (String id : ids) {
                        series.add(d.series(id));
                    }
                    SvgChart c = new SvgChart(series, lang, bars);
                    wellFormed(c.render());
                    noTextOverlaps(c);
                }
            }
        }
    }

    @Test
    void aSegmentCrossesABoxExactlyWhenItPassesThroughIt() {
        double[] box = {10, 10, 20, 20};
        // through the middle; along an edge; ending inside; missing above; diagonal past a corner
        assertTrue(SvgChart.crosses(new double[] {0, 15, 30, 15}, box));
        assertTrue(SvgChart.crosses(new double[] {0, 10, 30, 10}, box));
        assertTrue(SvgChart.crosses(new double[] {15, 15, 40, 40}, box));
        assertFalse(SvgChart.crosses(new double[] {0, 5, 30, 5}, box));
        assertFalse(SvgChart.crosses(new double[] {0, 9, 11, -2}, box));
        assertTrue(SvgChart.crosses(new double[] {0, 0, 30, 30}, box));
    }

    @Test
    void aYearOfWeeksWithSixSeriesIsReadable() throws Exception {
        for (Language lang : Language.values()) {
            SvgChart c = new SvgChart(weekly(6), lang, false);
            String svg = c.render();
            Document d = wellFormed(svg);
            assertEquals("svg", d.getDocumentElement().getNodeName());
            noTextOverlaps(c);
            // 6 series × 65 weeks, less the 6 missing weeks, but only a few values are labelled
            assertEquals(384, c.points());
            int texts = d.getElementsByTagName("text").getLength();
            assertTrue(texts < 60, texts + " texts");
            // the series with missing weeks 20 to 25 is drawn in two pieces, not bridged
            Matcher m = Pattern.compile("<path d=\"(M[^\"]*)\" fill=\"none\" stroke=\"#2ca02c\"").matcher(svg);
            assertTrue(m.find(), svg);
            assertEquals(1, m.group(1).split(" M").length - 1, m.group(1));
        }
    }

    @Test
    void twoYearsOfDaysKeepTheirTicksApart() throws Exception {
        List<Series> series = new ArrayList<>();
        for (int k = 0; k < 2; k++) {
            List<Observation> obs = new ArrayList<>();
            LocalDate d = LocalDate.of(2024, 11, 1);
            for (int i = 0; i < 730; i++) {
                obs.add(Observation.of(TimePeriod.day(d.plusDays(i)), Quantity.of(1_000_000L * (100 + i + 50 * k), Quantity.Unit.TOKENS)));
            }
            series.add(Series.builder("daily-" + k, Measure.TOKENS_PER_DAY).subject("Daily " + k).observations(obs).build());
        }
        SvgChart c = new SvgChart(series, Language.ZH, false);
        wellFormed(c.render());
        noTextOverlaps(c);
    }

    @Test
    void longTitlesAndSourcesAreShortenedToTheCanvas() {
        assertTrue(SvgChart.width(SvgChart.fit(repeat("x", 500), 17, 860), 17) <= 860);
        assertTrue(SvgChart.fit(repeat("中", 100), 12, 100).endsWith("…"));
        assertEquals("short", SvgChart.fit("short", 12, 100));
    }

    @Test
    void theFirstAndLastPeriodsAreAlwaysLabelled() throws Exception {
        // 65 weeks from 2025-W06: the last is 2025-W06 + 64 weeks = 2026-W18 (2025 has 52 ISO weeks: W06 + 46 = 2025-W52, + 18 = 2026-W18)
        for (boolean bars : new boolean[] {false, true}) {
            String svg = new SvgChart(weekly(6), Language.EN, bars).render();
            assertTrue(svg.contains(">2025-W06</text>"), "first period, bars " + bars);
            assertTrue(svg.contains(">2026-W18</text>"), "last period, bars " + bars);
        }
    }

    @Test
    void tooManyBarsAreDrawnAsLinesWithANote() throws Exception {
        // 65 weeks × 6 series = 390 bars > 96: lines, said under the legend; 65 × 1 = 65 bars: bars
        SvgChart many = new SvgChart(weekly(6), Language.EN, true);
        assertEquals("lines", many.kind());
        assertTrue(many.render().contains("Drawn as lines: 65 periods × 6 series would be bars too narrow to read (at most 96 bars).</text>"));
        assertEquals("bars", new SvgChart(weekly(1), Language.EN, true).kind());
    }

    @Test
    void theYAxisEndsNearTheData() {
        // max × 1.05, then the smallest round step (1, 2, 2.5, 5 × 10^k) giving 3 to 7 steps:
        // 63 → 66.15: steps of 10 → 70 (7 steps); 5.82 → 6.11: steps of 1 → 7; 3 → 3.15: steps of 0.5 → 3.5; 180 → 189: steps of 50 → 200 (4)
        assertEquals(70, SvgChart.niceScale(63)[0], 1e-9);
        assertEquals(7, SvgChart.niceScale(63)[1], 1e-9);
        assertEquals(7, SvgChart.niceScale(5.82)[0], 1e-9);
        assertEquals(3.5, SvgChart.niceScale(3)[0], 1e-9);
        assertEquals(200, SvgChart.niceScale(180)[0], 1e-9);
        // every top is at or above the data, with at most 7 steps
        for (double v = 0.013; v < 1e15; v *= 1.37) {
            double[] sc = SvgChart.niceScale(v);
            assertTrue(sc[0] >= v && sc[1] >= 3 && sc[1] <= 7, v + ": " + sc[0] + " in " + sc[1]);
        }
    }

    @Test
    void longTitlesAndLegendsWrapInsteadOfBeingCut() throws Exception {
        // the bundled China series has a 97-character subject: two lines, nothing cut
        io.tokenmetrics.data.Series china = io.tokenmetrics.data.Dataset.bundled().series("china-daily");
        String svg = new SvgChart(java.util.Collections.singletonList(china), Language.EN, false).render();
        assertTrue(svg.contains(">China, daily average token consumption (all industry; mainstream LLMs combined in February</text>"), svg);
        assertTrue(svg.contains("2026)</text>"), svg);
        assertFalse(svg.contains("…"), svg);
        List<String> lines = SvgChart.wrap(china.subject(), 18, 860, 2);
        assertEquals(2, lines.size());
        assertEquals(china.subject(), lines.get(0) + " " + lines.get(1));
        // two legend entries, each in full
        String two = new SvgChart(java.util.Arrays.asList(io.tokenmetrics.data.Dataset.bundled().series("openrouter-us-weekly"),
                io.tokenmetrics.data.Dataset.bundled().series("openrouter-china-weekly")), Language.ZH, false).render();
        assertTrue(two.contains("OpenRouter，榜单上的美国模型，每周 Token 调用量 [openrouter-us-weekly]</text>"), two);
    }

    @Test
    void narrowBarsStayVisibleAndEveryValueIsInATooltip() throws Exception {
        // 65 weeks of one series: 65 bars at the limit's side (96), about 11 px each, every one with a positive width and a tooltip
        SvgChart c = new SvgChart(weekly(1), Language.EN, true);
        Document d = wellFormed(c.render());
        noTextOverlaps(c);
        org.w3c.dom.NodeList rects = d.getElementsByTagName("rect");
        int bars = 0;
        for (int i = 0; i < rects.getLength(); i++) {
            org.w3c.dom.Element r = (org.w3c.dom.Element) rects.item(i);
            if (r.getElementsByTagName("title").getLength() == 1) {
                bars++;
                assertTrue(Double.parseDouble(r.getAttribute("width")) > 0, r.getAttribute("width"));
            }
        }
        assertEquals(65, bars);
        // series model-0's week 10 (2025-W16) holds 10^12 × (1 + 10/10) = 2T
        assertTrue(c.render().contains("<title>model-0 2025-W16: 2T</title>"));
    }

    @Test
    void aSeriesWithoutValuesIsNamedInTheLegend() throws Exception {
        List<Series> two = new ArrayList<>(weekly(1));
        two.add(Series.builder("dropped", Measure.TOKENS_PER_WEEK).subject("dropped")
                .observations(Arrays.asList(Observation.builder(TimePeriod.parse("2025-W10"), null).listed(false).build())).build());
        SvgChart c = new SvgChart(two, Language.EN, false);
        String svg = c.render();
        assertEquals(0, c.pointsOf("dropped"));
        assertEquals(65, c.pointsOf("model-0"));
        assertTrue(svg.contains(">(no values) dropped</text>"), svg);
        assertTrue(new SvgChart(two, Language.ZH, false).render().contains(">（无数值）dropped</text>"));
    }

    private static String repeat(String s, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(s);
        }
        return b.toString();
    }
}
