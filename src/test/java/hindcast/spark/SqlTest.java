package hindcast.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlTest {
    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @Test
    void consecutiveDaysBecomeOneRangeEachInDateOrder() {
        // Unsorted, with a duplicate, a run across a month end, a lone day and a run of two.
        List<LocalDate> dates = List.of(d("2023-02-01"), d("2023-01-30"), d("2023-01-31"), d("2023-01-31"),
                d("2023-03-05"), d("2022-12-31"), d("2023-01-01"));
        assertEquals("(day BETWEEN DATE'2022-12-31' AND DATE'2023-01-01'"
                + " OR day BETWEEN DATE'2023-01-30' AND DATE'2023-02-01'"
                + " OR day = DATE'2023-03-05')", Sql.dates("day", dates));
    }

    @Test
    void oneRunOrOneDayNeedsNoParentheses() {
        assertEquals("day BETWEEN DATE'2024-02-28' AND DATE'2024-03-01'",
                Sql.dates("day", List.of(d("2024-02-29"), d("2024-02-28"), d("2024-03-01"))));
        assertEquals("day = DATE'2024-02-29'", Sql.dates("day", List.of(d("2024-02-29"))));
    }

    @Test
    void noDatesIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> Sql.dates("day", List.of()));
    }
}
