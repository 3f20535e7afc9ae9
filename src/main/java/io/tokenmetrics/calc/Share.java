package io.tokenmetrics.calc;

import io.tokenmetrics.amount.Quantity;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** Parts, their sum, a whole, and the sum as a percent of the whole. Immutable and thread-safe. */
public final class Share {
    private final List<Quantity> parts;
    private final Quantity sum;
    private final Quantity whole;
    private final Quantity percent;

    Share(List<Quantity> parts, Quantity sum, Quantity whole, Quantity percent) {
        this.parts = Collections.unmodifiableList(parts);
        this.sum = sum;
        this.whole = whole;
        this.percent = percent;
    }

    /**
     * The parts.
     *
     * @return the parts
     */
    public List<Quantity> parts() {
        return parts;
    }

    /**
     * The sum of the parts.
     *
     * @return the sum of the parts
     */
    public Quantity sum() {
        return sum;
    }

    /**
     * The whole.
     *
     * @return the whole
     */
    public Quantity whole() {
        return whole;
    }

    /**
     * {@code sum / whole × 100}.
     *
     * @return {@code sum / whole × 100}
     */
    public Quantity percent() {
        return percent;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Share && ((Share) o).parts.equals(parts) && ((Share) o).whole.equals(whole);
    }

    @Override
    public int hashCode() {
        return Objects.hash(parts, whole);
    }

    @Override
    public String toString() {
        return sum + " of " + whole + " = " + percent.formatRounded(io.tokenmetrics.amount.Language.EN, 2);
    }
}
