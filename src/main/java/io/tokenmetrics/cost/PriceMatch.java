package io.tokenmetrics.cost;

import java.util.Objects;

/** Which price entry a model name was matched to, and by which rule. Immutable. */
public final class PriceMatch {
    /** The rules, tried in this order; the first that finds exactly one entry wins. */
    public enum Rule {
        /** The user mapped the name to the entry. */
        MAPPED,
        /** The same name. */
        EXACT,
        /** The same name ignoring case, a provider prefix ({@code anthropic/}) and '.' against '-'. */
        NORMALIZED,
        /** The same once a date suffix ({@code -20250929}, {@code -2025-09-29}) is dropped from either side. */
        UNDATED,
        /**
         * Several entries fit the name (copies of one model from several providers); the one
         * from the log's own vendor, else from the model family's first party, was taken.
         */
        PROVIDER
    }

    private final String model;
    private final Rule rule;
    private final ModelPrice price;

    PriceMatch(String model, Rule rule, ModelPrice price) {
        this.model = model;
        this.rule = rule;
        this.price = price;
    }

    /**
     * The model name as the log wrote it.
     *
     * @return the model name
     */
    public String model() {
        return model;
    }

    /**
     * The rule that matched.
     *
     * @return the rule
     */
    public Rule rule() {
        return rule;
    }

    /**
     * The entry's prices.
     *
     * @return the prices
     */
    public ModelPrice price() {
        return price;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PriceMatch && ((PriceMatch) o).model.equals(model) && ((PriceMatch) o).rule == rule && ((PriceMatch) o).price.equals(price);
    }

    @Override
    public int hashCode() {
        return Objects.hash(model, rule, price);
    }

    @Override
    public String toString() {
        return model + " -> " + price.key() + " (" + rule.name().toLowerCase(java.util.Locale.ROOT) + ", " + price.source() + ")";
    }
}
