package io.tokenmetrics.openrouter;

/** A response that cannot be read, or a request that failed: the message names the file or URL and the reason. */
public final class OpenRouterException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    OpenRouterException(String message) {
        super(message);
    }

    OpenRouterException(String message, Throwable cause) {
        super(message, cause);
    }
}
