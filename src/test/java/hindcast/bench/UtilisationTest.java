package hindcast.bench;

import hindcast.bench.Utilisation.Interval;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class UtilisationTest {

    @Test
    void overlappingTasksCountTwiceInBusyTimeAndOnceInTheUnion() {
        // span 0..100 on 2 cores: [10,40] and [30,60] overlap (union 10..60), [80,90] after a gap
        Utilisation u = Utilisation.of(List.of(new Interval(30, 60), new Interval(80, 90), new Interval(10, 40)),
                0, 100, 2);
        assertEquals(100, u.spanMillis());
        assertEquals(30 + 30 + 10, u.busyMillis());
        assertEquals(100 - 50 - 10, u.driverOnlyMillis());
        assertEquals(70 / 200.0, u.utilisation(), 1e-12);
        assertEquals(0.4, u.driverOnlyShare(), 1e-12);
    }

    @Test
    void aTaskInsideAnotherAndTasksThatTouchLeaveNoGap() {
        Utilisation u = Utilisation.of(List.of(new Interval(0, 50), new Interval(10, 20), new Interval(50, 70)),
                0, 80, 4);
        assertEquals(50 + 10 + 20, u.busyMillis());
        assertEquals(10, u.driverOnlyMillis());
    }

    @Test
    void tasksAcrossTheSpansEdgesCountForTheirPartInside() {
        Utilisation u = Utilisation.of(List.of(new Interval(-50, 20), new Interval(90, 500), new Interval(200, 300)),
                0, 100, 2);
        assertEquals(20 + 10, u.busyMillis());
        assertEquals(70, u.driverOnlyMillis());
    }

    @Test
    void noTaskMeansAllDriverAndNothingToGainFromCores() {
        Utilisation u = Utilisation.of(List.of(), 1000, 1600, 2);
        assertEquals(0, u.utilisation());
        assertEquals(1, u.driverOnlyShare());
        assertEquals(1, u.speedUp(2, 128), 1e-12);
    }

    @Test
    void amdahlKeepsTheDriverOnlyPartAndDividesTheRestByTheCores() {
        // a quarter driver-only, measured on 2 cores: time on n cores = 0.25 + 0.75 x 2 / n of now
        Utilisation u = Utilisation.of(List.of(new Interval(25, 100), new Interval(25, 100)), 0, 100, 2);
        assertEquals(1, u.relativeTime(2), 1e-12);
        assertEquals(0.25 + 0.75 / 4, u.relativeTime(8), 1e-12);
        assertEquals(1 / (0.25 + 0.75 / 64), u.speedUp(2, 128), 1e-12);
        assertEquals((0.25 + 0.75 * 2 / 2) / (0.25 + 0.75 * 2 / 64), u.speedUp(2, 64), 1e-12);
        assertEquals(1 / 0.25, u.speedUp(2, Integer.MAX_VALUE), 1e-6);
    }

    @Test
    void aSpanEndingBeforeItStartsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Utilisation.of(List.of(), 10, 5, 2));
    }
}
