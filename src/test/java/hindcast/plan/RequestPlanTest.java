package hindcast.plan;

import hindcast.model.MarketSeries;
import hindcast.model.ModelSpec;
import hindcast.model.NaiveModel;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
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
 * Which dates of a request are computed, which are skipped and which rejected and why; and how a batch's plans
 * become units of work and chunks ({@link WorkUnit}). The market
 * has a close every weekday of 2020-01-01..2020-06-30; naive fits are trained monthly on 04-01 and 05-01, and the
 * one of 06-01 was stored without its sigma, so it cannot be restored.
 */
class RequestPlanTest {
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

    private static final Request REQUEST = new Request("r1", "Coffee", "naive", "monthly", d("2020-04-20"),
            d("2020-07-10"), null);

    private static RequestPlan plan(Collection<LocalDate> complete) {
        return plan(stored(complete), fits(), Set.of());
    }

    private static RequestPlan plan(Map<LocalDate, StoredForecast> stored, NavigableMap<LocalDate, TrainedModel> fits,
                                    Set<LocalDate> claimed) {
        return plan(REQUEST, stored, fits, claimed);
    }

    private static RequestPlan plan(Request request, Map<LocalDate, StoredForecast> stored,
                                    NavigableMap<LocalDate, TrainedModel> fits, Set<LocalDate> claimed) {
        return RequestPlan.of(new ForecastPlanner(request, SERIES, fits, FRESHNESS, 60, 7), new NaiveModel(20), stored,
                PATHS, claimed);
    }

    private static List<LocalDate> dates(List<RequestPlan.Forecast> forecasts) {
        return forecasts.stream().map(RequestPlan.Forecast::date).toList();
    }

    @Test
    void skipsCompleteDatesAndGivesEachOtherDateItsFitOrItsRejection() {
        // Complete: five dates of the request, and one before it that must not count.
        RequestPlan plan = plan(new HashSet<>(range("2020-04-19", "2020-04-24")));

        assertEquals(82, plan.requested());
        assertEquals(5, plan.existing());
        assertEquals(77, plan.toGenerate());
        assertEquals(3, plan.trainingWindows());
        assertEquals(77, plan.forecasts().size() + plan.rejections().size(), "every date not complete");
        assertEquals(range("2020-04-25", "2020-05-31"), dates(plan.forecasts()), "04-25..05-31");

        // Each date has its own fit: April's up to 04-30, May's from 05-01.
        assertEquals(List.of(d("2020-04-01"), d("2020-05-01")), plan.forecasts().stream()
                .map(f -> f.fit().trainDate()).distinct().toList());
        assertEquals(d("2020-05-01"), plan.forecasts().get(6).fit().trainDate());

        // The fit that cannot be restored rejects every date it would serve, with the model's reason.
        Rejection unrestorable = Rejection.cannotRestore("naive", d("2020-06-01"),
                "stored parameters lack 'sigma': {mu=0.0}");
        assertEquals(Rejection.Kind.MODEL_FAILURE, unrestorable.kind());
        assertEquals(range("2020-06-01", "2020-06-30").stream().map(x -> new RequestPlan.DateRejection(x, unrestorable))
                .toList(), plan.rejections().subList(0, 30));

        // Past the June fit's window: no fit, then no recent market data either.
        assertEquals(new RequestPlan.DateRejection(d("2020-07-01"), new Rejection(Rejection.Kind.NO_TRAINED_MODEL,
                        "no naive model trained monthly covers 2020-07-01 (latest is 2020-06-01)" + FIX)),
                plan.rejections().get(30));
        assertEquals(new RequestPlan.DateRejection(d("2020-07-08"), new Rejection(Rejection.Kind.STALE_DATA,
                        "latest Coffee market data before 2020-07-08 is from 2020-06-30 (8 days earlier, at most 7 "
                                + "allowed); ingest newer data")),
                plan.rejections().get(37));
    }

    @Test
    void aDoneRequestHasNothingToDo() {
        RequestPlan done = plan(new HashSet<>(range("2020-04-20", "2020-07-10")));
        assertEquals(82, done.existing());
        assertEquals(0, done.toGenerate());
        assertEquals(List.of(), done.forecasts());
        assertEquals(List.of(), done.rejections());
    }

    @Test
    void datesAnEarlierRequestOfTheBatchComputesAreNotPlannedTwice() {
        RequestPlan plan = plan(Map.of(), fits(), new HashSet<>(range("2020-04-20", "2020-04-29")));
        assertEquals(10, plan.existing());
        assertEquals(range("2020-04-30", "2020-05-31"), dates(plan.forecasts()));
    }

    @Test
    void staleOrIncompleteForecastsAreRecomputedReplacingTheirRows() {
        Map<LocalDate, StoredForecast> stored = stored(range("2020-04-20", "2020-04-24"));
        stored.put(d("2020-04-25"), new StoredForecast(d("2020-04-25"), d("2020-04-01"), "0123456789abcdef", PATHS));
        stored.put(d("2020-04-26"), new StoredForecast(d("2020-04-26"), d("2020-04-01"),
                FRESHNESS.forecast(d("2020-04-01"), d("2020-04-26")), PATHS - 1));
        stored.put(d("2020-04-27"), new StoredForecast(d("2020-04-27"), null, null, PATHS)); // before fingerprints
        RequestPlan plan = plan(stored, fits(), Set.of());

        assertEquals(5, plan.existing());
        assertEquals(3, plan.stale());
        assertEquals(77, plan.toGenerate());
        List<RequestPlan.Forecast> first = plan.forecasts().subList(0, 5);
        assertEquals(range("2020-04-25", "2020-04-29"), dates(first));
        assertEquals(List.of(true, true, true, false, false), first.stream().map(RequestPlan.Forecast::replaces).toList());
        for (RequestPlan.Forecast f : first) {
            assertEquals(FRESHNESS.forecast(d("2020-04-01"), f.date()), f.fingerprint());
        }
        assertTrue(plan.forecasts().stream().skip(5).noneMatch(RequestPlan.Forecast::replaces));
    }

    @Test
    void aFitOfAnotherDefinitionOrOfChangedDataServesNoDate() {
        NavigableMap<LocalDate, TrainedModel> fits = fits();
        TrainedModel april = fits.get(d("2020-04-01"));
        fits.put(april.trainDate(), april.madeBy("naive(vol-window=250)", april.inputFingerprint()));
        TrainedModel may = fits.get(d("2020-05-01"));
        fits.put(may.trainDate(), may.madeBy(may.definition(), "0123456789abcdef"));
        RequestPlan plan = plan(Map.of(), fits, Set.of());

        List<RequestPlan.DateRejection> rejected = plan.rejections();
        assertEquals(new RequestPlan.DateRejection(d("2020-04-20"), new Rejection(Rejection.Kind.MODEL_CHANGED,
                "the naive model's definition changed since its fit at 2020-04-01: vol-window 250 → 20; retrain it "
                        + "(replacing the old fits): " + FIX.substring(7) + ", or work the request with --train-missing")),
                rejected.get(0));
        assertEquals(new RequestPlan.DateRejection(d("2020-05-01"), new Rejection(Rejection.Kind.FIT_STALE,
                "the naive fit at 2020-05-01 was trained on market data that has changed since; retrain it: "
                        + FIX.substring(7) + ", or work the request with --train-missing")),
                rejected.stream().filter(r -> r.date().equals(d("2020-05-01"))).findFirst().orElseThrow());
        assertTrue(plan.forecasts().isEmpty(), "no date of April or May is computed");
    }

    @Test
    void aBatchsRequestsForOnePartitionMakeOneUnitInDateOrder() {
        // A hundred-odd one-day requests, given latest first, and one request of another model.
        List<RequestPlan> plans = new ArrayList<>();
        Set<LocalDate> claimed = new HashSet<>();
        List<LocalDate> latestFirst = new ArrayList<>(range("2020-04-20", "2020-05-31"));
        Collections.reverse(latestFirst);
        for (LocalDate x : latestFirst) {
            RequestPlan p = plan(new Request("day-" + x, "Coffee", "naive", "monthly", x, x, null), Map.of(), fits(),
                    claimed);
            p.forecasts().forEach(f -> claimed.add(f.date()));
            plans.add(p);
        }
        plans.add(plan(new Request("twice", "Coffee", "naive", "monthly", d("2020-05-01"), d("2020-05-03"), null),
                Map.of(), fits(), claimed));
        plans.add(plan(new Request("other", "Coffee", "naive_2", "monthly", d("2020-05-01"), d("2020-05-03"), null),
                Map.of(), fits(), Set.of()));

        List<WorkUnit> units = WorkUnit.of(plans);
        assertEquals(List.of("Coffee / naive", "Coffee / naive_2"), units.stream().map(WorkUnit::name).toList());
        WorkUnit naive = units.get(0);
        assertEquals(range("2020-04-20", "2020-05-31"), naive.forecasts().stream().map(WorkUnit.Owned::date).toList(),
                "each date once, in date order");
        assertEquals("day-2020-05-02", naive.forecasts().get(12).request().requestId(), "owned by the request that claimed it");
        assertEquals(3, plans.get(plans.size() - 2).existing(), "the overlapping request computes nothing");

        WorkUnit.Chunk one = naive.chunks(1000).get(0);
        assertEquals(List.of(d("2020-04-01"), d("2020-05-01")), List.copyOf(one.fits().keySet()));
        assertEquals(d("2020-04-20"), one.from());
        assertEquals(d("2020-05-31"), one.to());
    }

    @Test
    void chunksAreConsecutiveForecastsOfAboutTheSameSize() {
        WorkUnit unit = WorkUnit.of(List.of(plan(Set.of()))).get(0); // 42 forecasts: 04-20..05-31
        assertEquals(List.of(42), unit.chunks(42).stream().map(c -> c.forecasts().size()).toList());
        assertEquals(List.of(21, 21), unit.chunks(41).stream().map(c -> c.forecasts().size()).toList());
        assertEquals(List.of(8, 8, 9, 8, 9), unit.chunks(10).stream().map(c -> c.forecasts().size()).toList());
        List<WorkUnit.Chunk> byOne = unit.chunks(1);
        assertEquals(42, byOne.size());
        assertEquals(range("2020-04-20", "2020-05-31"), byOne.stream().map(WorkUnit.Chunk::from).toList());
        assertThrows(IllegalArgumentException.class, () -> unit.chunks(0));
    }

    @Test
    void aChunkReplacesWhenOneOfItsForecastsDoes() {
        Map<LocalDate, StoredForecast> stored = new HashMap<>();
        stored.put(d("2020-04-21"), new StoredForecast(d("2020-04-21"), d("2020-04-01"), "0123456789abcdef", PATHS));
        List<WorkUnit.Chunk> chunks = WorkUnit.of(List.of(plan(stored, fits(), Set.of()))).get(0).chunks(5);
        assertTrue(chunks.get(0).replaces());
        assertTrue(chunks.stream().skip(1).noneMatch(WorkUnit.Chunk::replaces));
    }

    @Test
    void noMarketDataIsOneMessage() {
        assertEquals(new Rejection(Rejection.Kind.NO_MARKET_DATA,
                "no market data for Cocoa; run: scripts/hindcast ingest --commodity Cocoa --prices FILE"),
                Rejection.noMarketData("Cocoa"));
    }
}
