package hindcast.plan;

import java.time.LocalDate;

/**
 * What the forecast index holds of a stored forecast: the fit it was made by, the fingerprint of what it read
 * and how many of its paths are stored. Null train date and fingerprint: stored before they were recorded.
 */
public record StoredForecast(LocalDate date, LocalDate trainDate, String fingerprint, int paths) {

    /** Complete and made from what {@code freshness} computes today. */
    public boolean isFresh(Freshness freshness, int wantedPaths) {
        return paths == wantedPaths && trainDate != null
                && freshness.forecast(trainDate, date).equals(fingerprint);
    }
}
