package hindcast.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * Everything the HTML report shows, gathered from the tables beforehand, so rendering is a pure function
 * of this value (see {@link HtmlReport}).
 *
 * @param horizon     the horizon (1..14, the column day_h) of the fan charts
 * @param from        first forecast date of the fan charts
 * @param to          last forecast date of the fan charts
 * @param skill       CRPS skill against naive per commodity x model x horizon, with its interval and DM p-value
 * @param paths       whole-path scores per commodity x model
 * @param reliability reliability bins of the barrier events per commodity x model
 */
public record ReportData(Instant generatedAt, int horizon, LocalDate from, LocalDate to,
                         List<Fan> fans, List<HorizonCrps> crps, List<Calibration> calibration,
                         List<PitHistogram> pits, List<BackfillMonth> backfill, List<Rejections> rejections,
                         List<Freshness> freshness, List<HorizonSkill> skill,
                         List<PathScores> paths, List<Reliability> reliability) {

    /** One commodity x model fan chart: per forecast, quantiles of its paths at the horizon, and the realised price. */
    public record Fan(String commodity, String model, List<FanPoint> points) {
    }

    /**
     * Quantiles of the paths of the forecast made on {@code forecastDate} for the day {@code target}
     * (= forecastDate + horizon - 1); {@code actual} is the market close on or before target, null if unknown yet.
     */
    public record FanPoint(LocalDate forecastDate, LocalDate target, double q025, double q10, double q25, double q50,
                           double q75, double q90, double q975, Double actual) {
    }

    /** Mean CRPS of a model at one horizon over {@code forecasts} scored forecasts. */
    public record HorizonCrps(String commodity, String model, int horizon, double crps, long forecasts) {
    }

    /**
     * CRPS skill of a model against naive at one horizon with its 90% bootstrap interval and the Diebold–Mariano
     * p-value (null where undefined).
     */
    public record HorizonSkill(String commodity, String model, int horizon, double skill, Double low, Double high,
                               Double pValue) {
    }

    /** Share of realised prices inside the central interval of level {@code nominal} (0.5, 0.8, 0.95). */
    public record Calibration(String commodity, String model, double nominal, double observed, long scores) {
    }

    /** Counts of PIT values in 10 equal bins [0, 0.1), ..., [0.9, 1]; flat when calibrated. */
    public record PitHistogram(String commodity, String model, long[] bins) {
    }

    /** Forecast dates done in a month, out of the days of that month inside the requested ranges. */
    public record BackfillMonth(String commodity, String model, YearMonth month, long done, long requested) {
    }

    /** Rejected forecast dates (or whole requests, date null) by error kind. */
    public record Rejections(String commodity, String model, String kind, long count) {
    }

    /**
     * Whole-path scores of a model over {@code forecasts} forecasts (path_metrics): mean energy score (in returns,
     * lower is better), its skill versus naive (1 - sum of the model's / sum of naive's on the forecasts both have;
     * null without naive), mean Brier scores of touching +5% and -5% of the last close.
     */
    public record PathScores(String commodity, String model, long forecasts, double energyScore, Double energySkill,
                             double brierUp, double brierDown) {
    }

    /**
     * Reliability of a barrier event ({@code up} or {@code down}): the {@code count} forecasts whose probability fell
     * in bin {@code bin} ([bin/10, (bin+1)/10), the last bin closed), their mean probability and how often the event
     * happened; calibrated when the two agree.
     */
    public record Reliability(String commodity, String model, String event, int bin, double forecast,
                              double observed, long count) {
    }

    /** The latest forecast date done and how many forecasts exist. */
    public record Freshness(String commodity, String model, LocalDate latest, long forecasts) {
    }
}
