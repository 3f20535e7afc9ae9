package io.tokenmetrics.usage;

import io.tokenmetrics.period.PeriodType;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What an aggregation is asked: periods, zone, dimensions, source, mapping, bad-row policy and
 * days. The one value an {@link UsageAggregator} is built from and that an engine's plan carries
 * to its workers ({@link UsagePartitions.Plan}), so that both read with the same settings and no
 * copy of them can drift. Immutable and serializable.
 */
final class UsageSettings implements Serializable {
    private static final long serialVersionUID = 1L;
    final PeriodType period;
    /** The zone's id: a {@link ZoneId} is serializable, but its id is what a worker on another JVM needs. */
    final String zone;
    final ArrayList<String> by;
    final EnumMap<UsageField, String> mapping;
    final boolean skipBad;
    final UsageSource source;
    final LocalDate since;
    final LocalDate until;

    private UsageSettings(PeriodType period, ZoneId zone, List<String> by, Map<UsageField, String> mapping, boolean skipBad, UsageSource source,
            LocalDate since, LocalDate until) {
        this.period = period;
        this.zone = zone.getId();
        this.by = new ArrayList<>(by);
        this.mapping = new EnumMap<>(UsageField.class);
        this.mapping.putAll(mapping);
        this.skipBad = skipBad;
        this.source = source;
        this.since = since;
        this.until = until;
    }

    /** The settings of {@code a}. */
    static UsageSettings of(UsageAggregator a) {
        return new UsageSettings(a.period(), a.zone(), a.by(), a.mapping(), a.skipsBad(), a.source(), a.since(), a.until());
    }

    /** The same settings with the source decided ({@code s}), for rows whose source the driver decided. */
    UsageSettings withSource(UsageSource s) {
        return new UsageSettings(period, ZoneId.of(zone), by, mapping, skipBad, s, since, until);
    }

    /** An aggregator with these settings, on one thread: what a worker reads its rows with. */
    UsageAggregator aggregator() {
        UsageAggregator.Builder b = UsageAggregator.builder().period(period).zone(ZoneId.of(zone)).by(by).skipBad(skipBad).threads(1)
                .since(since).until(until);
        if (source != null) {
            b.source(source);
        }
        for (Map.Entry<UsageField, String> e : mapping.entrySet()) {
            b.map(e.getKey(), e.getValue());
        }
        return b.build();
    }
}
