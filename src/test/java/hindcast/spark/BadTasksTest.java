package hindcast.spark;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hindcast.plan.Rejection;
import hindcast.progress.BackfillEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests enqueued with plain Spark SQL, one of every rejection kind next to a valid one, all in one batch:
 * the valid one is written, each bad one lands in task_errors with its kind and reason, the batch commits,
 * and replaying the batch changes neither table.
 */
class BadTasksTest {
    private static final String EXTRA = "commodities = [Coffee, Sugar, Cocoa]\nstream.max-files-per-trigger = 100";
    private static final String AT = "TIMESTAMP'2024-05-01 10:00:00'";

    private static String row(String id, String commodity, String model, String frequency, String from, String to) {
        return "(" + (id == null ? "NULL" : "'" + id + "'") + ", " + (commodity == null ? "NULL" : "'" + commodity + "'")
                + ", " + (model == null ? "NULL" : "'" + model + "'") + ", '" + frequency + "', "
                + (from == null ? "NULL" : "DATE'" + from + "'") + ", DATE'" + to + "', " + AT + ")";
    }

    @Test
    void everyRejectionKindLandsInTaskErrorsAndTheRestOfTheBatchProceeds(@TempDir Path home) throws IOException {
        Fixture f = new Fixture(home, EXTRA).withSampleMarket()
                .train("Coffee", List.of("naive"), "monthly", LocalDate.of(2021, 1, 1), LocalDate.of(2021, 1, 31));
        // Sugar fits of another definition, and of data that has changed since: they may serve no date.
        String fit = "'Sugar', %s, 'monthly', DATE'2021-01-01', %s, '{\"mu\":0.0,\"sigma\":0.01}', NULL, 500, "
                + "DATE'2020-12-31', current_timestamp(), %s, '0123456789abcdef'";
        f.spark.sql("INSERT INTO " + f.table(Table.TRAINED_MODELS) + " VALUES ("
                + fit.formatted("'naive'", "'naive'", "'naive(vol-window=100)'") + "), ("
                + fit.formatted("'random_walk'", "'random_walk'", Sql.string(f.settings.models().spec("random_walk")
                .definition())) + ")");
        String tasks = f.table(Table.FORECAST_TASKS);
        f.spark.sql("INSERT INTO " + tasks + " VALUES "
                + String.join(",\n", List.of(
                row("missing-model", "Coffee", null, "monthly", "2021-01-04", "2021-01-05"),
                row("unknown-commodity", "coffee", "naive", "monthly", "2021-01-04", "2021-01-05"),
                row("unknown-frequency", "Coffee", "naive", "fortnightly", "2021-01-04", "2021-01-05"),
                row("reversed", "Coffee", "naive", "monthly", "2021-01-20", "2021-01-10"),
                row("too-long", "Coffee", "naive", "monthly", "1950-01-01", "2050-12-31"),
                row("no-market", "Cocoa", "naive", "monthly", "2021-01-04", "2021-01-05"),
                row("short-history", "Coffee", "naive", "monthly", "2019-01-10", "2019-01-11"),
                row("stale", "Coffee", "naive", "monthly", "2022-01-10", "2022-01-11"),
                row("untrained", "Coffee", "random_walk", "monthly", "2021-01-04", "2021-01-05"),
                row("changed", "Sugar", "naive", "monthly", "2021-01-04", "2021-01-05"),
                row("stale-fit", "Sugar", "random_walk", "monthly", "2021-01-04", "2021-01-05"))));
        // A request without an id, and the valid one with a generated id and time (a SELECT: Spark refuses
        // uuid() inside VALUES, see theReadmesSqlInsertEnqueues).
        f.spark.sql("INSERT INTO " + tasks + " VALUES " + row(null, "Coffee", "garch", "monthly", "2021-01-04", "2021-01-05"));
        f.spark.sql("INSERT INTO " + tasks + " SELECT uuid(), 'Coffee', 'naive', 'monthly', DATE'2021-01-04', "
                + "DATE'2021-01-08', current_timestamp()");
        f.runAvailableNow();

        // One batch, committed, holding all thirteen requests.
        assertEquals(List.of(new BackfillEvent.BatchStarted(0, 13)), f.events(BackfillEvent.BatchStarted.class));
        Path commits = Path.of(f.settings.stream().checkpoint()).resolve("commits");
        assertTrue(Files.exists(commits.resolve("0")), "the batch committed: the stream did not fail");
        assertEquals(List.of("0|13"), f.rows("SELECT batch_id, requests FROM " + f.table(Table.BATCH_LOG)));

        // The valid request is fully written, and nothing else is.
        String d = f.table(Table.DISTRIBUTIONS);
        assertEquals(5 * Fixture.PATHS, f.count("SELECT count(*) FROM " + d));
        assertEquals(List.of("2021-01-04|50", "2021-01-05|50", "2021-01-06|50", "2021-01-07|50", "2021-01-08|50"),
                f.rows("SELECT forecast_start_date, count(DISTINCT path_id) FROM " + d
                        + " WHERE commodity = 'Coffee' AND model_version = 'naive' GROUP BY 1 ORDER BY 1"));

        // Every bad request, with its kind and reason.
        String errors = f.table(Table.TASK_ERRORS);
        assertEquals(17, f.count("SELECT count(*) FROM " + errors));
        assertEquals(0, f.count("SELECT count(*) FROM " + errors + " WHERE batch_id <> 0"));
        assertError(f, "missing-model", null, Rejection.Kind.MISSING_FIELD,
                "commodity, model_version, train_frequency, start_date and end_date are required", "modelVersion=null");
        assertError(f, "unknown-commodity", null, Rejection.Kind.UNKNOWN_COMMODITY,
                "unknown commodity 'coffee'; configured commodities: [Coffee, Sugar, Cocoa] (names are case-sensitive)");
        assertError(f, "unknown-frequency", null, Rejection.Kind.UNKNOWN_TRAIN_FREQUENCY,
                "unknown train frequency 'fortnightly'; expected one of daily, weekly, biweekly, monthly, quarterly, "
                        + "semiannually, annually");
        assertError(f, "reversed", null, Rejection.Kind.REVERSED_RANGE,
                "end_date 2021-01-10 is before start_date 2021-01-20");
        long span = ChronoUnit.DAYS.between(LocalDate.of(1950, 1, 1), LocalDate.of(2050, 12, 31)) + 1;
        assertError(f, "too-long", null, Rejection.Kind.RANGE_TOO_LONG, "the range spans " + span
                + " days; at most 36600 are accepted (hindcast.forecast.max-request-days); split the request");
        assertError(f, "no-market", null, Rejection.Kind.NO_MARKET_DATA,
                "no market data for Cocoa; run: scripts/hindcast ingest --commodity Cocoa --prices FILE");
        // The sample data starts on 2019-01-02 (New Year's Day is closed): 6 and 7 trading days before.
        assertError(f, "short-history", "2019-01-10", Rejection.Kind.INSUFFICIENT_HISTORY,
                "6 market observations before 2019-01-10, at least 60 needed (Coffee data starts 2019-01-02)");
        assertError(f, "short-history", "2019-01-11", Rejection.Kind.INSUFFICIENT_HISTORY,
                "7 market observations before 2019-01-11, at least 60 needed (Coffee data starts 2019-01-02)");
        assertError(f, "stale", "2022-01-10", Rejection.Kind.STALE_DATA, "latest Coffee market data before 2022-01-10 "
                + "is from 2021-12-31 (10 days earlier, at most 7 allowed); ingest newer data");
        assertError(f, "stale", "2022-01-11", Rejection.Kind.STALE_DATA, "latest Coffee market data before 2022-01-11 "
                + "is from 2021-12-31 (11 days earlier, at most 7 allowed); ingest newer data");
        for (String date : List.of("2021-01-04", "2021-01-05")) {
            assertError(f, "untrained", date, Rejection.Kind.NO_TRAINED_MODEL, "no random_walk model trained monthly "
                    + "covers " + date + " (none on or before " + date + "); run: scripts/hindcast train --commodity "
                    + "Coffee --models random_walk --train-frequency monthly --start 2021-01-04 --end 2021-01-05");
        }
        String fix = "scripts/hindcast train --commodity Sugar --models %s --train-frequency monthly --start 2021-01-04 "
                + "--end 2021-01-05, or work the request with --train-missing";
        for (String date : List.of("2021-01-04", "2021-01-05")) {
            assertError(f, "changed", date, Rejection.Kind.MODEL_CHANGED, "the naive model's definition changed since "
                    + "its fit at 2021-01-01: vol-window 100 → 250; retrain it (replacing the old fits): "
                    + fix.formatted("naive"));
            assertError(f, "stale-fit", date, Rejection.Kind.FIT_STALE, "the random_walk fit at 2021-01-01 was "
                    + "trained on market data that has changed since; retrain it: " + fix.formatted("random_walk"));
        }
        List<String> derived = f.rows("SELECT request_id, commodity, model_version, forecast_start_date, error_kind, "
                + "reason FROM " + errors + " WHERE request_id LIKE 'derived-%'");
        assertEquals(1, derived.size(), derived::toString);
        assertTrue(derived.get(0).endsWith("|Coffee|garch|null|UNKNOWN_MODEL|unknown model 'garch'; configured "
                + "models: [arima_111, ensemble, garch_t, naive, random_walk, sarimax_auto, sarimax_auto_weather, "
                + "xgboost]"), derived.get(0));
        assertEquals(Stream.of(Rejection.Kind.values()).filter(k -> k != Rejection.Kind.MODEL_FAILURE)
                        .map(Enum::name).sorted().collect(Collectors.toList()),
                f.rows("SELECT DISTINCT error_kind FROM " + errors + " ORDER BY 1"), "every producible kind");

        // Replay the batch as after a crash before its commit: neither table changes.
        List<String> errorRows = f.rows("SELECT * FROM " + errors + " ORDER BY request_id, forecast_start_date");
        List<String> distributionRows = f.distributionRows();
        long errorsVersion = f.version(Table.TASK_ERRORS);
        long distributionsVersion = f.version(Table.DISTRIBUTIONS);
        try (Stream<Path> files = Files.list(commits)) {
            files.filter(p -> p.getFileName().toString().matches("\\.?0(\\.crc)?")).forEach(p -> p.toFile().delete());
        }
        f.runAvailableNow();
        assertTrue(Files.exists(commits.resolve("0")), "the batch was replayed and committed");
        assertEquals(List.of(new BackfillEvent.BatchStarted(0, 13), new BackfillEvent.BatchStarted(0, 13)),
                f.events(BackfillEvent.BatchStarted.class), "replayed once");
        Fixture.assertSameRows(errorRows, f.rows("SELECT * FROM " + errors + " ORDER BY request_id, forecast_start_date"),
                "task_errors after the replay");
        Fixture.assertSameRows(distributionRows, f.distributionRows(), "distributions after the replay");
        assertEquals(distributionsVersion, f.version(Table.DISTRIBUTIONS));
        assertEquals(errorsVersion, f.version(Table.TASK_ERRORS), "the replay made no task_errors commit");

        // The batch log: one row per attempt of batch 0; the replay found everything done.
        assertEquals(List.of("0|13|0|5|250", "0|13|5|0|0"), f.rows("SELECT batch_id, requests, forecasts_existing, "
                + "forecasts_written, rows_written FROM " + f.table(Table.BATCH_LOG) + " ORDER BY started_at"));
    }

    /** The one task_errors row of (request, date) has this kind and exactly this reason (or contains the parts). */
    private static void assertError(Fixture f, String requestId, String date, Rejection.Kind kind, String reason,
                                    String... moreParts) {
        List<String> rows = f.rows("SELECT error_kind, reason FROM " + f.table(Table.TASK_ERRORS) + " WHERE request_id = '"
                + requestId + "' AND forecast_start_date " + (date == null ? "IS NULL" : "= DATE'" + date + "'"));
        assertEquals(1, rows.size(), () -> requestId + " " + date + ": " + rows);
        String[] kr = rows.get(0).split("\\|", 2);
        assertEquals(kind.name(), kr[0], requestId);
        if (moreParts.length == 0) {
            assertEquals(reason, kr[1], requestId);
        } else {
            assertTrue(kr[1].contains(reason), () -> requestId + ": " + kr[1]);
            for (String part : moreParts) {
                assertTrue(kr[1].contains(part), () -> requestId + ": " + kr[1] + " lacks " + part);
            }
        }
    }

    /** A request without a start date is a MISSING_FIELD rejection like any other, not a failed batch. */
    @Test
    void aRequestWithoutDatesIsRejectedAndTheStreamGoesOn(@TempDir Path home) {
        Fixture f = new Fixture(home, EXTRA);
        f.spark.sql("INSERT INTO " + f.table(Table.FORECAST_TASKS) + " VALUES "
                + row("no-start", "Coffee", "naive", "monthly", null, "2021-01-05") + ", "
                + row("no-market", "Cocoa", "naive", "monthly", "2021-01-04", "2021-01-05"));
        f.runAvailableNow();
        assertTrue(Files.exists(Path.of(f.settings.stream().checkpoint()).resolve("commits/0")), "the batch committed");
        assertEquals(List.of("no-market|NO_MARKET_DATA", "no-start|MISSING_FIELD"), f.rows("SELECT request_id, "
                + "error_kind FROM " + f.table(Table.TASK_ERRORS) + " ORDER BY 1"));
    }

    /**
     * A wholly rejected request inserted without an id is rejected, not pending forever in status; and a
     * reversed range does not count negative dates.
     */
    @Test
    void aRejectedRequestWithoutIdIsNotPendingInStatus(@TempDir Path home) {
        Fixture f = new Fixture(home, EXTRA);
        f.spark.sql("INSERT INTO " + f.table(Table.FORECAST_TASKS) + " VALUES "
                + row(null, "Coffee", "garch", "monthly", "2021-01-04", "2021-01-05") + ", "
                + row("with-id", "Coffee", "garch", "monthly", "2021-01-06", "2021-01-07") + ", "
                + row("reversed", "Coffee", "naive", "monthly", "2021-01-20", "2021-01-10"));
        f.runAvailableNow();
        assertEquals(2, f.count("SELECT count(*) FROM " + f.table(Table.TASK_ERRORS) + " WHERE error_kind = 'UNKNOWN_MODEL'"));
        StatusReport.Report report = StatusReport.build(f.warehouse);
        assertAll(
                () -> assertEquals(3, report.rejectedRequests()),
                () -> assertEquals(List.of(), report.lines().stream().filter(l -> l.pending() != 0).toList(),
                        "nothing is pending after an available-now run"),
                () -> assertEquals(0, f.count("SELECT count(*) FROM " + f.table(Table.BATCH_LOG)
                        + " WHERE forecasts_rejected < 0"), () -> "a negative rejected count: "
                        + f.rows("SELECT forecasts_rejected FROM " + f.table(Table.BATCH_LOG))));
    }

    /** The statement README.md documents under "Enqueue with SQL", run verbatim, enqueues one request. */
    @Test
    void theReadmesSqlInsertEnqueues(@TempDir Path home) throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("```sql\\s*\\n(INSERT INTO forecast_tasks.*?)```", java.util.regex.Pattern.DOTALL).matcher(readme);
        assertTrue(m.find(), "README.md documents an INSERT INTO forecast_tasks in a sql block");
        String statement = m.group(1).trim().replaceAll(";$", "");
        Fixture f = new Fixture(home);
        f.spark.sql(statement);
        assertEquals(1, f.count("SELECT count(*) FROM " + f.table(Table.FORECAST_TASKS) + " WHERE request_id IS NOT NULL "
                + "AND commodity IS NOT NULL AND start_date IS NOT NULL AND enqueued_at IS NOT NULL"), statement);
    }
}
