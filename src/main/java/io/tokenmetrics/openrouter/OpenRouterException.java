package io.tokenmetrics.openrouter;

/**
 * An OpenRouter error: the message names the file or URL and the reason. A request that failed
 * is a {@link RequestFailedException}; a response that cannot be read, or whose fields are
 * invalid, a {@link MalformedResponseException}; anything else (a region table file, a sum past
 * the limit) this type itself.
 */
public class OpenRouterException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    OpenRouterException(String message) {
        super(message);
    }

    OpenRouterException(String message, Throwable cause) {
        super(message, cause);
    }
}
