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
    private static final int H = 520;
    private static final int LEFT = 90;
    private static final int RIGHT = 30;
    private static final int TOP = 60;
    private static final int BOTTOM = 130;

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
    private final boolean bars;
    private final List<List<Point>> points = new ArrayList<>();
    private boolean log;
    private int count;

    SvgChart(List<Series> series, Language lang, boolean bars) {
        this.series = series;
        this.lang = lang;
        this.bars = bars;
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
        log = !bars && min > 0 && max / min >= 100;
        this.min = min;
        this.max = max;
    }

    private final double min;
    private final double max;

    private Point point(TimePeriod p, Quantity q, boolean implied) {
        double lo = q.lower().map(BigDecimal::doubleValue).orElse(0.0);
        double hi = q.upper().map(BigDecimal::doubleValue).orElse(Double.NaN);
        double mid = Double.isNaN(hi) ? lo : (lo + hi) / 2;
        return new Point(p, lo, mid, hi, implied, q.formatRounded(lang, 2) + (implied ? (lang == Language.ZH ? " (推算)" : " (implied)") : ""));
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

    private double y(double v) {
        double lo = log ? Math.floor(Math.log10(min)) : 0;
        double hi = log ? Math.ceil(Math.log10(max)) : niceMax(max);
        double t = log ? (Math.log10(Math.max(v, Math.pow(10, lo))) - lo) / (hi - lo) : v / hi;
        return TOP + (H - TOP - BOTTOM) * (1 - t);
    }

    private static double niceMax(double v) {
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * p >= v) {
                return m * p;
            }
        }
        return 10 * p;
    }

    String render() {
        StringBuilder b = new StringBuilder();
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(W).append("\" height=\"").append(H)
                .append("\" viewBox=\"0 0 ").append(W).append(' ').append(H).append("\" font-family=\"Noto Sans CJK SC, Noto Sans, DejaVu Sans, sans-serif\">\n");
        b.append("<defs><pattern id=\"hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
                + "<rect width=\"6\" height=\"6\" fill=\"white\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#888\" stroke-width=\"3\"/></pattern></defs>\n");
        b.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        String unit = series.get(0).measure().id();
        String title = series.size() == 1 ? series.get(0).subject() : (lang == Language.ZH ? "对比: " : "Compared: ") + ids();
        text(b, W / 2, 28, title, 17, "middle", "bold");
        text(b, W / 2, 48, unitLabel(unit) + (log ? (lang == Language.ZH ? " (对数坐标)" : " (log scale)") : ""), 12, "middle", "normal");
        yAxis(b);
        if (bars) {
            bars(b);
        } else {
            lines(b);
        }
        legend(b);
        sourceLine(b);
        b.append("</svg>\n");
        return b.toString();
    }

    private String ids() {
        List<String> out = new ArrayList<>();
        for (Series s : series) {
            out.add(s.id());
        }
        return String.join(", ", out);
    }

    private String unitLabel(String unit) {
        if (lang == Language.ZH) {
            switch (unit) {
                case "tokens/day": return "Token / 日 (日均)";
                case "tokens/week": return "Token / 周";
                case "tokens/month": return "Token / 月";
                case "tokens/year": return "Token / 年";
                default: return unit;
            }
        }
        return unit.replace("tokens/day", "tokens a day (daily average)").replace("tokens/week", "tokens a week")
                .replace("tokens/year", "tokens a year").replace("tokens/month", "tokens a month");
    }

    private void yAxis(StringBuilder b) {
        int x0 = LEFT;
        int yBottom = H - BOTTOM;
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
            double top = niceMax(max);
            for (int i = 0; i <= 5; i++) {
                ticks.add(top * i / 5);
            }
        }
        for (double t : ticks) {
            double y = y(t);
            b.append("<line x1=\"").append(x0).append("\" y1=\"").append(f(y)).append("\" x2=\"").append(W - RIGHT).append("\" y2=\"").append(f(y))
                    .append("\" stroke=\"#e5e5e5\"/>\n");
            text(b, x0 - 8, y + 4, Quantity.of(BigDecimal.valueOf(t), Quantity.Unit.TOKENS).formatRounded(lang, 2), 11, "end", "normal");
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
        Set<String> labelled = new LinkedHashSet<>();
        for (TimePeriod p : periods()) {
            double x = LEFT + plotW * (p.position() - from) / (to - from);
            if (labelled.add(p.toString())) {
                b.append("<line x1=\"").append(f(x)).append("\" y1=\"").append(H - BOTTOM).append("\" x2=\"").append(f(x)).append("\" y2=\"")
                        .append(H - BOTTOM + 5).append("\" stroke=\"#333\"/>\n");
                text(b, x, H - BOTTOM + 20, lang == Language.ZH ? p.label(lang) : p.toString(), 11, "middle", "normal");
            }
        }
        for (int s = 0; s < points.size(); s++) {
            String color = COLORS[s % COLORS.length];
            StringBuilder path = new StringBuilder();
            for (Point p : points.get(s)) {
                double x = LEFT + plotW * (p.period.position() - from) / (to - from);
                path.append(path.length() == 0 ? "M" : " L").append(f(x)).append(',').append(f(y(p.mid)));
            }
            b.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"").append(color).append("\" stroke-width=\"2\"/>\n");
            for (Point p : points.get(s)) {
                double x = LEFT + plotW * (p.period.position() - from) / (to - from);
                if (!Double.isNaN(p.high) && p.high > p.low) {
                    b.append("<line x1=\"").append(f(x)).append("\" y1=\"").append(f(y(p.low))).append("\" x2=\"").append(f(x)).append("\" y2=\"")
                            .append(f(y(p.high))).append("\" stroke=\"").append(color).append("\" stroke-width=\"2\"/>\n");
                }
                if (Double.isNaN(p.high)) {
                    double y = y(p.low);
                    b.append("<path d=\"M").append(f(x - 6)).append(',').append(f(y - 8)).append(" L").append(f(x)).append(',').append(f(y - 18))
                            .append(" L").append(f(x + 6)).append(',').append(f(y - 8)).append("\" fill=\"").append(color).append("\"/>\n");
                }
                b.append("<circle cx=\"").append(f(x)).append("\" cy=\"").append(f(y(p.mid))).append("\" r=\"5\" fill=\"")
                        .append(p.implied ? "white" : color).append("\" stroke=\"").append(color).append("\" stroke-width=\"2\"/>\n");
                text(b, x + 9, y(p.mid) - 8, p.label, 11, "start", "normal");
            }
        }
    }

    private void bars(StringBuilder b) {
        List<TimePeriod> periods = periods();
        int plotW = W - LEFT - RIGHT;
        double groupW = (double) plotW / periods.size();
        double barW = Math.min(70, groupW * 0.7 / series.size());
        for (int g = 0; g < periods.size(); g++) {
            double cx = LEFT + groupW * (g + 0.5);
            text(b, cx, H - BOTTOM + 20, lang == Language.ZH ? periods.get(g).label(lang) : periods.get(g).describe(), 11, "middle", "normal");
            for (int s = 0; s < points.size(); s++) {
                for (Point p : points.get(s)) {
                    if (!p.period.equals(periods.get(g))) {
                        continue;
                    }
                    double x = cx - barW * series.size() / 2 + barW * s;
                    double top = y(p.mid);
                    String color = COLORS[s % COLORS.length];
                    b.append("<rect x=\"").append(f(x + 2)).append("\" y=\"").append(f(top)).append("\" width=\"").append(f(barW - 4))
                            .append("\" height=\"").append(f(H - BOTTOM - top)).append("\" fill=\"").append(p.implied ? "url(#hatch)" : color)
                            .append("\" stroke=\"").append(color).append("\" stroke-width=\"2\"/>\n");
                    text(b, x + barW / 2, top - 6, p.label, 11, "middle", "normal");
                }
            }
        }
    }

    private void legend(StringBuilder b) {
        int y = H - BOTTOM + 42;
        for (int s = 0; s < series.size(); s++) {
            String color = COLORS[s % COLORS.length];
            b.append("<rect x=\"").append(LEFT).append("\" y=\"").append(y - 10).append("\" width=\"14\" height=\"10\" fill=\"").append(color).append("\"/>\n");
            text(b, LEFT + 20, y, series.get(s).subject() + " [" + series.get(s).id() + "]", 12, "start", "normal");
            y += 17;
        }
        boolean anyImplied = false;
        for (List<Point> ps : points) {
            for (Point p : ps) {
                anyImplied |= p.implied;
            }
        }
        if (anyImplied) {
            text(b, LEFT, y, lang == Language.ZH ? "空心点 / 斜线柱: 由报道的环比变化推算的前一期数值"
                    : "Hollow points / hatched bars: previous values implied by the stated change", 11, "start", "normal");
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
        String line = (lang == Language.ZH ? "来源: " : "Source: ") + (sources.isEmpty() ? (lang == Language.ZH ? "用户数据" : "user data")
                : String.join("; ", sources)) + (facts.isEmpty() ? "" : " [" + String.join(", ", facts) + "]");
        text(b, 10, H - 10, line, 10, "start", "normal");
    }

    private static void text(StringBuilder b, double x, double y, String s, int size, String anchor, String weight) {
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
