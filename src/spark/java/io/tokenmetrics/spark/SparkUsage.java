package io.tokenmetrics.spark;

import io.tokenmetrics.usage.UsageAggregator;
import io.tokenmetrics.usage.UsageLogException;
import io.tokenmetrics.usage.UsagePartitions;
import io.tokenmetrics.usage.UsageResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Objects;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;

/**
 * The usage aggregation on Apache Spark: the same source profiles, periods, time zone,
 * dimensions, checks and de-duplication by request id as {@link UsageAggregator}, run on the
 * executors through {@link UsagePartitions}, with the same {@link UsageResult} on the driver.
 * Also the {@code spark-submit} entry point ({@link #main}), which takes the {@code usage}
 * command's arguments and prints its output. See {@code docs/spark.md}.
 */
public final class SparkUsage {
    private static final String CORRUPT = "_corrupt_record";

    private SparkUsage() {
    }

    /**
     * Aggregates the rows of a Spark Dataset. Nested structs are read as dotted names
     * ({@code message.usage.input_tokens}), as in a JSON record; arrays and maps are left out, as
     * the JSON reader on one machine skips them. Values are read as their text: read CSV without
     * schema inference and JSON with {@code primitivesAsString}, so that every number is read
     * exactly as written.
     *
     * @param aggregator the period, zone, dimensions, source, mapping and bad-row policy
     * @param rows the rows
     * @param json whether the rows came from JSON records (a missing field is then "no X field")
     * @param name what the rows are called in messages
     * @return the result, as {@link UsageAggregator} gives it for the same rows in one file
     * @throws UsageLogException when the columns fit no source, for the first bad row unless bad
     *     rows are skipped, or for a sum past 2^63 − 1
     * @throws IllegalArgumentException for OTLP files and usage export pages, whose records lie
     *     inside arrays
     */
    public static UsageResult aggregate(UsageAggregator aggregator, Dataset<Row> rows, boolean json, String name) {
        return aggregate(aggregator, rows, json, name, Collections.<String, Long>emptyMap());
    }

    /**
     * {@link #aggregate(UsageAggregator, Dataset, boolean, String)} with each file's rank among
     * the inputs (by its path), for the rows' places in the input: of two copies of one Claude
     * Code response with the same output, the later one in the input is kept, as on one machine.
     */
    private static UsageResult aggregate(UsageAggregator aggregator, Dataset<Row> rows, boolean json, String name, Map<String, Long> ranks) {
        Objects.requireNonNull(aggregator, "aggregator");
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(name, "name");
        for (StructField f : rows.schema().fields()) {
            String n = f.name().toLowerCase(Locale.ROOT);
            if (n.equals("resourcespans") || (n.equals("data") || n.equals("results")) && f.dataType() instanceof ArrayType) {
                // their records are inside arrays, which rows do not reach: refused, never read as no usage at all
                throw new IllegalArgumentException(name + ": the records are " + (n.equals("resourcespans") ? "OTLP files (resourceSpans)"
                        : "usage export pages (" + f.name() + "[])") + ", documents whose records lie inside arrays: aggregate them"
                        + " with the usage command on one machine, or give Spark one row per record");
            }
        }
        Dataset<Row> flat = flatten(rows);
        List<String> columns = new ArrayList<>(Arrays.asList(flat.columns()));
        // Spark's JSON reader puts a line that is not a JSON object in _corrupt_record: a bad row, as on one machine
        boolean corrupt = columns.remove(CORRUPT);
        if (corrupt) {
            List<Column> order = new ArrayList<>();
            for (String c : columns) {
                order.add(functions.col("`" + c.replace("`", "``") + "`"));
            }
            order.add(functions.col(CORRUPT));
            flat = flat.select(order.toArray(new Column[0]));
        }
        UsagePartitions.Plan plan = UsagePartitions.plan(aggregator, columns, json, name);
        List<Integer> ids = plan.idColumns();
        int width = columns.size();
        boolean hasCorrupt = corrupt;
        int project = columns.indexOf(UsagePartitions.PROJECT_COLUMN);
        return run(plan, flat.javaRDD(), r -> {
            Object file = project >= 0 ? r.get(project) : null;
            Long rank = file == null ? null : ranks.get(java.net.URI.create(file.toString()).getPath());
            return rank == null ? 0 : rank;
        }, (p, r, seq) -> {
            Object file = project >= 0 ? r.get(project) : null;
            Long rank = file == null ? null : ranks.get(java.net.URI.create(file.toString()).getPath());
            if (hasCorrupt && r.get(width) != null) {
                p.malformed("Spark could not read the line as a JSON object", r.get(width).toString(), rank == null ? 0 : rank, seq);
            } else {
                p.add(values(r, width, project), rank == null ? 0 : rank, seq);
            }
        }, (probe, r) -> {
            if (hasCorrupt && r.get(width) != null) {
                return null;
            }
            String[] v = values(r, width, project);
            return probe.check(v) ? idKey(v, ids) : null;
        }, r -> true, !ids.isEmpty());
    }

    /** Whether a JSON line holds an array (after spaces and a byte-order mark): the records of its elements. */
    static boolean holdsArray(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != ' ' && c != '\t' && c != '\uFEFF') {
                return c == '[';
            }
        }
        return false;
    }

    /** The rank of a record's file among the inputs, in the order one machine reads them (0 when unknown). */
    interface RankOf<T> extends java.io.Serializable {
        long rank(T record);
    }

    /** How a worker adds one record to its part; {@code seq} increases with the record's place in its partition, and partitions in order. */
    interface Adder<T> extends java.io.Serializable {
        void add(UsagePartitions.Part part, T record, long seq);
    }

    /** Whether a record is a line the parts see (not blank): which line is a file's last. */
    interface Visible<T> extends java.io.Serializable {
        boolean test(T record);
    }

    /**
     * A JSON line, or one record of a line holding an array, or that line's bad elements: a line
     * holding an array is read once, where it is, and travels as its records.
     */
    static final class JsonUnit implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        final String file;
        /** The whole line, read where the unit is added; null for a record or problems. */
        final String line;
        final String[] values;
        final String[][] problems;

        JsonUnit(String file, String line, String[] values, String[][] problems) {
            this.file = file;
            this.line = line;
            this.values = values;
            this.problems = problems;
        }
    }

    /** A good record's request id (null: none, or a bad record), checked with a part that keeps nothing. */
    interface IdOf<T> extends java.io.Serializable {
        String id(UsagePartitions.Part probe, T record);
    }

    /**
     * The records in parts, one per partition, merged on the driver. With ids, a request id counts
     * once: among the good records, the first in the input's order (Spark's partition order).
     */
    private static <T> UsageResult run(UsagePartitions.Plan plan, JavaRDD<T> records, RankOf<T> rankOf, Adder<T> adder, IdOf<T> idOf,
            Visible<T> visible, boolean ids) {
        if (!ids) {
            List<UsagePartitions.Part> parts = records.mapPartitionsWithIndex((index, it) -> {
                UsagePartitions.Part p = plan.newPart("spark partition " + index);
                long seq = (long) index << 40;
                while (it.hasNext()) {
                    adder.add(p, it.next(), seq++);
                }
                return Collections.singletonList(p.seal()).iterator();
            }, true).collect();
            return UsagePartitions.merge(plan, parts, 0);
        }
        JavaPairRDD<String, Tuple2<Long, T>> keyed = records.zipWithIndex().mapPartitions(it -> {
            UsagePartitions.Part probe = plan.newPart("check");
            List<Tuple2<String, Tuple2<Long, T>>> out = new ArrayList<>();
            while (it.hasNext()) {
                Tuple2<T, Long> t = it.next();
                String key = idOf.id(probe, t._1());
                // the record's place in the input as one machine reads it: its file's rank, then its
                // row (a file's rows keep their order in Spark's index); 2^40 rows and 2^23 files at most
                long order = rankOf.rank(t._1()) * (1L << 40) + t._2();
                // records without an id, and bad ones, are keys of their own: never dropped
                out.add(new Tuple2<>(key != null ? "i" + key : "n" + t._2(), new Tuple2<>(order, t._1())));
            }
            return out.iterator();
        }).mapToPair(t -> t);
        // the input is read once: the count and the de-duplication below both take the keyed rows from here
        keyed.persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
        long all = keyed.count();
        JavaRDD<Tuple2<Long, T>> kept = keyed.reduceByKey((a, b) -> a._1() <= b._1() ? a : b).values()
                .sortBy(Tuple2::_1, true, Math.max(1, records.getNumPartitions()));
        List<UsagePartitions.Part> parts = kept.mapPartitionsWithIndex((index, it) -> {
            UsagePartitions.Part p = plan.newPart("spark partition " + index);
            while (it.hasNext()) {
                Tuple2<Long, T> t = it.next();
                adder.add(p, t._2(), t._1());
            }
            return Collections.singletonList(p.seal()).iterator();
        }, true).collect();
        long duplicates = all - kept.count();
        // each file's last line that is not blank, among all lines, repeats included: a line cut short
        // and followed only by repeats of earlier ids is not its file's last (on one machine it is a bad row)
        Map<Long, Long> lastLines = new java.util.HashMap<>(keyed.values().filter(t -> visible.test(t._2()))
                .mapToPair(t -> new Tuple2<>(t._1() >> 40, t._1())).reduceByKey(Math::max).collectAsMap());
        keyed.unpersist(false);
        return UsagePartitions.merge(plan, parts, duplicates, lastLines);
    }

    /**
     * Aggregates files read where they lie (local paths, {@code hdfs://},
     * {@code s3a://}…): {@code .csv} with a header, {@code .json}, {@code .jsonl} and
     * {@code .ndjson} as JSON Lines, each also {@code .gz}. All inputs must be of one kind. A
     * directory stands for its files of those kinds, recursively, in path order, as on one machine.
     *
     * @param aggregator the aggregation's settings
     * @param spark the session
     * @param inputs files, globs or directories
     * @return the result
     * @throws UsageLogException as {@link #aggregate(UsageAggregator, Dataset, boolean, String)}
     * @throws IllegalArgumentException for inputs of mixed or unknown kinds
     */
    public static UsageResult aggregate(UsageAggregator aggregator, SparkSession spark, List<String> inputs) {
        Objects.requireNonNull(aggregator, "aggregator");
        Objects.requireNonNull(spark, "spark");
        Objects.requireNonNull(inputs, "paths");
        // directories as on one machine: their files, recursively, in path order
        List<String> paths = files(spark, inputs);
        boolean json = false;
        boolean csv = false;
        for (String p : paths) {
            String l = p.toLowerCase(Locale.ROOT).replaceAll("\\.gz$", "");
            json |= l.endsWith(".json") || l.endsWith(".jsonl") || l.endsWith(".ndjson");
            csv |= l.endsWith(".csv");
            if (!l.endsWith(".json") && !l.endsWith(".jsonl") && !l.endsWith(".ndjson") && !l.endsWith(".csv")) {
                throw new IllegalArgumentException("input (" + p + ") must end in .csv, .json, .jsonl or .ndjson (each also .gz) for Spark's readers");
            }
        }
        if (json && csv) {
            throw new IllegalArgumentException("inputs (" + String.join(", ", paths) + ") mix CSV and JSON: aggregate them apart");
        }
        String[] p = paths.toArray(new String[0]);
        String name = String.join(", ", paths);
        if (json) {
            // JSON Lines as lines, each read on its worker by the reader one machine uses (the same
            // scanner, the same value text, the same checks), with its file for the project and the rank
            UsagePartitions.Plan plan = UsagePartitions.planJsonLines(aggregator, firstLines(spark, paths), name);
            List<Integer> ids = plan.idColumns();
            Map<String, Long> ranks = fileRanks(spark, paths);
            JavaRDD<Row> lines = spark.read().text(p).withColumn("file", functions.input_file_name()).javaRDD();
            if (ids.isEmpty()) {
                return run(plan, lines, r -> rank(ranks, r.getString(1)), (part, r, seq) -> {
                    part.addJsonLine(r.getString(0), java.net.URI.create(r.getString(1)).getPath(), rank(ranks, r.getString(1)), seq);
                }, (probe, r) -> null, r -> true, false);
            }
            // with ids, a line holding an array of records is read once, here, into a unit per record
            // (and one for its bad elements), so that each record's id is kept once as on one machine;
            // other lines are units of their own, read where their unit is
            JavaRDD<JsonUnit> units = lines.mapPartitions(it -> {
                UsagePartitions.Part probe = plan.newPart("check");
                List<JsonUnit> out = new ArrayList<>();
                while (it.hasNext()) {
                    Row r = it.next();
                    String text = r.getString(0);
                    List<String[]> records = holdsArray(text) ? probe.jsonRecords(text, java.net.URI.create(r.getString(1)).getPath()) : null;
                    if (records == null) {
                        out.add(new JsonUnit(r.getString(1), text, null, null));
                        continue;
                    }
                    for (String[] v : records) {
                        out.add(new JsonUnit(r.getString(1), null, v, null));
                    }
                    List<String[]> problems = probe.jsonProblems();
                    if (!problems.isEmpty()) {
                        out.add(new JsonUnit(r.getString(1), null, null, problems.toArray(new String[0][])));
                    }
                }
                return out.iterator();
            });
            return run(plan, units, u -> rank(ranks, u.file), (part, u, seq) -> {
                long rank = rank(ranks, u.file);
                if (u.line != null) {
                    part.addJsonLine(u.line, java.net.URI.create(u.file).getPath(), rank, seq);
                } else if (u.values != null) {
                    part.add(u.values, rank, seq);
                } else {
                    part.addProblems(Arrays.asList(u.problems), rank, seq);
                }
            }, (probe, u) -> {
                String[] record = u.values;
                if (u.line != null) {
                    List<String[]> v = probe.jsonRecords(u.line, java.net.URI.create(u.file).getPath());
                    record = v != null && v.size() == 1 && probe.jsonProblems().isEmpty() ? v.get(0) : null;
                }
                return record != null && probe.check(record) ? idKey(record, ids) : null;
            }, u -> u.line == null || !u.line.trim().isEmpty(), true);
        }
        // CSV as lines split by our own rules: Spark's CSV reader fills a short row with nulls and
        // drops a long row's extra fields, where a row of the wrong width is a bad row
        String header = header(spark, paths);
        // the header read as on one machine (names trimmed)
        List<String> columns = UsagePartitions.csvHeader(header);
        UsagePartitions.Plan plan = UsagePartitions.plan(aggregator, columns, false, name);
        List<Integer> ids = plan.idColumns();
        Map<String, Long> ranks = fileRanks(spark, paths);
        // each line with its file, for the file's rank: which copy of a request id comes first
        JavaRDD<Row> lines = spark.read().text(p).withColumn("file", functions.input_file_name()).javaRDD();
        return run(plan, lines, r -> rank(ranks, r.getString(1)), (part, r, seq) -> {
            String line = r.getString(0);
            if (!isHeader(line, header)) {
                part.addCsvLine(line);
            }
        }, (probe, r) -> {
            String line = r.getString(0);
            if (isHeader(line, header)) {
                return null;
            }
            List<String> f = new ArrayList<>();
            String t = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            if (t.isEmpty() || UsagePartitions.csvFields(t, f) != null) {
                return null;
            }
            String[] v = f.toArray(new String[0]);
            return probe.check(v) ? idKey(v, ids) : null;
        }, r -> true, !ids.isEmpty());
    }

    /**
     * The inputs with each directory replaced by its log files (.csv, .json, .jsonl, .ndjson, each
     * also .gz), recursively, in path order, as one machine reads a directory; a file or a glob as
     * it is.
     */
    static List<String> files(SparkSession spark, List<String> inputs) {
        org.apache.hadoop.conf.Configuration conf = spark.sparkContext().hadoopConfiguration();
        List<String> out = new ArrayList<>();
        try {
            for (String in : inputs) {
                org.apache.hadoop.fs.Path hp = new org.apache.hadoop.fs.Path(in);
                org.apache.hadoop.fs.FileSystem fs = hp.getFileSystem(conf);
                if (!fs.exists(hp) || !fs.getFileStatus(hp).isDirectory()) {
                    out.add(in);
                    continue;
                }
                List<String> found = new ArrayList<>();
                org.apache.hadoop.fs.RemoteIterator<org.apache.hadoop.fs.LocatedFileStatus> it = fs.listFiles(hp, true);
                while (it.hasNext()) {
                    String f = it.next().getPath().toString();
                    String l = f.toLowerCase(Locale.ROOT).replaceAll("\\.gz$", "");
                    if (l.endsWith(".csv") || l.endsWith(".json") || l.endsWith(".jsonl") || l.endsWith(".ndjson")) {
                        found.add(f);
                    }
                }
                if (found.isEmpty()) {
                    throw new UsageLogException(in, 0, "the directory holds no .csv, .json, .jsonl or .ndjson file");
                }
                Collections.sort(found);
                out.addAll(found);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }

    /**
     * Each input file's rank in the order one machine reads them (the paths in the order given, a
     * glob's matches in path order), by its path: the files' order, which Spark's partitions do
     * not keep (they are packed largest first).
     */
    static Map<String, Long> fileRanks(SparkSession spark, List<String> paths) {
        org.apache.hadoop.conf.Configuration conf = spark.sparkContext().hadoopConfiguration();
        Map<String, Long> ranks = new java.util.HashMap<>();
        long rank = 0;
        try {
            for (String p : paths) {
                org.apache.hadoop.fs.Path hp = new org.apache.hadoop.fs.Path(p);
                org.apache.hadoop.fs.FileStatus[] found = hp.getFileSystem(conf).globStatus(hp);
                if (found == null) {
                    continue;
                }
                List<String> files = new ArrayList<>();
                for (org.apache.hadoop.fs.FileStatus st : found) {
                    files.add(st.getPath().toUri().getPath());
                }
                Collections.sort(files);
                for (String f : files) {
                    ranks.putIfAbsent(f, ++rank);
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return ranks;
    }

    private static boolean isHeader(String line, String header) {
        String t = line.startsWith("\uFEFF") ? line.substring(1) : line;
        t = t.endsWith("\r") ? t.substring(0, t.length() - 1) : t;
        return t.equals(header);
    }

    /** The rank among the inputs of the file a line came from ({@code input_file_name()}'s URI); 0 when unknown. */
    static long rank(Map<String, Long> ranks, String fileUri) {
        Long rank = ranks.get(java.net.URI.create(fileUri).getPath());
        return rank == null ? 0 : rank;
    }

    /** What the driver reads from the start of one input file: null to go on to the next file, else the answer. */
    interface FileStart<T> {
        T read(String path, java.io.BufferedReader lines) throws java.io.IOException;
    }

    /**
     * Opens the inputs one file at a time on the driver (globs expanded, compressed files
     * decompressed by their codec) until {@code start} answers; null when no file did.
     */
    static <T> T eachFile(SparkSession spark, List<String> paths, FileStart<T> start) {
        org.apache.hadoop.conf.Configuration conf = spark.sparkContext().hadoopConfiguration();
        org.apache.hadoop.io.compress.CompressionCodecFactory codecs = new org.apache.hadoop.io.compress.CompressionCodecFactory(conf);
        try {
            for (String p : paths) {
                org.apache.hadoop.fs.Path hp = new org.apache.hadoop.fs.Path(p);
                org.apache.hadoop.fs.FileSystem fs = hp.getFileSystem(conf);
                org.apache.hadoop.fs.FileStatus[] found = fs.globStatus(hp);
                if (found == null || found.length == 0) {
                    throw new UsageLogException(p, 0, "no such file");
                }
                for (org.apache.hadoop.fs.FileStatus st : found) {
                    org.apache.hadoop.io.compress.CompressionCodec codec = codecs.getCodec(st.getPath());
                    try (java.io.InputStream raw = fs.open(st.getPath());
                            java.io.BufferedReader r = new java.io.BufferedReader(new java.io.InputStreamReader(
                                    codec == null ? raw : codec.createInputStream(raw), java.nio.charset.StandardCharsets.UTF_8))) {
                        T answer = start.read(st.getPath().toString(), r);
                        if (answer != null) {
                            return answer;
                        }
                    }
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return null;
    }

    /** The header all the CSV inputs share, read from each file's first line on the driver. */
    static String header(SparkSession spark, List<String> paths) {
        String[] seen = new String[2];
        eachFile(spark, paths, (path, r) -> {
            String h = r.readLine();
            if (h == null) {
                throw new UsageLogException(path, 0, "the file is empty: a CSV usage log needs a header row");
            }
            h = h.startsWith("\uFEFF") ? h.substring(1) : h;
            h = h.endsWith("\r") ? h.substring(0, h.length() - 1) : h;
            if (seen[0] == null) {
                seen[0] = h;
                seen[1] = path;
            } else if (!seen[0].equals(h)) {
                throw new UsageLogException(path, 1, "its header differs from that of " + seen[1]
                        + ": on Spark the CSV inputs of one aggregation share one header");
            }
            return null;
        });
        return seen[0];
    }

    /** The first hundred lines of the first input that holds a line that is not blank (a byte-order mark dropped): what decides the source of JSON Lines. */
    static List<String> firstLines(SparkSession spark, List<String> paths) {
        List<String> first = eachFile(spark, paths, (path, r) -> {
            List<String> lines = new ArrayList<>();
            boolean any = false;
            String l;
            while (lines.size() < 100 && (l = r.readLine()) != null) {
                l = lines.isEmpty() && l.startsWith("\uFEFF") ? l.substring(1) : l;
                lines.add(l);
                any |= !l.trim().isEmpty();
            }
            return any ? lines : null;
        });
        if (first == null) {
            throw new UsageLogException(String.join(", ", paths), 0, "the files hold no record: every one is empty");
        }
        return first;
    }

    /** Nested structs as dotted columns; arrays and maps left out. */
    static Dataset<Row> flatten(Dataset<Row> rows) {
        List<Column> cols = new ArrayList<>();
        for (StructField f : rows.schema().fields()) {
            flatten(f, "`" + f.name().replace("`", "``") + "`", f.name(), cols);
        }
        return rows.select(cols.toArray(new Column[0]));
    }

    private static void flatten(StructField f, String ref, String name, List<Column> cols) {
        if (f.dataType() instanceof StructType) {
            for (StructField c : ((StructType) f.dataType()).fields()) {
                flatten(c, ref + ".`" + c.name().replace("`", "``") + "`", name + "." + c.name(), cols);
            }
        } else if (!(f.dataType() instanceof ArrayType) && !(f.dataType() instanceof MapType) || name.equals(CORRUPT)) {
            cols.add(functions.col(ref).alias(name));
        }
    }

    /**
     * A row's values as text: numbers as written, timestamps as ISO-8601 instants, and in column
     * {@code project} (-1: none) the directory of the file URI that Spark gives.
     */
    static String[] values(Row r, int width, int project) {
        String[] v = new String[width];
        for (int i = 0; i < width; i++) {
            Object o = r.get(i);
            if (o == null) {
                v[i] = null;
            } else if (o instanceof java.sql.Timestamp) {
                v[i] = ((java.sql.Timestamp) o).toInstant().toString();
            } else if (o instanceof java.time.Instant) {
                v[i] = o.toString();
            } else if (o instanceof java.math.BigDecimal) {
                v[i] = ((java.math.BigDecimal) o).toPlainString();
            } else {
                v[i] = o.toString();
            }
        }
        if (project >= 0 && v[project] != null) {
            // as on one machine: the name of the directory the file lies in
            v[project] = UsagePartitions.projectOf(java.net.URI.create(v[project]).getPath());
        }
        return v;
    }

    private static String idKey(String[] v, List<Integer> ids) {
        StringBuilder k = new StringBuilder();
        for (int c : ids) {
            if (v[c] == null || v[c].isEmpty()) {
                return null;
            }
            k.append(v[c]).append('\u0000');
        }
        return k.toString();
    }

    /**
     * The {@code spark-submit} entry point: {@code usage}'s arguments and output (text, csv or
     * json, {@code --save}, prices), the aggregation on Spark. {@code --master URL} sets the
     * master; without it, the one spark-submit gives, else {@code local[*]}.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        String master = null;
        int m = rest.indexOf("--master");
        if (m >= 0) {
            if (m + 1 >= rest.size()) {
                System.err.println("token-metrics: --master needs a value (local[2], yarn, k8s://…)");
                System.exit(2);
            }
            master = rest.get(m + 1);
            rest.remove(m + 1);
            rest.remove(m);
        }
        SparkSession.Builder b = SparkSession.builder().appName("token-metrics usage");
        if (master != null) {
            b.master(master);
        } else if (!new org.apache.spark.SparkConf().contains("spark.master")) {
            b.master("local[*]");
        }
        int code;
        // stop() rather than try-with-resources: Spark 4's close() declares IOException, 3.5's does not
        SparkSession spark = b.getOrCreate();
        try {
            // Spark's own INFO lines would bury the command's messages on standard error
            spark.sparkContext().setLogLevel("WARN");
            code = run(spark, rest.toArray(new String[0]), System.out, System.err);
        } finally {
            spark.stop();
        }
        System.exit(code);
    }

    /**
     * The {@code usage} command on this session: its arguments, output and exit codes.
     *
     * @param spark the session
     * @param args the arguments after {@code usage}, without {@code --master}
     * @param out where to write
     * @param err where to write errors
     * @return the exit code
     */
    public static int run(SparkSession spark, String[] args, java.io.PrintStream out, java.io.PrintStream err) {
        Objects.requireNonNull(spark, "spark");
        return io.tokenmetrics.cli.Main.runUsage(args, (aggregator, inputs) -> {
            try {
                return aggregate(aggregator, spark, inputs);
            } catch (Exception e) {
                throw failure(e, String.join(", ", inputs));
            }
        }, out, err);
    }

    /**
     * A failure of a Spark job as one line, like the command's: the bad row or the I/O error a task
     * met (Spark wraps it in its own exception with the task's trace), else the root cause's first
     * line. Never a trace.
     */
    static RuntimeException failure(Exception e, String inputs) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UsageLogException || t instanceof IllegalArgumentException || t instanceof java.io.UncheckedIOException) {
                return (RuntimeException) t;
            }
        }
        if (e instanceof RuntimeException && !e.getClass().getName().startsWith("org.apache.spark")) {
            return (RuntimeException) e;
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String m = String.valueOf(root.getMessage());
        return new UsageLogException(inputs, 0, "the Spark job failed: " + (m.contains("\n") ? m.substring(0, m.indexOf('\n')) : m));
    }
}
