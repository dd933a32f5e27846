package hindcast.spark;

import hindcast.config.Settings;
import hindcast.model.Horizon;
import hindcast.model.MarketSeries;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The realised prices of each forecast, stored in {@code distributions} as its row {@code path_id = 0,
 * is_actuals = true} (the old contract's convention): {@code day_k} is the close on D+k-1, or on a weekend or
 * holiday the latest close before it. Written once the market has a close on or after D+13; forecasts whose
 * window is not complete have none. Its {@code fingerprint} is that of the market rows the forecast's scores read
 * ({@link #marketFingerprint}): the row is rewritten, with a new {@code generation_timestamp} that makes
 * {@link Evaluation} rescore the forecast, when they change, even where its days do not (the close before D).
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

    /** What {@link #forecasts()} returns: a forecast's key and the {@code generation_timestamp} of its paths. */
    static final StructType FORECASTS = StructType.fromDDL(
            "commodity STRING, model_version STRING, forecast_start_date DATE, generation_timestamp TIMESTAMP");

    /**
     * Every stored forecast, from the forecast index (one small row per forecast, not the paths): its
     * {@code written_at} is the {@code generation_timestamp} of the forecast's paths, which a replacement rewrites
     * all in one commit. Read once per refresh and shared with {@link Evaluation#update(List)}.
     */
    List<Row> forecasts() {
        return spark.sql("SELECT commodity, model_version, forecast_start_date, written_at AS generation_timestamp FROM "
                + Table.FORECAST_INDEX.sqlName(settings)).collectAsList();
    }

    /**
     * Inserts missing and rewrites changed actuals rows of {@code forecasts} ({@link #forecasts()}) in one
     * MERGE; returns their number (0: no commit). Through {@link Evaluator#refresh()}, which holds the write lock.
     */
    long update(List<Row> forecasts) {
        MarketCache markets = new MarketCache(market);
        Map<String, Row> stored = new HashMap<>();
        String sql = "SELECT commodity, model_version, forecast_start_date, generation_timestamp, fingerprint, "
                + DistributionRow.dayColumns(HORIZON) + " FROM " + Table.DISTRIBUTIONS.sqlName(settings)
                + " WHERE path_id = 0 AND is_actuals";
        for (Row r : spark.sql(sql).collectAsList()) {
            stored.put(key(r), r);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<Row> rows = new ArrayList<>();
        List<String> commodities = new ArrayList<>();
        for (Row r : forecasts) {
            String commodity = r.getString(0);
            MarketSeries series = markets.get(commodity);
            LocalDate start = r.getAs(2);
            float[] actual = realised(series, start);
            if (actual == null) {
                continue;
            }
            String fingerprint = marketFingerprint(series, start);
            Row old = stored.get(key(r));
            if (old != null && fingerprint.equals(old.getAs("fingerprint"))) {
                continue;
            }
            // A row from before fingerprints with the same days keeps its time: its scores still hold.
            boolean sameDays = old != null && old.getAs("fingerprint") == null
                    && Arrays.equals(actual, DistributionRow.days(old, HORIZON));
            rows.add(DistributionRow.actuals(start, sameDays ? old.getAs("generation_timestamp") : now,
                    r.getString(1), commodity, actual, fingerprint).toRow());
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

    /**
     * SHA-256 of the market rows (date, close) that scoring the forecast of {@code start} reads: from the last close
     * before D (the origin) to the close as of D+13, which also tell which days are trading days.
     */
    static String marketFingerprint(MarketSeries series, LocalDate start) {
        int from = Math.max(0, series.indexOnOrBefore(start.minusDays(1)));
        int to = series.indexOnOrBefore(start.plusDays(HORIZON - 1));
        ByteBuffer bytes = ByteBuffer.allocate(Math.max(0, to - from + 1) * (Long.BYTES + Double.BYTES));
        for (int i = from; i <= to; i++) {
            bytes.putLong(series.date(i).toEpochDay()).putDouble(series.close(i));
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.array()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static String key(Row r) {
        return r.getString(0) + "|" + r.getString(1) + "|" + r.getAs(2);
    }
}
