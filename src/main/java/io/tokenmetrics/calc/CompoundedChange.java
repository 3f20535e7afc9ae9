package io.tokenmetrics.calc;

import io.tokenmetrics.amount.Quantity;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Successive changes compounded: the multiple {@code (1 + c1/100) × (1 + c2/100) × …} of the
 * changes whose size is stated, and which changes have none (counted from 1), so that a report
 * can say "the second of three changes has no stated size" instead of guessing it. Ranges and
 * lower bounds are carried ("30%起" then 10% gives at least 1.43×). Immutable.
 */
public final class CompoundedChange {
    private final Quantity multiple;
    private final Quantity percent;
    private final int changes;
    private final List<Integer> unstated;

    CompoundedChange(Quantity multiple, Quantity percent, int changes, List<Integer> unstated) {
        this.multiple = multiple;
        this.percent = percent;
        this.changes = changes;
        this.unstated = Collections.unmodifiableList(unstated);
    }

    /**
     * The multiple of the stated changes.
     *
     * @return the multiple (1× when none is stated)
     */
    public Quantity multiple() {
        return multiple;
    }

    /**
     * The stated changes together, in percent: {@code (multiple - 1) × 100}.
     *
     * @return the change in percent
     */
    public Quantity percent() {
        return percent;
    }

    /**
     * How many changes there were, stated or not.
     *
     * @return the number of changes
     */
    public int changes() {
        return changes;
    }

    /**
     * The positions (from 1) of the changes without a stated size; empty when all are stated,
     * and then {@link #multiple()} is the whole compounded change.
     *
     * @return the positions of the unstated changes
     */
    public List<Integer> unstated() {
        return unstated;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof CompoundedChange)) {
            return false;
        }
        CompoundedChange c = (CompoundedChange) o;
        return multiple.equals(c.multiple) && changes == c.changes && unstated.equals(c.unstated);
    }

    @Override
    public int hashCode() {
        return Objects.hash(multiple, changes, unstated);
    }

    @Override
    public String toString() {
        return multiple + " (" + percent + ") from " + (changes - unstated.size()) + " of " + changes + " changes"
                + (unstated.isEmpty() ? "" : "; no stated size for change " + unstated);
    }
}
