package hindcast.spark;

import hindcast.score.Significance;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each model's CRPS paired with naive's for the same commodity, forecast date and horizon, read from
 * {@code forecast_metrics} at query time (nothing is stored, so scoring stays incremental), collected to the driver
 * in forecast-date order (a few thousand dates per cell at most) and tested there ({@link Significance}).
 */
final class PairedCrps {
    /** One leaderboard cell. */
    record Cell(String commodity, String model, int horizon) {
    }

    private PairedCrps() {
    }

    /**
     * The significance of every model but naive against naive, per commodity × model × horizon, over the metrics
     * rows (aliased {@code s}) that {@code where} selects; a cell without any naive pair is absent.
     */
    static Map<Cell, Significance> againstNaive(SparkSession spark, String metricsTable, String where) {
        Map<Cell, List<double[]>> pairs = new LinkedHashMap<>();
        for (Row r : spark.sql(("""
                SELECT s.commodity, s.model_version, s.horizon, n.crps, s.crps
                FROM %1$s s
                JOIN (SELECT commodity, forecast_start_date, horizon, crps FROM %1$s WHERE model_version = 'naive') n
                  ON s.commodity = n.commodity AND s.forecast_start_date = n.forecast_start_date
                 AND s.horizon = n.horizon
                WHERE s.model_version <> 'naive' AND %2$s
                ORDER BY s.commodity, s.model_version, s.horizon, s.forecast_start_date
                """).formatted(metricsTable, where)).collectAsList()) {
            pairs.computeIfAbsent(new Cell(r.getString(0), r.getString(1), r.getInt(2)), c -> new ArrayList<>())
                    .add(new double[] {r.getDouble(3), r.getDouble(4)});
        }
        Map<Cell, Significance> out = new HashMap<>();
        pairs.forEach((cell, list) -> {
            double[] naive = new double[list.size()];
            double[] model = new double[list.size()];
            for (int i = 0; i < naive.length; i++) {
                naive[i] = list.get(i)[0];
                model[i] = list.get(i)[1];
            }
            out.put(cell, Significance.of(naive, model, cell.horizon()));
        });
        return out;
    }
}
