package hindcast.spark;

import hindcast.config.Settings;
import hindcast.data.SampleData;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `run --refresh --trigger continuous` recomputes what an ingest made while it runs made stale, and nothing else. */
class RefreshRunTest {
    private static final LocalDate FROM = LocalDate.of(2021, 1, 4);
    private static final LocalDate TO = LocalDate.of(2021, 1, 22);
    private static final LocalDate CORRECTED = LocalDate.of(2021, 1, 14); // a Thursday

    @Test
    void anIngestWhileRunningRecomputesExactlyTheForecastsThatReadIt(@TempDir Path home) throws Exception {
        Fixture f = new Fixture(home, "stream.interval = 1s\nstream.train-missing = true");
        List<SampleData.Files> files = SampleData.write(home.resolve("data"), Fixture.DATA_FROM, Fixture.DATA_TO);
        ingest(f, files);
        List<StreamingQuery> queries = new ArrayList<>();
        try {
            queries.add(BackfillStream.start(f.warehouse, BackfillStream.Mode.CONTINUOUS, f.out(), f.listener()));
            queries.add(Refresher.start(f.warehouse, Trigger.ProcessingTime(1000), f.out(), f.listener()));
            f.enqueue(Fixture.request("Coffee", "naive", "monthly", FROM, TO));
            long dates = FROM.datesUntil(TO.plusDays(1)).count();
            await(() -> f.count("SELECT count(*) FROM " + f.table(Table.FORECAST_INDEX)) == dates, f);
            List<String> before = f.distributionRows();

            SampleData.correctClose(files.get(0).prices(), CORRECTED);
            ingest(f, files);
            assertEquals(1, f.warehouse.staleness().total("Coffee").forecasts() , f.console());
            await(() -> f.warehouse.staleness().total("Coffee").forecasts() == 0, f);
            List<String> after = f.distributionRows();
            assertEquals(before.size(), after.size());
            List<String> changed = new ArrayList<>();
            for (int i = 0; i < before.size(); i++) {
                if (!before.get(i).equals(after.get(i))) {
                    changed.add(after.get(i).split("\\|")[2]);
                }
            }
            assertEquals(List.of(CORRECTED.plusDays(1).toString()), changed.stream().distinct().toList(),
                    "only Friday's naive forecast read Thursday's close");
            assertEquals(Fixture.PATHS, changed.size(), "all its paths, replaced");
            assertTrue(queries.stream().allMatch(StreamingQuery::isActive));
        } finally {
            for (StreamingQuery q : queries) {
                q.stop();
            }
        }
    }

    private static void ingest(Fixture f, List<SampleData.Files> files) {
        for (SampleData.Files x : files) {
            f.hindcast.ingest(x.commodity(), new Settings.Input(x.prices(), x.covariates()));
        }
    }

    private static void await(BooleanSupplier condition, Fixture f) throws InterruptedException {
        long deadline = System.nanoTime() + 240_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("timed out\n" + f.console());
    }
}
