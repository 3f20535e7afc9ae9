package io.tokenmetrics.calc;

import io.tokenmetrics.amount.Language;
import io.tokenmetrics.amount.Quantity;
import io.tokenmetrics.internal.Messages;
import io.tokenmetrics.period.TimePeriod;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A message that is written out only when the language is known: a bundle key and its
 * arguments. Arguments are rendered in that language: a {@link Quantity} rounded to two
 * decimals in its natural unit, a {@link TimePeriod} by its id in English and its label in
 * Chinese, a nested message, a list (joined by {@link #list}'s separator), anything else as it is.
 * Immutable when its arguments are.
 */
final class Message implements Localized {
    private final String key;
    private final Object[] args;

    private Message(String key, Object[] args) {
        this.key = Objects.requireNonNull(key, "key");
        this.args = args.clone();
    }

    /**
     * The message {@code key} with these arguments.
     *
     * @param key the bundle key
     * @param args the arguments
     * @return the message
     */
    public static Message of(String key, Object... args) {
        return new Message(key, args);
    }

    /**
     * A quantity written with its sign ("+25%", "-23.77%"), rounded to two decimals.
     *
     * @param q the quantity
     * @return the signed text, rendered in the message's language
     */
    public static Localized signed(Quantity q) {
        Objects.requireNonNull(q, "q");
        return new Localized() {
            @Override
            public String render(Language language) {
                return q.formatSigned(language, 2);
            }

            @Override
            public boolean equals(Object o) {
                return o != null && o.getClass() == getClass() && o.toString().equals(toString());
            }

            @Override
            public int hashCode() {
                return toString().hashCode();
            }

            @Override
            public String toString() {
                return render(Language.EN);
            }
        };
    }

    /** The empty text, in any language. */
    public static final Message EMPTY = of("empty");

    /**
     * Parts joined by the bundle's separator {@code key} (such as ", " or "、").
     *
     * @param separatorKey the key of the separator
     * @param parts the parts
     * @return the joined message
     */
    public static Message list(String separatorKey, List<?> parts) {
        return new Message("\u0000list", new Object[] {separatorKey, parts.toArray()});
    }

    /**
     * This message in {@code language}.
     *
     * @param language the language
     * @return the text
     */
    @Override
    public String render(Language language) {
        if (key.equals("\u0000list")) {
            String sep = Messages.get(language, (String) args[0]);
            StringBuilder b = new StringBuilder();
            for (Object o : (Object[]) args[1]) {
                b.append(b.length() == 0 ? "" : sep).append(arg(o, language));
            }
            return b.toString();
        }
        Object[] out = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            out[i] = arg(args[i], language);
        }
        return Messages.get(language, key, out);
    }

    private static String arg(Object o, Language language) {
        if (o instanceof Localized) {
            return ((Localized) o).render(language);
        }
        if (o instanceof Quantity) {
            return ((Quantity) o).formatRounded(language, 2);
        }
        if (o instanceof TimePeriod) {
            return language == Language.ZH ? ((TimePeriod) o).label(language) : o.toString();
        }
        return String.valueOf(o);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Message && ((Message) o).key.equals(key) && Arrays.deepEquals(((Message) o).args, args);
    }

    @Override
    public int hashCode() {
        return 31 * key.hashCode() + Arrays.deepHashCode(args);
    }

    @Override
    public String toString() {
        return render(Language.EN);
    }
}
