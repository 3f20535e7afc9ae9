package io.tokenmetrics.amount;

import java.util.Locale;

/** The language of units and labels: English (20.6T) or Chinese (20.6万亿). */
public enum Language {
    /** English units: K, M, B, T, Q. */
    EN,
    /** Chinese units: 万, 亿, 万亿, 千万亿. */
    ZH;

    /**
     * Reads {@code en} or {@code zh}, in any case.
     *
     * @param code the code
     * @return the language
     * @throws IllegalArgumentException naming the value when it is neither
     */
    public static Language of(String code) {
        if (code != null) {
            switch (code.trim().toLowerCase(Locale.ROOT)) {
                case "en": return EN;
                case "zh": return ZH;
                default: break;
            }
        }
        throw new IllegalArgumentException("language (" + code + ") must be en or zh");
    }
}
