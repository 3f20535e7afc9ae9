package io.tokenmetrics;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.tokenmetrics.amount.Language;
import io.tokenmetrics.amount.Quantity;
import io.tokenmetrics.amount.TokenAmount;
import io.tokenmetrics.calc.Calculator;
import io.tokenmetrics.calc.ClaimChecker;
import io.tokenmetrics.data.Claim;
import io.tokenmetrics.data.Dataset;
import io.tokenmetrics.data.Measure;
import io.tokenmetrics.data.Observation;
import io.tokenmetrics.data.Series;
import io.tokenmetrics.data.Source;
import io.tokenmetrics.data.Status;
import io.tokenmetrics.period.PeriodType;
import io.tokenmetrics.period.TimePeriod;
import io.tokenmetrics.usage.UsageAggregator;
import io.tokenmetrics.usage.UsageField;
import io.tokenmetrics.usage.UsageRecord;
import io.tokenmetrics.usage.UsageSource;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringReader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * One null policy, as Guava's {@code NullPointerTester} checks it: every public method of the
 * public value types and services, given null for any reference parameter (the others filled with
 * valid samples), throws {@link NullPointerException} at once, and never answers as if null were
 * a value ("has no observation at null"). Parameters documented as accepting null are listed.
 */
class NullPolicyTest {
    private static final Dataset DATA = Dataset.bundled();
    private static final Series SERIES = DATA.series("openrouter-us-weekly");
    private static final TimePeriod W16 = TimePeriod.parse("2026-W16");

    /** Methods (Class.method) whose reference parameters may be null, as their javadoc says. */
    private static final Set<String> NULLABLE = new HashSet<>(Arrays.asList(
            "Builder.per", "Builder.note", "Builder.source", "Builder.status", "Builder.rank", "Builder.listed", "Builder.statedChange",
            "Builder.quote", "Builder.fact", "Builder.since", "Builder.until", "PriceTable.match#1", "Builder.cacheWrite1h", "Builder.provider", "Claim.withProvenance", "Claim.withNote", "Claim.withChinese", "Source.of", "Observation.builder",
            // the total of a comparison is optional
            "Calculator.compare#3"));

    private static Map<Class<?>, Object> samples() {
        Map<Class<?>, Object> m = new HashMap<>();
        m.put(String.class, "x");
        m.put(CharSequence.class, "20.6T");
        m.put(TimePeriod.class, W16);
        m.put(Series.class, SERIES);
        m.put(Dataset.class, DATA);
        m.put(Quantity.class, Quantity.of(1, Quantity.Unit.TOKENS));
        m.put(Quantity.Unit.class, Quantity.Unit.TOKENS);
        m.put(TokenAmount.class, TokenAmount.of(1));
        m.put(Language.class, Language.EN);
        m.put(Measure.class, Measure.TOKENS_PER_WEEK);
        m.put(Status.class, Status.values()[0]);
        m.put(LocalDate.class, LocalDate.of(2026, 4, 13));
        m.put(YearMonth.class, YearMonth.of(2026, 4));
        m.put(BigDecimal.class, BigDecimal.ONE);
        m.put(List.class, Collections.emptyList());
        m.put(Path.class, Paths.get("no-such-file"));
        m.put(InputStream.class, new ByteArrayInputStream(new byte[0]));
        m.put(OutputStream.class, new java.io.ByteArrayOutputStream());
        m.put(Reader.class, new StringReader(""));
        m.put(Instant.class, Instant.EPOCH);
        m.put(ZoneId.class, ZoneOffset.UTC);
        m.put(PeriodType.class, PeriodType.WEEK);
        m.put(UsageField.class, UsageField.INPUT);
        m.put(UsageSource.class, UsageSource.CSV);
        m.put(Claim.class, DATA.claims().get(0));
        m.put(Observation.class, SERIES.observations().get(0));
        m.put(UsageRecord.class, UsageRecord.builder(Instant.EPOCH).build());
        return m;
    }

    private static Object[] instances() {
        return new Object[] {Calculator.create(), ClaimChecker.create(), DATA, SERIES, W16, Quantity.of(1, Quantity.Unit.TOKENS),
            TokenAmount.of(1), DATA.claims().get(0), SERIES.observations().get(0), UsageAggregator.builder(), UsageAggregator.builder().build(),
            Series.builder("x", Measure.TOKENS_PER_WEEK), Observation.builder(W16, null), UsageRecord.builder(Instant.EPOCH),
            UsageAggregator.builder().build().recorder(),
            Calculator.create().compare(SERIES, DATA.series("openrouter-china-weekly"), W16, DATA.series("openrouter-total-weekly"))};
    }

    /** A valid value of a primitive type (boxed one by one: a conditional expression would promote them all to double). */
    private static Object primitive(Class<?> t) {
        if (t == boolean.class) {
            return Boolean.FALSE;
        }
        if (t == double.class) {
            return 1.0d;
        }
        if (t == long.class) {
            return 1L;
        }
        return 1;
    }

    private static final Class<?>[] STATICS = {Quantity.class, TokenAmount.class, TimePeriod.class, Series.class, Observation.class,
        Claim.class, Dataset.class, Source.class, Measure.class, UsageRecord.class, UsageSource.class, UsageField.class};

    @TestFactory
    List<DynamicTest> everyPublicEntryRefusesNullAtOnce() {
        Map<Class<?>, Object> samples = samples();
        List<DynamicTest> tests = new ArrayList<>();
        List<Object[]> targets = new ArrayList<>();
        for (Object o : instances()) {
            for (Method m : o.getClass().getMethods()) {
                if (!Modifier.isStatic(m.getModifiers()) && m.getDeclaringClass() == o.getClass()) {
                    targets.add(new Object[] {o, m});
                }
            }
        }
        for (Class<?> c : STATICS) {
            for (Method m : c.getMethods()) {
                if (Modifier.isStatic(m.getModifiers()) && m.getDeclaringClass() == c) {
                    targets.add(new Object[] {null, m});
                }
            }
        }
        for (Object[] t : targets) {
            Method m = (Method) t[1];
            String name = m.getDeclaringClass().getSimpleName() + "." + m.getName();
            if (NULLABLE.contains(name) || m.getName().equals("equals") || m.isSynthetic()) {
                continue;
            }
            Class<?>[] types = m.getParameterTypes();
            for (int i = 0; i < types.length; i++) {
                if (types[i].isPrimitive()) {
                    continue;
                }
                int at = i;
                if (NULLABLE.contains(name + "#" + i)) {
                    continue;
                }
                tests.add(DynamicTest.dynamicTest(name + Arrays.toString(types) + " with null #" + i, () -> {
                    Object[] args = new Object[types.length];
                    for (int k = 0; k < types.length; k++) {
                        if (k == at) {
                            continue;
                        }
                        if (types[k].isPrimitive()) {
                            args[k] = primitive(types[k]);
                        } else if (types[k].isArray()) {
                            args[k] = java.lang.reflect.Array.newInstance(types[k].getComponentType(), 0);
                        } else if (samples.containsKey(types[k])) {
                            args[k] = samples.get(types[k]);
                        } else {
                            return; // no sample of this type: not checked
                        }
                    }
                    try {
                        m.invoke(t[0], args);
                        fail(name + " accepted null for parameter " + at);
                    } catch (InvocationTargetException e) {
                        assertTrue(e.getCause() instanceof NullPointerException,
                                name + " threw " + e.getCause() + " for null parameter " + at + ", not NullPointerException");
                    }
                }));
            }
        }
        return tests;
    }
}
