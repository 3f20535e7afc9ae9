package io.tokenmetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code usage} without picocli ({@link Main#quickUsage}) against the same command through picocli: output, errors, exit code. */
class QuickUsageTest {
    @TempDir
    Path dir;

    private static String[] run(boolean quick, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Integer code = quick ? Main.quickUsage(args, new PrintWriter(out, true), new PrintWriter(err, true))
                : Integer.valueOf(Main.viaPicocli(args, new PrintWriter(out, true), new PrintWriter(err, true), false));
        assertNotNull(code, String.join(" ", args));
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    private static void same(String... args) {
        String[] quick = run(true, args);
        String[] slow = run(false, args);
        assertEquals(slow[0], quick[0], "exit code of " + String.join(" ", args));
        assertEquals(slow[2], quick[2], "standard error of " + String.join(" ", args));
        assertEquals(slow[1], quick[1], "standard output of " + String.join(" ", args));
    }

    @Test
    void printsAndFailsAsPicocliDoes() throws IOException {
        Path csv = dir.resolve("u.csv");
        Files.write(csv, ("timestamp,model,region,input_tokens,output_tokens,price\n2026-04-13T10:00:00Z,m1,us,100,10,0.5\n"
                + "2026-04-14T23:30:00-05:00,m2,cn,7,1,0.25\n2026-04-20T10:00:00Z,m1,us,12x,1,0\n\n").getBytes(StandardCharsets.UTF_8));
        Path jsonl = dir.resolve("u.jsonl");
        Files.write(jsonl, "{\"timestamp\":\"2026-04-13T10:00:00Z\",\"model\":\"m1\",\"input_tokens\":5,\"output_tokens\":1}\n"
                .getBytes(StandardCharsets.UTF_8));
        String c = csv.toString();
        same("usage", c, "--skip-bad");
        same("usage", c, "--by", "model,region", "--period", "day", "--zone", "Asia/Shanghai", "--skip-bad", "--format", "csv");
        same("usage", "--by=model", "--skip-bad", c, "--lang", "zh", "--threads", "1", "--period=month");
        same("usage", c, jsonl.toString(), "--by", "model", "--skip-bad", "--format", "json", "--map", "cost=price");
        same("usage", c, "--by", "model");
        same("usage", c, "--period", "fortnight");
        same("usage", c, "--zone", "Mars/Olympus");
        same("usage", c, "--map", "nonsense=x");
        same("usage", c, "--source", "nosuch");
        same("usage", dir.resolve("missing.csv").toString());
    }

    @Test
    void leavesTheRestToPicocli() {
        String[][] others = {{"usage", "x.csv", "--prices", "p.json"}, {"usage", "x.csv", "--save", "s.json"}, {"usage", "--help"},
            {"usage", "x.csv", "--threads", "two"}, {"usage", "x.csv", "--format", "xml"}, {"usage", "x.csv", "--by"},
            {"usage", "x.csv", "--by", "a,,b"}, {"usage", "x.csv", "--debug"}, {"usage"}, {"usage", "x.csv", "--", "y.csv"},
            {"usage", "x.csv", "-h"}, {"report"}};
        for (String[] o : others) {
            assertNull(Main.quickUsage(o, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())), String.join(" ", o));
        }
    }
}
