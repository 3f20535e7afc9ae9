package io.tokenmetrics.cli;

import io.tokenmetrics.data.Dataset;
import io.tokenmetrics.data.Series;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "chart", mixinStandardHelpOptions = true, versionProvider = Commands.Version.class,
        description = "Draw series as an SVG chart: a line chart over time (log scale when values span orders of magnitude),"
                + " or grouped bars with --bars (values are labelled where they fit).")
final class ChartCommand extends Commands.Base {
    @Parameters(paramLabel = "SERIES", arity = "1..*", description = "series ids")
    List<String> ids = new ArrayList<>();

    @Option(names = "--out", paramLabel = "FILE.svg", description = "the SVG file to write (default: standard output, the SVG alone)")
    Path out;

    @Option(names = "--bars", description = "grouped bars instead of lines")
    boolean bars;

    @Override
    Doc build(Dataset data) {
        List<Series> series = new ArrayList<>();
        for (String id : ids) {
            series.add(data.series(id));
        }
        SvgChart chart = new SvgChart(series, lang(), bars);
        String svg = chart.render();
        // a series whose observations carry no value (a model that dropped off a ranking) is in the
        // legend but not on the plot: say so rather than leave the reader to wonder
        for (Series s : series) {
            if (chart.pointsOf(s.id()) == 0) {
                err().println("token-metrics: " + io.tokenmetrics.internal.Messages.get(lang(), "chart.novalues", s.id(),
                        s.observations().size()));
            }
        }
        if (out == null) {
            Doc doc = new Doc("chart");
            doc.raw = svg;
            return doc;
        }
        try (Writer w = new OutputStreamWriter(Files.newOutputStream(out), StandardCharsets.UTF_8)) {
            w.write(svg);
        } catch (IOException e) {
            throw new CliException(Main.DATA_ERROR, "cannot write " + out + ": " + io.tokenmetrics.internal.IoErrors.reason(e), e);
        }
        Doc doc = new Doc("chart");
        doc.table("chart", "file", "kind", "scale", "series", "points")
                .row(Cell.text(out), Cell.text(chart.kind()), Cell.text(chart.scale()), Cell.text(String.join(" ", ids)),
                        Cell.text(chart.points()));
        // the status goes to standard error, so that --out /dev/stdout holds the SVG alone
        err().println("token-metrics: " + io.tokenmetrics.internal.Messages.get(lang(), "chart.wrote", out, chart.kind(),
                chart.scale(), chart.points()));
        doc.text = "";
        return doc;
    }
}
