package hindcast.model;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** The simulation calendar: paths move on weekdays; a weekend day repeats the previous price. */
public final class TradingDays {
    private TradingDays() {
    }

    public static boolean isTradingDay(LocalDate d) {
        DayOfWeek w = d.getDayOfWeek();
        return w != DayOfWeek.SATURDAY && w != DayOfWeek.SUNDAY;
    }
}
