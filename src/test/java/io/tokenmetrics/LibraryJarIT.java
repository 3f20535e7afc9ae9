package io.tokenmetrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library jar as an application gets it, after {@code package}: it holds the library only
 * (no command line, nothing that configures logging), and an application compiled for Java 8
 * that logs through SLF4J with no logback.xml of its own runs on Logback 1.2 and on Logback 1.5
 * with it on the class path (a Logback configurator in the jar once made a Logback 1.2
 * application die at its first logger call with an AbstractMethodError).
 */
class LibraryJarIT {
    @TempDir
    Path dir;

    private static final Path JAR = Paths.get(System.getProperty("library.jar", "target/library.jar"));
    private static final Path JARS = Paths.get(System.getProperty("it.jars", "target/it-jars"));

    @Test
    void theLibraryJarHoldsTheLibraryOnly() throws IOException {
        List<String> wrong = new ArrayList<>();
        try (JarFile j = new JarFile(JAR.toFile())) {
            for (Enumeration<JarEntry> e = j.entries(); e.hasMoreElements();) {
                String n = e.nextElement().getName();
                if (n.startsWith("io/tokenmetrics/cli/") || n.startsWith("io/tokenmetrics/spark/") || n.startsWith("picocli/")
                        || n.startsWith("META-INF/services/") || n.startsWith("ch/qos/logback/")) {
                    wrong.add(n);
                }
            }
            assertTrue(j.getEntry("io/tokenmetrics/calc/Calculator.class") != null);
            assertTrue(j.getEntry("io/tokenmetrics/usage/UsageAggregator.class") != null);
        }
        assertEquals(new ArrayList<String>(), wrong);
    }

    @Test
    void anApplicationOnLogback12Or15RunsWithTheLibrary() throws Exception {
        Path src = dir.resolve("src/App.java");
        Files.createDirectories(src.getParent());
        Files.write(src, Arrays.asList(
                "public class App {",
                "    public static void main(String[] args) throws Exception {",
                "        org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(App.class);",
                "        log.info(\"application started\");",
                "        java.nio.file.Path f = java.nio.file.Files.createTempFile(\"usage\", \".csv\");",
                "        java.nio.file.Files.write(f, \"timestamp,input_tokens,output_tokens\\n2026-04-13T10:00:00Z,5,6\\n\".getBytes(\"UTF-8\"));",
                "        io.tokenmetrics.usage.UsageResult r = io.tokenmetrics.usage.UsageAggregator.builder().build().aggregate(f);",
                "        System.out.println(\"total \" + r.groups().get(0).totalTokens() + \" \"",
                "                + io.tokenmetrics.amount.TokenAmount.parse(\"20.6万亿\").tokens());",
                "    }",
                "}"), StandardCharsets.UTF_8);
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes);
        String libs = library();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int c = javac.run(null, null, null, "--release", "8", "-d", classes.toString(), "-cp", JAR + File.pathSeparator + libs
                + File.pathSeparator + JARS.resolve("slf4j17-api.jar"), src.toString());
        assertEquals(0, c, "compiling the application");
        for (String[] logging : new String[][] {{"slf4j17-api.jar", "logback12-classic.jar", "logback12-core.jar"},
            {"slf4j20-api.jar", "logback15-classic.jar", "logback15-core.jar"}}) {
            StringBuilder cp = new StringBuilder(classes + File.pathSeparator + JAR + File.pathSeparator + libs);
            for (String l : logging) {
                cp.append(File.pathSeparator).append(JARS.resolve(l));
            }
            ProcessBuilder pb = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-cp", cp.toString(), "App");
            Process p = pb.start();
            String out = read(p.getInputStream());
            String err = read(p.getErrorStream());
            int code = p.waitFor();
            assertEquals(0, code, Arrays.toString(logging) + ": " + out + err);
            // 5 + 6 tokens; 20.6万亿 is 20,600,000,000,000
            assertTrue(out.contains("total 11 20600000000000"), out);
            // Logback's own default configuration logs to the console: the application's logger works
            assertTrue((out + err).contains("application started"), out + err);
            assertTrue(!(out + err).contains("AbstractMethodError"), out + err);
        }
    }

    private static final class File {
        static final String pathSeparator = java.io.File.pathSeparator;
    }

    private static String library() throws IOException {
        try (Stream<Path> s = Files.list(JARS.resolve("library"))) {
            return s.map(Path::toString).collect(Collectors.joining(File.pathSeparator));
        }
    }

    private static String read(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        for (int n; (n = in.read(buf)) > 0;) {
            b.write(buf, 0, n);
        }
        return new String(b.toByteArray(), StandardCharsets.UTF_8);
    }
}
