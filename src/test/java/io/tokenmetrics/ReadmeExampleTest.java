package io.tokenmetrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenmetrics.amount.Language;
import io.tokenmetrics.amount.TokenAmount;
import io.tokenmetrics.calc.Calculator;
import io.tokenmetrics.calc.Comparison;
import io.tokenmetrics.calc.Growth;
import io.tokenmetrics.data.Dataset;
import io.tokenmetrics.period.TimePeriod;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's Java example, verbatim: it must compile, run and print what the README says. */
class ReadmeExampleTest {

    private static void example(PrintStream out) {
        // README-BEGIN
        Dataset data = Dataset.bundled();
        Calculator calc = Calculator.create();
        Growth volcano = calc.growth(data.series("volcano-engine-daily"));
        out.println(volcano.describe(Language.EN));
        Comparison week16 = calc.compare(data.series("openrouter-us-weekly"), data.series("openrouter-china-weekly"),
                TimePeriod.parse("2026-W16"), data.series("openrouter-total-weekly"));
        out.println("US share of the US+China sum: " + week16.firstShareOfSum().get().formatRounded(Language.EN, 2)
                + "; leader " + week16.leader() + ", the week before " + week16.previousLeader());
        TokenAmount total = TokenAmount.parse("20.6万亿");
        out.println(total.tokens() + " = " + total.format(Language.EN) + " = " + total.format(Language.ZH));
        // README-END
    }

    private static List<String> between(List<String> lines, String begin, String end) {
        List<String> out = new ArrayList<>();
        boolean in = false;
        for (String l : lines) {
            if (in && l.contains(end)) {
                break;
            }
            if (in) {
                out.add(l.trim());
            }
            if (!in && l.contains(begin)) {
                in = true;
            }
        }
        return out;
    }

    @Test
    void readmeShowsThisExampleVerbatim() throws IOException {
        List<String> source = between(Files.readAllLines(Paths.get("src/test/java/io/tokenmetrics/ReadmeExampleTest.java"),
                StandardCharsets.UTF_8), "// README-BEGIN", "// README-END");
        List<String> readme = between(Files.readAllLines(Paths.get("README.md"), StandardCharsets.UTF_8), "```java", "```");
        // the README may add the printed output as trailing comments
        List<String> code = new ArrayList<>();
        for (String l : readme) {
            if (!l.startsWith("//")) {
                code.add(l);
            }
        }
        assertEquals(source, code);
        assertTrue(source.size() <= 12, "the README example should stay about ten lines");
    }

    @Test
    void exampleRunsAndPrintsTheDocumentedOutput() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        example(new PrintStream(b, true, "UTF-8"));
        // 63 / 2 = 31.5×, (31.5 - 1) × 100 = 3050%; 4.91 / (4.91 + 4.44) = 52.51%; 20.6 × 10^12
        String expected = "end-2024 → end-2025: 2T → 63T, change +61T (+3050%, ×31.5), 1 year, +3050% a year\n"
                + "US share of the US+China sum: 52.51%; leader openrouter-us-weekly, the week before openrouter-china-weekly\n"
                + "20600000000000 = 20.6T = 20.6万亿\n";
        assertEquals(expected, new String(b.toByteArray(), StandardCharsets.UTF_8).replace("\r\n", "\n"));
        List<String> readme = Files.readAllLines(Paths.get("README.md"), StandardCharsets.UTF_8);
        for (String line : expected.split("\n")) {
            assertTrue(readme.contains("// " + line), "README shows the output line: " + line);
        }
    }
}
