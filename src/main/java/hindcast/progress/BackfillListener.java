package hindcast.progress;

import java.util.List;

/**
 * Hears the backfill's {@link BackfillEvent}s. Called from the driver's thread and, for
 * {@link BackfillEvent.ForecastsHandled}, from Spark's listener thread: implementations must be thread-safe.
 */
@FunctionalInterface
public interface BackfillListener {

    void on(BackfillEvent event);

    /** Every listener in turn, in the order given. */
    static BackfillListener all(BackfillListener... listeners) {
        List<BackfillListener> each = List.of(listeners);
        return event -> each.forEach(l -> l.on(event));
    }
}
