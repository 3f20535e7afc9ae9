package io.tokenmetrics.calc;

import io.tokenmetrics.amount.Quantity;
import io.tokenmetrics.data.Claim;
import io.tokenmetrics.data.Dataset;
import io.tokenmetrics.data.Observation;
import io.tokenmetrics.data.Series;
import io.tokenmetrics.period.TimePeriod;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The claim checks that walk periods backwards: streaks and "first time ahead". */
final class ClaimChecks {
    private ClaimChecks() {
    }

    /**
     * The direction of the change into {@code p}: from observed values at {@code p} and the period
     * before, or else from the sign of the change the source states at {@code p}.
     */
    private static Optional<Direction> directionInto(Series s, TimePeriod p) {
        Optional<Observation> cur = s.at(p);
        if (!cur.isPresent() || !cur.get().value().isPresent()) {
            return Optional.empty();
        }
        Optional<Observation> prev = s.at(p.previous());
        if (prev.isPresent() && prev.get().value().isPresent()) {
            return Optional.of(Calculator.direction(prev.get().value().get(), cur.get().value().get()));
        }
        if (cur.get().statedChange().isPresent()) {
            Quantity c = cur.get().statedChange().get();
            Quantity zero = Quantity.of(0, Quantity.Unit.PERCENT);
            return Optional.of(Calculator.direction(zero, c));
        }
        return Optional.empty();
    }

    static ClaimCheck streak(Claim claim, Dataset data) {
        Series s = data.series(claim.series().get());
        TimePeriod at = claim.at().get();
        int needed = claim.rises() + claim.falls();
        if (at.isApproximate()) {
            return new ClaimCheck(claim, Verdict.UNDECIDABLE, null, null, Message.of("check.streak.approx", at));
        }
        TimePeriod p = at;
        int known = 0;
        List<Message> seen = new ArrayList<>();
        for (int i = 0; i < needed; i++) {
            Direction expected = i < claim.falls() ? Direction.FALL : Direction.RISE;
            Optional<Direction> d = directionInto(s, p);
            if (!d.isPresent()) {
                break;
            }
            if (d.get() != expected) {
                return new ClaimCheck(claim, Verdict.INCONSISTENT, null, null, Message.of("check.streak.wrong", p, word(d.get()), word(expected),
                        seen.isEmpty() ? Message.EMPTY : Message.of("check.after", Message.list("sep.comma", seen))));
            }
            seen.add(Message.of("check.seen", p, word(d.get())));
            known++;
            p = p.previous();
        }
        TimePeriod first = at;
        for (int i = 0; i < needed; i++) {
            first = first.previous();
        }
        if (known < needed) {
            return new ClaimCheck(claim, Verdict.UNDECIDABLE, null, null, Message.of("check.streak.undecidable", needed, first, at, needed + 1,
                    known, seen.isEmpty() ? Message.EMPTY : Message.of("check.paren", Message.list("sep.comma", seen)), periodsWithValues(s)));
        }
        return new ClaimCheck(claim, Verdict.CONSISTENT, null, null, Message.of("check.streak.ok", needed, first, at, claim.rises(), claim.falls()));
    }

    private static Message word(Direction d) {
        return Message.of("direction." + d.name().toLowerCase(java.util.Locale.ROOT));
    }

    private static Message periodsWithValues(Series s) {
        List<TimePeriod> out = new ArrayList<>();
        for (Observation o : Calculator.valued(s)) {
            out.add(o.period());
        }
        return out.isEmpty() ? Message.of("check.noperiod") : Message.list("sep.comma", out);
    }

    /** The value of {@code s} at {@code p}: observed, or implied from the change stated at the next period. */
    private static Optional<Quantity> valueAt(Series s, TimePeriod p, List<Message> notes) {
        Optional<Observation> o = s.at(p);
        if (o.isPresent() && o.get().value().isPresent()) {
            return o.get().value();
        }
        Optional<Observation> next = s.at(p.next());
        if (next.isPresent() && next.get().value().isPresent() && next.get().statedChange().isPresent()) {
            Quantity v = Calculator.create().impliedPrevious(next.get().value().get(), next.get().statedChange().get());
            notes.add(Message.of("check.implied", s.id(), p, v, next.get().value().get(), next.get().statedChange().get()));
            return Optional.of(v);
        }
        return Optional.empty();
    }

    static ClaimCheck firstAhead(Claim claim, Dataset data) {
        Series leader = data.series(claim.series().get());
        Series other = data.series(claim.other().get());
        Calculator.requireSameMeasure(leader, other);
        TimePeriod at = claim.at().get();
        List<Message> notes = new ArrayList<>();
        Optional<Quantity> l = valueAt(leader, at, notes);
        Optional<Quantity> o = valueAt(other, at, notes);
        if (!l.isPresent() || !o.isPresent()) {
            return new ClaimCheck(claim, Verdict.UNDECIDABLE, null, null, Message.of("check.ahead.nofigures", at));
        }
        Message now = Message.of("check.ahead.now", at, leader.id(), l.get(), other.id(), o.get());
        Side lead = Calculator.leader(l.get(), o.get());
        if (lead == Side.UNKNOWN) {
            return new ClaimCheck(claim, Verdict.UNDECIDABLE, null, null, Message.of("check.ahead.overlap", now));
        }
        if (lead != Side.FIRST) {
            return new ClaimCheck(claim, Verdict.INCONSISTENT, null, null, Message.of("check.ahead.notahead", now, leader.id()));
        }
        if (at.isApproximate()) {
            return new ClaimCheck(claim, Verdict.UNDECIDABLE, null, null, Message.of("check.ahead.approx", now));
        }
        List<Message> behind = new ArrayList<>();
        List<Message> missing = new ArrayList<>();
        TimePeriod p = at;
        for (int i = 0; i < claim.periods(); i++) {
            p = p.previous();
            Optional<Quantity> lp = valueAt(leader, p, notes);
            Optional<Quantity> op = valueAt(other, p, notes);
            if (!lp.isPresent() || !op.isPresent()) {
                missing.add(Message.of("check.period", p));
                continue;
            }
            Side before = Calculator.leader(lp.get(), op.get());
            Message line = Message.of("check.ahead.line", p, lp.get(), op.get());
            if (before == Side.FIRST) {
                return new ClaimCheck(claim, Verdict.INCONSISTENT, null, null, Message.of("check.ahead.already", now, leader.id(), line,
                        notes(notes)));
            }
            if (before == Side.UNKNOWN) {
                missing.add(Message.of("check.ahead.rangesoverlap", p));
                continue;
            }
            behind.add(line);
        }
        Message detail = Message.of("check.ahead.detail", now,
                behind.isEmpty() ? Message.EMPTY : Message.of("check.ahead.behind", Message.list("sep.comma", behind)), notes(notes));
        if (!missing.isEmpty()) {
            Message range = missing.size() > 1 ? Message.of("check.range", missing.get(missing.size() - 1), missing.get(0)) : missing.get(0);
            return new ClaimCheck(claim, Verdict.UNDECIDABLE, null, null, Message.of("check.ahead.missing", detail, missing.size(),
                    claim.periods(), range));
        }
        return new ClaimCheck(claim, Verdict.CONSISTENT, null, null, Message.of("check.ahead.ok", detail));
    }

    private static Message notes(List<Message> notes) {
        return notes.isEmpty() ? Message.EMPTY : Message.of("check.brackets", Message.list("sep.semicolon", notes));
    }
}
