package io.tokenmetrics.cli;

import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A command run without picocli, whose start-up (loading its classes, reading the commands'
 * annotations) is most of a short run's: the command line is read with the command's
 * {@link CommandTable}, which the build writes from the same annotations picocli reads, so that
 * there is one declaration of every option. Only what reads one way is taken here: a command line
 * with help, a repeat of a one-value option, a missing, empty or option-like value, {@code --},
 * an {@code @file}, an unknown word or a value that does not convert is left to picocli (null),
 * before anything runs, so that picocli's message is the one printed.
 * {@code CommandLineEquivalenceProperties} holds both ways to the same output on generated
 * command lines.
 */
final class QuickCommandLine {
    private QuickCommandLine() {
    }

    /** Why a command line is picocli's to read. */
    private static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused() {
            super(null, null, false, false);
        }
    }

    /**
     * Runs the command line when it reads one way, else returns null.
     *
     * @return the exit code, or null for picocli
     */
    static Integer run(String[] args, PrintWriter out, PrintWriter err, UsageCommand.Engine engine) {
        if (args.length == 0) {
            return null;
        }
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V")) && !picocliSettings()) {
            // the version alone, which picocli answers only after reading all twelve commands' annotations
            try {
                for (String line : new Commands.Version().getVersion()) {
                    out.println(line);
                }
            } catch (java.io.IOException e) {
                return null;
            }
            out.flush();
            return Main.OK;
        }
        CommandTable table = CommandTable.of(args[0]);
        if (table == null) {
            return null;
        }
        Commands.Base command;
        try {
            command = parse(table, args, engine);
        } catch (Refused e) {
            return null;
        }
        command.runWithout(table.name, err);
        try {
            return command.execute(out);
        } catch (RuntimeException ex) {
            // as picocli's execution handler in Main reports it; the command never runs twice
            int code = Main.failed(ex, err);
            if (command.common.debug) {
                ex.printStackTrace(err);
            }
            return code;
        }
    }

    /** Whether the quick path reads this command line (for the tests' statistics): the command is made, not run. */
    static boolean reads(String[] args) {
        CommandTable table = args.length == 0 ? null : CommandTable.of(args[0]);
        try {
            return table != null && parse(table, args, UsageCommand.LOCAL) != null;
        } catch (Refused e) {
            return false;
        }
    }

    /** Whether picocli's parser settings are given (picocli.trimQuotes, picocli.useSimplifiedAtFiles…): its reading alone then. */
    private static boolean picocliSettings() {
        for (String p : System.getProperties().stringPropertyNames()) {
            if (p.startsWith("picocli.")) {
                return true;
            }
        }
        return false;
    }

    /** The command with its options set as picocli would set them, or Refused. */
    private static Commands.Base parse(CommandTable table, String[] args, UsageCommand.Engine engine) throws Refused {
        if (picocliSettings()) {
            throw new Refused();
        }
        Commands.Base command = make(table, engine);
        List<String> positional = new ArrayList<>();
        Set<CommandTable.Arg> given = new HashSet<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("@") || a.equals("--")) {
                // an argument file, the end of options: picocli's
                throw new Refused();
            }
            if (!a.startsWith("-") || a.equals("-")) {
                if (a.indexOf('"') >= 0) {
                    // picocli.trimQuotes would read it otherwise
                    throw new Refused();
                }
                positional.add(a);
                continue;
            }
            int eq = a.indexOf('=');
            CommandTable.Arg o = table.option(eq < 0 ? a : a.substring(0, eq));
            if (o == null || o.kind.equals("picocli")) {
                throw new Refused();
            }
            boolean again = !given.add(o);
            if (o.kind.equals("flag")) {
                if (eq >= 0 || again) {
                    throw new Refused();
                }
                set(command, o, Boolean.TRUE);
                continue;
            }
            String value = eq >= 0 ? a.substring(eq + 1) : i + 1 < args.length ? args[++i] : null;
            if (value == null || value.isEmpty() || value.startsWith("-") || value.startsWith("@") || value.indexOf('"') >= 0
                    || again && o.kind.equals("one")) {
                throw new Refused();
            }
            assign(command, o, value);
        }
        for (CommandTable.Arg p : table.args) {
            if (p.option) {
                if (!given.contains(p) && (p.required || p.kind.equals("picocli") && p.defaultValue != null)) {
                    throw new Refused();
                }
                if (!given.contains(p) && p.defaultValue != null) {
                    set(command, p, convert(p, p.defaultValue));
                }
                continue;
            }
            List<String> values = positional.subList(Math.min(p.from(), positional.size()), (int) Math.min((long) p.to() + 1, positional.size()));
            if (values.size() < p.min || values.size() > p.max || p.kind.equals("picocli") && !values.isEmpty()) {
                throw new Refused();
            }
            for (String v : values) {
                assign(command, p, v);
            }
        }
        // a parameter no declaration takes
        int taken = 0;
        for (CommandTable.Arg p : table.args) {
            if (!p.option && p.to() != Integer.MAX_VALUE) {
                taken = Math.max(taken, p.to() + 1);
            } else if (!p.option) {
                taken = Integer.MAX_VALUE;
            }
        }
        if (positional.size() > taken) {
            throw new Refused();
        }
        return command;
    }

    private static Commands.Base make(CommandTable table, UsageCommand.Engine engine) throws Refused {
        try {
            Class<?> type = Class.forName(table.commandClass);
            if (type == UsageCommand.class) {
                return new UsageCommand(engine);
            }
            Constructor<?> c = type.getDeclaredConstructor();
            c.setAccessible(true);
            return (Commands.Base) c.newInstance();
        } catch (ReflectiveOperationException | ClassCastException e) {
            // a table from another build: picocli reads the command itself
            throw new Refused();
        }
    }

    private static void assign(Commands.Base command, CommandTable.Arg a, String value) throws Refused {
        String[] pieces = a.split == null ? new String[] {value} : value.split(a.split, -1);
        for (String piece : pieces) {
            if (piece.isEmpty()) {
                throw new Refused();
            }
            if (a.kind.equals("map")) {
                int eq = piece.indexOf('=');
                if (eq <= 0) {
                    throw new Refused();
                }
                put(command, a, piece.substring(0, eq), convert(a, piece.substring(eq + 1)));
            } else {
                set(command, a, convert(a, piece));
            }
        }
    }

    /** A value converted as picocli's converter for its type converts it, where both accept it; Refused elsewhere. */
    private static Object convert(CommandTable.Arg a, String v) throws Refused {
        try {
            if (a.converter != null) {
                Constructor<?> c = Class.forName(a.converter).getDeclaredConstructor();
                c.setAccessible(true);
                return ((picocli.CommandLine.ITypeConverter<?>) c.newInstance()).convert(v);
            }
            switch (a.valueType) {
                case "java.lang.String":
                    return v;
                case "java.lang.Integer":
                case "int":
                    if (!v.matches("[0-9]{1,9}")) {
                        throw new Refused();
                    }
                    return Integer.valueOf(v);
                case "java.lang.Long":
                case "long":
                    if (!v.matches("[0-9]{1,18}")) {
                        throw new Refused();
                    }
                    return Long.valueOf(v);
                case "java.nio.file.Path":
                    return Paths.get(v);
                case "java.math.BigDecimal":
                    return new BigDecimal(v);
                default:
                    Class<?> type = Class.forName(a.valueType);
                    if (type.isEnum()) {
                        for (Object constant : type.getEnumConstants()) {
                            if (((Enum<?>) constant).name().equalsIgnoreCase(v)) {
                                return constant;
                            }
                        }
                    }
                    throw new Refused();
            }
        } catch (Refused e) {
            throw e;
        } catch (Exception e) {
            // a path, number or name that does not convert, a converter's refusal (picocli's
            // TypeConversionException): picocli words it
            throw new Refused();
        }
    }

    @SuppressWarnings("unchecked")
    private static void set(Commands.Base command, CommandTable.Arg a, Object value) throws Refused {
        try {
            Object holder = holder(command, a);
            Field f = field(a);
            if (a.kind.equals("list")) {
                List<Object> list = (List<Object>) f.get(holder);
                if (list == null) {
                    list = new ArrayList<>();
                    f.set(holder, list);
                }
                list.add(value);
            } else {
                f.set(holder, value);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new Refused();
        }
    }

    @SuppressWarnings("unchecked")
    private static void put(Commands.Base command, CommandTable.Arg a, String key, Object value) throws Refused {
        try {
            Object holder = holder(command, a);
            Field f = field(a);
            Map<String, Object> map = (Map<String, Object>) f.get(holder);
            if (map == null) {
                map = new java.util.LinkedHashMap<>();
                f.set(holder, map);
            }
            map.put(key, value);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new Refused();
        }
    }

    private static Field field(CommandTable.Arg a) throws ReflectiveOperationException {
        Field f = Class.forName(a.declaringClass).getDeclaredField(a.field);
        f.setAccessible(true);
        return f;
    }

    /** The object holding the option's field: the command, or its mixin (made as picocli makes it, when absent). */
    private static Object holder(Commands.Base command, CommandTable.Arg a) throws ReflectiveOperationException {
        if (a.holder == null) {
            return command;
        }
        Field f = null;
        for (Class<?> c = command.getClass(); f == null && c != null; c = c.getSuperclass()) {
            try {
                f = c.getDeclaredField(a.holder);
            } catch (NoSuchFieldException e) {
                // declared higher up
            }
        }
        if (f == null) {
            throw new NoSuchFieldException(a.holder);
        }
        f.setAccessible(true);
        Object mixin = f.get(command);
        if (mixin == null) {
            Constructor<?> c = f.getType().getDeclaredConstructor();
            c.setAccessible(true);
            mixin = c.newInstance();
            f.set(command, mixin);
        }
        return mixin;
    }
}
