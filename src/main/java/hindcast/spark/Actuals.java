package hindcast.spark;

import hindcast.config.Settings;
import hindcast.model.Horizon;
import hindcast.model.MarketSeries;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The realised prices of each forecast, stored in {@code distributions} as its row {@code path_id = 0,
 * is_actuals = true} (the old contract's convention): {@code day_k} is the close on D+k-1, or on a weekend or
 * holiday the latest close before it. Written once the market has a close on or after D+13, and rewritten
 * when the market's closes for D..D+13 change; forecasts whose window is not complete have none.
 */
public final class Actuals {
    private static final int HORIZON = Horizon.DAYS;
    private final SparkSession spark;
    private final Settings settings;
    private final MarketStore market;

    Actuals(SparkSession spark, Settings settings, MarketStore market) {
        this.spark = spark;
        this.settings = settings;
        this.market = market;
    }

    /**
     * Inserts missing and rewrites changed actuals rows in one MERGE; returns their number (0: no commit).
     * Through {@link Evaluator#refresh()}, which holds the write lock.
     */
    long update() {
        String d = Table.DISTRIBUTIONS.sqlName(settings);
        MarketCache markets = new MarketCache(market);
        Map<String, float[]> stored = new HashMap<>();
        for (Row r : spark.sql("SELECT commodity, model_version, forecast_start_date, "
                + DistributionRow.dayColumns(HORIZON) + " FROM " + d + " WHERE path_id = 0 AND is_actuals").collectAsList()) {
            stored.put(key(r), DistributionRow.days(r, HORIZON));
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<Row> rows = new ArrayList<>();
        List<String> commodities = new ArrayList<>();
        for (Row r : spark.sql("SELECT DISTINCT commodity, model_version, forecast_start_date FROM " + d
                + " WHERE path_id = 1 AND NOT is_actuals").collectAsList()) {
            String commodity = r.getString(0);
            MarketSeries series = markets.get(commodity);
            LocalDate start = r.getAs(2);
            float[] actual = realised(series, start);
            if (actual == null || java.util.Arrays.equals(actual, stored.get(key(r)))) {
                continue;
            }
            rows.add(DistributionRow.actuals(start, now, r.getString(1), commodity, actual).toRow());
            if (!commodities.contains(commodity)) {
                commodities.add(commodity);
            }
        }
        if (rows.isEmpty()) {
            return 0;
        }
        Merge merge = Merge.into(spark, settings, Table.DISTRIBUTIONS)
                .pruning("t.path_id = " + DistributionRow.ACTUALS_PATH_ID + " AND t.commodity IN " + Sql.strings(commodities))
                .describedAs("actuals MERGE into distributions");
        merge.upsert(merge.frame(rows));
        return rows.size();
    }

    /** Closes as of D..D+13 (weekends and holidays carry the previous close); null until D+13 is in the data. */
    static float[] realised(MarketSeries series, LocalDate start) {
        int days = HORIZON;
        if (series.size() == 0 || series.lastDate().isBefore(start.plusDays(days - 1))) {
            return null;
        }
        float[] out = new float[days];
        for (int k = 0; k < days; k++) {
            int i = series.indexOnOrBefore(start.plusDays(k));
            if (i < 0) {
                return null;
            }
            out[k] = (float) series.close(i);
        }
        return out;
    }

    private static String key(Row r) {
        return r.getString(0) + "|" + r.getString(1) + "|" + r.getAs(2);
    }
}
