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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What both installations start from: sample market data, trained models, and the requests enqueued as one
 * task file each, one of them a scheduler's bad row inserted with SQL.
 */
final class Workload {
    private static final Instant ENQUEUED_AT = Instant.parse("2024-01-02T03:04:05Z");
    private static final String BAD_MODEL = "no_such_model";

    private final ChaosCampaign.Options o;
    private final List<Request> requests;

    Workload(ChaosCampaign.Options o) {
        this.o = o;
        this.requests = requests(o);
    }

    /** Task files: the requests and the bad row; one micro-batch each. */
    long taskFiles() {
        return requests.size() + 1;
    }

    /**
     * Sets the workload up in {@code first} (whose tables {@code warehouse} holds), then copies its tables to
     * {@code second}: Delta tables are self-contained directories, so both start from the very same commits.
     */
    void setUp(Warehouse warehouse, Installation first, Installation second) throws IOException {
        Map<String, Settings.Input> inputs = new LinkedHashMap<>();
        for (SampleData.Files f : SampleData.write(o.work.resolve("sample-data"), o.start.minusYears(2),
                o.end.plusMonths(2))) {
            if (o.commodities.contains(f.commodity())) {
                inputs.put(f.commodity(), new Settings.Input(f.prices(), f.covariates()));
            }
        }
        Hindcast hindcast = new Hindcast(warehouse, new PrintStream(PrintStream.nullOutputStream()));
        int badAt = badRowAt();
        hindcast.setUp(new Hindcast.Workload(inputs, o.models, o.frequency, o.start, o.end, requests.subList(0, badAt)));
        // A scheduler's row: no request_id (so it is derived from the content), a model nobody configured.
        warehouse.spark().sql("INSERT INTO " + first.sql(Table.FORECAST_TASKS) + " SELECT CAST(NULL AS STRING), '"
                + o.commodities.get(0) + "', '" + BAD_MODEL + "', '" + o.frequency.label() + "', DATE'" + o.start
                + "', DATE'" + o.end + "', TIMESTAMP'2024-01-02 03:04:05'");
        for (Request r : requests.subList(badAt, requests.size())) {
            hindcast.enqueue(List.of(r));
        }
        copyTree(Path.of(first.settings().tables().warehouse()), Path.of(second.settings().tables().warehouse()));
    }

    /** The bad row comes after the first request of each commodity x model. */
    private int badRowAt() {
        return Math.min(requests.size(), o.commodities.size() * o.models.size());
    }

    /** The request rows: each commodity x model's range in pieces of requestMonths (quarters by default). */
    static List<Request> requests(ChaosCampaign.Options o) {
        List<Request> out = new ArrayList<>();
        for (int i = 0; !o.start.plusMonths((long) i * o.requestMonths).isAfter(o.end); i++) {
            LocalDate from = o.start.plusMonths((long) i * o.requestMonths);
            LocalDate last = o.start.plusMonths((long) (i + 1) * o.requestMonths).minusDays(1);
            LocalDate to = last.isAfter(o.end) ? o.end : last;
            for (String commodity : o.commodities) {
                for (String model : o.models) {
                    out.add(new Request("chaos-" + commodity + "-" + model + "-" + from, commodity, model,
                            o.frequency.label(), from, to, ENQUEUED_AT));
                }
            }
        }
        // One request reaching past the trained models: its first dates overlap a later request (the first one
        // processed wins), its last ones are rejected date by date (NO_TRAINED_MODEL).
        out.add(Math.min(out.size(), o.commodities.size() * o.models.size()),
                new Request("chaos-overlap", o.commodities.get(0), o.models.get(0), o.frequency.label(),
                        o.end.minusDays(11), o.end.plusDays(10), ENQUEUED_AT));
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
