package io.tokenmetrics.usage;

import io.tokenmetrics.internal.Text;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The layout resolver beside {@link Profile}: which column of a row plays which part. One rule
 * for every reader: a CSV header on one machine or on Spark, a JSON record's fields.
 */
final class Layouts {
    private Layouts() {
    }

    /**
     * Which column plays which part, from the header names (a CSV header, or a JSON record's
     * dotted names), the aggregator's source or the one the names fit, the user's mapping and the
     * dimensions; {@code json}: a missing field is "no X field", not "X is empty".
     *
     * @throws UsageLogException naming {@code file}, line 1, for names that fit no source, lack a
     *     required column or a dimension, or repeat a column that counts
     */
    static RowProcessor.Layout resolve(UsageAggregator agg, List<String> names, String file, boolean json) {
        UsageSource source = agg.source();
        Map<UsageField, String> mapping = agg.mapping();
        List<String> by = agg.by();
        Map<String, Integer> index = new HashMap<>();
        List<String> lower = new ArrayList<>();
        Map<String, Integer> repeated = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i).toLowerCase(Locale.ROOT);
            lower.add(n);
            if (index.putIfAbsent(n, i) != null) {
                repeated.put(n, i);
            }
        }
        UsageSource s = source;
        if (s == null) {
            try {
                s = Profile.detectFlat(lower, null);
            } catch (IllegalArgumentException e) {
                throw new UsageLogException(file, 1, "cannot tell the source: the header " + e.getMessage() + "; name it with --source");
            }
            if (s == null && (mapping.containsKey(UsageField.INPUT) || mapping.containsKey(UsageField.OUTPUT))) {
                s = UsageSource.CSV;
            }
            if (s == null) {
                throw new UsageLogException(file, 1, "the header fits no known source (columns: " + columns(names) + "); "
                        + Profile.detectionHint());
            }
        }
        Profile profile = agg.profile(s);
        int[] slot = new int[Slot.ALL.length];
        for (Slot sl : Slot.ALL) {
            slot[sl.ordinal()] = find(index, profile.names(sl));
            UsageField mapped = mappedField(mapping, sl);
            if (slot[sl.ordinal()] < 0 && mapped != null) {
                throw new UsageLogException(file, 1, "no column \"" + mapping.get(mapped) + "\" for " + mapped.id() + " (columns: "
                        + columns(names) + ")");
            }
        }
        for (Slot sl : profile.required) {
            if (slot[sl.ordinal()] < 0) {
                String f = sl == Slot.TIMESTAMP ? "timestamp" : sl == Slot.INPUT ? "input" : sl == Slot.OUTPUT ? "output"
                        : sl.name().toLowerCase(Locale.ROOT);
                throw new UsageLogException(file, 1, "no " + f + " column for " + s.id() + " (looked for "
                        + String.join(", ", profile.names(sl)) + "; map another with --map " + f + "=COLUMN); columns: " + columns(names));
            }
        }
        int[] dims = new int[by.size()];
        for (int k = 0; k < by.size(); k++) {
            dims[k] = find(index, profile.dimensionNames(by.get(k)));
            if (dims[k] < 0 && !Profile.optionalDimension(by.get(k))) {
                throw new UsageLogException(file, 1, "no column for dimension \"" + by.get(k) + "\" (columns: " + columns(names) + ")");
            }
        }
        List<Integer> used = new ArrayList<>();
        for (int x : slot) {
            used.add(x);
        }
        for (int x : dims) {
            used.add(x);
        }
        for (Map.Entry<String, Integer> r : repeated.entrySet()) {
            int firstAt = index.get(r.getKey());
            if (used.contains(firstAt)) {
                throw new UsageLogException(file, 1, "column \"" + Text.escape(names.get(firstAt)) + "\" appears twice (columns "
                        + (firstAt + 1) + " and " + (r.getValue() + 1) + "): which one counts is not clear");
            }
        }
        String[] display = new String[names.size()];
        for (int i = 0; i < display.length; i++) {
            display[i] = Text.escape(names.get(i));
        }
        return new RowProcessor.Layout(names.size(), slot, dims, by.toArray(new String[0]), display, profile, json);
    }

    private static UsageField mappedField(Map<UsageField, String> mapping, Slot s) {
        for (UsageField f : mapping.keySet()) {
            if (f.slot == s) {
                return f;
            }
        }
        return null;
    }

    private static String columns(List<String> names) {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            out.add(Text.escape(n));
        }
        return String.join(", ", out);
    }

    private static int find(Map<String, Integer> index, List<String> candidates) {
        for (String c : candidates) {
            Integer i = index.get(c.toLowerCase(Locale.ROOT));
            if (i != null) {
                return i;
            }
        }
        return -1;
    }

}
