package hindcast.cli;

import hindcast.app.Hindcast;
import hindcast.config.Settings;
import hindcast.data.SampleData;
import hindcast.model.Horizon;
import hindcast.model.TrainFrequency;
import hindcast.plan.Request;
import hindcast.spark.BackfillStream;
import hindcast.spark.Evaluation;
import hindcast.spark.StatusReport;
import picocli.CommandLine.Command;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    static final TrainFrequency FREQUENCY = TrainFrequency.SEMIANNUALLY;

    @Override
    public void run() {
        Hindcast hindcast = hindcast();
        Path dir = settings().home().resolve("sample-data");
        List<SampleData.Files> files = SampleData.write(dir, DATA_FROM, DATA_TO);
        System.out.println("Sample data in " + dir);
        hindcast.setUp(workload(files));
        hindcast.run(BackfillStream.Mode.AVAILABLE_NOW);
        System.out.println();
        for (StatusReport.Line l : hindcast.status().lines()) {
            System.out.printf("%-8s %-12s %,6d dates done of %,d requested (%,d rejected)%n", l.commodity(),
                    l.modelVersion(), l.done(), l.requested(), l.rejected());
        }
        System.out.println();
        hindcast.refreshEvaluation();
        Leaderboard.print(hindcast.leaderboard(new Evaluation.Scope(List.of(), MODELS, BACKFILL_FROM, BACKFILL_TO,
                List.of(1, 7, Horizon.DAYS))), System.out);
        hindcast.writeReport(settings().home().resolve("report"), 7, null, null);
        System.out.println("Tables: " + settings().tables().warehouse() + "  (e.g. SELECT * FROM distributions; "
                + "scripts/hindcast status; scripts/hindcast forecast --commodity Coffee --model naive --date 2024-06-03)");
        System.out.println("Checkpoint: " + settings().stream().checkpoint());
    }

    /** The sample files, both models trained semiannually over the backfill, a request per commodity and model. */
    private static Hindcast.Workload workload(List<SampleData.Files> files) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Map<String, Settings.Input> inputs = new LinkedHashMap<>();
        List<Request> requests = new ArrayList<>();
        for (SampleData.Files f : files) {
            inputs.put(f.commodity(), new Settings.Input(f.prices(), f.covariates()));
            for (String model : MODELS) {
                requests.add(new Request(UUID.randomUUID().toString(), f.commodity(), model, FREQUENCY.label(),
                        BACKFILL_FROM, BACKFILL_TO, now));
            }
        }
        return new Hindcast.Workload(inputs, MODELS, FREQUENCY, BACKFILL_FROM, BACKFILL_TO, requests);
    }
}
