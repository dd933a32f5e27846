package hindcast.spark;

import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A model that throws on the executors is recorded as MODEL_FAILURE; the batch's other requests are written. */
class ModelFailureTest {
    private static final LocalDate T = LocalDate.of(2021, 2, 1);

    @Test
    void aFailingModelIsRecordedAndTheRestProceeds(@TempDir Path home) {
        Fixture f = new Fixture(home).withSampleMarket()
                .train("Sugar", List.of("random_walk"), "monthly", T, T);
        // Stored parameters a model cannot use: the restore throws inside the Spark task.
        f.spark.sql("INSERT INTO " + f.table("trained-models") + " SELECT 'Coffee', 'naive', 'monthly', DATE'" + T
                + "', 'naive', '{\"mu\":0.0}', NULL, 500, DATE'" + T.minusDays(1) + "', current_timestamp()");
        f.enqueue(Fixture.request("Coffee", "naive", "monthly", T, T.plusDays(4)),
                Fixture.request("Sugar", "random_walk", "monthly", T, T.plusDays(4)));
        f.runAvailableNow();

        List<Row> errors = f.spark.sql("SELECT commodity, error_kind, reason FROM " + f.table("task-errors")).collectAsList();
        assertEquals(5, errors.size());
        for (Row e : errors) {
            assertEquals("Coffee", e.getString(0));
            assertEquals("MODEL_FAILURE", e.getString(1));
            assertTrue(e.getString(2).contains("the naive model trained at 2021-02-01 cannot be restored: stored parameters lack 'sigma'"), e.getString(2));
        }
        assertEquals(0, f.count("SELECT count(*) FROM " + f.table("distributions") + " WHERE commodity = 'Coffee'"));
        assertEquals(5L * Fixture.PATHS, f.count("SELECT count(*) FROM " + f.table("distributions")
                + " WHERE commodity = 'Sugar'"));
    }

    @Test
    void aModelFailureIsFoundBehindSparksWrappers() {
        var direct = new ForecastRows.ModelFailure("Coffee / naive / 2021-02-01: boom", new ArithmeticException());
        assertEquals("Coffee / naive / 2021-02-01: boom",
                ForecastRows.ModelFailure.find(new RuntimeException("Job aborted", direct)));
        var flattened = new RuntimeException("Job aborted due to stage failure: Lost task 0.0: "
                + ForecastRows.ModelFailure.class.getName() + ": Coffee / naive / 2021-02-01: boom\nCaused by: x");
        assertEquals("Coffee / naive / 2021-02-01: boom",
                ForecastRows.ModelFailure.find(new IllegalStateException("wrapped", flattened)));
        assertEquals(null, ForecastRows.ModelFailure.find(new RuntimeException("disk full")));
    }
}
