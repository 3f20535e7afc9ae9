package io.tokenmetrics.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The options and parameters of one command as picocli's annotations declare them, read from the
 * table the build writes ({@link CommandTableWriter}) rather than from the annotations, which
 * costs a twentieth of a second at every start. Immutable.
 */
final class CommandTable {
    /** Where the build writes the table, in the command line's jar. */
    static final String RESOURCE = "/io/tokenmetrics/cli/commands.tsv";

    /** One option or positional parameter. */
    static final class Arg {
        final boolean option;
        /** An option's names; a positional parameter's index range ({@code 0}, {@code 0..*}). */
        final List<String> names;
        /** The field of the command holding a mixin with this option ({@code common}), or null for the command's own. */
        final String holder;
        final String declaringClass;
        final String field;
        final int min;
        final int max;
        /** one, list, map, flag, or picocli: what only picocli reads. */
        final String kind;
        final String valueType;
        final String split;
        final String defaultValue;
        final boolean required;
        final String converter;

        private Arg(String[] c) {
            option = c[0].equals("option");
            names = java.util.Arrays.asList(c[1].split(","));
            holder = dash(c[2]);
            declaringClass = c[3];
            field = c[4];
            min = Integer.parseInt(c[5]);
            max = Integer.parseInt(c[6]);
            kind = c[7];
            valueType = c[8];
            split = dash(c[9]);
            defaultValue = dash(c[10]);
            required = Boolean.parseBoolean(c[11]);
            converter = dash(c[12]);
        }

        private static String dash(String s) {
            return s.equals("-") ? null : s;
        }

        /** A positional parameter's first index. */
        int from() {
            return Integer.parseInt(names.get(0).split("\\.\\.")[0]);
        }

        /** A positional parameter's last index, inclusive ({@code Integer.MAX_VALUE} for {@code *}). */
        int to() {
            String[] r = names.get(0).split("\\.\\.");
            String last = r[r.length - 1];
            return last.equals("*") ? Integer.MAX_VALUE : Integer.parseInt(last);
        }
    }

    final String name;
    final String commandClass;
    final List<Arg> args;

    private CommandTable(String name, String commandClass, List<Arg> args) {
        this.name = name;
        this.commandClass = commandClass;
        this.args = Collections.unmodifiableList(args);
    }

    /** The option named {@code name}, or null. */
    Arg option(String name) {
        for (Arg a : args) {
            if (a.option && a.names.contains(name)) {
                return a;
            }
        }
        return null;
    }

    /**
     * The table of the command {@code name}, or null when there is no such command or no table (a
     * build that did not write it: picocli then reads every command line).
     */
    static CommandTable of(String name) {
        try (InputStream in = CommandTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return null;
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String commandClass = null;
            List<Arg> args = new ArrayList<>();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] c = line.split("\t", -1);
                if (c[0].equals("command")) {
                    if (commandClass != null) {
                        break;
                    }
                    commandClass = c[1].equals(name) ? c[2] : null;
                } else if (commandClass != null) {
                    args.add(new Arg(c));
                }
            }
            return commandClass == null ? null : new CommandTable(name, commandClass, args);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
