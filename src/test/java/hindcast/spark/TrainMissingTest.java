package hindcast.spark;

import hindcast.model.TrainFrequency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `backfill --train-missing` trains what a request needs first instead of rejecting its dates. */
class TrainMissingTest {

    @Test
    void trainsWhatIsMissingThenBackfills(@TempDir Path home) {
        Fixture f = new Fixture(home).withSampleMarket();
        Cli backfill = Cli.run("backfill", "--config", f.configFile.toString(), "--commodity", "Sugar",
                "--models", "naive,xgboost", "--train-frequency", "monthly", "--start", "2021-03-01",
                "--end", "2021-04-10", "--train-missing");
        assertEquals(0, backfill.code(), backfill.err());
        assertTrue(backfill.out().contains("Trained Sugar / xgboost (monthly): 2 train dates, 2 fitted"), backfill.out());
        f.use();
        assertEquals(4, f.count("SELECT count(*) FROM " + f.table(Table.TRAINED_MODELS)));
        assertEquals(0, f.count("SELECT count(*) FROM " + f.table(Table.TASK_ERRORS)));
        assertEquals(2 * 41L * Fixture.PATHS, f.count("SELECT count(*) FROM " + f.table(Table.DISTRIBUTIONS)));

        // Without the flag, nothing is trained: the new dates are rejected with the command that fixes them.
        Cli plain = Cli.run("backfill", "--config", f.configFile.toString(), "--commodity", "Sugar",
                "--models", "random_walk", "--train-frequency", "monthly", "--start", "2021-03-01",
                "--end", "2021-03-02");
        assertEquals(0, plain.code(), plain.err());
        f.use();
        assertEquals(2, f.count("SELECT count(*) FROM " + f.table(Table.TASK_ERRORS) + " WHERE error_kind = 'NO_TRAINED_MODEL'"));
    }

    @Test
    void aRegressorTheCommodityLacksFailsTrainNamingTheColumnAndStoresTheOtherModels(@TempDir Path home) {
        Fixture f = new Fixture(home, "models.sarimax_vix { type = sarimax, order = [0, 1, 0], exog = [vix] }")
                .withSampleMarket();
        Cli train = Cli.run("train", "--config", f.configFile.toString(), "--commodity", "Coffee",
                "--models", "sarimax_vix,naive", "--train-frequency", "quarterly", "--start", "2020-01-01",
                "--end", "2020-12-31");
        assertEquals(65, train.code(), train.out()); // a model could not be fitted to the data
        assertTrue(train.err().contains("Coffee / sarimax_vix: fit failed at [2020-01-01, 2020-04-01, 2020-07-01, "
                + "2020-10-01]") && train.err().contains("vix"), train.err());
        assertTrue(train.out().contains("Trained Coffee / naive (quarterly): 4 train dates, 4 fitted"), train.out());
        f.use();
        assertEquals(4, f.count("SELECT count(*) FROM " + f.table(Table.TRAINED_MODELS)));
    }

    @Test
    void commoditiesTrainedTogetherInOneCommitHaveTheFitsOfCommoditiesTrainedOneByOne(@TempDir Path home) {
        List<String> models = List.of("naive", "xgboost");
        LocalDate from = LocalDate.of(2021, 1, 1);
        LocalDate to = LocalDate.of(2021, 12, 31);
        String fits = "SELECT commodity, model_version, train_frequency, train_date, model_type, parameters, "
                + "sha2(state, 256), training_rows, definition, input_fingerprint FROM %s "
                + "ORDER BY commodity, model_version, train_frequency, train_date";
        Fixture apart = new Fixture(home.resolve("apart")).withSampleMarket()
                .train("Coffee", models, "quarterly", from, to).train("Sugar", models, "quarterly", from, to);
        List<String> expected = apart.use().rows(fits.formatted(apart.table(Table.TRAINED_MODELS)));
        assertEquals(2 * 2 * 4, expected.size());

        Fixture together = new Fixture(home.resolve("together")).withSampleMarket();
        long before = together.version(Table.TRAINED_MODELS);
        together.hindcast.train(List.of("Coffee", "Sugar"), models, TrainFrequency.QUARTERLY, from, to).orThrow();
        assertEquals(before + 1, together.version(Table.TRAINED_MODELS), "one commit for both commodities");
        Fixture.assertSameRows(expected, together.use().rows(fits.formatted(together.table(Table.TRAINED_MODELS))),
                "fits of Coffee and Sugar trained together vs one commodity at a time");
        assertTrue(together.console().contains("Trained Sugar / xgboost (quarterly): 4 train dates, 4 fitted"),
                together.console());
    }
}
