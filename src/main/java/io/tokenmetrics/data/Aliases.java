package io.tokenmetrics.data;

import io.tokenmetrics.amount.Quantity;
import io.tokenmetrics.period.TimePeriod;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Folds series published under other ids into the series that names them as aliases: the same
 * model under a free and a paid slug, or as a preview and then a dated release.
 */
final class Aliases {
    private Aliases() {
    }

    /**
     * The series with every alias folded into the series naming it; {@code aliasOf} receives
     * alias → id for every alias, present as a series or not.
     *
     * @throws IllegalArgumentException for an alias claimed by two series, an alias that has
     *     aliases itself, a series that is both an alias and named, or an alias of another measure
     */
    static Map<String, Series> resolve(Map<String, Series> given, Map<String, String> aliasOf) {
        for (Series s : given.values()) {
            for (String a : s.aliases()) {
                String before = aliasOf.put(a, s.id());
                if (before != null) {
                    throw new IllegalArgumentException("series id (" + a + ") is an alias of both " + before + " and " + s.id());
                }
                if (given.containsKey(a) && !given.get(a).aliases().isEmpty()) {
                    throw new IllegalArgumentException("series " + a + " is an alias of " + s.id() + " and has aliases itself ("
                            + String.join(", ", given.get(a).aliases()) + "): name them all on " + s.id());
                }
            }
        }
        Map<String, Series> out = new LinkedHashMap<>();
        for (Series s : given.values()) {
            if (aliasOf.containsKey(s.id())) {
                continue;
            }
            List<Series> parts = new ArrayList<>();
            parts.add(s);
            for (String a : s.aliases()) {
                Series p = given.get(a);
                if (p == null) {
                    continue;
                }
                if (p.measure() != s.measure()) {
                    throw new IllegalArgumentException("series " + a + " (" + p.measure() + ") cannot be an alias of " + s.id() + " ("
                            + s.measure() + "): different measures");
                }
                parts.add(p);
            }
            out.put(s.id(), parts.size() == 1 ? s : fold(s, parts));
        }
        return out;
    }

    /**
     * One observation per period. A period only one part has keeps that part's observation. A
     * period several parts have (the free and the paid variant in the same week) gets the sum of
     * their values: tokens of one model under two slugs add up. Its rank and stated change are
     * dropped (they belong to one slug, not the sum), and its note names the parts.
     */
    private static Series fold(Series into, List<Series> parts) {
        Map<TimePeriod, List<Observation>> byPeriod = new TreeMap<>();
        Map<Observation, String> owner = new java.util.IdentityHashMap<>();
        for (Series p : parts) {
            for (Observation o : p.observations()) {
                byPeriod.computeIfAbsent(o.period(), k -> new ArrayList<>()).add(o);
                owner.put(o, p.id());
            }
        }
        List<Observation> out = new ArrayList<>();
        for (Map.Entry<TimePeriod, List<Observation>> e : byPeriod.entrySet()) {
            List<Observation> os = e.getValue();
            if (os.size() == 1) {
                out.add(os.get(0));
                continue;
            }
            if (into.measure().cadence() == Cadence.NONE) {
                throw new IllegalArgumentException("series " + into.id() + " and its alias " + owner.get(os.get(1)) + " both have a "
                        + into.measure() + " figure at " + e.getKey() + ": figures of that measure do not add up");
            }
            Quantity sum = null;
            List<String> ids = new ArrayList<>();
            Observation valued = null;
            for (Observation o : os) {
                if (o.value().isPresent()) {
                    sum = sum == null ? o.value().get() : sum.plus(o.value().get());
                    ids.add(owner.get(o));
                    valued = o;
                }
            }
            if (ids.size() == 1) {
                // one slug on the ranking, the others off it: the model's figure is that slug's, as published
                out.add(valued);
                continue;
            }
            Observation.Builder b = Observation.builder(e.getKey(), sum).status(os.get(0).status());
            if (sum == null) {
                // every slug off the ranking that week: the model is off it
                b.listed(false);
            } else {
                b.note("sum of " + String.join(" + ", ids));
            }
            out.add(b.build());
        }
        return into.withObservations(out);
    }
}
