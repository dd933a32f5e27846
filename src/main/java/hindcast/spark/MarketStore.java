package hindcast.spark;

import hindcast.config.Settings;
import hindcast.data.MarketColumns;
import hindcast.data.MarketRecord;
import hindcast.model.MarketSeries;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The {@code market} table: one row per (commodity, trading day). */
public final class MarketStore {
    private final SparkSession spark;
    private final Settings settings;

    public MarketStore(SparkSession spark, Settings settings) {
        this.spark = spark;
        this.settings = settings;
    }

    /**
     * Replaces all rows of the commodity in one atomic Delta commit, unless they are already exactly these
     * (then nothing is written, so re-ingesting the same files changes no row). Returns whether it wrote.
     */
    public boolean replace(String commodity, List<MarketRecord> records) {
        List<Row> rows = toRows(commodity, records);
        String path = settings.tableLocation("market");
        List<Row> current = spark.read().format("delta").load(path)
                .where(functions.col("commodity").equalTo(commodity)).orderBy("date").collectAsList();
        if (current.equals(rows)) {
            return false;
        }
        spark.createDataFrame(rows, Tables.schema(spark, settings, "market"))
                .write().format("delta").mode("overwrite")
                .option("replaceWhere", "commodity = " + Sql.string(commodity))
                .save(path);
        return true;
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

    /** Closes of the commodity by date; empty when nothing was ingested. */
    public MarketSeries load(String commodity) {
        List<Row> rows = spark.read().format("delta").load(settings.tableLocation("market"))
                .where(functions.col("commodity").equalTo(commodity))
                .select("date", "close").orderBy("date").collectAsList();
        int[] days = new int[rows.size()];
        double[] closes = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            days[i] = (int) rows.get(i).<LocalDate>getAs(0).toEpochDay();
            closes[i] = rows.get(i).getDouble(1);
        }
        return new MarketSeries(commodity, days, closes);
    }

    private static Double orNull(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
