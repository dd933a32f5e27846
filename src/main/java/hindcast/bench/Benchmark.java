package hindcast.bench;

import hindcast.config.Settings;
import hindcast.data.MarketAssembler;
import hindcast.data.MarketCsv;
import hindcast.model.TrainFrequency;
import hindcast.plan.Request;
import hindcast.spark.BackfillStream;
import hindcast.spark.MarketStore;
import hindcast.spark.SparkSessions;
import hindcast.spark.Tables;
import hindcast.spark.TaskQueue;
import hindcast.spark.Trainer;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.SparkSession;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.current_timestamp;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.randn;

/**
 * The headline workload (Coffee from ../shared/data, random_walk, semiannually, 2018-01-01..2025-11-16,
 * 2,000 paths) against a plain Delta append of as many rows of the same schema, in one JVM and one run,
 * so the ratio holds on a noisy shared machine. Run by scripts/bench; works in a fresh directory.
 */
public final class Benchmark {
    static final String COMMODITY = "Coffee";
    static final String MODEL = "random_walk";
    static final LocalDate START = LocalDate.of(2018, 1, 1);
    static final LocalDate END = LocalDate.of(2025, 11, 16);
    /** Warms the JIT on both code paths with a model the measured workload does not use. */
    static final String WARMUP_MODEL = "naive";

    public static void run(Path data, Settings settings) throws Exception {
        SparkSession spark = SparkSessions.open(settings);
        PrintStream quiet = new PrintStream(PrintStream.nullOutputStream());
        System.out.printf("Spark master %s, %d cores; workload: %s / %s semiannually %s..%s, %d paths%n",
                spark.sparkContext().master(), spark.sparkContext().defaultParallelism(), COMMODITY, MODEL, START, END,
                settings.paths());

        long t0 = System.nanoTime();
        new MarketStore(spark, settings).replace(COMMODITY, MarketAssembler.assemble(
                MarketCsv.readPrices(data.resolve("coffee_kc_yahoo_daily.csv")).records(), List.of()));
        new Trainer(spark, settings, quiet).train(COMMODITY, List.of(MODEL, WARMUP_MODEL), TrainFrequency.SEMIANNUALLY,
                START, END);
        double setup = seconds(t0);

        backfill(spark, settings, quiet, WARMUP_MODEL, START.plusDays(119));
        plainAppend(spark, settings, 120L * settings.paths(), "bench_warmup");

        long t1 = System.nanoTime();
        backfill(spark, settings, System.out, MODEL, END);
        double backfill = seconds(t1);
        long rows = spark.sql("SELECT count(*) FROM distributions WHERE model_version = '" + MODEL + "'").first().getLong(0);
        long forecasts = ChronoUnit.DAYS.between(START, END) + 1;

        long t2 = System.nanoTime();
        plainAppend(spark, settings, rows, "bench_append");
        double append = seconds(t2);

        long t3 = System.nanoTime();
        backfill(spark, settings, quiet, MODEL, END);
        double rerun = seconds(t3);
        long rowsAfter = spark.sql("SELECT count(*) FROM distributions WHERE model_version = '" + MODEL + "'").first().getLong(0);

        long rerunComputed = spark.sql("SELECT forecasts_written FROM batch_log ORDER BY finished_at DESC LIMIT 1")
                .first().getLong(0);
        int cores = spark.sparkContext().defaultParallelism();
        System.out.println();
        System.out.printf(Locale.ROOT, "ingest + train            %8.1f s%n", setup);
        System.out.printf(Locale.ROOT, "backfill                  %8.1f s   %,d forecasts, %,d rows, %.0f forecasts/s, "
                + "%.3f core-s per forecast%n", backfill, forecasts, rows, forecasts / backfill, backfill * cores / forecasts);
        System.out.printf(Locale.ROOT, "plain Delta append        %8.1f s   %,d rows, same schema%n", append, rows);
        System.out.printf(Locale.ROOT, "ratio backfill / append   %8.2f    (target <= 2.0)%n", backfill / append);
        System.out.printf(Locale.ROOT, "rerun of the same request %8.1f s   rows %,d -> %,d, forecasts computed %d "
                + "(target < 15 s, no change)%n", rerun, rows, rowsAfter, rerunComputed);
        spark.stop();
    }

    private static void backfill(SparkSession spark, Settings settings, PrintStream out, String model, LocalDate end)
            throws Exception {
        Request r = new Request(UUID.randomUUID().toString(), COMMODITY, model, TrainFrequency.SEMIANNUALLY.label(),
                START, end, Instant.now().truncatedTo(ChronoUnit.MICROS));
        new TaskQueue(spark, settings).enqueue(List.of(r));
        BackfillStream.run(spark, settings, BackfillStream.Mode.AVAILABLE_NOW, out);
    }

    /** The baseline: random rows appended to a fresh Delta table of the same schema, partitioning and properties. */
    private static void plainAppend(SparkSession spark, Settings settings, long rows, String table) {
        List<Column> cols = new ArrayList<>();
        cols.add(col("id").mod(settings.paths()).plus(1).cast("int").as("path_id"));
        Column start = date_add(lit(START), col("id").divide(settings.paths()).cast("int"));
        cols.add(start.as("forecast_start_date"));
        cols.add(date_sub(start, 1).as("data_cutoff_date"));
        cols.add(current_timestamp().as("generation_timestamp"));
        cols.add(lit(MODEL).as("model_version"));
        cols.add(lit(COMMODITY).as("commodity"));
        for (int k = 1; k <= 14; k++) {
            cols.add(lit(150.0).plus(randn(k)).cast("float").as("day_" + k));
        }
        cols.add(lit(false).as("is_actuals"));
        cols.add(lit(false).as("has_data_leakage"));
        String location = settings.warehouse() + "/" + table;
        spark.sql("CREATE TABLE delta.`" + location + "` " + Tables.ddl("distributions"));
        spark.range(0, rows, 1, spark.sparkContext().defaultParallelism())
                .select(cols.toArray(new Column[0]))
                .write().format("delta").mode("append").save(location);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
