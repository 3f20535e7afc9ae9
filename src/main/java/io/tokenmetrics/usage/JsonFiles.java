package io.tokenmetrics.usage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A large JSON Lines file read in parts on the pool's threads, as {@link CsvFiles} reads a CSV
 * file: each part by the one reader ({@link JsonRecords#part}) into a run of its own, the parts
 * added into the aggregation's run in file order ({@code Run.absorb}).
 */
final class JsonFiles {
    private static final Logger LOG = LoggerFactory.getLogger(JsonFiles.class);
    private final UsageAggregator agg;
    private final UsageAggregator.Run run;

    JsonFiles(UsageAggregator agg, UsageAggregator.Run run) {
        this.agg = agg;
        this.run = run;
    }

    /** A JSON Lines file (by its name) large enough to read in parts. */
    static boolean inParts(Inputs.Input in) throws IOException {
        String n = in.path.getFileName() == null ? "" : in.path.getFileName().toString().toLowerCase(Locale.ROOT);
        return (n.endsWith(".jsonl") || n.endsWith(".ndjson")) && Files.isRegularFile(in.path) && Files.size(in.path) >= UsageAggregator.JSON_PARTS_MIN;
    }

    /**
     * Reads a JSON Lines file in parts on the pool's threads, as CSV files are, when its first
     * line decides a source whose records stand alone (not Codex's or Gemini CLI's, whose
     * records need the lines before them). Each part keeps its own request ids (the first copy
     * counts) or held copies (the final copy counts); the parts are added in file order
     * ({@code Run.absorb}), and a part that holds an id an earlier part or input had is read
     * again against the ids counted so far, so the answer is one reader's. A record whose
     * shape names another source ({@link JsonRecords.Abort}) sends the file to one thread:
     * false is returned and nothing of the parts is kept. Bad rows are reported in file order,
     * with their lines in the file.
     */
    boolean parts(Inputs.Input in, ExecutorService pool) throws IOException {
        String name = in.name;
        try (FileChannel ch = FileChannel.open(in.path, StandardOpenOption.READ)) {
            long size = ch.size();
            UsageSource source = firstLineSource(ch, in);
            if (source == null || Profile.of(source).fileOrdered) {
                return false;
            }
            int n = (int) Math.max(agg.threadCount(), (size + UsageAggregator.MAX_CHUNK - 1) / UsageAggregator.MAX_CHUNK);
            long[] bounds = new long[n + 1];
            bounds[n] = size;
            for (int k = 1; k < n; k++) {
                bounds[k] = FileRegions.nextLine(ch, Math.max(bounds[k - 1], size * k / n), size);
            }
            List<Future<JsonRecords>> futures = new ArrayList<>();
            List<UsageAggregator.Run> runs = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                UsageAggregator.Run part = agg.new Run(true);
                part.fileRank = run.fileRank;
                runs.add(part);
                int index = k;
                futures.add(pool.submit(() -> readPart(ch, bounds, index, part, in, source)));
            }
            List<JsonRecords> parts = new ArrayList<>();
            boolean abort = false;
            for (Future<JsonRecords> f : futures) {
                try {
                    parts.add(f.get());
                } catch (ExecutionException ex) {
                    if (!(ex.getCause() instanceof JsonRecords.Abort)) {
                        throw run.rethrow(ex);
                    }
                    abort = true;
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    throw new UsageLogException(name, 0, "interrupted");
                }
            }
            if (abort) {
                LOG.debug("{} has records of another source: reading it with one thread", name);
                return false;
            }
            // a part's last line cut short is the file's last only if no later part holds a line that is not blank
            boolean[] later = new boolean[n];
            for (int k = n - 2; k >= 0; k--) {
                later[k] = later[k + 1] || parts.get(k + 1).nonBlankLines() > 0;
            }
            for (int k = 0; k < n; k++) {
                settleCut(parts.get(k), runs.get(k), later[k]);
            }
            long lineOffset = 0;
            for (int k = 0; k < n; k++) {
                JsonRecords r = parts.get(k);
                if (!agg.skipsBad() && r.firstBadLine >= 0) {
                    throw new UsageLogException(name, lineOffset + r.firstBadLine, r.firstBadMessage);
                }
                lineOffset += r.lines;
            }
            lineOffset = 0;
            for (int k = 0; k < n; k++) {
                JsonRecords r = parts.get(k);
                UsageAggregator.Run part = runs.get(k);
                if (run.seen.containsAny(part.seen)) {
                    // an id that an earlier part or input had: read the part again against the ids counted so far
                    part = agg.new Run(true, run.seen);
                    part.fileRank = run.fileRank;
                    r = readPart(ch, bounds, k, part, in, source);
                    settleCut(r, part, later[k]);
                } else {
                    run.seen.addAll(part.seen);
                }
                run.absorb(part, r.problems, lineOffset, name);
                lineOffset += r.lines;
            }
            run.sources.add(name + ": " + source.id());
            run.kinds.add(source);
            run.filesInParts++;
            return true;
        }
    }

    /** A part's pending cut line: a bad row when a later part holds a line, else the file's incomplete last line. */
    private static void settleCut(JsonRecords r, UsageAggregator.Run part, boolean later) {
        if (r.pendingCut < 0) {
            return;
        }
        if (later) {
            r.bad(r.pendingCut, null, "malformed JSON", r.pendingCutMessage);
        } else {
            part.incompleteLastLines++;
        }
        r.pendingCut = -1;
    }

    /** Part {@code k} of a file cut at {@code bounds}, read into {@code part}. */
    private JsonRecords readPart(FileChannel ch, long[] bounds, int k, UsageAggregator.Run part, Inputs.Input in, UsageSource source) throws IOException {
        JsonRecords r = JsonRecords.part(agg, part, in.name, in.project, source, bounds[k], bounds[k + 1] == bounds[bounds.length - 1]);
        r.read(new FileRegions.SrcInputStream(FileRegions.region(ch, bounds[k], bounds[k + 1], in.name)));
        return r;
    }

    /** The flat source that the file's first line decides, or null (a document, an undecided or bad first line). */
    private UsageSource firstLineSource(FileChannel ch, Inputs.Input in) throws IOException {
        ByteBuffer first = ByteBuffer.allocate((int) Math.min(ch.size(), 1 << 20));
        while (first.hasRemaining() && ch.read(first, first.position()) > 0) {
            // fill
        }
        byte[] b = first.array();
        int nl = 0;
        while (nl < first.position() && b[nl] != '\n') {
            nl++;
        }
        if (nl == first.position()) {
            return null;
        }
        try {
            JsonRecords probe = new JsonRecords(agg, agg.new Run(true), in.name, in.project);
            probe.read(new java.io.ByteArrayInputStream(b, 0, nl + 1));
            return probe.flatSource();
        } catch (UsageLogException e) {
            return null;
        }
    }

}
