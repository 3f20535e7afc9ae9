package io.tokenmetrics.cost;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A price table's entries by name: built prices, or entries still as their bytes in the table's
 * document ({@link Pending}), built (and checked) when first asked for and kept. Tables merged
 * are layers, the later first: a name is the later table's entry where that one is priced by
 * tokens, else the earlier's, as if each table had been read whole. Thread-safe: an entry built
 * twice at once is built the same way both times.
 */
final class Entries {
    /** An entry as its bytes in the document: the JSON object of one LiteLLM model. */
    static final class Pending {
        private final byte[] doc;
        private final int start;
        private final int end;
        private final String file;

        Pending(byte[] doc, int start, int end, String file) {
            this.doc = doc;
            this.start = start;
            this.end = end;
            this.file = file;
        }

        ModelPrice build(String key) {
            // JsonIndex checked the whole document as Jackson would: the library's own reader builds the same tree
            String text = new String(doc, start, end - start, StandardCharsets.UTF_8);
            return PriceTable.liteLlmEntry(key, io.tokenmetrics.internal.BundledJson.parse(text), file);
        }
    }

    /** An entry that is not priced by tokens in and out (built: no price). */
    private static final Object NONE = new Object();

    /** The layers, the latest first: name → ModelPrice or Pending. */
    private final List<Map<String, Object>> layers;
    /** Per layer, what its pending entries built to: ModelPrice or NONE. */
    private final List<ConcurrentHashMap<String, Object>> built;
    private volatile Map<String, ModelPrice> all;

    Entries(Map<String, Object> entries) {
        this(Collections.singletonList(Collections.unmodifiableMap(new TreeMap<>(entries))));
    }

    private Entries(List<Map<String, Object>> layers) {
        this.layers = layers;
        this.built = new ArrayList<>();
        for (int k = 0; k < layers.size(); k++) {
            built.add(new ConcurrentHashMap<String, Object>());
        }
    }

    /** These entries with {@code later}'s over them. */
    Entries merge(Entries later) {
        List<Map<String, Object>> l = new ArrayList<>(later.layers);
        l.addAll(layers);
        return new Entries(Collections.unmodifiableList(l));
    }

    /** The price of entry {@code key}, built if need be; null when there is none priced by tokens. */
    ModelPrice get(String key) {
        for (int k = 0; k < layers.size(); k++) {
            Object v = layers.get(k).get(key);
            if (v instanceof Pending) {
                Object b = built.get(k).get(key);
                if (b == null) {
                    ModelPrice p = ((Pending) v).build(key);
                    b = p == null ? NONE : p;
                    built.get(k).put(key, b);
                }
                v = b == NONE ? null : b;
            }
            if (v != null) {
                return (ModelPrice) v;
            }
        }
        return null;
    }

    boolean containsKey(String key) {
        return get(key) != null;
    }

    /** Every name of every layer, in order, whether or not priced by tokens (nothing is built). */
    Iterable<String> names() {
        if (layers.size() == 1) {
            return layers.get(0).keySet();
        }
        TreeSet<String> n = new TreeSet<>();
        for (Map<String, Object> l : layers) {
            n.addAll(l.keySet());
        }
        return n;
    }

    /** How many names the layers hold (nothing is built). */
    int size() {
        int n = 0;
        for (String k : names()) {
            n++;
        }
        return n;
    }

    /**
     * Every name with its price, null (not priced by tokens) or, for an invalid entry, its error's
     * message: what two tables are compared by, which never throws.
     */
    Map<String, Object> comparable() {
        Map<String, Object> m = new TreeMap<>();
        for (String k : names()) {
            try {
                m.put(k, get(k));
            } catch (PriceTableException e) {
                m.put(k, e.getMessage());
            }
        }
        m.values().removeIf(v -> v == null);
        return m;
    }

    /** Every entry priced by tokens, all built. */
    Map<String, ModelPrice> all() {
        Map<String, ModelPrice> a = all;
        if (a == null) {
            TreeMap<String, ModelPrice> m = new TreeMap<>();
            for (String k : names()) {
                ModelPrice p = get(k);
                if (p != null) {
                    m.put(k, p);
                }
            }
            all = a = Collections.unmodifiableMap(m);
        }
        return a;
    }
}
