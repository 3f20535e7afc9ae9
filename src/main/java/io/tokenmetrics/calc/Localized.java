package io.tokenmetrics.calc;

import io.tokenmetrics.amount.Language;

/** Text that is written in the language of the message it is part of. */
interface Localized {
    /**
     * This text in {@code language}.
     *
     * @param language the language
     * @return the text
     */
    String render(Language language);
}
