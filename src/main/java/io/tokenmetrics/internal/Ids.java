package io.tokenmetrics.internal;

import java.util.Locale;

/** Series ids made from names found in data (usage logs, OpenRouter models). */
public final class Ids {
    private Ids() {
    }

    /**
     * A valid series id made from free text: lower case, every run of other characters a single
     * '-' ("Qwen3.6 Plus" gives "qwen3-6-plus"); "x" for text with no letter or digit.
     *
     * @param text the text
     * @return the id
     */
    public static String from(String text) {
        String x = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return x.isEmpty() ? "x" : x;
    }
}
