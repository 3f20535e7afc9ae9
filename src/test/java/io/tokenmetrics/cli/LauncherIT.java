package io.tokenmetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher the build writes beside the jar ({@code target/token-metrics}, from
 * {@code src/cli/sh/token-metrics}), after {@code package}: it prints what {@code java -jar}
 * prints, arguments with spaces included, and keeps the JVM's default compilers only for a
 * single file larger than its limit.
 */
class LauncherIT {
    private static final Path LAUNCHER = Paths.get("target", "token-metrics");
    private static final Path JAR = Paths.get("target", "token-metrics.jar");

    @TempDir
    Path dir;

    /** Exit code, standard output and standard error of a command. */
    private static String[] run(List<String> command, String... env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command);
        // the launcher's own settings come from each case, never from the shell that runs the build
        for (String own : new String[] {"JAVA_HOME", "JAVA_OPTS", "TOKEN_METRICS_C2_BYTES", "TOKEN_METRICS_DRY_RUN"}) {
            pb.environment().remove(own);
        }
        for (String e : env) {
            pb.environment().put(e.substring(0, e.indexOf('=')), e.substring(e.indexOf('=') + 1));
        }
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = readAll(p.getInputStream());
        byte[] err = readAll(p.getErrorStream());
        return new String[] {Integer.toString(p.waitFor()), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8)};
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        for (int n; (n = in.read(buf)) > 0;) {
            b.write(buf, 0, n);
        }
        return b.toByteArray();
    }

    private static List<String> launcher(String... args) {
        List<String> c = new ArrayList<>(Arrays.asList("sh", LAUNCHER.toString()));
        c.addAll(Arrays.asList(args));
        return c;
    }

    private static List<String> javaJar(String... args) {
        List<String> c = new ArrayList<>(Arrays.asList(Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        c.addAll(Arrays.asList(args));
        return c;
    }

    @Test
    void printsWhatJavaJarPrints() throws Exception {
        assumeTrue(Files.isExecutable(Paths.get("/bin/sh")), "a POSIX shell (the launcher is a shell script)");
        Path log = dir.resolve("a log with spaces.csv");
        Files.write(log, "timestamp,model,input_tokens,output_tokens\n2026-04-13T10:00:00Z,m1,100,10\n".getBytes(StandardCharsets.UTF_8));
        String home = "JAVA_HOME=" + System.getProperty("java.home");
        String[][] cases = {{"report", "--format", "csv"}, {"usage", log.toString(), "--by", "model", "--format", "json"}, {"show", "no-such-series"}};
        for (String[] c : cases) {
            String[] viaLauncher = run(launcher(c), home);
            String[] viaJar = run(javaJar(c));
            assertEquals(Arrays.asList(viaJar), Arrays.asList(viaLauncher), String.join(" ", c));
        }
        // through a symbolic link elsewhere (/usr/local/bin/token-metrics, say), the jar beside the script itself
        Path link = dir.resolve("bin").resolve("token-metrics");
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, LAUNCHER.toAbsolutePath());
        assertEquals(Arrays.asList(run(javaJar("report", "--format", "csv"))), Arrays.asList(run(Arrays.asList("sh", link.toString(), "report", "--format",
                "csv"), home)));
    }

    @Test
    void usesTheClassDataArchiveOnlyWithTheJvmThatWroteIt() throws Exception {
        assumeTrue(Files.isExecutable(Paths.get("/bin/sh")), "a POSIX shell (the launcher is a shell script)");
        // the build's JVM (this one) writes the archive from JDK 13 on; a failed dump must not pass unseen
        assumeTrue(!System.getProperty("java.specification.version").startsWith("1.")
                && Integer.parseInt(System.getProperty("java.specification.version")) >= 13, "a JVM of JDK 13 or later (-XX:ArchiveClassesAtExit)");
        Path archive = Paths.get("target", "token-metrics.jsa");
        assertTrue(Files.isRegularFile(archive), "the build wrote " + archive);
        String home = System.getProperty("java.home");
        String[] same = {"TOKEN_METRICS_DRY_RUN=1", "JAVA_HOME=" + home};
        // an archive that no longer fits its jar (the folder copied elsewhere, then the jar changed): not used, and
        // nothing of it printed (the JVM's warning goes to standard output)
        Path moved = dir.resolve("moved");
        Files.createDirectories(moved);
        for (String f : new String[] {"token-metrics", "token-metrics.jar", "token-metrics.jsa", "token-metrics.jsa.java"}) {
            Files.copy(Paths.get("target", f), moved.resolve(f), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        }
        String[] viaJar = run(javaJar("report", "--format", "json"));
        assertEquals(Arrays.asList(viaJar), Arrays.asList(run(Arrays.asList("sh", moved.resolve("token-metrics").toString(), "report", "--format", "json"),
                "JAVA_HOME=" + home)), "the archive of another folder");
        Files.setLastModifiedTime(moved.resolve("token-metrics.jar"), java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        assertEquals(Arrays.asList(viaJar), Arrays.asList(run(Arrays.asList("sh", moved.resolve("token-metrics").toString(), "report", "--format", "json"),
                "JAVA_HOME=" + home)), "a jar changed since the archive");
        // the JVM that wrote it (the one running this test, which the build ran): the archive
        assertEquals(Paths.get(home, "bin", "java").toRealPath() + "\n",
                new String(Files.readAllBytes(Paths.get("target", "token-metrics.jsa.java")), StandardCharsets.UTF_8));
        assertEquals(home + "/bin/java -XX:-UsePerfData -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmn8m -Xlog:cds*=off -XX:SharedArchiveFile=target/token-metrics.jsa -jar target/token-metrics.jar report\n",
                run(launcher("report"), same)[1]);
        // and the JVM takes it: the classes of a usage run come from it ("shared objects file (top)")
        Path log = dir.resolve("log.csv");
        Files.write(log, "timestamp,model,input_tokens,output_tokens\n2026-04-13T10:00:00Z,m1,100,10\n".getBytes(StandardCharsets.UTF_8));
        String[] loaded = run(launcher("usage", log.toString()), "JAVA_HOME=" + home, "JAVA_OPTS=-Xlog:class+load=info");
        assertEquals("0", loaded[0], loaded[2]);
        assertTrue(loaded[1].contains("io.tokenmetrics.usage.UsageAggregator source: shared objects file (top)"), "UsageAggregator from the archive");
        // another JVM that runs (a java of its own: a script that runs this one): no archive, and java -jar's output
        Path other = dir.resolve("other-jdk");
        Files.createDirectories(other.resolve("bin"));
        Path wrapper = other.resolve("bin").resolve("java");
        Files.write(wrapper, ("#!/bin/sh\nexec '" + Paths.get(home, "bin", "java") + "' \"$@\"\n").getBytes(StandardCharsets.UTF_8));
        assertTrue(wrapper.toFile().setExecutable(true));
        assertEquals(wrapper + " -XX:-UsePerfData -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmn8m -jar target/token-metrics.jar report\n",
                run(launcher("report"), "TOKEN_METRICS_DRY_RUN=1", "JAVA_HOME=" + other)[1]);
        assertEquals(Arrays.asList(viaJar), Arrays.asList(run(launcher("report", "--format", "json"), "JAVA_HOME=" + other)), "another JVM");
        // class-data sharing named in JAVA_OPTS: the user's (-Xshare:on with an archive that no longer fits would stop the JVM)
        assertEquals(home + "/bin/java -XX:-UsePerfData -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmn8m -Xshare:on -jar target/token-metrics.jar report\n",
                run(launcher("report"), "TOKEN_METRICS_DRY_RUN=1", "JAVA_HOME=" + home, "JAVA_OPTS=-Xshare:on")[1]);
        // a JVM that is not there (a JAVA_HOME of /opt/jdk): no archive
        assertEquals("/opt/jdk/bin/java -XX:-UsePerfData -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmn8m -jar target/token-metrics.jar report\n",
                run(launcher("report"), "TOKEN_METRICS_DRY_RUN=1", "JAVA_HOME=/opt/jdk")[1]);
    }

    @Test
    void keepsBothCompilersOnlyForAFileLargerThanTheLimit() throws Exception {
        assumeTrue(Files.isExecutable(Paths.get("/bin/sh")), "a POSIX shell (the launcher is a shell script)");
        Path small = dir.resolve("small.jsonl");
        Files.write(small, new byte[100]);
        Path large = dir.resolve("large.jsonl");
        Files.write(large, new byte[101]);
        String[] env = {"TOKEN_METRICS_DRY_RUN=1", "TOKEN_METRICS_C2_BYTES=100", "JAVA_HOME=/opt/jdk"};
        // 100 bytes is not more than the limit of 100: the quick compiler alone; a directory likewise
        assertEquals("/opt/jdk/bin/java -XX:-UsePerfData -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmn8m -jar target/token-metrics.jar usage " + small + "\n",
                run(launcher("usage", small.toString()), env)[1]);
        assertEquals("/opt/jdk/bin/java -XX:-UsePerfData -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmn8m -jar target/token-metrics.jar usage " + dir + "\n",
                run(launcher("usage", dir.toString()), env)[1]);
        // many files, one find: the quick compiler alone; a file named like an option is still a file
        Path odd = dir.resolve("-odd.jsonl");
        Files.write(odd, new byte[101]);
        assertEquals("/opt/jdk/bin/java -XX:-UsePerfData -XX:+UseParallelGC -Xmn32m -jar target/token-metrics.jar usage --by model -odd.jsonl\n",
                run(Arrays.asList("sh", "-c", "cd '" + dir + "' && sh '" + LAUNCHER.toAbsolutePath() + "' usage --by model -odd.jsonl"), env)[1]
                        .replace(LAUNCHER.toAbsolutePath().getParent().resolve("token-metrics.jar").toString(), "target/token-metrics.jar"));
        // what JAVA_OPTS names is the user's: a collector (and then no young generation of ours), a heap size (then
        // no -Xmn, which a smaller heap would warn of on standard output); an option that only mentions GC changes nothing
        String[] heap = {"TOKEN_METRICS_DRY_RUN=1", "JAVA_HOME=/opt/jdk", "JAVA_OPTS=-Xms4m"};
        assertEquals("/opt/jdk/bin/java -XX:-UsePerfData -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xms4m -jar target/token-metrics.jar report\n",
                run(launcher("report"), heap)[1]);
        String[] threads = {"TOKEN_METRICS_DRY_RUN=1", "JAVA_HOME=/opt/jdk", "JAVA_OPTS=-XX:ParallelGCThreads=2"};
        assertEquals("/opt/jdk/bin/java -XX:-UsePerfData -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmn8m -XX:ParallelGCThreads=2 -jar target/token-metrics.jar report\n",
                run(launcher("report"), threads)[1]);
        String[] heapPast = {"TOKEN_METRICS_DRY_RUN=1", "TOKEN_METRICS_C2_BYTES=100", "JAVA_HOME=/opt/jdk", "JAVA_OPTS=-Xmx2g"};
        assertEquals("/opt/jdk/bin/java -XX:-UsePerfData -XX:+UseParallelGC -Xmx2g -jar target/token-metrics.jar usage " + large + "\n",
                run(launcher("usage", large.toString()), heapPast)[1]);
        String[] g1past = {"TOKEN_METRICS_DRY_RUN=1", "TOKEN_METRICS_C2_BYTES=100", "JAVA_HOME=/opt/jdk", "JAVA_OPTS=-XX:+UseG1GC"};
        assertEquals("/opt/jdk/bin/java -XX:-UsePerfData -XX:+UseG1GC -jar target/token-metrics.jar usage " + large + "\n",
                run(launcher("usage", large.toString()), g1past)[1]);
        // a collector named in JAVA_OPTS: the quick compiler alone, the collector the user's
        String[] g1 = {"TOKEN_METRICS_DRY_RUN=1", "TOKEN_METRICS_C2_BYTES=100", "JAVA_HOME=/opt/jdk", "JAVA_OPTS=-XX:+UseG1GC"};
        assertEquals("/opt/jdk/bin/java -XX:-UsePerfData -XX:TieredStopAtLevel=1 -XX:+UseG1GC -jar target/token-metrics.jar report\n", run(launcher("report"), g1)[1]);
        // the default limit, 256 MiB, on sparse files (no disk used): at it the quick compiler, one byte past it both
        Path at = dir.resolve("at.csv");
        Path past = dir.resolve("past.csv");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(at.toFile(), "rw")) {
            f.setLength(256L << 20);
        }
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(past.toFile(), "rw")) {
            f.setLength((256L << 20) + 1);
        }
        String[] byDefault = {"TOKEN_METRICS_DRY_RUN=1", "JAVA_HOME=/opt/jdk"};
        assertEquals("/opt/jdk/bin/java -XX:-UsePerfData -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmn8m -jar target/token-metrics.jar usage " + at + "\n",
                run(launcher("usage", at.toString()), byDefault)[1]);
        assertEquals("/opt/jdk/bin/java -XX:-UsePerfData -XX:+UseParallelGC -Xmn32m -jar target/token-metrics.jar usage " + past + "\n", run(launcher("usage", past.toString()), byDefault)[1]);
        // 101 bytes: the JVM's default
        assertEquals("/opt/jdk/bin/java -XX:-UsePerfData -XX:+UseParallelGC -Xmn32m -jar target/token-metrics.jar usage " + small + " " + large + "\n",
                run(launcher("usage", small.toString(), large.toString()), env)[1]);
    }
}
