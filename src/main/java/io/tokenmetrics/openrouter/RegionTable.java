package io.tokenmetrics.openrouter;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Model author to region: the bundled table ({@code author-regions.properties}, documented in
 * {@code docs/openrouter.md}) and a user's overrides in the same {@code author=REGION} format.
 * Immutable.
 */
public final class RegionTable {
    private static final Pattern REGION = Pattern.compile("[A-Z][A-Z0-9_]*");
    private final Map<String, String> regions;

    private RegionTable(Map<String, String> regions) {
        this.regions = Collections.unmodifiableMap(regions);
    }

    /**
     * The bundled table.
     *
     * @return the bundled table
     */
    public static RegionTable bundled() {
        try (InputStream in = RegionTable.class.getResourceAsStream("author-regions.properties")) {
            return new RegionTable(load(in, "bundled author-regions.properties"));
        } catch (IOException e) {
            throw new IllegalStateException("bundled author-regions.properties is unreadable", e);
        }
    }

    /**
     * This table with the entries of {@code file} added or replacing.
     *
     * @param file the file
     * @return this table with the entries of {@code file} added or replacing
     * @throws IOException if the file cannot be opened or read: I/O stays I/O
     * @throws OpenRouterException for an entry that is not {@code author=REGION}
     */
    public RegionTable withOverrides(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(java.util.Objects.requireNonNull(file, "file"))) {
            Map<String, String> m = new TreeMap<>(regions);
            m.putAll(load(in, file.toString()));
            return new RegionTable(m);
        }
    }

    private static Map<String, String> load(InputStream in, String name) throws IOException {
        Properties p = new Properties();
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        Map<String, String> m = new TreeMap<>();
        for (String k : p.stringPropertyNames()) {
            String v = p.getProperty(k).trim();
            if (!REGION.matcher(v).matches()) {
                throw new OpenRouterException(name + ": " + k + ": region \"" + v + "\" must be an upper-case code such as CN, US, EU");
            }
            m.put(k.trim().toLowerCase(Locale.ROOT), v);
        }
        return m;
    }

    /**
     * The region of {@code author}, if mapped.
     *
     * @param author the author
     * @return the region of {@code author}, if mapped
     */
    public Optional<String> region(String author) {
        return Optional.ofNullable(regions.get(author.toLowerCase(Locale.ROOT)));
    }

    /**
     * All entries.
     *
     * @return all entries
     */
    public Map<String, String> entries() {
        return regions;
    }
}
