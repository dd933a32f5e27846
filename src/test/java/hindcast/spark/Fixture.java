package hindcast.spark;

import hindcast.app.Hindcast;
import hindcast.config.Settings;
import hindcast.data.SampleData;
import hindcast.model.TrainFrequency;
import hindcast.plan.Request;
import hindcast.progress.BackfillEvent;
import hindcast.progress.BackfillListener;
import hindcast.progress.ConsoleProgress;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * A Hindcast installation in a temporary directory: its own config, tables and checkpoint, on the one
 * local[2] Spark session the test JVM shares. Small: 50 paths, chunks of 16 dates.
 */
final class Fixture {
    static final LocalDate DATA_FROM = LocalDate.of(2019, 1, 1);
    static final LocalDate DATA_TO = LocalDate.of(2021, 12, 31);
    static final int PATHS = 50;

    final Path home;
    final Path configFile;
    final Settings settings;
    final Warehouse warehouse;
    final SparkSession spark;
    /** The workflows, saying what they do into {@link #console()}. */
    final Hindcast hindcast;
    final ByteArrayOutputStream console = new ByteArrayOutputStream();
    /** The progress events of every run of this fixture, in order. */
    private final List<BackfillEvent> events = Collections.synchronizedList(new ArrayList<>());

    Fixture(Path home) {
        this(home, "");
    }

    /** {@code extraConfig} is HOCON inside the {@code hindcast} block. */
    Fixture(Path home, String extraConfig) {
        this.home = home;
        this.configFile = home.resolve("test.conf");
        String conf = """
                hindcast {
                  home = "%s"
                  spark.master = "local[2]"
                  spark.shuffle-partitions = 2
                  forecast.paths = %d
                  forecast.chunk-size = 16
                  forecast.num-partitions = 3
                  %s
                }
                """.formatted(home.toString().replace("\\", "/"), PATHS, extraConfig);
        try {
            Files.createDirectories(home);
            Files.writeString(configFile, conf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.settings = Settings.load(configFile);
        this.warehouse = Warehouse.open(settings);
        this.spark = warehouse.spark();
        this.hindcast = new Hindcast(warehouse, out());
    }

    PrintStream out() {
        return new PrintStream(console, true, StandardCharsets.UTF_8);
    }

    String console() {
        return console.toString(StandardCharsets.UTF_8);
    }

    /** Progress on the console and recorded for {@link #events}. */
    BackfillListener listener() {
        return BackfillListener.all(new ConsoleProgress(out()), events::add);
    }

    /** The recorded events of one type, in order. */
    <E extends BackfillEvent> List<E> events(Class<E> type) {
        synchronized (events) {
            return events.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }

    /** Sample Coffee and Sugar data in the market table. */
    Fixture withSampleMarket() {
        for (SampleData.Files f : SampleData.write(home.resolve("sample"), DATA_FROM, DATA_TO)) {
            hindcast.ingest(f.commodity(), new Settings.Input(f.prices(), f.covariates()));
        }
        return this;
    }

    /** Trains the models; any failed fit fails the test. */
    Fixture train(String commodity, List<String> models, String frequency, LocalDate from, LocalDate to) {
        hindcast.train(commodity, models, TrainFrequency.parse(frequency), from, to).orThrow();
        return this;
    }

    static Request request(String commodity, String model, String frequency, LocalDate from, LocalDate to) {
        return new Request(UUID.randomUUID().toString(), commodity, model, frequency, from, to,
                Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    /** Enqueues the requests in one commit (one task file). */
    /** Trains {@code models}, then backfills each over [from, to]: one request per model, worked in one run. */
    Fixture backfill(String commodity, List<String> models, String frequency, LocalDate from, LocalDate to) {
        train(commodity, models, frequency, from, to);
        enqueue(models.stream().map(m -> request(commodity, m, frequency, from, to)).toArray(Request[]::new));
        runAvailableNow();
        return this;
    }

    Fixture enqueue(Request... requests) {
        hindcast.enqueue(List.of(requests));
        return this;
    }

    void runAvailableNow() {
        hindcast.run(BackfillStream.Mode.AVAILABLE_NOW, listener());
    }

    /** Every forecast row's key and values, sorted: what must be identical across reruns. */
    List<String> distributionRows() {
        List<String> out = new ArrayList<>();
        for (Row r : spark.sql("SELECT commodity, model_version, forecast_start_date, path_id, data_cutoff_date, "
                + "day_1, day_2, day_3, day_4, day_5, day_6, day_7, day_8, day_9, day_10, day_11, day_12, day_13, day_14, "
                + "is_actuals, has_data_leakage, train_date, fingerprint FROM " + table(Table.DISTRIBUTIONS)
                + " ORDER BY commodity, model_version, forecast_start_date, path_id").collectAsList()) {
            out.add(r.mkString("|"));
        }
        return out;
    }

    long count(String sql) {
        return spark.sql(sql).first().getLong(0);
    }

    /** The table's name quoted for SQL text. */
    String table(Table table) {
        return table.sqlName(settings);
    }

    /**
     * Re-points the session's table names at this installation. Names are session-wide, so a Fixture opened
     * later takes them over; call this before querying an earlier Fixture's tables by name.
     */
    Fixture use() {
        warehouse.register();
        return this;
    }

    /** Latest Delta version of the table. */
    long version(Table table) {
        return io.delta.tables.DeltaTable.forPath(spark, table.location(settings))
                .history(1).first().getLong(0);
    }

    /** The rows of a query, each as "a|b|c", in the query's order. */
    List<String> rows(String sql) {
        List<String> out = new ArrayList<>();
        for (Row r : spark.sql(sql).collectAsList()) {
            out.add(r.mkString("|"));
        }
        return out;
    }

    /** assertEquals for long row lists: reports the sizes and the first difference instead of both lists. */
    static void assertSameRows(List<String> expected, List<String> actual, String what) {
        if (expected.equals(actual)) {
            return;
        }
        int i = 0;
        while (i < Math.min(expected.size(), actual.size()) && expected.get(i).equals(actual.get(i))) {
            i++;
        }
        org.junit.jupiter.api.Assertions.fail(what + ": " + expected.size() + " rows expected, " + actual.size()
                + " found; first difference at row " + i + ":\n  expected " + (i < expected.size() ? expected.get(i) : "(none)")
                + "\n  found    " + (i < actual.size() ? actual.get(i) : "(none)"));
    }
}
