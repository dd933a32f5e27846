package hindcast.score;

import hindcast.model.MarketSeries;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores one forecast made for day D: at each horizon h = 1..n, the simulated prices of day D+h-1 against the
 * realised one. Only trading days are scored, days with a market close dated exactly that day: weekends and
 * holidays carry a repeated price, which would count twice. A horizon without a realised price is not scored.
 */
public final class ForecastScorer {
    private ForecastScorer() {
    }

    /** How the forecast did at one horizon; {@code lastClose} is the latest close before D, the forecast's origin. */
    public record HorizonMetrics(int horizon, LocalDate targetDate, double lastClose, HorizonScore score) {
    }

    /**
     * {@code actuals.get(h - 1)} is the realised price of D+h-1 (null if unknown) and {@code samples.get(h - 1)}
     * the forecast's simulated prices of that day; {@code market} holds the commodity's closes.
     */
    public static List<HorizonMetrics> score(MarketSeries market, LocalDate start, List<Float> actuals,
                                             List<float[]> samples) {
        if (actuals.size() != samples.size()) {
            throw new IllegalArgumentException(actuals.size() + " actuals for " + samples.size() + " horizons");
        }
        double lastClose = market.close(market.indexOnOrBefore(start.minusDays(1)));
        List<HorizonMetrics> out = new ArrayList<>();
        for (int h = 1; h <= samples.size(); h++) {
            LocalDate target = start.plusDays(h - 1);
            int i = market.indexOnOrBefore(target);
            Float actual = actuals.get(h - 1);
            if (i < 0 || !market.date(i).equals(target) || actual == null) {
                continue;
            }
            out.add(new HorizonMetrics(h, target, lastClose, HorizonScore.of(samples.get(h - 1), actual)));
        }
        return out;
    }
}
