package io.tokenmetrics.cli;

import io.tokenmetrics.data.Dataset;
import io.tokenmetrics.period.PeriodType;
import io.tokenmetrics.usage.UsageAggregator;
import io.tokenmetrics.usage.UsageField;
import io.tokenmetrics.usage.UsageGroup;
import io.tokenmetrics.usage.UsageResult;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "usage", mixinStandardHelpOptions = true, versionProvider = Commands.Version.class,
        description = "Aggregate request-level usage logs (CSV or JSON Lines) by period and dimensions.")
final class UsageCommand extends Commands.Base {
    @Parameters(paramLabel = "FILE", arity = "1..*", description = "usage logs: .csv, or .jsonl/.ndjson/.json for JSON Lines")
    List<Path> files = new ArrayList<>();

    @Option(names = "--by", split = ",", paramLabel = "DIM", description = "dimensions to group by, such as model,region")
    List<String> by = new ArrayList<>();

    @Option(names = "--period", defaultValue = "week", paramLabel = "PERIOD", description = "day, week (ISO) or month (default: ${DEFAULT-VALUE})")
    String period;

    @Option(names = "--zone", defaultValue = "UTC", paramLabel = "ZONE", description = "time zone periods are cut in (default: ${DEFAULT-VALUE})")
    String zone;

    @Option(names = "--map", paramLabel = "FIELD=COLUMN", description = "read a field (timestamp, input, output, cached, reasoning, total) from another column")
    Map<String, String> map = new java.util.LinkedHashMap<>();

    @Option(names = "--skip-bad", description = "skip bad rows, counting and reporting them, instead of stopping at the first")
    boolean skipBad;

    @Option(names = "--threads", paramLabel = "N", description = "threads for CSV files (default: the number of cores)")
    Integer threads;

    @Option(names = "--save", paramLabel = "FILE", description = "write the series as a dataset that --data reads")
    Path save;

    @Override
    Doc build(Dataset data) {
        UsageAggregator.Builder b = UsageAggregator.builder().by(by).skipBad(skipBad);
        switch (period.toLowerCase(Locale.ROOT)) {
            case "day": b.period(PeriodType.DAY); break;
            case "week": b.period(PeriodType.WEEK); break;
            case "month": b.period(PeriodType.MONTH); break;
            default: throw new CliException(Main.USAGE_ERROR, "--period (" + period + ") must be day, week or month", null);
        }
        try {
            b.zone(ZoneId.of(zone));
        } catch (DateTimeException e) {
            throw new CliException(Main.USAGE_ERROR, "--zone (" + zone + ") is not a time zone: " + e.getMessage(), e);
        }
        for (Map.Entry<String, String> m : map.entrySet()) {
            b.map(UsageField.fromName(m.getKey()), m.getValue());
        }
        if (threads != null) {
            b.threads(threads);
        }
        UsageResult r = b.build().aggregate(files);
        Doc doc = new Doc("usage");
        List<String> cols = new ArrayList<>();
        cols.add("period_start");
        cols.add("period_end");
        cols.addAll(by);
        cols.add("requests");
        cols.add("input_tokens");
        cols.add("output_tokens");
        cols.add("total_tokens");
        Table t = doc.table("usage", cols.toArray(new String[0]));
        for (UsageGroup g : r.groups()) {
            List<Cell> row = new ArrayList<>();
            row.add(Cell.text(g.period().start()));
            row.add(Cell.text(g.period().end()));
            for (String d : g.dimensions()) {
                row.add(Cell.text(d));
            }
            row.add(Cell.text(g.requests()));
            row.add(Cell.text(g.inputTokens()));
            row.add(Cell.text(g.outputTokens()));
            row.add(Cell.text(g.totalTokens()));
            t.row(row.toArray(new Cell[0]));
        }
        String summary = r.rows() + " rows in " + r.groups().size() + " groups" + (r.blankLines() > 0 ? ", " + r.blankLines() + " blank lines ignored" : "")
                + (r.skipped() > 0 ? "; skipped " + r.skipped() + " bad rows " + r.skippedByReason() + ", first: " + String.join("; ", r.firstSkipped()) : "");
        doc.notes.add(summary);
        if (r.skipped() > 0 && common.format == Format.CSV) {
            spec.commandLine().getErr().println("token-metrics: " + summary);
        }
        if (save != null) {
            try (OutputStream out = Files.newOutputStream(save)) {
                r.toDataset("usage").write(out);
            } catch (IOException e) {
                throw new CliException(Main.DATA_ERROR, "cannot write " + save + ": " + e.getMessage(), e);
            }
            doc.notes.add("saved " + save);
        }
        return doc;
    }
}
