package io.tokenmetrics.period;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimePeriodTest {
    @Test
    void zeroPaddingIsTheFormattersOnEveryValue() {
        // the second implementation: String.format, which the text form no longer calls
        for (int v : new int[] {0, 1, 9, 10, 99, 100, 999, 1000, 2026, 9999, 10000, 123456, -1, -9, -10, -999, -1000, -2026, Integer.MAX_VALUE,
            Integer.MIN_VALUE}) {
            for (int width : new int[] {1, 2, 4}) {
                assertEquals(String.format(java.util.Locale.ROOT, "%0" + width + "d", v), TimePeriod.pad(v, width), v + " width " + width);
            }
        }
    }


    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource({
        "2026-04-13, DAY, 2026-04-13, 2026-04-13",
        "2026-W16, WEEK, 2026-04-13, 2026-04-19",
        "2026-W15, WEEK, 2026-04-06, 2026-04-12",
        "2026-W01, WEEK, 2025-12-29, 2026-01-04",
        "2026-02, MONTH, 2026-02-01, 2026-02-28",
        "2026-Q1, QUARTER, 2026-01-01, 2026-03-31",
        "2026-H2, HALF_YEAR, 2026-07-01, 2026-12-31",
        "2025, YEAR, 2025-01-01, 2025-12-31",
        "start-2024, START_OF_YEAR, 2024-01-01, 2024-01-01",
        "mid-2025, MID_YEAR, 2025-07-01, 2025-07-01",
        "end-2024, END_OF_YEAR, 2024-12-31, 2024-12-31"
    })
    void parsesAndWritesBack(String text, PeriodType type, LocalDate start, LocalDate end) {
        TimePeriod p = TimePeriod.parse(text);
        assertEquals(type, p.type());
        assertEquals(start, p.start());
        assertEquals(end, p.end());
        assertEquals(text, p.toString());
    }

    @Test
    void weekOfTheArticle() {
        // "上周(4月13日至19日)": Monday 13 April to Sunday 19 April 2026 is ISO week 16
        assertEquals(TimePeriod.parse("2026-W16"), TimePeriod.weekOf(LocalDate.of(2026, 4, 19)));
        assertEquals(TimePeriod.parse("2026-W15"), TimePeriod.parse("2026-W16").previous());
        assertEquals(7, TimePeriod.parse("2026-W16").lengthInDays());
        assertEquals(28, TimePeriod.parse("2026-02").lengthInDays());
        assertEquals(366, TimePeriod.parse("2024").lengthInDays());
        assertEquals(TimePeriod.parse("2027-W01"), TimePeriod.parse("2026-W53").next());
    }

    @Test
    void positionsMakeWholeYearsExact() {
        // end-2024 sits at 2025.0 and end-2025 at 2026.0: exactly one year
        assertEquals(1.0, TimePeriod.yearsBetween(TimePeriod.parse("end-2024"), TimePeriod.parse("end-2025")), 0.0);
        // the years 2025 and 2030 sit at their midpoints, 2025.5 and 2030.5: five years
        assertEquals(5.0, TimePeriod.yearsBetween(TimePeriod.parse("2025"), TimePeriod.parse("2030")), 0.0);
        // start-2024 (2024.0) to mid-2025 (2025.5)
        assertEquals(1.5, TimePeriod.yearsBetween(TimePeriod.parse("start-2024"), TimePeriod.parse("mid-2025")), 0.0);
        // February 2026 runs from day 32 to day 59 of 365: midpoint 2026 + (31 + 14)/365
        assertEquals(2.0 + 45.0 / 365.0, TimePeriod.yearsBetween(TimePeriod.parse("start-2024"), TimePeriod.parse("2026-02")), 1e-12);
        // consecutive weeks are 7 days of a 365-day year apart
        assertEquals(7.0 / 365.0, TimePeriod.yearsBetween(TimePeriod.parse("2026-W15"), TimePeriod.parse("2026-W16")), 1e-12);
    }

    @Test
    void approximatePointsHaveNoLengthOrNeighbour() {
        TimePeriod end = TimePeriod.parse("end-2024");
        assertTrue(end.isApproximate());
        assertEquals("period (end-2024) is an approximate point and has no length in days",
                assertThrows(IllegalStateException.class, end::lengthInDays).getMessage());
        assertThrows(IllegalStateException.class, end::next);
        assertEquals("end of 2024", end.describe());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "2026-W54|6|week (54) must be between 1 and 53 in 2026",
        "2026-13|5|month must be 01 to 12",
        "2026-02-30|8|day must be 01 to 28",
        "2026/04|4|expected '-' after the year",
        "20x6|2|expected a digit, found 'x'",
        "end-24|4|expected a four-digit year",
        "2026-Q5|6|quarter must be 1 to 4"
    })
    void rejectsBadTextWithIndex(String text, int index, String why) {
        DateTimeParseException e = assertThrows(DateTimeParseException.class, () -> TimePeriod.parse(text));
        assertEquals(index, e.getErrorIndex());
        assertEquals(text, e.getParsedString());
        assertEquals("cannot parse period \"" + text + "\" at index " + index + ": " + why
                + " (forms: 2026-04-13, 2026-W16, 2026-02, 2026-Q1, 2026-H1, 2025, start-2024, mid-2025, end-2024)", e.getMessage());
    }

    @Test
    void earlyYearsKeepFourDigitsSoTheyReadBack() {
        // found by DatasetFuzzTest (Jazzer): end-0229 was written "end-229", which does not parse
        for (String t : new String[] {"end-0229", "start-0001", "mid-0999", "0229", "0229-W05", "0229-02"}) {
            assertEquals(t, TimePeriod.parse(t).toString());
        }
    }

    @Test
    void equalityAndOrder() {
        assertEquals(TimePeriod.parse("2026-W16"), TimePeriod.isoWeek(2026, 16));
        assertEquals(TimePeriod.parse("2026-W16").hashCode(), TimePeriod.isoWeek(2026, 16).hashCode());
        // a point and the day it is placed at are different periods
        assertNotEquals(TimePeriod.parse("start-2024"), TimePeriod.parse("2024-01-01"));
        assertTrue(TimePeriod.parse("start-2024").compareTo(TimePeriod.parse("mid-2025")) < 0);
        assertTrue(TimePeriod.parse("mid-2025").compareTo(TimePeriod.parse("2026-02")) < 0);
        assertTrue(TimePeriod.parse("end-2025").compareTo(TimePeriod.parse("2026-02")) < 0);
    }

    @Test
    void nullIsAProgrammingErrorAsInJavaTime() {
        // java.time's LocalDate.parse(null) throws NullPointerException naming the argument
        org.junit.jupiter.api.Assertions.assertEquals("date",
                org.junit.jupiter.api.Assertions.assertThrows(NullPointerException.class, () -> TimePeriod.day(null)).getMessage());
        org.junit.jupiter.api.Assertions.assertEquals("text",
                org.junit.jupiter.api.Assertions.assertThrows(NullPointerException.class, () -> TimePeriod.parse(null)).getMessage());
        org.junit.jupiter.api.Assertions.assertEquals("month",
                org.junit.jupiter.api.Assertions.assertThrows(NullPointerException.class, () -> TimePeriod.month(null)).getMessage());
    }
}
