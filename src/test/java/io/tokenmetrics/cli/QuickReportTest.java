package io.tokenmetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** {@code report} without picocli ({@link Main#quickReport}) against the same command through picocli. */
class QuickReportTest {
    private static String quick(String... args) {
        StringWriter w = new StringWriter();
        Integer code = Main.quickReport(args, new PrintWriter(w, true), new PrintWriter(new StringWriter()));
        assertNotNull(code, String.join(" ", args));
        assertEquals(0, (int) code);
        return w.toString();
    }

    @Test
    void printsWhatPicocliPrints() {
        String[][] cases = {{"report"}, {"report", "--lang", "zh"}, {"report", "--format", "json"}, {"report", "--format=csv", "--lang=zh"},
            {"report", "--format", "TEXT"}};
        for (String[] c : cases) {
            // --debug, which changes no output, is not the quick path's: this run goes through picocli
            String[] slow = java.util.Arrays.copyOf(c, c.length + 1);
            slow[c.length] = "--debug";
            assertNull(Main.quickReport(slow, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())));
            CliRun r = CliRun.of(slow);
            assertEquals(0, r.code, r::toString);
            assertEquals(r.out, quick(c), String.join(" ", c));
        }
    }

    @Test
    void leavesEverythingElseToPicocli() {
        String[][] others = {{"report", "--help"}, {"report", "--lang", "fr"}, {"report", "--format"}, {"report", "--data", "x.json"},
            {"check"}, {}};
        for (String[] o : others) {
            assertNull(Main.quickReport(o, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())), String.join(" ", o));
        }
        // and picocli reports the bad value as before
        CliRun bad = CliRun.of("report", "--lang", "fr");
        assertEquals(2, bad.code);
    }
}
