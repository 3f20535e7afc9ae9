package io.tokenmetrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tokenmetrics.amount.Language;
import io.tokenmetrics.calc.Verdict;
import io.tokenmetrics.data.Status;
import io.tokenmetrics.internal.Messages;
import io.tokenmetrics.period.TimePeriod;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The message bundles: both complete, and the Chinese forms the issue names. */
class MessagesTest {
    @Test
    void englishAndChineseHaveTheSameKeys() {
        assertEquals(new TreeSet<>(Messages.keys(Language.EN)), new TreeSet<>(Messages.keys(Language.ZH)));
    }

    @Test
    void periodsReadAsChinese() {
        assertEquals("2024年初", TimePeriod.parse("start-2024").label(Language.ZH));
        assertEquals("2025年中", TimePeriod.parse("mid-2025").label(Language.ZH));
        assertEquals("2024年末", TimePeriod.parse("end-2024").label(Language.ZH));
        assertEquals("2026年2月", TimePeriod.parse("2026-02").label(Language.ZH));
        assertEquals("2026年第16周", TimePeriod.parse("2026-W16").label(Language.ZH));
        assertEquals("2026年4月13日", TimePeriod.parse("2026-04-13").label(Language.ZH));
        assertEquals("2026年第1季度", TimePeriod.parse("2026-Q1").label(Language.ZH));
        assertEquals("2026年下半年", TimePeriod.parse("2026-H2").label(Language.ZH));
        assertEquals("end of 2024", TimePeriod.parse("end-2024").label(Language.EN));
        assertEquals("February 2026", TimePeriod.parse("2026-02").label(Language.EN));
        assertEquals("2026-W16", TimePeriod.parse("2026-W16").label(Language.EN));
    }

    @Test
    void verdictsAndStatusesReadAsChinese() {
        assertEquals("不一致", Verdict.INCONSISTENT.label(Language.ZH));
        assertEquals("无法判定", Verdict.UNDECIDABLE.label(Language.ZH));
        assertEquals("预测", Status.FORECAST.label(Language.ZH));
        assertEquals("consistent", Verdict.CONSISTENT.label(Language.EN));
    }

    @Test
    void argumentsAreInsertedAsTheyAre() {
        // no MessageFormat: an apostrophe or a brace in an argument stays
        assertEquals("note: it's {0}", Messages.get(Language.EN, "note", "it's {0}"));
    }
}
