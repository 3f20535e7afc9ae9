package io.tokenmetrics.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;

/** Runs the real entry point in-process and keeps what it printed. */
final class CliRun {
    final int code;
    final String out;
    final String err;

    private CliRun(int code, String out, String err) {
        this.code = code;
        this.out = out;
        this.err = err;
    }

    static CliRun of(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            int code = Main.run(args, new PrintStream(o, true, "UTF-8"), new PrintStream(e, true, "UTF-8"));
            return new CliRun(code, new String(o.toByteArray(), StandardCharsets.UTF_8).replace("\r\n", "\n"),
                    new String(e.toByteArray(), StandardCharsets.UTF_8).replace("\r\n", "\n"));
        } catch (UnsupportedEncodingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public String toString() {
        return "exit " + code + "\n--- out\n" + out + "--- err\n" + err;
    }
}
