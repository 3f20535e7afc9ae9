package io.tokenmetrics.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Series, their sources and stated claims: the bundled published figures ({@link #bundled()})
 * or a file in the same JSON format ({@link #read(Path)}). Immutable and thread-safe: one
 * instance may serve any number of threads.
 */
public final class Dataset {
    private static final String BUNDLED = "/io/tokenmetrics/data/published-figures.json";

    /** The series as given; what {@link #write} writes and {@link #merge} combines. */
    private final Map<String, Series> given;
    /** The series with aliases folded in: what every lookup sees. */
    private final Map<String, Series> series;
    private final Map<String, String> aliasOf;
    private final Map<String, Source> sources;
    private final Map<String, Claim> claims;

    private Dataset(Map<String, Series> given, Map<String, Source> sources, Map<String, Claim> claims) {
        this.given = Collections.unmodifiableMap(given);
        Map<String, String> aliases = new LinkedHashMap<>();
        this.series = Collections.unmodifiableMap(Aliases.resolve(given, aliases));
        this.aliasOf = Collections.unmodifiableMap(aliases);
        this.sources = Collections.unmodifiableMap(sources);
        this.claims = Collections.unmodifiableMap(claims);
    }

    /** The series as given, before aliases are folded in: for writing a dataset back. */
    List<Series> givenSeries() {
        return new ArrayList<>(given.values());
    }

    /**
     * A dataset of these series, sources and claims.
     *
     * @param series the series
     * @param sources the sources
     * @param claims the claims
     * @return a dataset of these series, sources and claims
     * @throws IllegalArgumentException if two series, sources or claims share an id
     */
    public static Dataset of(Collection<Series> series, Collection<Source> sources, Collection<Claim> claims) {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(sources, "sources");
        Objects.requireNonNull(claims, "claims");
        Map<String, Series> s = new LinkedHashMap<>();
        for (Series x : series) {
            if (s.put(x.id(), x) != null) {
                throw new IllegalArgumentException("series id (" + x.id() + ") appears twice");
            }
        }
        Map<String, Source> src = new LinkedHashMap<>();
        for (Source x : sources) {
            if (src.put(x.id(), x) != null) {
                throw new IllegalArgumentException("source id (" + x.id() + ") appears twice");
            }
        }
        Map<String, Claim> c = new LinkedHashMap<>();
        for (Claim x : claims) {
            if (c.put(x.id(), x) != null) {
                throw new IllegalArgumentException("claim id (" + x.id() + ") appears twice");
            }
        }
        return new Dataset(s, src, c);
    }

    /**
     * A dataset of these series alone.
     *
     * @param series the series
     * @return a dataset of these series alone
     */
    public static Dataset of(Collection<Series> series) {
        Objects.requireNonNull(series, "series");
        return of(series, Collections.<Source>emptyList(), Collections.<Claim>emptyList());
    }

    private static final class Bundled {
        static final Dataset INSTANCE = load();

        private static Dataset load() {
            try (InputStream in = Dataset.class.getResourceAsStream(BUNDLED)) {
                if (in == null) {
                    throw new IllegalStateException("bundled dataset " + BUNDLED + " is missing from the jar");
                }
                // read without Jackson's parser: the bundled figures are this project's own file
                java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
                byte[] buf = new byte[8192];
                for (int n; (n = in.read(buf)) > 0;) {
                    bytes.write(buf, 0, n);
                }
                String text = new String(bytes.toByteArray(), java.nio.charset.StandardCharsets.UTF_8);
                return DatasetJson.fromTree(io.tokenmetrics.internal.BundledJson.parse(text), "bundled:" + BUNDLED);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * The published figures of the two source articles, with their sources and claims; read once.
     *
     * @return the published figures of the two source articles, with their sources and claims; read once
     */
    public static Dataset bundled() {
        return Bundled.INSTANCE;
    }

    /**
     * Reads a dataset file (UTF-8, a byte-order mark is allowed): JSON, or CSV for a name ending in
     * {@code .csv} (a long form {@code series, period, value…} or a wide form, a {@code period}
     * column and one column per series; {@code docs/data-format.md}).
     *
     * @param file the file
     * @return the dataset
     * @throws IOException if the file cannot be opened or read ({@link java.nio.file.NoSuchFileException},
     *     {@link java.nio.file.AccessDeniedException}…): I/O stays I/O
     * @throws MalformedDatasetException if it is not JSON (or well-formed CSV), with line and column
     * @throws InvalidDatasetException if it is well-formed but not a valid dataset, with the JSON path (or CSV line and column)
     */
    public static Dataset read(Path file) throws IOException {
        String name = Objects.requireNonNull(file, "file").toString();
        try (InputStream in = Files.newInputStream(file)) {
            // a .csv file holds series in the long or the wide form (DatasetCsv); anything else is JSON
            return read(in, name);
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Reads a dataset from {@code in}, naming it {@code name} in errors; does not close the stream.
     * The format follows the name as for {@link #read(Path)}: CSV for a name ending in
     * {@code .csv}, JSON otherwise.
     *
     * @param in the stream to read
     * @param name the name: its ending chooses the format; it names the input in messages
     * @return the dataset
     * @throws MalformedDatasetException if it is not JSON (or well-formed CSV), with line and column
     * @throws InvalidDatasetException if it is well-formed but not a valid dataset
     */
    public static Dataset read(InputStream in, String name) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(name, "name");
        return name.toLowerCase(java.util.Locale.ROOT).endsWith(".csv") ? DatasetCsv.read(in, name) : DatasetJson.read(in, name);
    }

    /**
     * Writes this dataset in the JSON format {@link #read} reads back; does not close the stream.
     *
     * @param out where to write
     * @throws IOException if writing fails
     */
    public void write(OutputStream out) throws IOException {
        Objects.requireNonNull(out, "out");
        DatasetJson.write(this, out);
    }

    /**
     * This dataset as JSON text.
     *
     * @return this dataset as JSON text
     */
    public String toJson() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try {
            write(b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new String(b.toByteArray(), StandardCharsets.UTF_8);
    }

    /**
     * All series, in file order.
     *
     * @return all series, in file order
     */
    public List<Series> series() {
        return Collections.unmodifiableList(new ArrayList<>(series.values()));
    }

    /**
     * The series with {@code id}, if any.
     *
     * @param id the id
     * @return the series with {@code id}, if any
     */
    public Optional<Series> find(String id) {
        Objects.requireNonNull(id, "id");
        Series s = series.get(id);
        return Optional.ofNullable(s != null ? s : series.get(aliasOf.getOrDefault(id, "")));
    }

    /**
     * The series with {@code id}.
     *
     * @param id the id
     * @return the series with {@code id}
     * @throws UnknownSeriesException naming the id and the closest ids this dataset has
     */
    public Series series(String id) {
        Objects.requireNonNull(id, "id");
        Series s = find(id).orElse(null);
        if (s == null) {
            throw new UnknownSeriesException(id, "no series \"" + id + "\"" + suggestions(id));
        }
        return s;
    }

    /** The ids sharing the most words (of three letters or more) with {@code id}, at most five. */
    private String suggestions(String id) {
        List<String> close = new ArrayList<>();
        int best = 0;
        String[] words = (id == null ? "" : id.toLowerCase(Locale.ROOT)).split("[^a-z0-9]+");
        for (String k : series.keySet()) {
            int score = 0;
            for (String w : words) {
                if (w.length() >= 3 && k.contains(w)) {
                    score++;
                }
            }
            if (score > best) {
                best = score;
                close.clear();
            }
            if (score == best && score > 0) {
                close.add(k);
            }
        }
        if (close.isEmpty()) {
            return series.isEmpty() ? " (the dataset has no series)" : " (run `list` to see the " + series.size() + " ids)";
        }
        return "; did you mean: " + String.join(", ", close.subList(0, Math.min(5, close.size()))) + "?";
    }

    /**
     * The series that satisfy {@code filter}, in file order.
     *
     * @param filter which ones to keep
     * @return the series that satisfy {@code filter}, in file order
     */
    public List<Series> filter(Predicate<Series> filter) {
        Objects.requireNonNull(filter, "filter");
        List<Series> out = new ArrayList<>();
        for (Series s : series.values()) {
            if (filter.test(s)) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * The sources by id.
     *
     * @return the sources by id
     */
    public Map<String, Source> sources() {
        return sources;
    }

    /**
     * The claims, in file order.
     *
     * @return the claims, in file order
     */
    public List<Claim> claims() {
        return Collections.unmodifiableList(new ArrayList<>(claims.values()));
    }

    /**
     * The claim with {@code id}, if any.
     *
     * @param id the id
     * @return the claim with {@code id}, if any
     */
    public Optional<Claim> claim(String id) {
        Objects.requireNonNull(id, "id");
        return Optional.ofNullable(claims.get(id));
    }

    /**
     * This dataset and {@code other} together. An id in both is kept once if both define it
     * identically.
     *
     * @param other the other one
     * @return this dataset and {@code other} together
     * @throws IllegalArgumentException naming an id that the two define differently
     */
    public Dataset merge(Dataset other) {
        Objects.requireNonNull(other, "other");
        return new Dataset(mergeMaps(given, other.given, "series"), mergeMaps(sources, other.sources, "source"),
                mergeMaps(claims, other.claims, "claim"));
    }

    private static <T> Map<String, T> mergeMaps(Map<String, T> a, Map<String, T> b, String what) {
        Map<String, T> out = new LinkedHashMap<>(a);
        for (Map.Entry<String, T> e : b.entrySet()) {
            T before = out.putIfAbsent(e.getKey(), e.getValue());
            if (before != null && !before.equals(e.getValue())) {
                throw new IllegalArgumentException(what + " id (" + e.getKey() + ") is defined differently in the two datasets");
            }
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Dataset && ((Dataset) o).given.equals(given) && ((Dataset) o).sources.equals(sources)
                && ((Dataset) o).claims.equals(claims);
    }

    @Override
    public int hashCode() {
        return Objects.hash(given, sources, claims);
    }

    @Override
    public String toString() {
        return "Dataset(" + series.size() + " series, " + sources.size() + " sources, " + claims.size() + " claims)";
    }
}
