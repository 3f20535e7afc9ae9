package io.tokenmetrics.cli;

import io.tokenmetrics.amount.Language;
import io.tokenmetrics.amount.Quantity;
import io.tokenmetrics.calc.Calculator;
import io.tokenmetrics.data.Observation;
import io.tokenmetrics.data.Series;
import io.tokenmetrics.data.Source;
import io.tokenmetrics.period.TimePeriod;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * A small SVG writer for the {@code chart} command: a line chart over time, or grouped bars.
 * Ranges are drawn as whiskers, lower bounds as an upward arrow, and values implied from a stated
 * change as hollow points or hatched bars, so nothing looks more certain than it is.
 */
final class SvgChart {
    private static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b"};
    private static final int W = 900;
    private static final int LEFT = 90;
    private static final int RIGHT = 30;
    private static final int TOP = 60;
    /** The bottom of the plot area; below it the x labels, the legend and the source line, as tall as they need. */
    private static final int PLOT_BOTTOM = 390;
    private static final String FONTS = "Noto Sans CJK SC, Source Han Sans SC, PingFang SC, Microsoft YaHei, WenQuanYi Micro Hei, Noto Sans,"
            + " DejaVu Sans, sans-serif";
    /** The height, once the legend is laid out. */
    private int height;
    /** Every text drawn, as {x0, y0, x1, y1}, so that no label is drawn over another. */
    private final List<double[]> boxes = new ArrayList<>();
    /** The marks drawn by the last {@link #render}: line segments {x1, y1, x2, y2} and boxes {x0, y0, x1, y1} (points, arrows, bars). */
    private final List<double[]> segments = new ArrayList<>();
    private final List<double[]> markBoxes = new ArrayList<>();
    /** How far the chart below the title is moved down (a wrapped title): boxes and marks are kept in the canvas' coordinates. */
    private double dy;

    /** One drawn value: period, low, mid, high (high NaN for a lower bound), implied or observed. */
    private static final class Point {
        final TimePeriod period;
        final double low;
        final double mid;
        final double high;
        final boolean implied;
        final String label;

        Point(TimePeriod period, double low, double mid, double high, boolean implied, String label) {
            this.period = period;
            this.low = low;
            this.mid = mid;
            this.high = high;
            this.implied = implied;
            this.label = label;
        }
    }

    private final List<Series> series;
    private final Language lang;
    /** Bars drawn: asked for, and few enough to read ({@link #MAX_BARS}). */
    private final boolean bars;
    /** Bars asked for but too many to read (65 weeks × 6 series are 2-pixel slivers): drawn as lines, with a note. */
    private final boolean barsAsLines;
    /** The most bars a chart draws: about 7 pixels a bar across the plot. */
    static final int MAX_BARS = 96;
    private final List<List<Point>> points = new ArrayList<>();
    private boolean log;
    private int count;

    SvgChart(List<Series> series, Language lang, boolean bars) {
        this.series = series;
        this.lang = lang;
        for (Series s : series) {
            if (s.measure() != series.get(0).measure()) {
                throw new IllegalArgumentException("cannot chart " + series.get(0).id() + " (" + series.get(0).measure() + ") with "
                        + s.id() + " (" + s.measure() + ") on one axis: different measures");
            }
        }
        Calculator calc = Calculator.create();
        double min = Double.MAX_VALUE;
        double max = 0;
        for (Series s : series) {
            List<Point> ps = new ArrayList<>();
            List<Observation> obs = s.observations();
            for (int i = 0; i < obs.size(); i++) {
                Observation o = obs.get(i);
                if (!o.value().isPresent()) {
                    continue;
                }
                if (i == 0 && o.statedChange().isPresent() && !o.period().isApproximate()) {
                    Quantity prev = calc.impliedPrevious(o.value().get(), o.statedChange().get());
                    ps.add(point(o.period().previous(), prev, true));
                }
                ps.add(point(o.period(), o.value().get(), false));
            }
            for (Point p : ps) {
                min = Math.min(min, p.low > 0 ? p.low : p.mid);
                max = Math.max(max, Double.isNaN(p.high) ? p.low * 1.5 : p.high);
                count++;
            }
            points.add(ps);
        }
        if (count == 0) {
            throw new IllegalArgumentException("the series have no values to chart");
        }
        int periodCount = periods().size();
        this.barsAsLines = bars && periodCount * series.size() > MAX_BARS;
        this.bars = bars && !barsAsLines;
        log = !this.bars && min > 0 && max / min >= 100;
        this.min = min;
        this.max = max;
    }

    private final double min;
    private final double max;

    private Point point(TimePeriod p, Quantity q, boolean implied) {
        double lo = q.lower().map(BigDecimal::doubleValue).orElse(0.0);
        double hi = q.upper().map(BigDecimal::doubleValue).orElse(Double.NaN);
        double mid = Double.isNaN(hi) ? lo : (lo + hi) / 2;
        return new Point(p, lo, mid, hi, implied, q.formatRounded(lang, 2) + (implied ? m("chart.implied") : ""));
    }

    String kind() {
        return bars ? "bars" : "lines";
    }

    String scale() {
        return log ? "log" : "linear";
    }

    int points() {
        return count;
    }

    /** The points drawn for one series: 0 when none of its observations has a value. */
    int pointsOf(String id) {
        for (int i = 0; i < series.size(); i++) {
            if (series.get(i).id().equals(id)) {
                return points.get(i).size();
            }
        }
        throw new IllegalArgumentException("not in the chart: " + id);
    }

    private double y(double v) {
        double lo = log ? Math.floor(Math.log10(min)) : 0;
        double hi = log ? Math.ceil(Math.log10(max)) : niceMax(max);
        double t = log ? (Math.log10(Math.max(v, Math.pow(10, lo))) - lo) / (hi - lo) : v / hi;
        return TOP + (PLOT_BOTTOM - TOP) * (1 - t);
    }

    /** The line segments of the last {@link #render}, as {x1, y1, x2, y2}: for the test that no label crosses a line. */
    List<double[]> lineSegments() {
        return segments;
    }

    /** The boxes of the marks of the last {@link #render} (points, arrows, bars), as {x0, y0, x1, y1}. */
    List<double[]> marks() {
        return markBoxes;
    }

    /** The boxes of the texts drawn by the last {@link #render}, as {x0, y0, x1, y1}: for the test that none overlap. */
    List<double[]> textBoxes() {
        return boxes;
    }

    /**
     * The estimated width of a text in a sans-serif font, a little generous: CJK characters are
     * square; narrow Latin letters and punctuation about a third of the size, capitals and m, w
     * three quarters, digits and other letters a little over half. (A flat 0.62 for every Latin
     * character cut titles and legends short while half the width was empty.)
     */
    static double width(String s, int size) {
        double w = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            double k;
            if ((c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xFF00 && c <= 0xFF60) || (c >= 0x3000 && c <= 0x303F)) {
                k = 1.0;
            } else if ("iljtfr.,:;'|!()[] ".indexOf(c) >= 0) {
                k = 0.34;
            } else if (Character.isUpperCase(c) || c == 'm' || c == 'w' || c == '×' || c == '%' || c == '@') {
                k = 0.74;
            } else {
                k = 0.58;
            }
            w += size * k;
        }
        return w;
    }

    /** {@code s} broken at spaces (or anywhere in CJK text) into lines of at most {@code max} pixels, the last shortened with "…" past {@code lines}. */
    static List<String> wrap(String s, int size, double max, int lines) {
        List<String> out = new ArrayList<>();
        String rest = s;
        while (!rest.isEmpty() && out.size() < lines - 1 && width(rest, size) > max) {
            int cut = rest.length();
            while (cut > 0 && width(rest.substring(0, cut), size) > max) {
                cut--;
            }
            // back to a space or a CJK character, where a line may break
            int at = cut;
            while (at > 0 && rest.charAt(at - 1) != ' ' && rest.charAt(at - 1) < 0x2E80) {
                at--;
            }
            if (at == 0) {
                at = Math.max(1, cut);
            }
            out.add(rest.substring(0, at).trim());
            rest = rest.substring(at).trim();
        }
        if (!rest.isEmpty()) {
            out.add(fit(rest, size, max));
        }
        return out;
    }

    /** {@code s} shortened with "…" to at most {@code max} pixels. */
    static String fit(String s, int size, double max) {
        if (width(s, size) <= max) {
            return s;
        }
        String t = s;
        while (!t.isEmpty() && width(t + "…", size) > max) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "…";
    }

    private double[] box(double x, double y, String s, int size, String anchor) {
        double w = width(s, size);
        double x0 = anchor.equals("middle") ? x - w / 2 : anchor.equals("end") ? x - w : x;
        return new double[] {x0, y + dy - size, x0 + w, y + dy + size * 0.25};
    }

    private static boolean overlaps(double[] a, double[] b) {
        return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
    }

    /** The periods to label: the first, the last, then every {@code step}-th between. */
    private static List<Integer> labelOrder(int n, int step) {
        List<Integer> out = new ArrayList<>();
        if (n == 0) {
            return out;
        }
        out.add(0);
        if (n > 1) {
            out.add(n - 1);
        }
        for (int i = step; i < n - 1; i += step) {
            out.add(i);
        }
        return out;
    }

    /** An axis label that is always drawn (the first or last period), moved inside the canvas when it would cross its edge. */
    private boolean textAlways(StringBuilder b, double x, double y, String s, int size) {
        double half = width(s, size) / 2;
        double cx = Math.max(half + 2, Math.min(W - half - 2, x));
        text(b, cx, y, s, size, "middle", "normal");
        return true;
    }

    /**
     * Draws a value label unless it would overlap a text or a mark (a line, a point, an arrow, a
     * bar), or leave the plot; whether it was drawn. Marks are all drawn before the labels.
     */
    private boolean labelIfRoom(StringBuilder b, double x, double y, String s, int size, String anchor) {
        double[] box = box(x, y, s, size, anchor);
        if (box[1] < TOP - 20 + dy || box[3] > PLOT_BOTTOM + dy) {
            return false;
        }
        for (double[] m : markBoxes) {
            if (overlaps(box, m)) {
                return false;
            }
        }
        for (double[] seg : segments) {
            if (crosses(seg, box)) {
                return false;
            }
        }
        return textIfRoom(b, x, y, s, size, anchor);
    }

    /** Whether the segment {x1, y1, x2, y2} meets the box {x0, y0, x1, y1} (Liang–Barsky clipping). */
    static boolean crosses(double[] seg, double[] box) {
        double t0 = 0;
        double t1 = 1;
        double dx = seg[2] - seg[0];
        double dy = seg[3] - seg[1];
        double[] p = {-dx, dx, -dy, dy};
        double[] q = {seg[0] - box[0], box[2] - seg[0], seg[1] - box[1], box[3] - seg[1]};
        for (int i = 0; i < 4; i++) {
            if (p[i] == 0) {
                if (q[i] < 0) {
                    return false;
                }
            } else {
                double r = q[i] / p[i];
                if (p[i] < 0) {
                    t0 = Math.max(t0, r);
                } else {
                    t1 = Math.min(t1, r);
                }
            }
        }
        return t0 <= t1;
    }

    /** Draws a text unless it would overlap one already drawn; whether it was drawn. */
    private boolean textIfRoom(StringBuilder b, double x, double y, String s, int size, String anchor) {
        double[] box = box(x, y, s, size, anchor);
        if (box[0] < 0 || box[2] > W) {
            return false;
        }
        for (double[] o : boxes) {
            if (overlaps(box, o)) {
                return false;
            }
        }
        text(b, x, y, s, size, anchor, "normal");
        return true;
    }

    /**
     * The top of a linear axis near the data: the smallest multiple of a round step (1, 2, 2.5 or 5
     * times a power of ten) at or above the maximum plus 5% headroom, in 3 to 7 steps. 63T gives
     * 70T (steps of 10T), 5.82T gives 7T, 3B gives 3.5B, where the axis once ran to 100T or 5B.
     */
    static double[] niceScale(double v) {
        double target = v * 1.05;
        double bestTop = Double.MAX_VALUE;
        double bestSteps = 5;
        double p = Math.pow(10, Math.floor(Math.log10(target)) - 1);
        for (int k = 0; k < 3; k++, p *= 10) {
            for (double m : new double[] {1, 2, 2.5, 5}) {
                double step = m * p;
                double steps = Math.ceil(target / step - 1e-9);
                if (steps >= 3 && steps <= 7 && steps * step < bestTop) {
                    bestTop = steps * step;
                    bestSteps = steps;
                }
            }
        }
        return new double[] {bestTop, bestSteps};
    }

    private static double niceMax(double v) {
        return niceScale(v)[0];
    }

    String render() {
        boxes.clear();
        segments.clear();
        markBoxes.clear();
        dy = 0;
        StringBuilder b = new StringBuilder();
        List<String> legend = legendEntries();
        int legendRows = legendRows(legend);
        height = PLOT_BOTTOM + 42 + legendRows * 17 + (anyImplied() ? 17 : 0) + (barsAsLines ? 17 : 0) + 30;
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(W).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(W).append(' ').append(height).append("\" font-family=\"").append(FONTS).append("\">\n");
        b.append("<defs><pattern id=\"hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
                + "<rect width=\"6\" height=\"6\" fill=\"white\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#888\" stroke-width=\"3\"/></pattern></defs>\n");
        b.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        String unit = series.get(0).measure().id();
        String title = series.size() == 1 ? series.get(0).subject(lang) : m("chart.compared", ids());
        // a long title wraps to a second line (bold is about 5% wider), and the rest of the chart moves down by one line
        List<String> titleLines = wrap(title, 18, W - 40, 2);
        for (int i = 0; i < titleLines.size(); i++) {
            text(b, W / 2, 28 + 22 * i, titleLines.get(i), 17, "middle", "bold");
        }
        int shift = 22 * (titleLines.size() - 1);
        if (shift > 0) {
            b.append("<g transform=\"translate(0,").append(shift).append(")\">\n");
        }
        dy = shift;
        text(b, W / 2, 48, unitLabel(unit) + (log ? m("chart.log") : ""), 12, "middle", "normal");
        yAxis(b);
        if (bars) {
            bars(b);
        } else {
            lines(b);
        }
        legend(b, legend);
        sourceLine(b);
        if (shift > 0) {
            b.append("</g>\n");
        }
        b.append("</svg>\n");
        String svg = b.toString();
        if (shift > 0) {
            // the height was set before the title was measured
            svg = svg.replaceFirst("height=\"" + height + "\" viewBox=\"0 0 " + W + " " + height + "\"",
                    "height=\"" + (height + shift) + "\" viewBox=\"0 0 " + W + " " + (height + shift) + "\"");
        }
        return svg;
    }

    private String ids() {
        List<String> out = new ArrayList<>();
        for (Series s : series) {
            out.add(s.id());
        }
        return String.join(", ", out);
    }

    /** The chart's own words, from the message bundles. */
    private String m(String key, Object... args) {
        return io.tokenmetrics.internal.Messages.get(lang, key, args);
    }

    private String unitLabel(String unit) {
        // the measure's words from the bundles, the same as list and show print
        return io.tokenmetrics.internal.Messages.keys(lang).contains("measure." + unit) ? io.tokenmetrics.internal.Messages.get(lang, "measure." + unit)
                : unit;
    }

    private void yAxis(StringBuilder b) {
        int x0 = LEFT;
        int yBottom = PLOT_BOTTOM;
        b.append("<line x1=\"").append(x0).append("\" y1=\"").append(TOP).append("\" x2=\"").append(x0).append("\" y2=\"").append(yBottom)
                .append("\" stroke=\"#333\"/>\n");
        b.append("<line x1=\"").append(x0).append("\" y1=\"").append(yBottom).append("\" x2=\"").append(W - RIGHT).append("\" y2=\"")
                .append(yBottom).append("\" stroke=\"#333\"/>\n");
        List<Double> ticks = new ArrayList<>();
        if (log) {
            for (double e = Math.floor(Math.log10(min)); e <= Math.ceil(Math.log10(max)); e++) {
                ticks.add(Math.pow(10, e));
            }
        } else {
            double[] scale = niceScale(max);
            for (int i = 0; i <= (int) scale[1]; i++) {
                ticks.add(scale[0] * i / scale[1]);
            }
        }
        for (double t : ticks) {
            double y = y(t);
            b.append("<line x1=\"").append(x0).append("\" y1=\"").append(f(y)).append("\" x2=\"").append(W - RIGHT).append("\" y2=\"").append(f(y))
                    .append("\" stroke=\"#e5e5e5\"/>\n");
            // the axis speaks the series' unit: 1.2T tokens, $1.2K
            text(b, x0 - 8, y + 4, Quantity.of(BigDecimal.valueOf(t), series.get(0).measure().unit()).formatRounded(lang, 2), 11, "end", "normal");
        }
    }

    private List<TimePeriod> periods() {
        Set<TimePeriod> all = new TreeSet<>();
        for (List<Point> ps : points) {
            for (Point p : ps) {
                all.add(p.period);
            }
        }
        return new ArrayList<>(all);
    }

    private void lines(StringBuilder b) {
        double p0 = Double.MAX_VALUE;
        double p1 = -Double.MAX_VALUE;
        for (TimePeriod p : periods()) {
            p0 = Math.min(p0, p.position());
            p1 = Math.max(p1, p.position());
        }
        double span = p1 - p0 == 0 ? 1 : p1 - p0;
        double from = p0 - span * 0.08;
        double to = p1 + span * 0.08;
        int plotW = W - LEFT - RIGHT;
        java.util.function.ToDoubleFunction<TimePeriod> xOf = q -> LEFT + plotW * (q.position() - from) / (to - from);
        // x labels: the first, the last, and as many between as fit without touching (with a gap of
        // half a label), at a regular step so that a year of weeks reads as months, not a smear
        List<TimePeriod> ps = periods();
        double labelW = 0;
        for (TimePeriod p : ps) {
            labelW = Math.max(labelW, width(xLabel(p), 11));
        }
        int step = Math.max(1, (int) Math.ceil(ps.size() * labelW * 1.5 / plotW));
        // the first and the last period are always labelled (drawn first, so a label between gives way to them)
        for (int i : labelOrder(ps.size(), step)) {
            TimePeriod p = ps.get(i);
            double x = xOf.applyAsDouble(p);
            if (i == 0 || i == ps.size() - 1 ? textAlways(b, x, PLOT_BOTTOM + 20, xLabel(p), 11) : textIfRoom(b, x, PLOT_BOTTOM + 20, xLabel(p), 11, "middle")) {
                b.append("<line x1=\"").append(f(x)).append("\" y1=\"").append(PLOT_BOTTOM).append("\" x2=\"").append(f(x)).append("\" y2=\"")
                        .append(PLOT_BOTTOM + 5).append("\" stroke=\"#333\"/>\n");
            }
        }
        for (int s = 0; s < points.size(); s++) {
            String color = COLORS[s % COLORS.length];
            StringBuilder path = new StringBuilder();
            Point before = null;
            for (Point p : points.get(s)) {
                double x = xOf.applyAsDouble(p.period);
                // a week (day, month) without a value is a gap: the line breaks there rather than bridge it
                boolean gap = before != null && !continues(before.period, p.period);
                path.append(path.length() == 0 ? "M" : gap ? " M" : " L").append(f(x)).append(',').append(f(y(p.mid)));
                if (before != null && !gap) {
                    segments.add(new double[] {xOf.applyAsDouble(before.period), y(before.mid) + dy, x, y(p.mid) + dy});
                }
                before = p;
            }
            b.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"").append(color).append("\" stroke-width=\"2\"/>\n");
            for (Point p : points.get(s)) {
                double x = xOf.applyAsDouble(p.period);
                if (!Double.isNaN(p.high) && p.high > p.low) {
                    b.append("<line x1=\"").append(f(x)).append("\" y1=\"").append(f(y(p.low))).append("\" x2=\"").append(f(x)).append("\" y2=\"")
                            .append(f(y(p.high))).append("\" stroke=\"").append(color).append("\" stroke-width=\"2\"/>\n");
                    segments.add(new double[] {x, y(p.low) + dy, x, y(p.high) + dy});
                }
                if (Double.isNaN(p.high)) {
                    double y = y(p.low);
                    markBoxes.add(new double[] {x - 6, y - 18 + dy, x + 6, y - 8 + dy});
                    b.append("<path d=\"M").append(f(x - 6)).append(',').append(f(y - 8)).append(" L").append(f(x)).append(',').append(f(y - 18))
                            .append(" L").append(f(x + 6)).append(',').append(f(y - 8)).append("\" fill=\"").append(color).append("\"/>\n");
                }
                double r = points.get(s).size() > 60 ? 2 : points.get(s).size() > 24 ? 3 : 5;
                markBoxes.add(new double[] {x - r - 1, y(p.mid) - r - 1 + dy, x + r + 1, y(p.mid) + r + 1 + dy});
                b.append("<circle cx=\"").append(f(x)).append("\" cy=\"").append(f(y(p.mid))).append("\" r=\"").append(f(r)).append("\" fill=\"")
                        .append(p.implied ? "white" : color).append("\" stroke=\"").append(color).append("\" stroke-width=\"2\">")
                        .append(tooltip(series.get(s), p)).append("</circle>\n");
            }
        }
        // values: with few points every one; with many only what helps (each series' last value,
        // then its highest and lowest), and never over another text
        for (int s = 0; s < points.size(); s++) {
            List<Point> sp = points.get(s);
            List<Point> wanted = new ArrayList<>();
            if (sp.size() <= 8) {
                wanted.addAll(sp);
            } else {
                wanted.add(sp.get(sp.size() - 1));
                Point hi = sp.get(0);
                Point lo = sp.get(0);
                for (Point p : sp) {
                    hi = p.mid > hi.mid ? p : hi;
                    lo = p.mid < lo.mid ? p : lo;
                }
                // with many series the first values crowd the left edge over the lines: a peak or
                // trough inside the range is still worth a label, a mere starting value is not
                boolean few = points.size() <= 3;
                if (few || hi != sp.get(0)) {
                    wanted.add(hi);
                }
                if (few || lo != sp.get(0)) {
                    wanted.add(lo);
                }
            }
            Set<Point> once = new LinkedHashSet<>(wanted);
            for (Point p : once) {
                double x = xOf.applyAsDouble(p.period);
                // a series' first value reads best to the left of the line, every other to the right
                boolean leftFirst = sp.size() > 1 && p == sp.get(0);
                double ym = y(p.mid);
                // above, then below, the side of the line first: never over another text, a line, a point or an arrow
                double[][] places = leftFirst ? new double[][] {{x - 8, ym - 8, 0}, {x - 8, ym + 18, 0}, {x + 8, ym - 8, 1}, {x + 8, ym + 18, 1}}
                        : new double[][] {{x + 8, ym - 8, 1}, {x + 8, ym + 18, 1}, {x - 8, ym - 8, 0}, {x - 8, ym + 18, 0}};
                for (double[] at : places) {
                    if (labelIfRoom(b, at[0], at[1], p.label, 11, at[2] == 1 ? "start" : "end")) {
                        break;
                    }
                }
            }
        }
    }

    private String xLabel(TimePeriod p) {
        return lang == Language.ZH ? p.label(lang) : p.toString();
    }

    /** Whether {@code b} comes right after {@code a}: a gap in weeks, days, months… breaks a line; approximate points never do. */
    private static boolean continues(TimePeriod a, TimePeriod b) {
        if (a.isApproximate() || b.isApproximate() || a.type() != b.type()) {
            return true;
        }
        return a.next().equals(b);
    }

    private void bars(StringBuilder b) {
        List<TimePeriod> periods = periods();
        int plotW = W - LEFT - RIGHT;
        double groupW = (double) plotW / periods.size();
        double barW = Math.min(70, groupW * 0.7 / series.size());
        // narrow bars (a year of weeks) are drawn edge to edge without an outline, or they vanish
        double inset = barW >= 8 ? 2 : 0;
        // as for lines: period labels at a step that keeps them apart, and with many periods
        // values only on the last group
        double labelW = 0;
        for (TimePeriod p : periods) {
            labelW = Math.max(labelW, width(barLabel(p), 11));
        }
        int step = Math.max(1, (int) Math.ceil(periods.size() * labelW * 1.3 / plotW));
        for (int g : labelOrder(periods.size(), step)) {
            double cx = LEFT + groupW * (g + 0.5);
            if (g == 0 || g == periods.size() - 1) {
                textAlways(b, cx, PLOT_BOTTOM + 20, barLabel(periods.get(g)), 11);
            } else {
                textIfRoom(b, cx, PLOT_BOTTOM + 20, barLabel(periods.get(g)), 11, "middle");
            }
        }
        List<Object[]> labels = new ArrayList<>();
        for (int g = 0; g < periods.size(); g++) {
            double cx = LEFT + groupW * (g + 0.5);
            boolean values = periods.size() <= 8 || g == periods.size() - 1;
            double roomAbove = groupW / series.size();
            for (int s = 0; s < points.size(); s++) {
                for (Point p : points.get(s)) {
                    if (!p.period.equals(periods.get(g))) {
                        continue;
                    }
                    double x = cx - barW * series.size() / 2 + barW * s;
                    double top = y(p.mid);
                    markBoxes.add(new double[] {x, top + dy, x + barW, PLOT_BOTTOM + dy});
                    String color = COLORS[s % COLORS.length];
                    b.append("<rect x=\"").append(f(x + inset)).append("\" y=\"").append(f(top)).append("\" width=\"").append(f(barW - 2 * inset))
                            .append("\" height=\"").append(f(PLOT_BOTTOM - top)).append("\" fill=\"").append(p.implied ? "url(#hatch)" : color)
                            .append(inset > 0 ? "\" stroke=\"" + color + "\" stroke-width=\"2\">" : "\">").append(tooltip(series.get(s), p))
                            .append("</rect>\n");
                    // a value goes above its bar only where it is no wider than the bar's share of the group
                    if (values && width(p.label, 11) <= roomAbove) {
                        labels.add(new Object[] {x + barW / 2, top - 6, p.label});
                    }
                }
            }
        }
        // the values once every bar is drawn, so that none is written over a bar drawn after it
        for (Object[] l : labels) {
            labelIfRoom(b, (Double) l[0], (Double) l[1], (String) l[2], 11, "middle");
        }
    }

    /** Every value a label had no room for is still in the chart: a viewer shows it on hover. */
    private String tooltip(Series s, Point p) {
        return "<title>" + escape(s.id() + " " + xLabel(p.period) + ": " + p.label) + "</title>";
    }

    private String barLabel(TimePeriod p) {
        if (lang == Language.ZH) {
            return p.label(lang);
        }
        // "2026-W16 (2026-04-13..2026-04-19)" helps under a few groups and crowds out many
        return periods().size() <= 4 ? p.describe() : p.toString();
    }

    private List<String> legendEntries() {
        List<String> out = new ArrayList<>();
        for (Series x : series) {
            // a series loaded from a CSV column has its id as its subject: say it once
            String e = x.subject(lang).equals(x.id()) ? x.id() : x.subject(lang) + " [" + x.id() + "]";
            out.add(pointsOf(x.id()) == 0 ? m("chart.novalues") + e : e);
        }
        return out;
    }

    private static final double LEGEND_W = W - LEFT - RIGHT;

    /** Entries flow left to right and wrap; each is at most half the width (shortened with "…"). */
    private int legendRows(List<String> entries) {
        int rows = 1;
        double x = 0;
        for (String e : entries) {
            List<String> lines = wrap(e, 12, LEGEND_W - 40, 2);
            double w = 20 + width(lines.get(0), 12) + 16;
            if (x > 0 && x + w > LEGEND_W) {
                rows++;
                x = 0;
            }
            x += w;
            if (lines.size() > 1) {
                rows++;
                x = LEGEND_W;
            }
        }
        return rows;
    }

    private boolean anyImplied() {
        for (List<Point> ps : points) {
            for (Point p : ps) {
                if (p.implied) {
                    return true;
                }
            }
        }
        return false;
    }

    private void legend(StringBuilder b, List<String> entries) {
        int y = PLOT_BOTTOM + 42;
        double x = 0;
        for (int s = 0; s < entries.size(); s++) {
            // an entry takes a row's width before it is wrapped, never half of it with the rest empty
            List<String> lines = wrap(entries.get(s), 12, LEGEND_W - 40, 2);
            String e = lines.get(0);
            double w = 20 + width(e, 12) + 16;
            if (x > 0 && x + w > LEGEND_W) {
                y += 17;
                x = 0;
            }
            String color = COLORS[s % COLORS.length];
            b.append("<rect x=\"").append(f(LEFT + x)).append("\" y=\"").append(y - 10).append("\" width=\"14\" height=\"10\" fill=\"").append(color)
                    .append("\"/>\n");
            text(b, LEFT + x + 20, y, e, 12, "start", "normal");
            x += w;
            if (lines.size() > 1) {
                y += 17;
                text(b, LEFT + 20, y, lines.get(1), 12, "start", "normal");
                x = LEGEND_W;
            }
        }
        y += 17;
        if (anyImplied()) {
            text(b, LEFT, y, m("chart.impliedlegend"), 11, "start", "normal");
            y += 17;
        }
        if (barsAsLines) {
            text(b, LEFT, y, m("chart.barsaslines", periods().size(), series.size(), MAX_BARS), 11, "start", "normal");
        }
    }

    private void sourceLine(StringBuilder b) {
        Set<String> sources = new LinkedHashSet<>();
        Set<String> facts = new TreeSet<>();
        for (Series s : series) {
            for (Observation o : s.observations()) {
                o.source().map(Source::toString).ifPresent(sources::add);
                o.fact().ifPresent(facts::add);
            }
        }
        String line = m("chart.source", (sources.isEmpty() ? m("chart.userdata") : String.join("; ", sources))
                + (facts.isEmpty() ? "" : " [" + String.join(", ", facts) + "]"));
        text(b, 10, height - 10, fit(line, 10, W - 20), 10, "start", "normal");
    }

    private void text(StringBuilder b, double x, double y, String s, int size, String anchor, String weight) {
        boxes.add(box(x, y, s, size, anchor));
        b.append("<text x=\"").append(f(x)).append("\" y=\"").append(f(y)).append("\" font-size=\"").append(size).append("\" text-anchor=\"")
                .append(anchor).append("\" font-weight=\"").append(weight).append("\" fill=\"#222\">").append(escape(s)).append("</text>\n");
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<': b.append("&lt;"); break;
                case '>': b.append("&gt;"); break;
                case '&': b.append("&amp;"); break;
                case '"': b.append("&quot;"); break;
                default:
                    if (c < 0x20 && c != '\t' && c != '\n') {
                        b.append(' ');
                    } else {
                        b.append(c);
                    }
            }
        }
        return b.toString();
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
