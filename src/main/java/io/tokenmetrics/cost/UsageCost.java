package io.tokenmetrics.cost;

import io.tokenmetrics.amount.Quantity;
import io.tokenmetrics.usage.UsageAggregator;
import io.tokenmetrics.usage.UsageGroup;
import io.tokenmetrics.usage.UsageResult;
import io.tokenmetrics.usage.UsageSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The cost of an aggregation's groups at a price table's prices, as {@code usage --prices}
 * shows it ({@code docs/cost.md}): each group's model matched to an entry (the log's own vendor
 * preferred among copies of a model), its service tier at the tier's prices, its requests above
 * 200,000 input tokens at the tier prices ({@link ModelPrice#costOf}). A group whose model has no
 * price, or has a price per request and no request count, has no cost: empty, never $0; a group
 * without tokens costs nothing and needs no price. What a person should know (the entries used,
 * the models without a price, prices taken from a rule rather than the table) is in
 * {@link #notes()}. Immutable and thread-safe.
 */
public final class UsageCost {
    private final Map<UsageGroup, Quantity> costs;
    /** Every group of the result, by identity: a group's cost is asked of the groups this priced. */
    private final Map<UsageGroup, Boolean> groups;
    private final Map<String, String> unpriced;
    private final Map<String, PriceMatch> used;
    /** Each note as a bundle key and its arguments ("cost.raw" for a note that is already text). */
    private final List<Object[]> notes;

    private UsageCost(Map<UsageGroup, Quantity> costs, Map<UsageGroup, Boolean> groups, Map<String, String> unpriced,
            Map<String, PriceMatch> used, List<Object[]> notes) {
        this.costs = costs;
        this.groups = groups;
        this.unpriced = Collections.unmodifiableMap(unpriced);
        this.used = Collections.unmodifiableMap(used);
        this.notes = Collections.unmodifiableList(notes);
    }

    /**
     * Prices every group of {@code result}.
     *
     * @param result an aggregation by {@code model} (and by {@link UsageAggregator#SERVICE_TIER},
     *     for requests served at another tier to be priced at its prices)
     * @param table the prices
     * @return the groups' costs
     * @throws IllegalArgumentException if {@code result} is not grouped by {@code model}
     */
    public static UsageCost of(UsageResult result, PriceTable table) {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(table, "table");
        int modelAt = result.dimensions().indexOf("model");
        if (modelAt < 0) {
            throw new IllegalArgumentException("result (by " + result.dimensions() + ") must be grouped by model to be priced");
        }
        int tierAt = result.dimensions().indexOf(UsageAggregator.SERVICE_TIER);
        // the vendor whose entries are preferred among a model's copies: known when every record came from one
        Set<String> vendors = new TreeSet<>();
        for (UsageSource s : result.sourcesRead()) {
            vendors.add(s.vendor().orElse("?"));
        }
        String vendor = vendors.size() == 1 && !vendors.contains("?") ? vendors.iterator().next() : null;
        Map<UsageGroup, Quantity> costs = new IdentityHashMap<>();
        Map<UsageGroup, Boolean> groups = new IdentityHashMap<>();
        Map<String, String> unpriced = new TreeMap<>();
        Map<String, PriceMatch> used = new TreeMap<>();
        Map<String, String> doubled = new TreeMap<>();
        Map<String, String> standardRate = new TreeMap<>();
        for (UsageGroup g : result.groups()) {
            groups.put(g, Boolean.TRUE);
            String model = g.dimensions().get(modelAt);
            Optional<PriceMatch> m = table.match(model, vendor);
            if (g.totalTokens() == 0 && (!m.isPresent() || !m.get().price().request().isPresent())) {
                // no tokens (a failed request's placeholder model, say) cost nothing: never a blank for want of a price
                costs.put(g, Quantity.of(0, Quantity.Unit.USD));
                continue;
            }
            if (!m.isPresent()) {
                List<String> c = table.candidates(model);
                unpriced.put(model, c.isEmpty() ? "no price" : "no price (matches " + String.join(", ", c) + " equally: use --price-map "
                        + model + "=ENTRY)");
                continue;
            }
            ModelPrice p = m.get().price();
            String tier = tierAt < 0 ? "" : g.dimensions().get(tierAt);
            Optional<ModelPrice> tp = p.forTier(tier);
            if (tp.isPresent()) {
                p = tp.get();
            } else {
                standardRate.putIfAbsent(model + "\u0000" + tier, p.key());
            }
            if (p.request().isPresent() && !g.requests().isPresent()) {
                unpriced.put(model, "priced per request (" + p.key() + "), but the log has no request count");
                continue;
            }
            used.put(model, m.get());
            if (g.cacheWrite1hTokens() > 0 && !p.cacheWrite1hFromTable().isPresent()) {
                doubled.put(model, p.key());
            }
            costs.put(g, p.costOf(g));
        }
        List<Object[]> notes = new ArrayList<>();
        for (String n : table.notes()) {
            notes.add(new Object[] {"cost.raw", n});
        }
        for (Map.Entry<String, String> e : unpriced.entrySet()) {
            notes.add(new Object[] {"cost.unpriced", e.getKey(), e.getValue()});
        }
        for (PriceMatch u : used.values()) {
            notes.add(new Object[] {"cost.priced", u.toString()});
        }
        for (Map.Entry<String, String> e : standardRate.entrySet()) {
            String[] mt = e.getKey().split("\u0000", -1);
            notes.add(new Object[] {"cost.standardrate", mt[0], mt[1], e.getValue()});
        }
        for (Map.Entry<String, String> e : doubled.entrySet()) {
            notes.add(new Object[] {"cost.doubled1h", e.getKey(), e.getValue()});
        }
        return new UsageCost(costs, groups, unpriced, used, notes);
    }

    /**
     * The cost of a group of the priced result, in US dollars (a range where the group has rows
     * of several requests above 200,000 input tokens together); empty when it has no price.
     *
     * @param group a group of the result this was made from
     * @return the cost, or empty
     * @throws IllegalArgumentException for a group of another result
     */
    public Optional<Quantity> cost(UsageGroup group) {
        Objects.requireNonNull(group, "group");
        if (!groups.containsKey(group)) {
            throw new IllegalArgumentException("group (" + group + ") is not a group of the result this was made from");
        }
        return Optional.ofNullable(costs.get(group));
    }

    /**
     * The models without a price, with why.
     *
     * @return model → reason
     */
    public Map<String, String> unpriced() {
        return unpriced;
    }

    /**
     * The entry each priced model used, and by which rule.
     *
     * @return model → match
     */
    public Map<String, PriceMatch> matches() {
        return used;
    }

    /**
     * What a person should know, one line each: what the table skipped, the models without a
     * price, the entry each model used, service tiers priced at the standard rate, one-hour writes
     * priced by the 2× rule.
     *
     * @return the notes
     */
    public List<String> notes() {
        return notes(io.tokenmetrics.amount.Language.EN);
    }

    /**
     * {@link #notes()} in {@code language}.
     *
     * @param language the language
     * @return the notes, in that language
     */
    public List<String> notes(io.tokenmetrics.amount.Language language) {
        Objects.requireNonNull(language, "language");
        List<String> out = new ArrayList<>();
        for (Object[] n : notes) {
            out.add(io.tokenmetrics.internal.Messages.get(language, (String) n[0], java.util.Arrays.copyOfRange(n, 1, n.length)));
        }
        return Collections.unmodifiableList(out);
    }
}
