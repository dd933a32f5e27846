package hindcast.spark;

import java.time.LocalDate;

/** The dates from {@code from} to {@code to}, both included. */
public record DateSpan(LocalDate from, LocalDate to) {
    /** The smallest span holding both. */
    public DateSpan union(DateSpan o) {
        return new DateSpan(from.isBefore(o.from) ? from : o.from, to.isAfter(o.to) ? to : o.to);
    }

    /** Whether the day lies in [from, to]. */
    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }
}
