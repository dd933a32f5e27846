package hindcast.bench;

import hindcast.plan.WorkUnit;
import hindcast.progress.BackfillEvent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What one forecast of each (commodity, model) cost in a measured backfill, in wall-clock seconds: the budget of a
 * refresh that recomputes some of them. Units share the executors, so a unit's wall time says little; the
 * backfill's wall time is shared out to the units by their busy core-seconds ({@link TaskClock}), then divided
 * by the forecasts each wrote. Slow models' forecasts thus cost what they cost, not the backfill's average.
 */
final class BackfillCost {
    private final Map<String, Double> secondsByUnit;
    private final double average;

    private BackfillCost(Map<String, Double> secondsByUnit, double average) {
        this.secondsByUnit = secondsByUnit;
        this.average = average;
    }

    /** Every forecast at the same cost: a backfill of one unit. */
    static BackfillCost uniform(double secondsPerForecast) {
        return new BackfillCost(Map.of(), secondsPerForecast);
    }

    /**
     * From a backfill of {@code seconds} whose units wrote as {@code units} say and kept the executors busy as
     * {@code busyMillisByPool} says (one scheduler pool per unit, named as the unit). A unit with no busy time
     * or no forecast gets the backfill's average.
     */
    static BackfillCost byUnit(double seconds, List<BackfillEvent.UnitDone> units, Map<String, Long> busyMillisByPool) {
        long written = units.stream().mapToLong(BackfillEvent.UnitDone::written).sum();
        double average = written == 0 ? 0 : seconds / written;
        long busy = units.stream().mapToLong(u -> busyMillisByPool.getOrDefault(u.unit(), 0L)).sum();
        Map<String, Double> byUnit = new LinkedHashMap<>();
        for (BackfillEvent.UnitDone u : units) {
            long unitBusy = busyMillisByPool.getOrDefault(u.unit(), 0L);
            if (u.written() > 0 && unitBusy > 0) {
                byUnit.put(u.unit(), seconds * unitBusy / busy / u.written());
            }
        }
        return new BackfillCost(byUnit, average);
    }

    /** Seconds of the backfill per forecast of this commodity's model. */
    double secondsPerForecast(String commodity, String modelVersion) {
        return secondsByUnit.getOrDefault(WorkUnit.name(commodity, modelVersion), average);
    }

    /** The costs in milliseconds, for the bench's output. */
    String describe() {
        if (secondsByUnit.isEmpty()) {
            return String.format(Locale.ROOT, "%.1f ms", 1e3 * average);
        }
        return secondsByUnit.entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s %.1f ms", e.getKey(), 1e3 * e.getValue()))
                .collect(Collectors.joining(", "));
    }
}
