package hindcast.model;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** How often a model is refitted. Train dates are start, start+F, start+2F, ... (steps applied cumulatively,
 *  so a month-end start clamps the way {@link LocalDate#plusMonths} does, as the old system did). */
public enum TrainFrequency {
    DAILY(Period.ofDays(1)),
    WEEKLY(Period.ofWeeks(1)),
    BIWEEKLY(Period.ofWeeks(2)),
    MONTHLY(Period.ofMonths(1)),
    QUARTERLY(Period.ofMonths(3)),
    SEMIANNUALLY(Period.ofMonths(6)),
    ANNUALLY(Period.ofYears(1));

    private final Period step;

    TrainFrequency(Period step) {
        this.step = step;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public LocalDate next(LocalDate trainDate) {
        return trainDate.plus(step);
    }

    /** Train dates from start to end inclusive. */
    public List<LocalDate> schedule(LocalDate start, LocalDate end) {
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate t = start; !t.isAfter(end); t = next(t)) {
            dates.add(t);
        }
        return dates;
    }

    public static TrainFrequency parse(String text) {
        if (text != null) {
            for (TrainFrequency f : values()) {
                if (f.label().equals(text.trim().toLowerCase(Locale.ROOT))) {
                    return f;
                }
            }
        }
        throw new IllegalArgumentException("unknown train frequency '" + text + "'; expected one of " + labels());
    }

    public static String labels() {
        return Arrays.stream(values()).map(TrainFrequency::label).collect(Collectors.joining(", "));
    }
}
