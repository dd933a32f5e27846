package hindcast.spark;

import hindcast.error.ModelFailure;
import hindcast.model.Horizon;
import hindcast.model.MarketSeries;
import hindcast.plan.TrainedModel;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A model that throws on the executors is recorded as MODEL_FAILURE; the batch's other requests are written. */
class ModelFailureTest {
    private static final LocalDate T = LocalDate.of(2021, 2, 1);

    @Test
    void aFailingModelIsRecordedAndTheRestProceeds(@TempDir Path home) {
        Fixture f = new Fixture(home).withSampleMarket()
                .train("Sugar", List.of("random_walk"), "monthly", T, T);
        // Stored parameters a model cannot use: the restore throws inside the Spark task.
        f.spark.sql("INSERT INTO " + f.table(Table.TRAINED_MODELS) + " SELECT 'Coffee', 'naive', 'monthly', DATE'" + T
                + "', 'naive', '{\"mu\":0.0}', NULL, 500, DATE'" + T.minusDays(1) + "', current_timestamp()");
        f.enqueue(Fixture.request("Coffee", "naive", "monthly", T, T.plusDays(4)),
                Fixture.request("Sugar", "random_walk", "monthly", T, T.plusDays(4)));
        f.runAvailableNow();

        List<Row> errors = f.spark.sql("SELECT commodity, error_kind, reason FROM " + f.table(Table.TASK_ERRORS)).collectAsList();
        assertEquals(5, errors.size());
        for (Row e : errors) {
            assertEquals("Coffee", e.getString(0));
            assertEquals("MODEL_FAILURE", e.getString(1));
            assertTrue(e.getString(2).contains("the naive model trained at 2021-02-01 cannot be restored: stored parameters lack 'sigma'"), e.getString(2));
        }
        assertEquals(0, f.count("SELECT count(*) FROM " + f.table(Table.DISTRIBUTIONS) + " WHERE commodity = 'Coffee'"));
        assertEquals(5L * Fixture.PATHS, f.count("SELECT count(*) FROM " + f.table(Table.DISTRIBUTIONS)
                + " WHERE commodity = 'Sugar'"));
    }

    @Test
    void aModelThatThrowsOnTheExecutorsReachesTheDriverAsItsType(@TempDir Path home) {
        Fixture f = new Fixture(home).withSampleMarket().train("Coffee", List.of("naive"), "monthly", T, T);
        MarketSeries series = f.warehouse.market().load("Coffee");
        TrainedModel fit = f.warehouse.models()
                .load(new ModelStore.Key("Coffee", "naive", "monthly"), T, T).get(T);
        LocalDate early = Fixture.DATA_FROM.minusDays(7); // no market data before it: the forecast throws
        ChunkJob job = new ChunkJob("naive", f.settings.models().spec("naive"), series, List.of(early), List.of(T),
                List.of("f"), Map.of(T, fit), Fixture.PATHS, Horizon.DAYS, Instant.now());
        Exception e = assertThrows(Exception.class,
                () -> f.warehouse.distributions().write(job, 1, computed -> { }));
        ModelFailure failure = ModelFailure.in(e).orElseThrow(() -> new AssertionError("not found in", e));
        boolean inTheChain = false;
        for (Throwable c = e; c != null; c = c.getCause()) {
            inTheChain |= c == failure;
        }
        assertTrue(inTheChain, "the executor's exception is the cause of Spark's, not rebuilt from its text");
        assertEquals("Coffee / naive / " + early + " (trained " + T + "): java.lang.IllegalArgumentException: "
                + "Coffee: no market data before " + early, failure.getMessage());
    }

    @Test
    void aModelFailureKnownOnlyByItsTextIsFoundToo() {
        var flattened = new RuntimeException("Job aborted due to stage failure: Lost task 0.0: "
                + ModelFailure.class.getName() + ": Coffee / naive / 2021-02-01: boom\nCaused by: x");
        assertEquals("Coffee / naive / 2021-02-01: boom",
                ModelFailure.in(new IllegalStateException("wrapped", flattened)).orElseThrow().getMessage());
        assertTrue(ModelFailure.in(new RuntimeException("disk full")).isEmpty());
    }
}
