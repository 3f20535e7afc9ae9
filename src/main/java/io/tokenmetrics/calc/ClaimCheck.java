package io.tokenmetrics.calc;

import io.tokenmetrics.amount.Quantity;
import io.tokenmetrics.amount.Language;
import io.tokenmetrics.data.Claim;
import java.util.Objects;
import java.util.Optional;

/**
 * A claim recomputed from the figures: the verdict, the stated and computed values, the relative
 * deviation, and an explanation with the numbers. Immutable and thread-safe.
 */
public final class ClaimCheck {
    private final Claim claim;
    private final Verdict verdict;
    private final Quantity stated;
    private final Quantity computed;
    private final Message explanation;

    ClaimCheck(Claim claim, Verdict verdict, Quantity stated, Quantity computed, Message explanation) {
        this.claim = claim;
        this.verdict = verdict;
        this.stated = stated;
        this.computed = computed;
        this.explanation = explanation;
    }

    /**
     * The claim checked.
     *
     * @return the claim checked
     */
    public Claim claim() {
        return claim;
    }

    /**
     * Consistent, inconsistent or undecidable.
     *
     * @return consistent, inconsistent or undecidable
     */
    public Verdict verdict() {
        return verdict;
    }

    /**
     * The stated value (multiple, rate, threshold), if the claim has one.
     *
     * @return the stated value (multiple, rate, threshold), if the claim has one
     */
    public Optional<Quantity> stated() {
        return Optional.ofNullable(stated);
    }

    /**
     * The value recomputed from the figures, if it could be.
     *
     * @return the value recomputed from the figures, if it could be
     */
    public Optional<Quantity> computed() {
        return Optional.ofNullable(computed);
    }

    Message message() {
        return explanation;
    }

    /**
     * Why, with the numbers, in English.
     *
     * @return the explanation
     */
    public String explanation() {
        return explanation.render(Language.EN);
    }

    /**
     * Why, with the numbers, in {@code language}.
     *
     * @param language the language
     * @return the explanation
     */
    public String explanation(Language language) {
        return explanation.render(Objects.requireNonNull(language, "language"));
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ClaimCheck)) {
            return false;
        }
        ClaimCheck c = (ClaimCheck) o;
        return claim.equals(c.claim) && verdict == c.verdict && Objects.equals(stated, c.stated)
                && Objects.equals(computed, c.computed) && explanation.equals(c.explanation);
    }

    @Override
    public int hashCode() {
        return Objects.hash(claim, verdict, stated, computed, explanation);
    }

    @Override
    public String toString() {
        return claim.id() + ": " + verdict + ": " + explanation;
    }
}
