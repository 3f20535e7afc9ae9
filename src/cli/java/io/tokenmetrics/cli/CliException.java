package io.tokenmetrics.cli;

/** An error with the exit code the command line should end with. */
final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final int code;

    CliException(int code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }
}
