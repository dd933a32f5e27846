package hindcast.spark;

import hindcast.config.Settings;
import hindcast.data.MarketColumns;
import hindcast.data.MarketDiff;
import hindcast.data.MarketRecord;
import hindcast.model.MarketSeries;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code market} table: one row per (commodity, trading day). */
public final class MarketStore {
    private final SparkSession spark;
    private final Settings settings;
    private final DriverScan scan;

    MarketStore(SparkSession spark, Settings settings, DriverScan scan) {
        this.spark = spark;
        this.settings = settings;
        this.scan = scan;
    }

    /**
     * Replaces all rows of the commodity in one atomic Delta commit, unless they are already exactly these
     * (then nothing is written, so re-ingesting the same files changes no row). Returns what changed; an empty
     * diff means nothing was written.
     */
    public MarketDiff replace(String commodity, List<MarketRecord> records) {
        String path = Table.MARKET.location(settings);
        List<MarketRecord> current = scan.rows(path, Table.MARKET, List.of(Table.MARKET.schema().fieldNames()),
                ofCommodity(commodity), r -> true)
                .stream().map(MarketStore::toRecord).toList();
        MarketDiff diff = MarketDiff.between(current, records);
        if (diff.isEmpty()) {
            return diff;
        }
        spark.createDataFrame(toRows(commodity, records), Table.MARKET.schema())
                .write().format("delta").mode("overwrite")
                .option("replaceWhere", "commodity = " + Sql.string(commodity))
                .save(path);
        return diff;
    }

    /** The commodity's rows (the table is partitioned by commodity: its files alone are read). */
    private static DriverScan.Where ofCommodity(String commodity) {
        return DriverScan.Where.equal(Map.of("commodity", commodity));
    }

    /** A row of the full market schema, read back: null values are NaN again. */
    private static MarketRecord toRecord(Row r) {
        double[] covariates = new double[MarketColumns.COVARIATES.size()];
        for (int i = 0; i < covariates.length; i++) {
            covariates[i] = orNaN(r, 7 + i);
        }
        return new MarketRecord(r.getAs(1), r.getDouble(2), orNaN(r, 3), orNaN(r, 4), orNaN(r, 5), orNaN(r, 6),
                covariates);
    }

    private static List<Row> toRows(String commodity, List<MarketRecord> records) {
        List<Row> rows = new ArrayList<>(records.size());
        for (MarketRecord r : records) {
            Object[] v = new Object[7 + MarketColumns.COVARIATES.size()];
            v[0] = commodity;
            v[1] = r.date();
            v[2] = r.close();
            v[3] = orNull(r.open());
            v[4] = orNull(r.high());
            v[5] = orNull(r.low());
            v[6] = orNull(r.volume());
            for (int i = 0; i < MarketColumns.COVARIATES.size(); i++) {
                v[7 + i] = orNull(r.covariates()[i]);
            }
            rows.add(RowFactory.create(v));
        }
        return rows;
    }

    /** Closes and covariates (those with any value) of the commodity by date; empty when nothing was ingested. */
    public MarketSeries load(String commodity) {
        List<String> columns = new ArrayList<>(List.of("date", "close"));
        columns.addAll(MarketColumns.COVARIATES);
        columns.add("commodity");
        List<Row> rows = scan.rows(Table.MARKET.location(settings), Table.MARKET, columns, ofCommodity(commodity),
                r -> true);
        rows.sort(Comparator.comparing(r -> r.<LocalDate>getAs(0)));
        int n = rows.size();
        int[] days = new int[n];
        double[] closes = new double[n];
        Map<String, double[]> covariates = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            Row r = rows.get(i);
            days[i] = (int) r.<LocalDate>getAs(0).toEpochDay();
            closes[i] = r.getDouble(1);
            for (int j = 0; j < MarketColumns.COVARIATES.size(); j++) {
                if (!r.isNullAt(2 + j)) {
                    double[] values = covariates.computeIfAbsent(MarketColumns.COVARIATES.get(j), k -> nans(n));
                    values[i] = r.getDouble(2 + j);
                }
            }
        }
        return new MarketSeries(commodity, days, closes, covariates);
    }

    private static double[] nans(int n) {
        double[] v = new double[n];
        java.util.Arrays.fill(v, Double.NaN);
        return v;
    }

    private static Double orNull(double v) {
        return Double.isNaN(v) ? null : v;
    }

    private static double orNaN(Row r, int i) {
        return r.isNullAt(i) ? Double.NaN : r.getDouble(i);
    }
}
