package hindcast.spark;

import hindcast.config.Settings;
import org.apache.spark.SparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.function.LongConsumer;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

/**
 * The {@code distributions} table. Writes are insert-only MERGEs on (commodity, model_version,
 * forecast_start_date, path_id), so a replayed or overlapping chunk inserts nothing. The ON clause also
 * carries literal commodity, model and date-range predicates: Delta then reads only the files of that
 * range, which keeps a chunk's cost flat as the table grows (see README, "Idempotency").
 */
public final class DistributionStore {
    private final SparkSession spark;
    private final Settings settings;
    private final String path;

    DistributionStore(SparkSession spark, Settings settings) {
        this.spark = spark;
        this.settings = settings;
        this.path = Table.DISTRIBUTIONS.location(settings);
    }

    /** Forecast dates in [from, to] that have all their paths. */
    public Set<LocalDate> completeDates(String commodity, String modelVersion, LocalDate from, LocalDate to) {
        Set<LocalDate> out = new HashSet<>();
        for (Row r : complete(commodity, modelVersion, from, to).collectAsList()) {
            out.add(r.getAs(0));
        }
        return out;
    }

    private Dataset<Row> complete(String commodity, String modelVersion, LocalDate from, LocalDate to) {
        return spark.read().format("delta").load(path)
                .where(col("commodity").equalTo(lit(commodity))
                        .and(col("model_version").equalTo(lit(modelVersion)))
                        .and(col("forecast_start_date").between(lit(from), lit(to)))
                        .and(col("path_id").between(1, settings.forecast().paths())))
                .groupBy("forecast_start_date").agg(count(lit(1)).as("paths"))
                .where(col("paths").equalTo(settings.forecast().paths()))
                .select("forecast_start_date");
    }

    /**
     * Computes the chunk on the executors and MERGEs it in one commit. Returns the rows inserted.
     * {@code progress} hears the number of forecasts computed so far each time a Spark task ends.
     */
    long write(ChunkJob job, int partitions, LongConsumer progress) {
        SparkContext sc = spark.sparkContext();
        Broadcast<ChunkJob> shared = sc.broadcast(job, scala.reflect.ClassTag$.MODULE$.apply(ChunkJob.class));
        LongAccumulator computed = sc.longAccumulator("forecasts computed");
        SparkListener listener = new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
                progress.accept(Math.min(computed.value(), job.forecastDates().size()));
            }
        };
        sc.addSparkListener(listener);
        try {
            Dataset<Row> rows = spark.range(0, job.forecastDates().size(), 1, partitions)
                    .mapPartitions(new ForecastRows(shared, computed), Encoders.row(Table.DISTRIBUTIONS.schema()));
            return Merge.into(spark, settings, Table.DISTRIBUTIONS)
                    .pruning("t.commodity = " + Sql.string(job.commodity())
                            + " AND t.model_version = " + Sql.string(job.modelVersion())
                            + " AND t.forecast_start_date BETWEEN " + Sql.date(job.firstDate())
                            + " AND " + Sql.date(job.lastDate()))
                    .describedAs("distributions MERGE of " + job.commodity() + " / " + job.modelVersion() + " "
                            + job.firstDate() + ".." + job.lastDate())
                    .insertMissingCounted(rows);
        } finally {
            sc.removeSparkListener(listener);
            shared.destroy();
        }
    }
}
