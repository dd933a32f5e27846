package hindcast.plan;

import hindcast.model.MarketSeries;
import hindcast.model.ModelSpec;
import hindcast.model.NaiveModel;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which dates of a request are computed in which chunk, which are skipped and which rejected and why. The market
 * has a close every weekday of 2020-01-01..2020-06-30; naive fits are trained monthly on 04-01 and 05-01, and the
 * one of 06-01 was stored without its sigma, so it cannot be restored.
 */
class ChunkPlanTest {
    private static final String FIX = "; run: scripts/hindcast train --commodity Coffee --models naive "
            + "--train-frequency monthly --start 2020-04-20 --end 2020-07-10";

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    private static List<LocalDate> range(String from, String to) {
        List<LocalDate> out = new ArrayList<>();
        for (LocalDate x = d(from); !x.isAfter(d(to)); x = x.plusDays(1)) {
            out.add(x);
        }
        return out;
    }

    private static final int PATHS = 100;
    private static final MarketSeries SERIES = series();
    private static final Freshness FRESHNESS = Freshness.of(new ModelSpec("naive", "naive", Map.of("vol-window", 20)),
            SERIES);

    private static MarketSeries series() {
        List<LocalDate> weekdays = range("2020-01-01", "2020-06-30").stream()
                .filter(x -> x.getDayOfWeek() != DayOfWeek.SATURDAY && x.getDayOfWeek() != DayOfWeek.SUNDAY).toList();
        double[] closes = new double[weekdays.size()];
        for (int i = 0; i < closes.length; i++) {
            closes[i] = 100 + i % 7;
        }
        return new MarketSeries("Coffee", weekdays.stream().mapToInt(x -> (int) x.toEpochDay()).toArray(), closes);
    }

    /** A fit at {@code t} made by today's definition from today's data. */
    private static TrainedModel fit(String t, Map<String, Double> parameters) {
        return new TrainedModel(d(t), parameters, 60).madeBy(FRESHNESS.definition(), FRESHNESS.fitInputs(d(t)));
    }

    private static NavigableMap<LocalDate, TrainedModel> fits() {
        NavigableMap<LocalDate, TrainedModel> fits = new TreeMap<>();
        for (String t : List.of("2020-04-01", "2020-05-01")) {
            fits.put(d(t), fit(t, Map.of("mu", 0.0, "sigma", 0.01)));
        }
        fits.put(d("2020-06-01"), fit("2020-06-01", Map.of("mu", 0.0)));
        return fits;
    }

    /** Forecasts of the dates stored complete and fresh (made by the April fit). */
    private static Map<LocalDate, StoredForecast> stored(Collection<LocalDate> dates) {
        Map<LocalDate, StoredForecast> out = new HashMap<>();
        dates.forEach(x -> out.put(x, new StoredForecast(x, d("2020-04-01"), FRESHNESS.forecast(d("2020-04-01"), x),
                PATHS)));
        return out;
    }

    private static ChunkPlan plan(Collection<LocalDate> complete, int chunkSize) {
        return plan(stored(complete), fits(), chunkSize);
    }

    private static ChunkPlan plan(Map<LocalDate, StoredForecast> stored, NavigableMap<LocalDate, TrainedModel> fits,
                                  int chunkSize) {
        Request request = new Request("r1", "Coffee", "naive", "monthly", d("2020-04-20"), d("2020-07-10"), null);
        return ChunkPlan.of(new ForecastPlanner(request, SERIES, fits, FRESHNESS, 60, 7), new NaiveModel(20), stored,
                PATHS, chunkSize);
    }

    @Test
    void splitsTheRequestIntoChunksOfCalendarDaysWithTheirFitsAndRejections() {
        // Complete: five dates of the request, and one before it that must not count.
        Set<LocalDate> complete = new HashSet<>(range("2020-04-19", "2020-04-24"));
        ChunkPlan plan = plan(complete, 10);

        assertEquals(82, plan.requested());
        assertEquals(5, plan.existing());
        assertEquals(77, plan.toGenerate());
        assertEquals(3, plan.trainingWindows());
        assertEquals(List.of("2020-04-20..2020-04-29", "2020-04-30..2020-05-09", "2020-05-10..2020-05-19",
                        "2020-05-20..2020-05-29", "2020-05-30..2020-06-08", "2020-06-09..2020-06-18",
                        "2020-06-19..2020-06-28", "2020-06-29..2020-07-08", "2020-07-09..2020-07-10"),
                plan.chunks().stream().map(c -> c.from() + ".." + c.to()).toList());
        assertEquals(77, plan.chunks().stream().mapToInt(ChunkPlan.Chunk::handled).sum(), "every date not complete");

        // The complete dates are skipped: the first chunk computes only the rest of its days.
        ChunkPlan.Chunk first = plan.chunks().get(0);
        assertEquals(range("2020-04-25", "2020-04-29"), first.dates());
        assertTrue(first.rejections().isEmpty());

        // A fit's window boundary does not split a chunk: one chunk, two fits, each date with its own.
        ChunkPlan.Chunk second = plan.chunks().get(1);
        assertEquals(range("2020-04-30", "2020-05-09"), second.dates());
        assertEquals(d("2020-04-01"), second.trainDates().get(0));
        assertEquals(List.of(d("2020-05-01")), second.trainDates().subList(1, 10).stream().distinct().toList());
        assertEquals(List.of(d("2020-04-01"), d("2020-05-01")), List.copyOf(second.fits().keySet()));

        // The fit that cannot be restored rejects every date it would serve, with the model's reason.
        ChunkPlan.Chunk fifth = plan.chunks().get(4);
        assertEquals(range("2020-05-30", "2020-05-31"), fifth.dates());
        Rejection unrestorable = Rejection.cannotRestore("naive", d("2020-06-01"),
                "stored parameters lack 'sigma': {mu=0.0}");
        assertEquals(Rejection.Kind.MODEL_FAILURE, unrestorable.kind());
        assertEquals(range("2020-06-01", "2020-06-08").stream().map(x -> new ChunkPlan.DateRejection(x, unrestorable))
                .toList(), fifth.rejections());

        // Past the June fit's window: no fit, then no recent market data either.
        ChunkPlan.Chunk eighth = plan.chunks().get(7);
        assertTrue(eighth.forecasts().isEmpty());
        assertEquals(10, eighth.rejections().size());
        assertEquals(unrestorable, eighth.rejections().get(1).rejection());
        assertEquals(new ChunkPlan.DateRejection(d("2020-07-01"), new Rejection(Rejection.Kind.NO_TRAINED_MODEL,
                        "no naive model trained monthly covers 2020-07-01 (latest is 2020-06-01)" + FIX)),
                eighth.rejections().get(2));
        assertEquals(new ChunkPlan.DateRejection(d("2020-07-08"), new Rejection(Rejection.Kind.STALE_DATA,
                        "latest Coffee market data before 2020-07-08 is from 2020-06-30 (8 days earlier, at most 7 "
                                + "allowed); ingest newer data")),
                eighth.rejections().get(9));

        long forecasts = plan.chunks().stream().mapToLong(c -> c.forecasts().size()).sum();
        assertEquals(6 + 31, forecasts, "04-25..05-31");
    }

    @Test
    void chunksWithNothingLeftAreLeftOut() {
        ChunkPlan plan = plan(new HashSet<>(range("2020-04-20", "2020-05-09")), 10);
        assertEquals(20, plan.existing());
        assertEquals(d("2020-05-10"), plan.chunks().get(0).from());

        ChunkPlan done = plan(new HashSet<>(range("2020-04-20", "2020-07-10")), 10);
        assertEquals(82, done.existing());
        assertEquals(0, done.toGenerate());
        assertEquals(List.of(), done.chunks());
    }

    @Test
    void theChunkSizeBoundsEachChunk() {
        ChunkPlan byOne = plan(Set.of(), 1);
        assertEquals(82, byOne.chunks().size());
        assertTrue(byOne.chunks().stream().allMatch(c -> c.from().equals(c.to()) && c.handled() == 1));

        ChunkPlan whole = plan(Set.of(), 1000);
        assertEquals(1, whole.chunks().size());
        assertEquals(d("2020-07-10"), whole.chunks().get(0).to());
        assertEquals(82, whole.chunks().get(0).handled());

        assertThrows(IllegalArgumentException.class, () -> plan(Set.of(), 0));
    }

    @Test
    void staleOrIncompleteForecastsAreRecomputedReplacingTheirRows() {
        Map<LocalDate, StoredForecast> stored = stored(range("2020-04-20", "2020-04-24"));
        stored.put(d("2020-04-25"), new StoredForecast(d("2020-04-25"), d("2020-04-01"), "0123456789abcdef", PATHS));
        stored.put(d("2020-04-26"), new StoredForecast(d("2020-04-26"), d("2020-04-01"),
                FRESHNESS.forecast(d("2020-04-01"), d("2020-04-26")), PATHS - 1));
        stored.put(d("2020-04-27"), new StoredForecast(d("2020-04-27"), null, null, PATHS)); // before fingerprints
        ChunkPlan plan = plan(stored, fits(), 10);

        assertEquals(5, plan.existing());
        assertEquals(3, plan.stale());
        assertEquals(77, plan.toGenerate());
        ChunkPlan.Chunk first = plan.chunks().get(0);
        assertTrue(first.replaces());
        assertEquals(range("2020-04-25", "2020-04-29"), first.dates());
        assertEquals(List.of(true, true, true, false, false),
                first.forecasts().stream().map(ChunkPlan.Forecast::replaces).toList());
        for (ChunkPlan.Forecast f : first.forecasts()) {
            assertEquals(FRESHNESS.forecast(d("2020-04-01"), f.date()), f.fingerprint());
        }
        assertTrue(plan.chunks().stream().skip(1).noneMatch(ChunkPlan.Chunk::replaces));
    }

    @Test
    void aFitOfAnotherDefinitionOrOfChangedDataServesNoDate() {
        NavigableMap<LocalDate, TrainedModel> fits = fits();
        TrainedModel april = fits.get(d("2020-04-01"));
        fits.put(april.trainDate(), april.madeBy("naive(vol-window=250)", april.inputFingerprint()));
        TrainedModel may = fits.get(d("2020-05-01"));
        fits.put(may.trainDate(), may.madeBy(may.definition(), "0123456789abcdef"));
        ChunkPlan plan = plan(Map.of(), fits, 1000);

        List<ChunkPlan.DateRejection> rejected = plan.chunks().get(0).rejections();
        assertEquals(new ChunkPlan.DateRejection(d("2020-04-20"), new Rejection(Rejection.Kind.MODEL_CHANGED,
                "the naive model's definition changed since its fit at 2020-04-01: vol-window 250 → 20; retrain it "
                        + "(replacing the old fits): " + FIX.substring(7) + ", or work the request with --train-missing")),
                rejected.get(0));
        assertEquals(new ChunkPlan.DateRejection(d("2020-05-01"), new Rejection(Rejection.Kind.FIT_STALE,
                "the naive fit at 2020-05-01 was trained on market data that has changed since; retrain it: "
                        + FIX.substring(7) + ", or work the request with --train-missing")),
                rejected.stream().filter(r -> r.date().equals(d("2020-05-01"))).findFirst().orElseThrow());
        assertTrue(plan.chunks().get(0).forecasts().isEmpty(), "no date of April or May is computed");
    }

    @Test
    void noMarketDataIsOneMessage() {
        assertEquals(new Rejection(Rejection.Kind.NO_MARKET_DATA,
                "no market data for Cocoa; run: scripts/hindcast ingest --commodity Cocoa --prices FILE"),
                Rejection.noMarketData("Cocoa"));
    }
}
