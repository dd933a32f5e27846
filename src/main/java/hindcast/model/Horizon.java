package hindcast.model;

/**
 * How far a forecast reaches: the calendar days D .. D+13 of a forecast starting on D, stored as the columns
 * {@code day_1 .. day_14} of {@code distributions}. The table contract fixes it; horizon h is day D+h-1.
 */
public final class Horizon {
    /** Days per forecast. */
    public static final int DAYS = 14;

    private Horizon() {
    }

    /** Whether h is a horizon of a forecast, 1..{@link #DAYS}. */
    public static boolean contains(int h) {
        return h >= 1 && h <= DAYS;
    }
}
