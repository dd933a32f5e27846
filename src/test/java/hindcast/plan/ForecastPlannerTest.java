package hindcast.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import hindcast.model.MarketSeries;
import hindcast.model.ModelSpec;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Which trained model serves a date, and the exact reasons when none can. */
class ForecastPlannerTest {
    private static final LocalDate LAST = LocalDate.of(2020, 6, 30); // Tuesday
    private static final List<LocalDate> WEEKDAYS = new ArrayList<>();

    static {
        for (LocalDate d = LocalDate.of(2020, 1, 1); !d.isAfter(LAST); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                WEEKDAYS.add(d);
            }
        }
    }

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    private static final Freshness FRESHNESS = Freshness.of(new ModelSpec("naive", "naive", Map.of()), series());

    private static MarketSeries series() {
        int[] days = WEEKDAYS.stream().mapToInt(x -> (int) x.toEpochDay()).toArray();
        double[] closes = new double[days.length];
        java.util.Arrays.fill(closes, 100);
        return new MarketSeries("Coffee", days, closes);
    }

    private static ForecastPlanner planner(String... trainDates) {
        NavigableMap<LocalDate, TrainedModel> models = new TreeMap<>();
        for (String t : trainDates) {
            models.put(d(t), new TrainedModel(d(t), Map.of("mu", 0.0, "sigma", 0.01), 60)
                    .madeBy(FRESHNESS.definition(), FRESHNESS.fitInputs(d(t))));
        }
        Request r = new Request("r1", "Coffee", "naive", "monthly", d("2020-03-01"), d("2020-07-31"), null);
        return new ForecastPlanner(r, series(), models, FRESHNESS, 60, 7);
    }

    private static void assertServedBy(ForecastPlanner p, String date, String trainDate) {
        ForecastPlanner.Decision decision = p.decide(d(date));
        assertNull(decision.rejection(), () -> date + ": " + decision.rejection());
        assertEquals(d(trainDate), decision.model().trainDate(), date);
        assertEquals(d(date), decision.date());
    }

    private static void assertRejected(ForecastPlanner p, String date, Rejection.Kind kind, String reason) {
        ForecastPlanner.Decision decision = p.decide(d(date));
        assertNull(decision.model(), date);
        assertEquals(new Rejection(kind, reason), decision.rejection(), date);
    }

    @Test
    void theLatestTrainDateOnOrBeforeDServes() {
        ForecastPlanner p = planner("2020-04-01", "2020-05-01", "2020-07-01");
        assertServedBy(p, "2020-04-01", "2020-04-01");
        assertServedBy(p, "2020-04-30", "2020-04-01");
        assertServedBy(p, "2020-05-01", "2020-05-01");
        assertServedBy(p, "2020-05-31", "2020-05-01");
        assertServedBy(p, "2020-07-01", "2020-07-01");
    }

    @Test
    void aDateOutsideTheLatestModelsWindowHasNoModel() {
        ForecastPlanner p = planner("2020-04-01", "2020-05-01");
        String fix = "; run: scripts/hindcast train --commodity Coffee --models naive --train-frequency monthly "
                + "--start 2020-03-01 --end 2020-07-31";
        assertRejected(p, "2020-06-01", Rejection.Kind.NO_TRAINED_MODEL,
                "no naive model trained monthly covers 2020-06-01 (latest is 2020-05-01)" + fix);
        assertRejected(p, "2020-03-31", Rejection.Kind.NO_TRAINED_MODEL,
                "no naive model trained monthly covers 2020-03-31 (none on or before 2020-03-31)" + fix);
    }

    @Test
    void historyMustHoldMinTrainingRowsBeforeD() {
        ForecastPlanner p = planner("2020-01-01");
        LocalDate sixtieth = WEEKDAYS.get(59);
        // On the 60th weekday, 59 observations precede it; the day after, 60.
        assertRejected(p, sixtieth.toString(), Rejection.Kind.INSUFFICIENT_HISTORY,
                "59 market observations before " + sixtieth + ", at least 60 needed (Coffee data starts 2020-01-01)");
        LocalDate next = sixtieth.plusDays(1);
        ForecastPlanner.Decision decision = p.decide(next);
        assertEquals(Rejection.Kind.NO_TRAINED_MODEL, decision.rejection().kind(),
                "history suffices, the (old) model does not");
        assertServedBy(planner("2020-03-25"), next.toString(), "2020-03-25");
        assertEquals(d("2020-03-24"), sixtieth, "sanity: the 60th weekday of 2020");
        assertRejected(p, "2019-12-31", Rejection.Kind.INSUFFICIENT_HISTORY,
                "0 market observations before 2019-12-31, at least 60 needed (Coffee data starts 2020-01-01)");
    }

    @Test
    void theLastObservationMustBeAtMostMaxStalenessDaysOld() {
        ForecastPlanner p = planner("2020-07-01");
        assertServedBy(p, "2020-07-07", "2020-07-01"); // 7 days after the last close
        assertRejected(p, "2020-07-08", Rejection.Kind.STALE_DATA, "latest Coffee market data before 2020-07-08 is "
                + "from 2020-06-30 (8 days earlier, at most 7 allowed); ingest newer data");
    }

    @Test
    void historyIsCheckedBeforeStalenessBeforeModels() {
        ForecastPlanner none = planner();
        assertEquals(Rejection.Kind.INSUFFICIENT_HISTORY, none.decide(d("2020-02-01")).rejection().kind());
        assertEquals(Rejection.Kind.STALE_DATA, none.decide(d("2020-09-01")).rejection().kind());
        assertEquals(Rejection.Kind.NO_TRAINED_MODEL, none.decide(d("2020-05-05")).rejection().kind());
    }

    @Test
    void windowsBetweenCountsModelsOverlappingTheRange() {
        ForecastPlanner p = planner("2020-04-01", "2020-05-01", "2020-06-01");
        assertEquals(2, p.windowsBetween(d("2020-04-15"), d("2020-05-15")));
        assertEquals(3, p.windowsBetween(d("2020-04-01"), d("2020-06-01")));
        assertEquals(1, p.windowsBetween(d("2020-03-01"), d("2020-04-10")));
    }
}
