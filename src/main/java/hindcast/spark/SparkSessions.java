package hindcast.spark;

import hindcast.config.Settings;
import hindcast.model.Horizon;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Opens the Spark session: embedded {@code local[*]} by default, or whatever master spark-submit set. The tables
 * come with {@link Warehouse#open}.
 */
public final class SparkSessions {
    /** Forecasts per data file of distributions (with 2,000 paths, 200,000 rows, about 11 MB). */
    static final int FORECASTS_PER_FILE = 100;

    private SparkSessions() {
    }

    static SparkSession open(Settings settings) {
        SparkSession.Builder builder = SparkSession.builder()
                .appName(settings.spark().appName())
                .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
                .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
                .config("spark.sql.datetime.java8API.enabled", "true")
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.shuffle.partitions", settings.spark().shufflePartitions())
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                // Units of work run as concurrent jobs, each in its own pool, sharing the executors fairly.
                .config("spark.scheduler.mode", "FAIR")
                // Files of a few forecasts' paths each: replacing stale forecasts (a replaceWhere overwrite) then
                // rewrites the few files that hold them, not a chunk's whole file of other forecasts' rows.
                .config("spark.sql.files.maxRecordsPerFile", (long) FORECASTS_PER_FILE * settings.forecast().paths());
        // A path's prices are floats that almost never repeat: Parquet's dictionary encoding of the day columns
        // hashed every value until the dictionary overflowed, then wrote them plain anyway (about a sixth of the
        // executors' time in a write, by JFR). Plain from the start writes the same bytes. A Hadoop setting that
        // the session passes to each write (Parquet's per-column form, key#column).
        for (int k = 1; k <= Horizon.DAYS; k++) {
            builder.config("parquet.enable.dictionary#" + DistributionRow.dayColumn(k), "false");
        }
        if (!new SparkConf().contains("spark.master")) {
            builder.master(settings.spark().master());
        }
        settings.spark().conf().forEach(builder::config);
        SparkSession spark = builder.getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        return spark;
    }
}
