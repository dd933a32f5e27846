package hindcast.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hindcast.data.MarketAssembler;
import hindcast.data.MarketCsv;
import hindcast.data.MarketRecord;
import hindcast.data.SampleData;
import hindcast.model.Forecaster;
import hindcast.model.MarketSeries;
import hindcast.model.ModelState;
import hindcast.plan.TrainedModel;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A forecast for D depends on no market data dated D or later, neither through the model nor the paths. */
class LeakageTest {
    /** D is a Monday; the backfill covers Friday D-3 .. Tuesday D+1. */
    private static final LocalDate D = LocalDate.of(2021, 1, 11);
    /** One model of each type. */
    private static final List<String> MODELS = List.of("random_walk", "sarimax_auto_weather", "xgboost");
    private static final LocalDate FROM = D.minusDays(3);
    private static final LocalDate TO = D.plusDays(1);
    /** Train dates 2020-12-11 and D itself: the model serving D is fitted at T = D, on data up to D-1. */
    private static final LocalDate TRAIN_FROM = LocalDate.of(2020, 12, 11);

    @Test
    void changingDataDatedDOrLaterChangesNoForecastUpToD(@TempDir Path home) {
        Fixture original = new Fixture(home.resolve("original")).withSampleMarket();
        backfill(original);

        // The same installation, except that every Coffee price dated >= D is tripled and every covariate
        // (the weather sarimax_auto_weather regresses on) dated >= D doubled.
        Fixture changed = new Fixture(home.resolve("changed"));
        MarketStore store = changed.warehouse.market();
        for (SampleData.Files f : SampleData.write(changed.home.resolve("sample"), Fixture.DATA_FROM, Fixture.DATA_TO)) {
            List<MarketRecord> records = new ArrayList<>();
            for (MarketRecord r : MarketAssembler.assemble(MarketCsv.readPrices(f.prices()).records(),
                    List.of(MarketCsv.readCovariates(f.covariates().get(0))))) {
                boolean change = f.commodity().equals("Coffee") && !r.date().isBefore(D);
                double x = change ? 3 : 1;
                double[] covariates = r.covariates().clone();
                for (int i = 0; i < covariates.length; i++) {
                    covariates[i] *= change ? 2 : 1;
                }
                records.add(new MarketRecord(r.date(), r.close() * x, r.open() * x, r.high() * x, r.low() * x,
                        r.volume(), covariates));
            }
            store.replace(f.commodity(), records);
        }
        backfill(changed);
        MarketSeries before = original.warehouse.market().load("Coffee");
        MarketSeries after = changed.warehouse.market().load("Coffee");
        assertEquals(3 * before.cutAt(D).lastClose(), after.cutAt(D).lastClose(), 1e-9, "D's close tripled");
        assertEquals(before.cutAt(D.minusDays(1)).lastClose(), after.cutAt(D.minusDays(1)).lastClose());

        List<String> changedUpToD = rows(changed, "forecast_start_date <= DATE'" + D + "'");
        List<String> changedAfterD = rows(changed, "forecast_start_date > DATE'" + D + "'");
        List<String> changedModels = models(changed);
        original.use();
        List<String> originalUpToD = rows(original, "forecast_start_date <= DATE'" + D + "'");
        List<String> originalAfterD = rows(original, "forecast_start_date > DATE'" + D + "'");

        assertEquals(MODELS.size() * 4 * Fixture.PATHS, originalUpToD.size());
        Fixture.assertSameRows(originalUpToD, changedUpToD, "forecasts for dates <= D changed with data dated >= D");
        assertEquals(models(original), changedModels, "fits at T <= D changed with data dated >= D");
        // Control: D+1 conditions on D's (tripled) close, so its forecast must differ, path by path.
        assertEquals(MODELS.size() * Fixture.PATHS, originalAfterD.size());
        assertEquals(MODELS.size() * Fixture.PATHS, changedAfterD.size());
        for (int p = 0; p < originalAfterD.size(); p++) {
            assertNotEquals(originalAfterD.get(p), changedAfterD.get(p));
        }

        assertForecastForDIsThatOfTheSeriesCutAtDMinus1(original);
    }

    /** Recomputes D's forecast with hindcast.model alone, from a series holding nothing after D-1. */
    private static void assertForecastForDIsThatOfTheSeriesCutAtDMinus1(Fixture f) {
        MarketSeries full = f.warehouse.market().load("Coffee");
        assertTrue(full.lastDate().isAfter(D));

        // The stored fit at T = D is exactly a fit on the data dated <= D-1.
        NavigableMap<LocalDate, TrainedModel> stored = f.warehouse.models()
                .load(new ModelStore.Key("Coffee", "random_walk", "monthly"), TRAIN_FROM, D);
        assertEquals(List.of(TRAIN_FROM, D), new ArrayList<>(stored.keySet()));
        ModelState refit = f.settings.models().model("random_walk").fit(copyUpTo(full, D.minusDays(1)));
        assertEquals(refit.parameters(), stored.get(D).parameters());
        assertEquals(copyUpTo(full, D.minusDays(1)).size(), stored.get(D).trainingRows());

        // Paths from a series that holds nothing after D-1 equal the written rows.
        float[][] expected = Forecaster.paths(refit, copyUpTo(full, D.minusDays(1)), "random_walk", D,
                Fixture.PATHS, 14);
        List<Row> rows = f.spark.sql("SELECT day_1, day_2, day_3, day_4, day_5, day_6, day_7, day_8, day_9, day_10, "
                + "day_11, day_12, day_13, day_14, data_cutoff_date, has_data_leakage FROM " + f.table(Table.DISTRIBUTIONS)
                + " WHERE commodity = 'Coffee' AND model_version = 'random_walk' AND forecast_start_date = DATE'" + D
                + "' ORDER BY path_id").collectAsList();
        assertEquals(Fixture.PATHS, rows.size());
        for (int p = 0; p < rows.size(); p++) {
            float[] days = new float[14];
            for (int k = 0; k < 14; k++) {
                days[k] = rows.get(p).getFloat(k);
            }
            assertArrayEquals(expected[p], days, "path " + (p + 1));
            assertEquals(D.minusDays(1), rows.get(p).<LocalDate>getAs(14));
            assertEquals(false, rows.get(p).getBoolean(15));
        }
        // Day 1 of D moves from the close of D-3 (Friday), the last one dated <= D-1.
        assertEquals(LocalDate.of(2021, 1, 8), copyUpTo(full, D.minusDays(1)).lastDate());
    }

    private static void backfill(Fixture f) {
        f.train("Coffee", MODELS, "monthly", TRAIN_FROM, D);
        for (String model : MODELS) {
            f.enqueue(Fixture.request("Coffee", model, "monthly", FROM, TO));
        }
        f.runAvailableNow();
        assertEquals(MODELS.size() * 5L * Fixture.PATHS, f.count("SELECT count(*) FROM " + f.table(Table.DISTRIBUTIONS)));
    }

    private static List<String> rows(Fixture f, String where) {
        return f.rows("SELECT model_version, forecast_start_date, path_id, data_cutoff_date, day_1, day_2, day_3, day_4, day_5, day_6, "
                + "day_7, day_8, day_9, day_10, day_11, day_12, day_13, day_14, has_data_leakage FROM "
                + f.table(Table.DISTRIBUTIONS) + " WHERE " + where + " ORDER BY model_version, forecast_start_date, path_id");
    }

    private static List<String> models(Fixture f) {
        return f.rows("SELECT model_version, train_date, parameters, training_rows, data_cutoff_date FROM "
                + f.table(Table.TRAINED_MODELS) + " ORDER BY model_version, train_date");
    }

    /** A fresh series holding only the observations dated on or before {@code last} (no shared arrays). */
    private static MarketSeries copyUpTo(MarketSeries s, LocalDate last) {
        MarketSeries cut = s.cutAt(last);
        int[] days = new int[cut.size()];
        double[] closes = new double[cut.size()];
        for (int i = 0; i < days.length; i++) {
            days[i] = (int) cut.date(i).toEpochDay();
            closes[i] = cut.close(i);
        }
        return new MarketSeries(s.commodity(), days, closes);
    }
}
