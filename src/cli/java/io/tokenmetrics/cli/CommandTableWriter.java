package io.tokenmetrics.cli;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Writes {@link CommandTable}'s file from picocli's model of the commands, the one declaration
 * of every option (the {@code @Option} and {@code @Parameters} annotations): run by the build
 * ({@code process-classes}, {@code pom.xml}), so that the quick command line
 * ({@link QuickCommandLine}) knows each command's options without reading annotations at run
 * time, a twentieth of a second of every start. Whatever the quick reader cannot hold to
 * picocli's meaning (a help option, an arity other than 0 or 1, a type without a known
 * conversion, a default with a variable) is written as {@code picocli}: the quick reader leaves
 * any command line using it to picocli.
 */
public final class CommandTableWriter {
    private CommandTableWriter() {
    }

    /** The types the quick reader converts as picocli's built-in converters do (on values both accept). */
    private static final List<Class<?>> KNOWN = Arrays.asList(String.class, Integer.class, int.class, Long.class, long.class, Path.class,
            BigDecimal.class);

    /**
     * Writes the table.
     *
     * @param args the output directory (the classes directory): the table goes to {@link CommandTable#RESOURCE} under it
     * @throws Exception when a command cannot be made or the file not written
     */
    public static void main(String[] args) throws Exception {
        Path out = Paths.get(args[0]).resolve(CommandTable.RESOURCE.substring(1));
        Files.createDirectories(out.getParent());
        Files.write(out, table().getBytes(StandardCharsets.UTF_8));
    }

    /** The table's text: a line per command, then a line per option and positional parameter of it. */
    static String table() throws ReflectiveOperationException {
        StringBuilder b = new StringBuilder("# written by CommandTableWriter from the commands' picocli annotations; do not edit\n");
        for (int k = 0; k < Commands.Root.SUBCOMMANDS.length; k++) {
            Class<?> type = Commands.Root.SUBCOMMANDS[k];
            Constructor<?> make = type.getDeclaredConstructor();
            make.setAccessible(true);
            CommandSpec spec = new CommandLine(make.newInstance()).getCommandSpec();
            b.append("command\t").append(Commands.Root.NAMES[k]).append('\t').append(type.getName()).append('\n');
            for (OptionSpec o : spec.options()) {
                b.append("option\t").append(String.join(",", o.names())).append('\t').append(describe(spec, o, o.usageHelp() || o.versionHelp()))
                        .append('\n');
            }
            for (PositionalParamSpec p : spec.positionalParameters()) {
                b.append("positional\t").append(p.index()).append('\t').append(describe(spec, p, false)).append('\n');
            }
        }
        return b.toString();
    }

    /**
     * An option's or parameter's columns: holder (a mixin's field, or {@code -}), declaring class,
     * field, arity (min, max), kind ({@code one}, {@code list}, {@code map}, {@code flag} or
     * {@code picocli}), value type, split pattern, default ({@code -} for none), required, and its
     * converter class ({@code -} for picocli's own).
     */
    private static String describe(CommandSpec spec, ArgSpec a, boolean help) {
        if (!(a.userObject() instanceof Field)) {
            return "-\t-\t-\t0\t0\tpicocli\t-\t-\t-\tfalse\t-";
        }
        Field f = (Field) a.userObject();
        String holder = "-";
        if (!f.getDeclaringClass().isAssignableFrom(spec.userObject().getClass())) {
            holder = null;
            for (Map.Entry<String, CommandSpec> m : spec.mixins().entrySet()) {
                if (m.getValue().userObject() != null && m.getValue().userObject().getClass() == f.getDeclaringClass()) {
                    holder = m.getKey();
                }
            }
        }
        String kind = kind(a, help || holder == null);
        Class<?> value = a.auxiliaryTypes()[a.auxiliaryTypes().length - 1];
        String converter = a.converters().length == 0 ? "-" : a.converters()[0].getClass().getName();
        return (holder == null ? "-" : holder) + '\t' + f.getDeclaringClass().getName() + '\t' + f.getName() + '\t' + a.arity().min() + '\t'
                + a.arity().max() + '\t' + kind + '\t' + value.getName() + '\t' + (a.splitRegex().isEmpty() ? "-" : a.splitRegex()) + '\t'
                + (a.defaultValue() == null ? "-" : a.defaultValue()) + '\t' + a.required() + '\t' + converter;
    }

    private static String kind(ArgSpec a, boolean picocliOnly) {
        Class<?> type = a.type();
        Class<?>[] aux = a.auxiliaryTypes();
        boolean convertible = true;
        for (Class<?> t : aux) {
            convertible &= a.converters().length > 0 || KNOWN.contains(t) || t.isEnum() || t == boolean.class || t == Boolean.class;
        }
        String dflt = a.defaultValue();
        if (picocliOnly || !convertible || dflt != null && (dflt.contains("${") || a.isMultiValue()) || a.converters().length > 1) {
            return "picocli";
        }
        if ((type == boolean.class || type == Boolean.class) && a.arity().min() == 0 && a.arity().max() == 0 && a.isOption()) {
            return "flag";
        }
        if (a.isOption() && (a.arity().min() != 1 || a.arity().max() != 1)) {
            return "picocli";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "picocli";
        }
        if (List.class.isAssignableFrom(type) && type.isAssignableFrom(ArrayList.class)) {
            return "list";
        }
        if (Map.class.isAssignableFrom(type) && type.isAssignableFrom(java.util.LinkedHashMap.class) && aux.length == 2 && aux[0] == String.class) {
            return "map";
        }
        if (a.isMultiValue() || type.isArray()) {
            return "picocli";
        }
        return "one";
    }
}
