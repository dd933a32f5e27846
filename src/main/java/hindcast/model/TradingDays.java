package hindcast.model;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

/** The simulation calendar: paths move on weekdays; a weekend day repeats the previous price. */
public final class TradingDays {
    private TradingDays() {
    }

    public static boolean isTradingDay(LocalDate d) {
        DayOfWeek w = d.getDayOfWeek();
        return w != DayOfWeek.SATURDAY && w != DayOfWeek.SUNDAY;
    }

    /** The trading days among the {@code days} calendar days from {@code start}, in order. */
    public static List<LocalDate> between(LocalDate start, int days) {
        return start.datesUntil(start.plusDays(days)).filter(TradingDays::isTradingDay).toList();
    }
}
