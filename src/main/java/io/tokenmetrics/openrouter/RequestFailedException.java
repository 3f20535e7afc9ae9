package io.tokenmetrics.openrouter;

/** A request to OpenRouter that failed: refused key, HTTP error, rate limit, network, interruption. */
public final class RequestFailedException extends OpenRouterException {
    private static final long serialVersionUID = 1L;

    RequestFailedException(String message) {
        super(message);
    }

    RequestFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
