package io.tokenmetrics.usage;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * A deterministic usage log for tests and the benchmark:
 * {@code timestamp,model,provider,region,input_tokens,output_tokens}, ISO-8601 UTC timestamps
 * over 26 weeks from Monday 2025-11-03, about 300 models (Zipf-like popularity), 40 providers,
 * 4 regions, log-normal token counts. The same seed and row count give the same bytes.
 */
public final class UsageLogGenerator {
    static final long START = 1762128000L; // 2025-11-03T00:00:00Z, a Monday
    static final long SPAN = 26L * 7 * 86400;
    private static final String[] REGIONS = {"us", "eu", "cn", "apac"};

    private UsageLogGenerator() {
    }

    /** Writes {@code rows} rows (plus the header) to {@code file}. */
    public static void write(Path file, long rows, long seed) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            write(out, rows, seed);
        }
    }

    /** Writes {@code rows} rows (plus the header) to {@code out}. */
    public static void write(OutputStream out, long rows, long seed) throws IOException {
        out.write("timestamp,model,provider,region,input_tokens,output_tokens\n".getBytes(StandardCharsets.US_ASCII));
        SplittableRandom r = new SplittableRandom(seed);
        byte[] line = new byte[128];
        for (long i = 0; i < rows; i++) {
            long t = START + (long) (r.nextDouble() * SPAN);
            double u = r.nextDouble();
            int model = (int) (300 * u * u * u);
            int provider = model % 40;
            int region = r.nextInt(10) < 5 ? 0 : r.nextInt(4);
            long in = Math.min(200_000, (long) Math.exp(5.5 + 1.6 * gauss(r)));
            long outTokens = Math.min(32_000, (long) Math.exp(4.5 + 1.2 * gauss(r)));
            int n = iso(t, line, 0);
            line[n++] = ',';
            n = ascii("model-", line, n);
            n = digits(model, line, n);
            line[n++] = ',';
            n = ascii("provider-", line, n);
            n = digits(provider, line, n);
            line[n++] = ',';
            n = ascii(REGIONS[region], line, n);
            line[n++] = ',';
            n = digits(in, line, n);
            line[n++] = ',';
            n = digits(outTokens, line, n);
            line[n++] = '\n';
            out.write(line, 0, n);
        }
    }

    /** Box-Muller: SplittableRandom has no nextGaussian before Java 17. */
    private static double gauss(SplittableRandom r) {
        double u1 = 1.0 - r.nextDouble();
        double u2 = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    private static int ascii(String s, byte[] b, int at) {
        for (int i = 0; i < s.length(); i++) {
            b[at++] = (byte) s.charAt(i);
        }
        return at;
    }

    private static int digits(long v, byte[] b, int at) {
        String s = Long.toString(v);
        return ascii(s, b, at);
    }

    private static int two(int v, byte[] b, int at) {
        b[at] = (byte) ('0' + v / 10);
        b[at + 1] = (byte) ('0' + v % 10);
        return at + 2;
    }

    /** {@code 2025-11-03T12:34:56Z} for an epoch second. */
    static int iso(long epochSecond, byte[] b, int at) {
        long day = Math.floorDiv(epochSecond, 86400L);
        int sec = (int) Math.floorMod(epochSecond, 86400L);
        java.time.LocalDate d = java.time.LocalDate.ofEpochDay(day);
        at = digits(d.getYear(), b, at);
        b[at++] = '-';
        at = two(d.getMonthValue(), b, at);
        b[at++] = '-';
        at = two(d.getDayOfMonth(), b, at);
        b[at++] = 'T';
        at = two(sec / 3600, b, at);
        b[at++] = ':';
        at = two(sec / 60 % 60, b, at);
        b[at++] = ':';
        at = two(sec % 60, b, at);
        b[at++] = 'Z';
        return at;
    }
}
