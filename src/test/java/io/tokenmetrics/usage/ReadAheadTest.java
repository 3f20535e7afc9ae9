package io.tokenmetrics.usage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tokenmetrics.period.PeriodType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The read-ahead thread that lets a .gz log be decompressed and parsed on two cores. */
class ReadAheadTest {
    @TempDir
    Path dir;

    /** A stream of known bytes handed out in irregular pieces, failing after {@code failAt} bytes if that is >= 0. */
    private static InputStream pieces(byte[] data, long failAt) {
        return new InputStream() {
            int pos;
            final Random r = new Random(7);

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (failAt >= 0 && pos >= failAt) {
                    throw new IOException("disk gone at " + pos);
                }
                if (pos == data.length) {
                    return -1;
                }
                int n = Math.min(Math.min(len, 1 + r.nextInt(300_000)), data.length - pos);
                if (failAt >= 0) {
                    n = (int) Math.min(n, failAt - pos);
                }
                System.arraycopy(data, pos, b, off, n);
                pos += n;
                return n;
            }
        };
    }

    private static byte[] data(int n) {
        byte[] d = new byte[n];
        new Random(42).nextBytes(d);
        return d;
    }

    @Test
    void givesEveryByteInOrderAcrossBlocks() throws IOException {
        // more than DEPTH + 2 blocks, so that blocks go round, and a last block that is short
        byte[] d = data(ReadAhead.BLOCK * 9 + 12_345);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ReadAhead in = new ReadAhead(pieces(d, -1))) {
            byte[] buf = new byte[70_001];
            int n;
            while ((n = in.read(buf, 0, buf.length)) >= 0) {
                out.write(buf, 0, n);
            }
            assertEquals(-1, in.read());
        }
        assertArrayEquals(d, out.toByteArray());
    }

    @Test
    void anErrorOfTheStreamIsThrownWhereTheReaderReachesIt() throws IOException {
        byte[] d = data(ReadAhead.BLOCK * 3);
        long failAt = ReadAhead.BLOCK * 2L + 5;
        try (ReadAhead in = new ReadAhead(pieces(d, failAt))) {
            byte[] buf = new byte[4096];
            long read = 0;
            IOException e = null;
            try {
                int n;
                while ((n = in.read(buf, 0, buf.length)) >= 0) {
                    read += n;
                }
            } catch (IOException x) {
                e = x;
            }
            // the two full blocks before the error are read first
            assertEquals(ReadAhead.BLOCK * 2L, read);
            assertEquals("disk gone at " + failAt, e.getMessage());
        }
    }

    @Test
    void closingEarlyStopsTheThread() throws Exception {
        byte[] d = data(ReadAhead.BLOCK * 20);
        ReadAhead in = new ReadAhead(pieces(d, -1));
        assertEquals(d[0] & 0xFF, in.read());
        in.close();
        for (int i = 0; i < 100 && threadAlive(); i++) {
            Thread.sleep(20);
        }
        assertEquals(false, threadAlive());
    }

    private static boolean threadAlive() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("token-metrics-read-ahead") && t.isAlive());
    }

    @Test
    void aGzipLogGivesTheSameGroupsWithOneThreadAndWithTwo() throws IOException {
        StringBuilder csv = new StringBuilder("timestamp,model,input_tokens,output_tokens\n");
        Random r = new Random(3);
        for (int i = 0; i < 200_000; i++) {
            csv.append("2026-04-").append(10 + r.nextInt(15)).append("T10:00:00Z,m").append(r.nextInt(7)).append(',').append(r.nextInt(5000))
                    .append(',').append(r.nextInt(900)).append('\n');
        }
        Path gz = dir.resolve("log.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(csv.toString().getBytes(StandardCharsets.UTF_8));
        }
        Path plain = dir.resolve("log.csv");
        Files.write(plain, csv.toString().getBytes(StandardCharsets.UTF_8));
        UsageAggregator.Builder b = UsageAggregator.builder().period(PeriodType.DAY).by(Arrays.asList("model"));
        UsageResult one = b.threads(1).build().aggregate(gz);
        UsageResult two = b.threads(2).build().aggregate(gz);
        // the plain file is read in parallel chunks: a third way to the same sums
        UsageResult reference = b.threads(2).build().aggregate(plain);
        assertEquals(reference.groups(), one.groups());
        assertEquals(reference.groups(), two.groups());
        assertEquals(200_000, two.rows());
    }

    @Test
    void aCorruptGzipIsAnErrorNamingTheFile() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(b)) {
            out.write("timestamp,model,input_tokens,output_tokens\n2026-04-13T10:00:00Z,m,1,2\n".getBytes(StandardCharsets.UTF_8));
        }
        byte[] bytes = b.toByteArray();
        // damage the deflate data after the header
        for (int i = 12; i < 20; i++) {
            bytes[i] ^= 0x5A;
        }
        Path gz = dir.resolve("bad.csv.gz");
        Files.write(gz, bytes);
        UsageLogException e = assertThrows(UsageLogException.class,
                () -> UsageAggregator.builder().period(PeriodType.DAY).threads(2).build().aggregate(gz));
        assertEquals(true, e.getMessage().startsWith(gz + ": cannot read it as gzip: "), e.getMessage());
    }
}
