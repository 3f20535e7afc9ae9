package io.tokenmetrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every public static method of the library's public classes, and every public method of its
 * main objects, refuses a null argument at once with a {@link NullPointerException} whose
 * message names the parameter ({@code Objects.requireNonNull(x, "x")}), as
 * {@code TokenAmount.of((BigDecimal) null)} and {@code aggregate((Path[]) null)} once did not.
 * Parameters documented as taking null are listed, each with its reason. (The class files carry
 * parameter names: the compiler's {@code -parameters}.)
 */
class NullArgumentsTest {
    /** Parameters that take null on purpose, as "method(parameter)". */
    private static final List<String> NULLABLE = java.util.Arrays.asList(
            // null: no total
            "compare(total)",
            // null: recognise each input's source
            "source(s)",
            // null: from the first day / to the last
            "since(first)", "until(last)",
            // null: the key is missing, which the method reports as such
            "create(apiKey)");

    @Test
    void publicStaticMethodsNameTheNullParameter() throws Exception {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.tokenmetrics");
        List<String> unnamed = new ArrayList<>();
        int checked = 0;
        for (JavaClass jc : classes) {
            if (!jc.getModifiers().contains(JavaModifier.PUBLIC) || jc.getPackageName().startsWith("io.tokenmetrics.internal")
                    || jc.getPackageName().startsWith("io.tokenmetrics.cli") || jc.getPackageName().startsWith("io.tokenmetrics.spark")
                    || jc.isEnum() || jc.isInterface()) {
                continue;
            }
            Class<?> c = jc.reflect();
            for (Method m : c.getDeclaredMethods()) {
                if (!Modifier.isPublic(m.getModifiers()) || !Modifier.isStatic(m.getModifiers()) || m.isSynthetic()) {
                    continue;
                }
                for (int i = 0; i < m.getParameterCount(); i++) {
                    Parameter p = m.getParameters()[i];
                    if (p.getType().isPrimitive() || NULLABLE.contains(m.getName() + "(" + p.getName() + ")")) {
                        continue;
                    }
                    checked++;
                    String message = nullMessage(c, m, i);
                    if (message == null || !message.equals(p.getName()) && !message.startsWith(p.getName() + " ")) {
                        unnamed.add(c.getSimpleName() + "." + m.getName() + " parameter " + i + " (" + p.getName() + "): " + message);
                    }
                }
            }
        }
        assertTrue(checked > 30, "checked " + checked);
        assertEquals("", String.join("\n", unnamed));
    }

    @Test
    void publicMethodsOfTheMainObjectsNameTheNullParameter() throws Exception {
        Object[] objects = {io.tokenmetrics.usage.UsageAggregator.builder().build(), io.tokenmetrics.usage.UsageAggregator.builder(),
            io.tokenmetrics.calc.Calculator.create(), io.tokenmetrics.data.Dataset.bundled()};
        List<String> unnamed = new ArrayList<>();
        int checked = 0;
        for (Object o : objects) {
            for (Method m : o.getClass().getDeclaredMethods()) {
                if (!Modifier.isPublic(m.getModifiers()) || Modifier.isStatic(m.getModifiers()) || m.isSynthetic()) {
                    continue;
                }
                for (int i = 0; i < m.getParameterCount(); i++) {
                    Parameter p = m.getParameters()[i];
                    if (p.getType().isPrimitive() || NULLABLE.contains(m.getName() + "(" + p.getName() + ")") || m.getName().equals("equals")) {
                        continue;
                    }
                    checked++;
                    String message = nullMessage(o, m, i);
                    if (message == null || !message.equals(p.getName()) && !message.startsWith(p.getName() + " ")) {
                        unnamed.add(o.getClass().getSimpleName() + "." + m.getName() + " parameter " + i + " (" + p.getName() + "): " + message);
                    }
                }
            }
        }
        assertTrue(checked > 20, "checked " + checked);
        assertEquals("", String.join("\n", unnamed));
    }

    /** The message of the NullPointerException that {@code m} throws with null at {@code index}; "(no NPE: ...)" otherwise. */
    private static String nullMessage(Class<?> c, Method m, int index) {
        return nullMessage((Object) null, m, index);
    }

    private static String nullMessage(Object target, Method m, int index) {
        Object[] args = new Object[m.getParameterCount()];
        for (int k = 0; k < args.length; k++) {
            if (k != index) {
                args[k] = defaultValue(m.getParameterTypes()[k]);
                if (args[k] == null && !m.getParameterTypes()[k].isPrimitive()) {
                    return m.getParameters()[index].getName() + " (skipped: no sample for " + m.getParameterTypes()[k].getSimpleName() + ")";
                }
            }
        }
        try {
            m.invoke(target, args);
            return "(no NPE: null accepted)";
        } catch (java.lang.reflect.InvocationTargetException e) {
            Throwable cause = e.getCause();
            return cause instanceof NullPointerException ? String.valueOf(cause.getMessage()) : "(" + cause + ")";
        } catch (IllegalAccessException e) {
            return "(" + e + ")";
        }
    }

    private static Object defaultValue(Class<?> type) {
        if (type == long.class) {
            return 1L;
        }
        if (type == int.class) {
            return 1;
        }
        if (type == double.class) {
            return 1.0;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == String.class) {
            return "1";
        }
        if (type == java.math.BigDecimal.class) {
            return java.math.BigDecimal.ONE;
        }
        if (type == java.nio.file.Path[].class) {
            return new java.nio.file.Path[0];
        }
        if (type == java.util.List.class) {
            return java.util.Collections.emptyList();
        }
        if (type == String[].class) {
            return new String[0];
        }
        if (type == io.tokenmetrics.amount.Quantity.class) {
            return io.tokenmetrics.amount.Quantity.of(1, io.tokenmetrics.amount.Quantity.Unit.USD);
        }
        if (type == io.tokenmetrics.amount.Quantity.Unit.class) {
            return io.tokenmetrics.amount.Quantity.Unit.USD;
        }
        if (type == io.tokenmetrics.amount.Language.class) {
            return io.tokenmetrics.amount.Language.EN;
        }
        if (type == java.time.LocalDate.class) {
            return java.time.LocalDate.of(2026, 4, 13);
        }
        if (type == java.time.Instant.class) {
            return java.time.Instant.parse("2026-04-13T10:00:00Z");
        }
        return null;
    }
}
