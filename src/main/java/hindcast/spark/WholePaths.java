package hindcast.spark;

import hindcast.config.Settings;
import hindcast.report.ReportData;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.util.ArrayList;
import java.util.List;

/** What {@code path_metrics} says per commodity and model: the whole-path leaderboard and barrier reliability. */
public final class WholePaths {
    /** Bins of forecast probability in a reliability table. */
    static final int BINS = 10;

    private final SparkSession spark;
    private final Settings settings;

    WholePaths(SparkSession spark, Settings settings) {
        this.spark = spark;
        this.settings = settings;
    }

    /**
     * Per commodity and model, over the forecasts of {@code scope} (its horizons do not apply): mean energy score,
     * its skill versus naive on the forecasts both have, mean Brier scores of the barrier events.
     */
    public List<ReportData.PathScores> lines(Evaluation.Scope scope) {
        List<ReportData.PathScores> out = new ArrayList<>();
        for (Row r : spark.sql(("""
                SELECT s.commodity, s.model_version, count(*), avg(s.energy_score),
                       1 - sum(IF(n.energy_score IS NULL, NULL, s.energy_score)) / sum(n.energy_score),
                       avg(s.brier_up), avg(s.brier_down)
                FROM %1$s s
                LEFT JOIN (SELECT commodity, forecast_start_date, energy_score FROM %1$s
                           WHERE model_version = 'naive') n
                  ON s.commodity = n.commodity AND s.forecast_start_date = n.forecast_start_date
                WHERE %2$s
                GROUP BY s.commodity, s.model_version
                ORDER BY s.commodity, s.model_version
                """).formatted(Table.PATH_METRICS.sqlName(settings), scope.forecasts("s"))).collectAsList()) {
            out.add(new ReportData.PathScores(r.getString(0), r.getString(1), r.getLong(2), r.getDouble(3),
                    r.isNullAt(4) ? null : r.getDouble(4), r.getDouble(5), r.getDouble(6)));
        }
        return out;
    }

    /** Reliability tables of both barrier events per commodity and model, over every scored forecast. */
    public List<ReportData.Reliability> reliability() {
        List<ReportData.Reliability> out = new ArrayList<>();
        String bins = """
                SELECT commodity, model_version, '%1$s', least(CAST(floor(p_%1$s * %2$d) AS INT), %3$d),
                       avg(p_%1$s), avg(IF(hit_%1$s, 1D, 0D)), count(*)
                FROM %4$s GROUP BY 1, 2, 3, 4
                """;
        String t = Table.PATH_METRICS.sqlName(settings);
        for (Row r : spark.sql(bins.formatted("up", BINS, BINS - 1, t) + " UNION ALL "
                + bins.formatted("down", BINS, BINS - 1, t) + " ORDER BY 1, 2, 3 DESC, 4").collectAsList()) {
            out.add(new ReportData.Reliability(r.getString(0), r.getString(1), r.getString(2), r.getInt(3),
                    r.getDouble(4), r.getDouble(5), r.getLong(6)));
        }
        return out;
    }
}
