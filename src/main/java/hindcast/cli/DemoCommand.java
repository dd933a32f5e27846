package hindcast.cli;

import hindcast.data.SampleData;
import hindcast.model.Horizon;
import hindcast.model.TrainFrequency;
import hindcast.plan.Request;
import hindcast.spark.BackfillStream;
import hindcast.spark.Evaluation;
import hindcast.spark.Evaluator;
import hindcast.spark.MarketStore;
import hindcast.spark.StatusReport;
import hindcast.spark.TaskQueue;
import hindcast.spark.Trainer;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "The whole product on generated sample data: writes deterministic Coffee and Sugar data, "
                + "ingests it, trains naive and random_walk semiannually, enqueues two years of backfill and runs the "
                + "stream until the backlog is done, then scores the forecasts and writes report/index.html. "
                + "Running it again does no model work and changes no row.")
final class DemoCommand extends Common implements Runnable {
    static final LocalDate DATA_FROM = LocalDate.of(2015, 1, 1);
    static final LocalDate DATA_TO = LocalDate.of(2024, 12, 31);
    static final LocalDate BACKFILL_FROM = LocalDate.of(2023, 1, 1);
    static final LocalDate BACKFILL_TO = LocalDate.of(2024, 12, 31);
    static final List<String> MODELS = List.of("naive", "random_walk");

    @Override
    public void run() {
        SparkSession spark = spark();
        Path dir = settings().home().resolve("sample-data");
        List<SampleData.Files> files = SampleData.write(dir, DATA_FROM, DATA_TO);
        System.out.println("Sample data in " + dir);
        MarketStore market = new MarketStore(spark, settings());
        Trainer trainer = new Trainer(spark, settings(), System.out);
        TaskQueue queue = new TaskQueue(spark, settings());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        for (SampleData.Files f : files) {
            IngestCommand.ingest(market, f.commodity(), f.prices(), f.covariates());
            trainer.train(f.commodity(), MODELS, TrainFrequency.SEMIANNUALLY, BACKFILL_FROM, BACKFILL_TO);
            for (String model : MODELS) {
                Request r = new Request(UUID.randomUUID().toString(), f.commodity(), model,
                        TrainFrequency.SEMIANNUALLY.label(), BACKFILL_FROM, BACKFILL_TO, now);
                if (queue.containsSame(r)) {
                    System.out.println("Already enqueued: " + r.describe() + " " + BACKFILL_FROM + ".." + BACKFILL_TO);
                } else {
                    queue.enqueue(List.of(r));
                }
            }
        }
        RunCommand.stream(this, BackfillStream.Mode.AVAILABLE_NOW);
        StatusReport.Report report = StatusReport.build(spark, settings());
        System.out.println();
        for (StatusReport.Line l : report.lines()) {
            System.out.printf("%-8s %-12s %,6d dates done of %,d requested (%,d rejected)%n", l.commodity(),
                    l.modelVersion(), l.done(), l.requested(), l.rejected());
        }
        System.out.println();
        Evaluator.refresh(spark, settings(), System.out);
        EvaluateCommand.print(new Evaluation(spark, settings()).leaderboard(new Evaluation.Scope(List.of(), MODELS,
                BACKFILL_FROM, BACKFILL_TO, List.of(1, 7, Horizon.DAYS))));
        ReportCommand.write(spark, settings(), settings().home().resolve("report"), 7, null, null);
        System.out.println("Tables: " + settings().warehouse() + "  (e.g. SELECT * FROM distributions; "
                + "scripts/hindcast status; scripts/hindcast forecast --commodity Coffee --model naive --date 2024-06-03)");
        System.out.println("Checkpoint: " + settings().checkpoint());
    }
}
