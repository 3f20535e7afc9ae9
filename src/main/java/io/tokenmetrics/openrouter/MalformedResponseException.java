package io.tokenmetrics.openrouter;

/**
 * An OpenRouter response, fetched or saved, that cannot be read: malformed JSON, or a field that
 * is missing or invalid; the message names the file and the JSON path.
 */
public final class MalformedResponseException extends OpenRouterException {
    private static final long serialVersionUID = 1L;

    MalformedResponseException(String message) {
        super(message);
    }

    MalformedResponseException(String message, Throwable cause) {
        super(message, cause);
    }
}
