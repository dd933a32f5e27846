package hindcast.spark;

import hindcast.config.Settings;
import hindcast.model.MarketSeries;
import hindcast.score.HorizonScore;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

/**
 * Scores stored forecasts against realised prices. Horizon h is the column {@code day_h}, the price on
 * calendar day D+h-1; it is scored only where the market has a close dated exactly D+h-1 (so weekends and
 * holidays, which carry a repeated price, are left out), and only for forecasts with all their paths.
 * <p>
 * One pass over distributions: the paths of a forecast are gathered with {@code collect_list}, which Spark
 * pre-aggregates in the scan's tasks, then each forecast is scored in Java against the broadcast closes.
 */
public final class Evaluation {
    public static final StructType SCORES = new StructType()
            .add("commodity", DataTypes.StringType, false)
            .add("model_version", DataTypes.StringType, false)
            .add("forecast_start_date", DataTypes.DateType, false)
            .add("horizon", DataTypes.IntegerType, false)
            .add("actual", DataTypes.DoubleType, false)
            .add("mean", DataTypes.DoubleType, false)
            .add("median", DataTypes.DoubleType, false)
            .add("crps", DataTypes.DoubleType, false)
            .add("pit", DataTypes.DoubleType, false)
            .add("in_80", DataTypes.BooleanType, false)
            .add("in_95", DataTypes.BooleanType, false)
            .add("width_80", DataTypes.DoubleType, false)
            .add("width_95", DataTypes.DoubleType, false);

    private final SparkSession spark;
    private final Settings settings;

    public Evaluation(SparkSession spark, Settings settings) {
        this.spark = spark;
        this.settings = settings;
    }

    /** What to score: commodities and models (empty = all), forecast dates in [from, to]. */
    public record Scope(List<String> commodities, List<String> models, LocalDate from, LocalDate to,
                        List<Integer> horizons) implements Serializable {
    }

    /** One row of {@link #SCORES} per forecast and horizon that has its actual. */
    public Dataset<Row> scores(Scope scope) {
        Map<String, Map<Integer, Double>> closes = new HashMap<>();
        MarketStore market = new MarketStore(spark, settings);
        for (String commodity : settings.commodities()) {
            if (scope.commodities().isEmpty() || scope.commodities().contains(commodity)) {
                closes.put(commodity, byDay(market.load(commodity)));
            }
        }
        Column where = col("path_id").between(1, settings.paths()).and(col("is_actuals").equalTo(false))
                .and(col("forecast_start_date").between(lit(scope.from()), lit(scope.to())));
        if (!scope.commodities().isEmpty()) {
            where = where.and(col("commodity").isin(scope.commodities().toArray()));
        }
        if (!scope.models().isEmpty()) {
            where = where.and(col("model_version").isin(scope.models().toArray()));
        }
        List<Column> aggregates = new ArrayList<>();
        for (int h : scope.horizons()) {
            aggregates.add(collect_list(col("day_" + h)).as("h" + h));
        }
        Dataset<Row> forecasts = spark.read().format("delta").load(settings.tableLocation("distributions"))
                .where(where)
                .groupBy("commodity", "model_version", "forecast_start_date")
                .agg(count(lit(1)).as("paths"), aggregates.toArray(new Column[0]))
                .where(col("paths").equalTo(settings.paths()));
        var sc = spark.sparkContext();
        Broadcast<Map<String, Map<Integer, Double>>> shared = new org.apache.spark.api.java.JavaSparkContext(sc)
                .broadcast(closes);
        return forecasts.flatMap(new Score(shared, scope.horizons()), Encoders.row(SCORES));
    }

    /**
     * Per commodity, model and horizon: forecasts scored, MAE of the median, RMSE of the mean, MAPE of the
     * median, mean CRPS, CRPS relative to naive (sum of the model's CRPS over sum of naive's, on the forecasts
     * both have; null without naive), 80%/95% interval coverage and mean 95% width.
     */
    public record Line(String commodity, String modelVersion, int horizon, long forecasts, double mae, double rmse,
                       double mape, double crps, Double crpsVsNaive, double coverage80, double coverage95,
                       double width95) implements Serializable {
    }

    public List<Line> leaderboard(Dataset<Row> scores) {
        Dataset<Row> cached = scores.persist();
        try {
            cached.createOrReplaceTempView("hindcast_scores");
            List<Line> lines = new ArrayList<>();
            for (Row r : spark.sql("""
                    SELECT s.commodity, s.model_version, s.horizon, count(*),
                           avg(abs(s.actual - s.median)), sqrt(avg(pow(s.actual - s.mean, 2))),
                           avg(abs(s.actual - s.median) / s.actual), avg(s.crps),
                           sum(IF(n.crps IS NULL, NULL, s.crps)) / sum(n.crps),
                           avg(IF(s.in_80, 1D, 0D)), avg(IF(s.in_95, 1D, 0D)), avg(s.width_95)
                    FROM hindcast_scores s
                    LEFT JOIN (SELECT commodity, forecast_start_date, horizon, crps FROM hindcast_scores
                               WHERE model_version = 'naive') n
                      ON s.commodity = n.commodity AND s.forecast_start_date = n.forecast_start_date
                     AND s.horizon = n.horizon
                    GROUP BY s.commodity, s.model_version, s.horizon
                    ORDER BY s.commodity, s.model_version, s.horizon
                    """).collectAsList()) {
                lines.add(new Line(r.getString(0), r.getString(1), r.getInt(2), r.getLong(3), r.getDouble(4),
                        r.getDouble(5), r.getDouble(6), r.getDouble(7), r.isNullAt(8) ? null : r.getDouble(8),
                        r.getDouble(9), r.getDouble(10), r.getDouble(11)));
            }
            return lines;
        } finally {
            spark.catalog().dropTempView("hindcast_scores");
            cached.unpersist();
        }
    }

    private static Map<Integer, Double> byDay(MarketSeries s) {
        Map<Integer, Double> out = new HashMap<>();
        for (int i = 0; i < s.size(); i++) {
            out.put((int) s.date(i).toEpochDay(), s.close(i));
        }
        return out;
    }

    /** Executor side: a forecast's paths per horizon -> one score row per horizon with an actual. */
    private static final class Score implements FlatMapFunction<Row, Row> {
        private final Broadcast<Map<String, Map<Integer, Double>>> closes;
        private final List<Integer> horizons;

        Score(Broadcast<Map<String, Map<Integer, Double>>> closes, List<Integer> horizons) {
            this.closes = closes;
            this.horizons = horizons;
        }

        @Override
        public Iterator<Row> call(Row r) {
            String commodity = r.getString(0);
            LocalDate d = r.getAs(2);
            Map<Integer, Double> actuals = closes.value().getOrDefault(commodity, Map.of());
            List<Row> out = new ArrayList<>();
            for (int i = 0; i < horizons.size(); i++) {
                int h = horizons.get(i);
                Double actual = actuals.get((int) d.toEpochDay() + h - 1);
                if (actual == null) {
                    continue;
                }
                List<Float> paths = r.getList(4 + i);
                float[] samples = new float[paths.size()];
                for (int p = 0; p < samples.length; p++) {
                    samples[p] = paths.get(p);
                }
                HorizonScore s = HorizonScore.of(samples, actual);
                out.add(RowFactory.create(commodity, r.getString(1), d, h, actual, s.mean(), s.median(), s.crps(),
                        s.pit(), s.in80(), s.in95(), s.width80(), s.width95()));
            }
            return out.iterator();
        }
    }
}
