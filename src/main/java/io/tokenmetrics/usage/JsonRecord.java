package io.tokenmetrics.usage;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One record of a JSON value read whole, flat: nested objects' members under dotted lower-case
 * names, arrays left out (as the scanner leaves them out).
 */
final class JsonRecord {
    /** Dotted lower-case name to the value's text (JSON null: absent). */
    final Map<String, String> values = new HashMap<>();
    /** Every name met with a scalar value, null included, in order. */
    final Set<String> keys = new LinkedHashSet<>();
    /** Names whose number was written with a fraction or exponent. */
    final Set<String> fractional = new HashSet<>();
    /** Names given a value twice: a column that would read one is a bad row, as on the scanner. */
    final Set<String> repeated = new HashSet<>();
    /** Dotted lower-case name to the name as the file spells it, for messages. */
    final Map<String, String> spelled = new HashMap<>();

    /** Adds the members of object {@code o} under {@code prefix} (lower case) / {@code spelledPrefix} (as written). */
    void flatten(JsonTree.Obj o, String prefix, String spelledPrefix) {
        for (int i = 0; i < o.names.size(); i++) {
            String name = o.names.get(i);
            String key = prefix + name.toLowerCase(java.util.Locale.ROOT);
            String as = spelledPrefix + name;
            Object v = o.values.get(i);
            if (v instanceof JsonTree.Obj) {
                flatten((JsonTree.Obj) v, key + ".", as + ".");
            } else if (!(v instanceof java.util.List)) {
                put(key, as, v);
            }
        }
    }

    /** One scalar member: the first value of a name is kept, a second marks it {@link #repeated}. */
    void put(String key, String as, Object v) {
        keys.add(key);
        if (v == JsonTree.NULL) {
            return;
        }
        if (values.containsKey(key)) {
            repeated.add(key);
            return;
        }
        values.put(key, JsonTree.text(v));
        spelled.put(key, as);
        if (v instanceof JsonTree.Num && ((JsonTree.Num) v).fractional) {
            fractional.add(key);
        }
    }

    /**
     * The field each column reads: of each column's candidate names (in the profile's order), the
     * first this record has a value for; null where it has none. The one rule of a record's
     * columns, on one machine and on an engine's workers ({@link JsonLineValues}).
     */
    String[] chosen(List<List<String>> candidates) {
        String[] out = new String[candidates.size()];
        for (int k = 0; k < out.length; k++) {
            for (String c : candidates.get(k)) {
                if (values.containsKey(c)) {
                    out[k] = c;
                    break;
                }
            }
        }
        return out;
    }

    /** Why the record is a bad row when a chosen field was given twice (which value counts is not clear), else null. */
    String repeatedField(String[] chosen) {
        for (String c : chosen) {
            if (c != null && repeated.contains(c)) {
                return "field \"" + io.tokenmetrics.internal.Text.escape(spelled.getOrDefault(c, c)) + "\" appears twice: which one counts is not clear";
            }
        }
        return null;
    }

    /** A value set from outside the record (a bucket's dates, a project), replacing any. */
    void set(String key, String value) {
        keys.add(key);
        values.put(key, value);
        repeated.remove(key);
    }
}
