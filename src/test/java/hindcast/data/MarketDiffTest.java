package hindcast.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** MarketDiff matches rows by date and compares every column, NaN equal to NaN. */
class MarketDiffTest {
    private static final LocalDate D = LocalDate.of(2024, 7, 1);
    private static final int VIX = MarketColumns.COVARIATES.indexOf("vix");

    @Test
    void countsAddedChangedAndRemovedRowsAndSpansTheirDates() {
        List<MarketRecord> stored = List.of(row(0, 10), row(1, 11), row(2, 12), row(3, 13), row(4, 14));
        // Day 0 removed, day 2 corrected, days 5 and 6 appended; days 1, 3 and 4 unchanged.
        List<MarketRecord> replacing =
                List.of(row(1, 11), row(2, 12.5), row(3, 13), row(4, 14), row(5, 15), row(6, 16));
        MarketDiff diff = MarketDiff.between(stored, replacing);
        assertEquals(new MarketDiff(2, 1, 1, 3, D, D.plusDays(6)), diff);
        assertFalse(diff.isEmpty());
        assertFalse(diff.isFirst());
        assertEquals("2 added, 1 changed, 1 removed, dated 2024-07-01..2024-07-07", diff.describe());
    }

    @Test
    void oneCorrectedCloseIsOneChangeOnItsDate() {
        List<MarketRecord> stored = List.of(row(0, 10), row(1, 11), row(2, 12));
        MarketDiff diff = MarketDiff.between(stored, List.of(row(0, 10), row(1, 11.25), row(2, 12)));
        assertEquals(new MarketDiff(0, 1, 0, 2, D.plusDays(1), D.plusDays(1)), diff);
        assertEquals("0 added, 1 changed, 0 removed, dated 2024-07-02..2024-07-02", diff.describe());
    }

    @Test
    void theSameRowsInAnotherOrderAreNoChange() {
        List<MarketRecord> stored = List.of(row(0, 10), row(1, 11), row(2, 12));
        List<MarketRecord> replacing = new ArrayList<>(List.of(row(0, 10), row(1, 11), row(2, 12)));
        Collections.reverse(replacing);
        MarketDiff diff = MarketDiff.between(stored, replacing);
        assertEquals(new MarketDiff(0, 0, 0, 3, null, null), diff);
        assertTrue(diff.isEmpty());
        assertEquals("no change", diff.describe());
    }

    @Test
    void missingValuesOnBothSidesAreEqual() {
        double nan = Double.NaN;
        MarketRecord stored = new MarketRecord(D, 10, nan, nan, nan, nan, covariates(nan));
        MarketRecord same = new MarketRecord(D, 10, nan, nan, nan, nan, covariates(nan));
        assertTrue(MarketDiff.between(List.of(stored), List.of(same)).isEmpty());
        MarketRecord filled = new MarketRecord(D, 10, nan, nan, nan, 500, covariates(nan));
        assertEquals(1, MarketDiff.between(List.of(stored), List.of(filled)).changed(), "NaN to a value is a change");
        assertEquals(1, MarketDiff.between(List.of(filled), List.of(stored)).changed(), "a value to NaN is a change");
    }

    @Test
    void aCovariateOnlyChangeIsAChange() {
        MarketRecord stored = new MarketRecord(D, 10, 9, 11, 8, 100, covariates(20));
        MarketRecord revised = new MarketRecord(D, 10, 9, 11, 8, 100, covariates(21));
        assertEquals(new MarketDiff(0, 1, 0, 0, D, D), MarketDiff.between(List.of(stored), List.of(revised)));
    }

    @Test
    void aFirstIngestAddsEveryRow() {
        MarketDiff diff = MarketDiff.between(List.of(), List.of(row(0, 10), row(1, 11), row(2, 12)));
        assertEquals(new MarketDiff(3, 0, 0, 0, D, D.plusDays(2)), diff);
        assertTrue(diff.isFirst());
        assertEquals("first ingest, 3 rows added", diff.describe());
        // Appending to stored rows is not a first ingest, even though only rows are added.
        assertFalse(MarketDiff.between(List.of(row(0, 10)), List.of(row(0, 10), row(1, 11))).isFirst());
    }

    @Test
    void removingEveryRowSpansTheRemovedDates() {
        MarketDiff diff = MarketDiff.between(List.of(row(3, 10), row(8, 11)), List.of(row(10, 12)));
        assertEquals(new MarketDiff(1, 0, 2, 0, D.plusDays(3), D.plusDays(10)), diff);
    }

    /** Day {@code day} after D with only a close and a vix value. */
    private static MarketRecord row(int day, double close) {
        return new MarketRecord(D.plusDays(day), close, Double.NaN, Double.NaN, Double.NaN, Double.NaN, covariates(15));
    }

    private static double[] covariates(double vix) {
        double[] v = new double[MarketColumns.COVARIATES.size()];
        Arrays.fill(v, Double.NaN);
        v[VIX] = vix;
        return v;
    }
}
