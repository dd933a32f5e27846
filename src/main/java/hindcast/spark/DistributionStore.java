package hindcast.spark;

import hindcast.config.Settings;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.rdd.RDD;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.util.LongAccumulator;

import hindcast.plan.StoredForecast;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.stream.IntStream;

/**
 * The {@code distributions} table. A chunk of new forecasts is written by an insert-only MERGE on (commodity,
 * model_version, forecast_start_date, path_id), so a replayed or overlapping chunk inserts nothing. A chunk that
 * replaces stale (or incomplete) forecasts overwrites the path rows of its dates with its own in one commit
 * (Delta's {@code replaceWhere}: the source is computed once and joined with nothing), so a forecast never has
 * paths of two writes; its actuals row (path 0) is kept. The ON clause also carries literal commodity, model and date-range
 * predicates: Delta then reads only the files of that range, which keeps a chunk's cost flat as the table grows
 * (see README, "Idempotency"). Each write then brings the {@link ForecastIndex} up to date.
 */
public final class DistributionStore {
    private final SparkSession spark;
    private final Settings settings;
    private final ForecastIndex index;

    DistributionStore(SparkSession spark, Settings settings, ForecastIndex index) {
        this.spark = spark;
        this.settings = settings;
        this.index = index;
    }

    /**
     * Computes the chunk on the executors and MERGEs it in one commit, then records it in the index. Returns the
     * rows inserted or replaced. {@code progress} hears the number of forecasts computed so far each time a Spark
     * task ends.
     */
    long write(ChunkJob job, boolean replaces, int partitions, LongConsumer progress) {
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
        long written;
        try {
            List<Integer> indexes = IntStream.range(0, job.forecastDates().size()).boxed().toList();
            RDD<InternalRow> computedRows = JavaSparkContext.fromSparkContext(sc).parallelize(indexes, partitions)
                    .mapPartitions(new ForecastRows(shared, computed)).rdd();
            // ForecastRows writes Spark's binary rows itself (no encoder); internalCreateDataFrame is Spark's
            // own entry for such an RDD (package-private in Scala, so public to Java).
            Dataset<Row> rows = spark.internalCreateDataFrame(computedRows, Table.DISTRIBUTIONS.schema(), false);
            Merge merge = Merge.into(spark, settings, Table.DISTRIBUTIONS)
                    .pruning("t.commodity = " + Sql.string(job.commodity())
                            + " AND t.model_version = " + Sql.string(job.modelVersion())
                            + " AND t.forecast_start_date BETWEEN " + Sql.date(job.firstDate())
                            + " AND " + Sql.date(job.lastDate()))
                    .describedAs("distributions MERGE of " + job.commodity() + " / " + job.modelVersion() + " "
                            + job.firstDate() + ".." + job.lastDate());
            if (replaces) { // an overwrite writes every source row
                merge.replace(rows, Sql.forecasts(job.commodity(), job.modelVersion(), job.forecastDates())
                        + " AND path_id > 0");
                written = (long) job.forecastDates().size() * job.paths();
            } else {
                written = merge.insertMissingCounted(rows);
            }
        } finally {
            sc.removeSparkListener(listener);
            shared.destroy();
        }
        recordInIndex(job, replaces, written);
        return written;
    }

    /**
     * When the write stored every path of every forecast, the index rows are the job's own; otherwise some rows
     * were there already (an overlapping or replayed write), and the index is derived from what the table holds.
     */
    private void recordInIndex(ChunkJob job, boolean replaces, long written) {
        List<LocalDate> dates = job.forecastDates();
        if (written == (long) dates.size() * job.paths()) {
            List<StoredForecast> stored = new ArrayList<>(dates.size());
            for (int i = 0; i < dates.size(); i++) {
                stored.add(new StoredForecast(dates.get(i), job.trainDates().get(i), job.fingerprints().get(i),
                        job.paths()));
            }
            index.record(job.commodity(), job.modelVersion(), stored, job.generatedAt(), replaces);
        } else {
            index.derive(job.commodity(), job.modelVersion(), job.firstDate(), job.lastDate());
        }
    }
}
