package hindcast.model;

import java.time.LocalDate;

/**
 * Fingerprints of what a {@link Reads} sees of one commodity's series cut at a date. Built once per series
 * (prefix hashes per covariate set), each fingerprint then costs O(1), so planning thousands of dates over
 * windows of thousands of rows stays cheap. Equal inputs give equal fingerprints on every machine.
 */
public final class InputFingerprints {
    private final MarketSeries series;

    public InputFingerprints(MarketSeries series) {
        this.series = series;
    }

    /** The fingerprint of the observations {@code reads} sees in the series cut at {@code cutoff}. */
    public long of(Reads reads, LocalDate cutoff) {
        throw new UnsupportedOperationException("TODO: helper implements");
    }
}
