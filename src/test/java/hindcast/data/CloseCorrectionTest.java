package hindcast.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CloseCorrectionTest {
    private static final String HEADER = "date,open,high,low,close,volume";

    @Test
    void theFirstCloseOnOrAfterTheDayBecomesTheMiddleOfItsRangeInACopy(@TempDir Path dir) throws IOException {
        List<String> original = List.of(HEADER, "2022-06-30,1,2,1,1.5,3", "2022-07-01,232.85,232.85,227.9,228.45,72",
                "2022-07-05,227.5,227.5,224.95,224.65,12");
        Path from = Files.write(dir.resolve("prices.csv"), original);
        Path to = dir.resolve("corrected.csv");

        CloseCorrection fix = CloseCorrection.write(from, LocalDate.of(2022, 7, 1), to);

        assertEquals(new CloseCorrection(LocalDate.of(2022, 7, 1), new BigDecimal("228.45"), new BigDecimal("230.375")), fix);
        assertEquals(List.of(HEADER, "2022-06-30,1,2,1,1.5,3", "2022-07-01,232.85,232.85,227.9,230.375,72",
                "2022-07-05,227.5,227.5,224.95,224.65,12"), Files.readAllLines(to));
        assertEquals(original, Files.readAllLines(from), "the original is only read");
    }

    @Test
    void withoutARangeOrWhenTheCloseIsItsMiddleTheCloseRisesOnePercent(@TempDir Path dir) throws IOException {
        Path closesOnly = Files.write(dir.resolve("a.csv"), List.of("Date,Close", "2022-07-01,", "2022-07-02,200"));
        CloseCorrection fix = CloseCorrection.write(closesOnly, LocalDate.of(2022, 7, 1), dir.resolve("a2.csv"));
        assertEquals(LocalDate.of(2022, 7, 2), fix.date(), "an empty close is skipped");
        assertEquals(new BigDecimal("202.00"), fix.after());

        Path flat = Files.write(dir.resolve("b.csv"), List.of(HEADER, "2022-07-01,5,6,4,5,1"));
        assertEquals(new BigDecimal("5.05"), CloseCorrection.write(flat, LocalDate.of(2022, 7, 1), dir.resolve("b2.csv")).after());

        assertThrows(IllegalArgumentException.class,
                () -> CloseCorrection.write(flat, LocalDate.of(2023, 1, 1), dir.resolve("c.csv")));
    }
}
