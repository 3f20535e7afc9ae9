package io.tokenmetrics.internal;

import io.tokenmetrics.amount.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;

/**
 * The user-visible text of the library and the command line, from the message bundles
 * {@code io/tokenmetrics/messages.properties} (English) and {@code messages_zh.properties}
 * (Chinese), read as UTF-8 (Java 8 reads properties as ISO-8859-1 unless told). A message's
 * {@code {0}}, {@code {1}}… are replaced by the arguments as they are: no {@code MessageFormat},
 * whose quoting rules would eat apostrophes.
 */
public final class Messages {
    private static final String NAME = "io/tokenmetrics/messages";
    private static final Map<Language, ResourceBundle> BUNDLES = new EnumMap<>(Language.class);

    static {
        BUNDLES.put(Language.EN, load(NAME + ".properties"));
        BUNDLES.put(Language.ZH, load(NAME + "_zh.properties"));
    }

    private Messages() {
    }

    private static ResourceBundle load(String resource) {
        try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("message bundle " + resource + " is missing from the jar");
            }
            return new PropertyResourceBundle(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The message {@code key} in {@code language}, with {@code {i}} replaced by {@code args[i]}.
     *
     * @param language the language
     * @param key the key
     * @param args the arguments
     * @return the text
     * @throws MissingResourceException if a bundle lacks the key (a test checks both are complete)
     */
    public static String get(Language language, String key, Object... args) {
        String m = BUNDLES.get(language).getString(key);
        if (args.length == 0) {
            return m;
        }
        StringBuilder out = new StringBuilder(m.length() + 16);
        for (int i = 0; i < m.length(); i++) {
            char c = m.charAt(i);
            int close = c == '{' ? m.indexOf('}', i) : -1;
            if (close > i + 1 && close <= i + 3) {
                String n = m.substring(i + 1, close);
                if (n.chars().allMatch(Character::isDigit)) {
                    int k = Integer.parseInt(n);
                    out.append(k < args.length ? String.valueOf(args[k]) : m.substring(i, close + 1));
                    i = close;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    /**
     * The keys of a language's bundle, for the completeness test.
     *
     * @param language the language
     * @return the keys
     */
    public static java.util.Set<String> keys(Language language) {
        return BUNDLES.get(language).keySet();
    }

    /**
     * The locale of a language, for number and date formats.
     *
     * @param language the language
     * @return the locale
     */
    public static Locale locale(Language language) {
        return language == Language.ZH ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }
}
