package hindcast.spark;

import hindcast.config.Settings;
import hindcast.model.Horizon;
import hindcast.model.MarketSeries;
import hindcast.score.ForecastScorer;
import hindcast.score.Significance;
import hindcast.score.PathScore;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.when;

/**
 * Scores stored forecasts against their actuals row ({@link Actuals}) into {@code forecast_metrics}, one row
 * per forecast and horizon h = 1..14, where h is the column {@code day_h}, the price of calendar day D+h-1.
 * Only trading days are scored ({@link ForecastScorer}). The same pass scores each forecast's whole paths on those
 * days into {@code path_metrics}, one row per forecast ({@link hindcast.score.PathScore}).
 * <p>
 * Incremental and idempotent: a forecast is (re)scored only when its actuals row is not the one its metrics were
 * scored from, or its paths were replaced since (their {@code generation_timestamp}, recorded as
 * {@code forecast_generated_at}), or when either table lacks its row (a warehouse from before path_metrics
 * backfills it on its first evaluation), in one MERGE per table; with nothing new there is no commit. The paths of
 * the forecasts to score are gathered with {@code collect_list}, which Spark pre-aggregates in the scan's tasks, and
 * scored in Java on the executors.
 */
public final class Evaluation {
    private static final int HORIZONS = Horizon.DAYS;
    private static final scala.collection.Seq<String> KEY = scala.collection.JavaConverters.asScalaBuffer(
            List.of("commodity", "model_version", "forecast_start_date")).toSeq();

    private final SparkSession spark;
    private final Settings settings;
    private final MarketStore market;

    Evaluation(SparkSession spark, Settings settings, MarketStore market) {
        this.spark = spark;
        this.settings = settings;
        this.market = market;
    }

    /**
     * Scores the forecasts of {@code forecasts} ({@link Actuals#forecasts()}) whose actuals are new or changed or
     * whose paths were replaced; returns how many forecasts were scored. Through {@link Evaluator#refresh()}, which
     * holds the write lock.
     */
    long update(List<Row> forecasts) {
        String d = Table.DISTRIBUTIONS.sqlName(settings);
        String m = Table.FORECAST_METRICS.sqlName(settings);
        Dataset<Row> scored = spark.sql(("""
                SELECT a.commodity, a.model_version, a.forecast_start_date, a.generation_timestamp AS actuals_at,
                       s.at, s.generated, s.scored, p.actuals_generated_at AS path_at,
                       p.forecast_generated_at AS path_generated FROM %s a
                LEFT JOIN (SELECT commodity, model_version, forecast_start_date, max(actuals_generated_at) AS at,
                                  max(forecast_generated_at) AS generated, max(scored_at) AS scored
                           FROM %s GROUP BY 1, 2, 3) s
                  ON a.commodity = s.commodity AND a.model_version = s.model_version
                 AND a.forecast_start_date = s.forecast_start_date
                LEFT JOIN %s p ON a.commodity = p.commodity AND a.model_version = p.model_version
                 AND a.forecast_start_date = p.forecast_start_date
                WHERE a.path_id = 0 AND a.is_actuals
                """).formatted(d, m, Table.PATH_METRICS.sqlName(settings)));
        // Metrics scored before replacements were recorded have no forecast_generated_at: later paths are new.
        // Collected (one small row per forecast): a Dataset would keep forecast_metrics and path_metrics in the
        // lineage of the scores, and Delta's commit to the first of them would drop the cached scores, so the
        // second MERGE would read and aggregate the paths all over again.
        List<Row> due = scored.join(broadcast(spark.createDataFrame(forecasts, Actuals.FORECASTS)), KEY)
                .where("at IS NULL OR at <> actuals_at OR generated <> generation_timestamp"
                        + " OR generated IS NULL AND generation_timestamp > scored"
                        // path_metrics by the same rule; a warehouse from before it is backfilled.
                        + " OR path_at IS NULL OR path_at <> actuals_at OR path_generated <> generation_timestamp")
                .select("commodity", "model_version", "forecast_start_date").collectAsList();
        if (due.isEmpty()) {
            return 0;
        }
        List<String> commodities = due.stream().map(r -> r.getString(0)).distinct().sorted().toList();
        LocalDate from = due.stream().map(r -> r.<LocalDate>getAs(2)).min(LocalDate::compareTo).orElseThrow();
        LocalDate to = due.stream().map(r -> r.<LocalDate>getAs(2)).max(LocalDate::compareTo).orElseThrow();
        Dataset<Row> todo = spark.createDataFrame(due, DUE);
        Map<String, MarketSeries> markets = new MarketCache(market).of(commodities);

        List<Column> aggregates = new ArrayList<>();
        aggregates.add(max(when(col("path_id").equalTo(0), col("generation_timestamp"))).as("actuals_at"));
        // Path 1's, as todo compares: the paths' own, even if replaced since todo was read.
        aggregates.add(max(when(col("path_id").equalTo(1), col("generation_timestamp"))).as("forecast_at"));
        // One aggregation updates all its lists with each row in turn: element p of every list is one path.
        aggregates.add(collect_list(when(col("path_id").gt(0), col("path_id"))).as("path_ids"));
        for (int h = 1; h <= HORIZONS; h++) {
            Column day = col(DistributionRow.dayColumn(h));
            aggregates.add(max(when(col("path_id").equalTo(0), day)).as(actualColumn(h)));
            aggregates.add(collect_list(when(col("path_id").gt(0), day)).as(pathsColumn(h)));
        }
        Dataset<Row> forecastsToScore = spark.read().format("delta").load(Table.DISTRIBUTIONS.location(settings))
                .where(col("path_id").between(0, settings.forecast().paths())
                        .and(col("commodity").isin(commodities.toArray()))
                        .and(col("forecast_start_date").between(lit(from), lit(to))))
                .join(broadcast(todo), KEY, "left_semi")
                .groupBy("commodity", "model_version", "forecast_start_date")
                .agg(count(when(col("path_id").gt(0), lit(1))).as("paths"), aggregates.toArray(new Column[0]))
                .where(col("paths").equalTo(settings.forecast().paths()).and(col("actuals_at").isNotNull()));
        Broadcast<Map<String, MarketSeries>> shared = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .broadcast(markets);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Dataset<Row> scores = forecastsToScore
                .flatMap(new Score(shared, now), Encoders.row(SCORES))
                .persist();
        try {
            scores.count(); // computed once: the MERGEs below read it, each twice
            Merge.into(spark, settings, Table.FORECAST_METRICS)
                    .pruning("t.commodity IN " + Sql.strings(commodities))
                    .upsert(scores.where("metrics IS NOT NULL").select("metrics.*"));
            Merge.into(spark, settings, Table.PATH_METRICS)
                    .pruning("t.commodity IN " + Sql.strings(commodities))
                    .upsert(scores.where("path IS NOT NULL").select("path.*"));
        } finally {
            scores.unpersist();
            shared.destroy();
        }
        return due.size();
    }

    /** The key of a forecast due to be scored. */
    private static final StructType DUE = StructType.fromDDL(
            "commodity STRING, model_version STRING, forecast_start_date DATE");

    /** The aggregate of a forecast's actual at horizon h. */
    private static String actualColumn(int h) {
        return "actual_" + h;
    }

    /** The aggregate of a forecast's simulated prices at horizon h. */
    private static String pathsColumn(int h) {
        return "paths_" + h;
    }

    /**
     * What {@link Score} returns: a forecast_metrics row (column {@code metrics}) or a path_metrics row
     * ({@code path}), the other null; one pass over the paths makes both.
     */
    private static final StructType SCORES = new StructType().add("metrics", Table.FORECAST_METRICS.schema(), true)
            .add("path", Table.PATH_METRICS.schema(), true);

    /**
     * Executor side: one forecast's paths and actuals -> a metrics row per trading-day horizon and a path_metrics
     * row.
     */
    private static final class Score implements FlatMapFunction<Row, Row> {
        private final Broadcast<Map<String, MarketSeries>> markets;
        private final Instant scoredAt;

        Score(Broadcast<Map<String, MarketSeries>> markets, Instant scoredAt) {
            this.markets = markets;
            this.scoredAt = scoredAt;
        }

        @Override
        public Iterator<Row> call(Row r) {
            String commodity = r.getAs("commodity");
            LocalDate start = r.getAs("forecast_start_date");
            List<Float> actuals = new ArrayList<>();
            List<float[]> samples = new ArrayList<>();
            for (int h = 1; h <= HORIZONS; h++) {
                actuals.add(r.getAs(actualColumn(h)));
                List<Float> paths = r.getList(r.fieldIndex(pathsColumn(h)));
                float[] values = new float[paths.size()];
                for (int p = 0; p < values.length; p++) {
                    values[p] = paths.get(p);
                }
                samples.add(values);
            }
            List<Row> out = new ArrayList<>();
            MarketSeries market = markets.value().get(commodity);
            for (ForecastScorer.HorizonMetrics m : ForecastScorer.score(market, start, actuals, samples)) {
                out.add(RowFactory.create(new MetricsRow(commodity, r.getAs("model_version"), start, m,
                        r.getAs("actuals_at"), scoredAt, r.getAs("forecast_at")).toRow(), null));
            }
            List<Integer> ids = r.getList(r.fieldIndex("path_ids"));
            PathScore path = ForecastScorer.paths(market, start, actuals, samples,
                    ids.stream().mapToInt(Integer::intValue).toArray());
            if (path != null) {
                out.add(RowFactory.create(null, new PathMetricsRow(commodity, r.getAs("model_version"), start,
                        ForecastScorer.lastClose(market, start), path, r.getAs("actuals_at"), scoredAt,
                        r.getAs("forecast_at")).toRow()));
            }
            return out.iterator();
        }
    }

    /** What the leaderboard covers: commodities and models (empty = all), forecast dates, horizons. */
    public record Scope(List<String> commodities, List<String> models, LocalDate from, LocalDate to,
                        List<Integer> horizons) implements Serializable {
        /** The SQL condition on the forecasts of table alias {@code t}: dates, commodities, models. */
        String forecasts(String t) {
            StringBuilder where = new StringBuilder(t + ".forecast_start_date BETWEEN " + Sql.date(from) + " AND "
                    + Sql.date(to));
            if (!commodities.isEmpty()) {
                where.append(" AND ").append(t).append(".commodity IN ").append(Sql.strings(commodities));
            }
            if (!models.isEmpty()) {
                where.append(" AND ").append(t).append(".model_version IN ").append(Sql.strings(models));
            }
            return where.toString();
        }
    }

    /**
     * Per commodity, model and horizon: forecasts scored, MAE of the median, RMSE of the mean, MAPE of the
     * median, mean CRPS, CRPS skill versus naive (1 - sum of the model's CRPS / sum of naive's, on the
     * forecasts both have; null without naive), 80%/95% coverage, mean 95% width, and directional accuracy
     * (the median moves from the last close in the direction the price did). Against naive, on the same pairs
     * as the skill (null for naive itself and where undefined): the Diebold–Mariano statistic and two-sided p-value
     * (positive = better than naive) and the skill's 90% block-bootstrap interval ({@link Significance}).
     */
    public record Line(String commodity, String modelVersion, int horizon, long forecasts, double mae, double rmse,
                       double mape, double crps, Double crpsSkill, double coverage80, double coverage95,
                       double width95, double directional, Double dmStat, Double dmPValue, Double crpsSkillLow,
                       Double crpsSkillHigh) implements Serializable {
    }

    /** The whole-path leaderboard and reliability tables, from path_metrics. */
    public WholePaths wholePaths() {
        return new WholePaths(spark, settings);
    }

    public List<Line> leaderboard(Scope scope) {
        String m = Table.FORECAST_METRICS.sqlName(settings);
        StringBuilder where = new StringBuilder(scope.forecasts("s"));
        where.append(" AND s.horizon IN (").append(String.join(", ",
                scope.horizons().stream().map(String::valueOf).toList())).append(")");
        Map<PairedCrps.Cell, Significance> significance = PairedCrps.againstNaive(spark, m, where.toString());
        List<Line> lines = new ArrayList<>();
        for (Row r : spark.sql(("""
                SELECT s.commodity, s.model_version, s.horizon, count(*),
                       avg(abs(s.error_median)), sqrt(avg(s.error_mean * s.error_mean)),
                       avg(abs(s.error_median) / s.actual), avg(s.crps),
                       1 - sum(IF(n.crps IS NULL, NULL, s.crps)) / sum(n.crps),
                       avg(IF(s.in_80, 1D, 0D)), avg(IF(s.in_95, 1D, 0D)), avg(s.width_95),
                       avg(IF(signum(s.median - s.last_close) = signum(s.actual - s.last_close), 1D, 0D))
                FROM %1$s s
                LEFT JOIN (SELECT commodity, forecast_start_date, horizon, crps FROM %1$s
                           WHERE model_version = 'naive') n
                  ON s.commodity = n.commodity AND s.forecast_start_date = n.forecast_start_date
                 AND s.horizon = n.horizon
                WHERE %2$s
                GROUP BY s.commodity, s.model_version, s.horizon
                ORDER BY s.commodity, s.model_version, s.horizon
                """).formatted(m, where)).collectAsList()) {
            Significance sig = significance.getOrDefault(new PairedCrps.Cell(r.getString(0), r.getString(1),
                    r.getInt(2)), Significance.NONE);
            lines.add(new Line(r.getString(0), r.getString(1), r.getInt(2), r.getLong(3), r.getDouble(4),
                    r.getDouble(5), r.getDouble(6), r.getDouble(7), r.isNullAt(8) ? null : r.getDouble(8),
                    r.getDouble(9), r.getDouble(10), r.getDouble(11), r.getDouble(12),
                    sig.dmStat(), sig.dmPValue(), sig.crpsSkillLow(), sig.crpsSkillHigh()));
        }
        return lines;
    }
}
