package io.tokenmetrics.cost;

import io.tokenmetrics.amount.Quantity;
import java.util.Objects;
import java.util.Optional;

/**
 * A flat per-seat plan against usage-based billing (a fixed fee plus the cost of usage), for one
 * user and month: what each costs, which is cheaper, by how much and by what multiple, and the
 * usage at which they cost the same. All amounts in US dollars; intervals carried (a seat of "at
 * most $200" gives a break-even of at most $180 above a $20 fee). Made by {@link #of}. Immutable
 * and thread-safe.
 */
public final class PlanComparison {
    /** Which plan costs less. */
    public enum Cheaper {
        /** The flat seat. */
        SEAT,
        /** Usage-based billing. */
        USAGE,
        /** Both cost the same. */
        EQUAL,
        /** The intervals overlap: it cannot be said. */
        UNDECIDED
    }

    private final Quantity seat;
    private final Quantity fee;
    private final Quantity usage;
    private final Quantity usagePlan;
    private final Quantity difference;
    private final Quantity multiple;
    private final Quantity breakEven;
    private final Cheaper cheaper;

    /**
     * A flat seat against usage-based billing for one user and month: usage plan = fee + usage,
     * difference = usage plan − seat, multiple = usage plan / seat (absent for a seat of 0),
     * break-even usage = seat − fee. Claude Enterprise: a seat of at most $200 against $20 plus
     * usage breaks even at most $180 of usage.
     *
     * @param seat the seat price (USD)
     * @param fee the fixed fee of usage-based billing (USD)
     * @param usage the cost of the user's usage (USD), such as the sum of {@link UsageCost#cost} over a user's groups
     * @return the comparison
     * @throws IllegalArgumentException if an amount is not in USD
     * @throws NullPointerException if an amount is null
     */
    public static PlanComparison of(Quantity seat, Quantity fee, Quantity usage) {
        Objects.requireNonNull(seat, "seat");
        Objects.requireNonNull(fee, "fee");
        Objects.requireNonNull(usage, "usage");
        requireUsd(seat, "seat");
        requireUsd(fee, "fee");
        requireUsd(usage, "usage");
        Quantity plan = fee.plus(usage);
        Quantity difference = plan.minus(seat, Quantity.Unit.USD);
        Quantity multiple = seat.isAbove(java.math.BigDecimal.ZERO) ? plan.dividedBy(seat, Quantity.Unit.MULTIPLE) : null;
        Cheaper cheaper;
        if (difference.isAbove(java.math.BigDecimal.ZERO)) {
            cheaper = Cheaper.SEAT;
        } else if (difference.isBelow(java.math.BigDecimal.ZERO)) {
            cheaper = Cheaper.USAGE;
        } else if (difference.isPoint() && difference.value().signum() == 0) {
            cheaper = Cheaper.EQUAL;
        } else {
            cheaper = Cheaper.UNDECIDED;
        }
        return new PlanComparison(seat, fee, usage, plan, difference, multiple, seat.minus(fee, Quantity.Unit.USD), cheaper);
    }

    private static void requireUsd(Quantity q, String name) {
        if (q.unit() != Quantity.Unit.USD) {
            throw new IllegalArgumentException(name + " (" + q + ") must be in usd");
        }
    }

    private PlanComparison(Quantity seat, Quantity fee, Quantity usage, Quantity usagePlan, Quantity difference, Quantity multiple, Quantity breakEven,
            Cheaper cheaper) {
        this.seat = seat;
        this.fee = fee;
        this.usage = usage;
        this.usagePlan = usagePlan;
        this.difference = difference;
        this.multiple = multiple;
        this.breakEven = breakEven;
        this.cheaper = cheaper;
    }

    /**
     * The seat price.
     *
     * @return the seat price
     */
    public Quantity seat() {
        return seat;
    }

    /**
     * The fixed fee of usage-based billing.
     *
     * @return the fee
     */
    public Quantity fee() {
        return fee;
    }

    /**
     * The cost of the usage.
     *
     * @return the usage cost
     */
    public Quantity usage() {
        return usage;
    }

    /**
     * What usage-based billing costs: fee + usage.
     *
     * @return the usage plan's cost
     */
    public Quantity usagePlan() {
        return usagePlan;
    }

    /**
     * Usage plan minus seat: positive when usage-based billing costs more.
     *
     * @return the difference
     */
    public Quantity difference() {
        return difference;
    }

    /**
     * Usage plan over seat ("doubles" is 2×); empty unless the seat is known to be above $0.
     *
     * @return the multiple
     */
    public Optional<Quantity> multiple() {
        return Optional.ofNullable(multiple);
    }

    /**
     * The usage cost at which both plans cost the same: seat minus fee.
     *
     * @return the break-even usage
     */
    public Quantity breakEven() {
        return breakEven;
    }

    /**
     * Which plan costs less.
     *
     * @return the cheaper plan
     */
    public Cheaper cheaper() {
        return cheaper;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PlanComparison)) {
            return false;
        }
        PlanComparison p = (PlanComparison) o;
        return seat.equals(p.seat) && fee.equals(p.fee) && usage.equals(p.usage);
    }

    @Override
    public int hashCode() {
        return Objects.hash(seat, fee, usage);
    }

    @Override
    public String toString() {
        return "seat " + seat + " vs fee " + fee + " + usage " + usage + " = " + usagePlan + ": " + cheaper + " cheaper; break-even usage "
                + breakEven;
    }
}
