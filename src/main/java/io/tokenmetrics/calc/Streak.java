package io.tokenmetrics.calc;

import io.tokenmetrics.period.TimePeriod;
import java.util.Objects;

/**
 * A run of consecutive changes in one direction: "rose ten weeks in a row" is a streak of
 * direction {@link Direction#RISE} and length 10, from the first period before the first rise to
 * the last period. Immutable and thread-safe.
 */
public final class Streak {
    private final Direction direction;
    private final int length;
    private final TimePeriod start;
    private final TimePeriod end;

    Streak(Direction direction, int length, TimePeriod start, TimePeriod end) {
        this.direction = direction;
        this.length = length;
        this.start = start;
        this.end = end;
    }

    /**
     * Rise, fall or flat.
     *
     * @return rise, fall or flat
     */
    public Direction direction() {
        return direction;
    }

    /**
     * The number of changes in the run.
     *
     * @return the number of changes in the run
     */
    public int length() {
        return length;
    }

    /**
     * The period before the first change of the run.
     *
     * @return the period before the first change of the run
     */
    public TimePeriod start() {
        return start;
    }

    /**
     * The period of the last change of the run.
     *
     * @return the period of the last change of the run
     */
    public TimePeriod end() {
        return end;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Streak)) {
            return false;
        }
        Streak s = (Streak) o;
        return direction == s.direction && length == s.length && start.equals(s.start) && end.equals(s.end);
    }

    @Override
    public int hashCode() {
        return Objects.hash(direction, length, start, end);
    }

    @Override
    public String toString() {
        String word = direction == Direction.RISE ? "rose" : direction == Direction.FALL ? "fell" : "flat";
        return word + " " + length + " period" + (length == 1 ? "" : "s") + " in a row (" + start + " → " + end + ")";
    }
}
