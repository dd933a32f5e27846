package hindcast.spark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * garch_t and the configured ensemble (naive, garch_t, sarimax_auto) trained and backfilled on sample data like
 * any model: every forecast complete, the ensemble's first block naive's own paths, and a second installation
 * writes bit-identical rows.
 */
class NewModelsTest {
    private static final LocalDate START = LocalDate.of(2021, 3, 1);
    private static final LocalDate END = LocalDate.of(2021, 3, 10);
    private static final List<String> MODELS = List.of("naive", "garch_t", "ensemble");

    @Test
    void trainedAndBackfilledLikeAnyModelDeterministically(@TempDir Path home) {
        Fixture a = backfilled(home.resolve("a"));
        String d = a.table(Table.DISTRIBUTIONS);
        int dates = 10;
        assertEquals(0, a.count("SELECT count(*) FROM " + a.table(Table.TASK_ERRORS)));
        assertEquals(MODELS.size() * dates * (long) Fixture.PATHS, a.count("SELECT count(*) FROM " + d));
        assertEquals(MODELS.size() * dates, a.count("SELECT count(*) FROM (SELECT model_version, forecast_start_date FROM "
                + d + " GROUP BY 1, 2 HAVING min(path_id) = 1 AND max(path_id) = " + Fixture.PATHS
                + " AND count(DISTINCT path_id) = " + Fixture.PATHS + ")"), "every forecast has all its paths");
        assertEquals(0, a.count("SELECT count(*) FROM " + d + " WHERE NOT (" + allPositive() + ")"),
                "every day of every path is a price");
        assertEquals(0, a.count("SELECT count(*) FROM " + d + " WHERE has_data_leakage OR is_actuals"
                + " OR data_cutoff_date <> date_sub(forecast_start_date, 1)"));

        // Member 0 of 3 draws paths [0, 50/3) of the ensemble: naive's own first 16 paths.
        String days = "day_1, day_2, day_3, day_4, day_5, day_6, day_7, day_8, day_9, day_10, day_11, day_12, day_13, day_14";
        List<String> naive = a.rows("SELECT forecast_start_date, path_id, " + days + " FROM " + d
                + " WHERE model_version = 'naive' AND path_id <= 16 ORDER BY 1, 2");
        assertEquals(dates * 16, naive.size());
        assertEquals(naive, a.rows("SELECT forecast_start_date, path_id, " + days + " FROM " + d
                + " WHERE model_version = 'ensemble' AND path_id <= 16 ORDER BY 1, 2"));
        assertEquals(0, a.count("SELECT count(*) FROM (SELECT forecast_start_date, path_id, " + days + " FROM " + d
                + " WHERE model_version = 'ensemble' AND path_id > 16 INTERSECT SELECT forecast_start_date, path_id, "
                + days + " FROM " + d + " WHERE model_version = 'naive')"), "the other blocks are not naive's");

        List<String> rows = a.distributionRows();
        Fixture b = backfilled(home.resolve("b"));
        Fixture.assertSameRows(rows, b.distributionRows(), "a second installation");
    }

    private static Fixture backfilled(Path home) {
        Fixture f = new Fixture(home).withSampleMarket().train("Coffee", MODELS, "monthly", START, END);
        f.enqueue(MODELS.stream().map(m -> Fixture.request("Coffee", m, "monthly", START, END))
                .toArray(hindcast.plan.Request[]::new));
        f.runAvailableNow();
        return f;
    }

    private static String allPositive() {
        StringBuilder s = new StringBuilder();
        for (int k = 1; k <= 14; k++) {
            s.append(k > 1 ? " AND " : "").append("day_").append(k).append(" > 0");
        }
        return s.toString();
    }
}
