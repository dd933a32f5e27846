package hindcast.spark;

import hindcast.config.Settings;
import org.apache.spark.sql.SparkSession;

import java.io.PrintStream;

/**
 * Hindcast's tables in one Spark session, and the stores over them, each built once: the one place a
 * {@link MarketStore}, {@link ModelStore}, ... is made. Opening it creates missing tables and registers all of
 * them by name ({@link Tables}).
 */
public final class Warehouse {
    private final SparkSession spark;
    private final Settings settings;
    private final MarketStore market;
    private final ModelStore models;
    private final ForecastIndex index;
    private final DistributionStore distributions;
    private final TaskQueue tasks;
    private final ErrorLog errors;
    private final Actuals actuals;
    private final Evaluation evaluation;
    private final Evaluator evaluator;
    private final ReportQueries reports;

    /** Opens the Spark session the settings describe, and the tables in it. */
    public static Warehouse open(Settings settings) {
        return new Warehouse(SparkSessions.open(settings), settings).register();
    }

    /** The stores over the tables of {@code settings} in {@code spark}; {@link #register()} makes the tables. */
    private Warehouse(SparkSession spark, Settings settings) {
        this.spark = spark;
        this.settings = settings;
        DriverScan scan = new DriverScan(spark);
        this.market = new MarketStore(spark, settings, scan);
        this.models = new ModelStore(spark, settings, scan);
        this.index = new ForecastIndex(spark, settings, scan);
        this.distributions = new DistributionStore(spark, settings, index);
        this.tasks = new TaskQueue(spark, settings);
        this.errors = new ErrorLog(spark, settings);
        this.actuals = new Actuals(spark, settings, market);
        this.evaluation = new Evaluation(spark, settings, market);
        this.evaluator = new Evaluator(actuals, evaluation);
        this.reports = new ReportQueries(spark, settings, market);
    }

    /**
     * Creates missing tables and (re-)points the session's table names at them. Names are session-wide: another
     * installation opened later in the same session takes them over until this is called again.
     */
    public Warehouse register() {
        Tables.register(spark, settings);
        if (index.needsRebuild()) { // distributions written by a version without the index
            index.rebuild();
        }
        return this;
    }

    /**
     * The same tables seen through another session of this application, without registering them again: a
     * micro-batch's own session, a clone of the query's in which Spark runs the batch (adaptive execution off).
     */
    Warehouse in(SparkSession session) {
        return session == spark ? this : new Warehouse(session, settings);
    }

    public SparkSession spark() {
        return spark;
    }

    public Settings settings() {
        return settings;
    }

    public MarketStore market() {
        return market;
    }

    public ModelStore models() {
        return models;
    }

    public DistributionStore distributions() {
        return distributions;
    }

    /** Counts of the stored forecasts and fits that are not fresh. */
    public Staleness staleness() {
        return new Staleness(this);
    }

    /** One row per stored forecast: what planning and status read. */
    public ForecastIndex index() {
        return index;
    }

    public TaskQueue tasks() {
        return tasks;
    }

    public ErrorLog errors() {
        return errors;
    }

    public Actuals actuals() {
        return actuals;
    }

    public Evaluation evaluation() {
        return evaluation;
    }

    /** Brings actuals and forecast_metrics up to date; the only writer of either, under its lock. */
    public Evaluator evaluator() {
        return evaluator;
    }

    public ReportQueries reports() {
        return reports;
    }

    /** A fresh per-commodity cache of the market table, for one job: a later job sees later ingests. */
    public MarketCache marketCache() {
        return new MarketCache(market);
    }

    /** Trains models into trained_models, saying what it did on {@code out}. */
    public Trainer trainer(PrintStream out) {
        return new Trainer(spark, settings, market, models, out);
    }
}
