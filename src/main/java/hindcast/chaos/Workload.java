package hindcast.chaos;

import hindcast.app.Hindcast;
import hindcast.config.Settings;
import hindcast.data.SampleData;
import hindcast.plan.Request;
import hindcast.spark.Table;
import hindcast.spark.Warehouse;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What both installations start from: sample market data, trained models, and the requests enqueued in task
 * files of one period and commodity each, holding that commodity's requests of every model (so a micro-batch
 * writes several partitions at once), plus one overlapping request and a scheduler's bad row inserted with SQL.
 * Then the replacement phase's change: a corrected close ingested again and the requests enqueued again.
 */
final class Workload {
    private static final Instant ENQUEUED_AT = Instant.parse("2024-01-02T03:04:05Z");
    private static final Instant ENQUEUED_AGAIN_AT = Instant.parse("2024-02-03T04:05:06Z");
    private static final String BAD_MODEL = "no_such_model";

    private final ChaosCampaign.Options o;
    private final List<List<Request>> files;
    private final List<List<Request>> again;
    private final Map<String, Settings.Input> inputs = new LinkedHashMap<>();

    Workload(ChaosCampaign.Options o) {
        this.o = o;
        this.files = taskFiles(o);
        this.again = ranges(o, "chaos-again-", ENQUEUED_AGAIN_AT);
    }

    /** Task files: the requests' files and the bad row's; one micro-batch each. */
    long taskFiles() {
        return files.size() + 1;
    }

    /** Task files of the replacement phase: the ranges enqueued again; one micro-batch each. */
    long taskFilesAgain() {
        return again.size();
    }

    /**
     * Sets the workload up in {@code first} (whose tables {@code warehouse} holds), then copies its tables to
     * {@code second}: Delta tables are self-contained directories, so both start from the very same commits.
     */
    void setUp(Warehouse warehouse, Installation first, Installation second) throws IOException {
        for (SampleData.Files f : SampleData.write(o.work.resolve("sample-data"), o.start.minusYears(2),
                o.end.plusMonths(2))) {
            if (o.commodities.contains(f.commodity())) {
                inputs.put(f.commodity(), new Settings.Input(f.prices(), f.covariates()));
            }
        }
        Hindcast hindcast = new Hindcast(warehouse, new PrintStream(PrintStream.nullOutputStream()));
        // No requests: setUp would enqueue one per task file; these share files, enqueued below.
        hindcast.setUp(new Hindcast.Workload(inputs, o.models, o.frequency, o.start, o.end, List.of()));
        int badAt = badRowAt();
        files.subList(0, badAt).forEach(hindcast::enqueue);
        // A scheduler's row: no request_id (so it is derived from the content), a model nobody configured.
        warehouse.spark().sql("INSERT INTO " + first.sql(Table.FORECAST_TASKS) + " SELECT CAST(NULL AS STRING), '"
                + o.commodities.get(0) + "', '" + BAD_MODEL + "', '" + o.frequency.label() + "', DATE'" + o.start
                + "', DATE'" + o.end + "', TIMESTAMP'2024-01-02 03:04:05'");
        files.subList(badAt, files.size()).forEach(hindcast::enqueue);
        copyTree(Path.of(first.settings().tables().warehouse()), Path.of(second.settings().tables().warehouse()));
    }

    /**
     * The replacement phase's change, in both installations: the close of the first commodity's first trading
     * day on or after the middle of the range becomes the middle of that day's high and low in its prices file,
     * which is ingested again (what it printed goes to {@code out}); then every range of the workload is enqueued
     * again, in the same task files (not the overlapping request: train-missing would fit the dates past the trained
     * models that it is there to have rejected). Returns the commodity and the day corrected.
     */
    Correction correctAndEnqueueAgain(Warehouse warehouse, Installation second, PrintStream out) {
        String commodity = o.commodities.get(0);
        LocalDate day = SampleData.correctClose(inputs.get(commodity).prices(),
                o.start.plusDays(ChronoUnit.DAYS.between(o.start, o.end) / 2));
        ingestAndEnqueueAgain(new Hindcast(warehouse, out), commodity);
        // Opened second: opening an installation points the session's table names at it.
        ingestAndEnqueueAgain(new Hindcast(Warehouse.open(second.settings()),
                new PrintStream(PrintStream.nullOutputStream())), commodity);
        return new Correction(commodity, day);
    }

    /** The close corrected in the replacement phase. */
    record Correction(String commodity, LocalDate day) {
    }

    private void ingestAndEnqueueAgain(Hindcast hindcast, String commodity) {
        hindcast.ingest(Map.of(commodity, inputs.get(commodity)));
        again.forEach(hindcast.warehouse().tasks()::enqueue);
    }

    /** The bad row comes after the overlapping request's and the first period's task files. */
    private int badRowAt() {
        return Math.min(files.size(), 1 + o.commodities.size());
    }

    /**
     * The task files: one request overlapping the {@link #ranges} in a file of its own, then the ranges'. First, so
     * that a run has committed a MERGE by the time a batch's units first write two partitions at once.
     */
    private static List<List<Request>> taskFiles(ChaosCampaign.Options o) {
        List<List<Request>> out = ranges(o, "chaos-", ENQUEUED_AT);
        // One request reaching past the trained models: its first dates overlap a later request (the first one
        // processed wins), its last ones are rejected date by date (NO_TRAINED_MODEL).
        out.add(0, List.of(new Request("chaos-overlap", o.commodities.get(0), o.models.get(0), o.frequency.label(),
                o.end.minusDays(11), o.end.plusDays(10), ENQUEUED_AT)));
        return out;
    }

    /**
     * Each commodity x model's range in pieces of requestMonths (quarters by default); one task file per piece and
     * commodity, with the requests of every model: units of different partitions in one micro-batch.
     */
    private static List<List<Request>> ranges(ChaosCampaign.Options o, String idPrefix, Instant enqueuedAt) {
        List<List<Request>> out = new ArrayList<>();
        for (int i = 0; !o.start.plusMonths((long) i * o.requestMonths).isAfter(o.end); i++) {
            LocalDate from = o.start.plusMonths((long) i * o.requestMonths);
            LocalDate last = o.start.plusMonths((long) (i + 1) * o.requestMonths).minusDays(1);
            LocalDate to = last.isAfter(o.end) ? o.end : last;
            for (String commodity : o.commodities) {
                List<Request> file = new ArrayList<>();
                for (String model : o.models) {
                    file.add(new Request(idPrefix + commodity + "-" + model + "-" + from, commodity, model,
                            o.frequency.label(), from, to, enqueuedAt));
                }
                out.add(file);
            }
        }
        return out;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
