package hindcast.data;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What new market rows of one commodity change compared with the stored ones, matched by date: dates only in the
 * new rows are added, dates only in the stored ones removed, and dates in both whose values differ (NaN equal to
 * NaN) changed. {@code first} and {@code last} span every added, changed and removed date; null when none.
 */
public record MarketDiff(int added, int changed, int removed, int unchanged, LocalDate first, LocalDate last) {

    /** Compares the rows stored before with the rows that replace them; each list has one row per date. */
    public static MarketDiff between(List<MarketRecord> stored, List<MarketRecord> replacing) {
        Map<LocalDate, MarketRecord> old = new HashMap<>();
        for (MarketRecord r : stored) {
            old.put(r.date(), r);
        }
        Counter c = new Counter();
        for (MarketRecord r : replacing) {
            MarketRecord before = old.remove(r.date());
            if (before == null) {
                c.added++;
                c.touch(r.date());
            } else if (!before.equals(r)) {
                c.changed++;
                c.touch(r.date());
            } else {
                c.unchanged++;
            }
        }
        old.keySet().forEach(c::touch);
        return new MarketDiff(c.added, c.changed, old.size(), c.unchanged, c.first, c.last);
    }

    /** True when the new rows are exactly the stored ones. */
    public boolean isEmpty() {
        return added + changed + removed == 0;
    }

    /** True when nothing was stored before and there are rows now. */
    public boolean isFirst() {
        return added > 0 && changed + removed + unchanged == 0;
    }

    /** One short phrase: "no change", "first ingest, 5 rows added", or the counts and the changed dates' span. */
    public String describe() {
        if (isEmpty()) {
            return "no change";
        }
        if (isFirst()) {
            return String.format(Locale.ROOT, "first ingest, %,d rows added", added);
        }
        return String.format(Locale.ROOT, "%,d added, %,d changed, %,d removed, dated %s..%s",
                added, changed, removed, first, last);
    }

    private static final class Counter {
        int added;
        int changed;
        int unchanged;
        LocalDate first;
        LocalDate last;

        void touch(LocalDate d) {
            if (first == null || d.isBefore(first)) {
                first = d;
            }
            if (last == null || d.isAfter(last)) {
                last = d;
            }
        }
    }
}
