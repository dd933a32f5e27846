package hindcast.score;

import hindcast.model.MarketSeries;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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
        double lastClose = lastClose(market, start);
        double[] realised = onTradingDays(market, start, actuals);
        List<HorizonMetrics> out = new ArrayList<>();
        for (int h = 1; h <= samples.size(); h++) {
            if (!Double.isNaN(realised[h - 1])) {
                out.add(new HorizonMetrics(h, start.plusDays(h - 1), lastClose,
                        HorizonScore.of(samples.get(h - 1), realised[h - 1])));
            }
        }
        return out;
    }

    /**
     * The forecast's whole paths scored on the same trading days ({@link PathScore}); null without one. Arguments
     * as for {@link #score}, and {@code pathIds[p]} the path id of {@code samples.get(h)[p]}: the paths are put in
     * path-id order, which makes the score independent of the order they were read in.
     */
    public static PathScore paths(MarketSeries market, LocalDate start, List<Float> actuals, List<float[]> samples,
                                  int[] pathIds) {
        Integer[] order = new Integer[pathIds.length];
        for (int p = 0; p < order.length; p++) {
            order[p] = p;
        }
        Arrays.sort(order, Comparator.comparingInt(p -> pathIds[p]));
        float[][] paths = new float[order.length][samples.size()];
        for (int p = 0; p < order.length; p++) {
            for (int h = 0; h < samples.size(); h++) {
                paths[p][h] = samples.get(h)[order[p]];
            }
        }
        return PathScore.of(paths, onTradingDays(market, start, actuals), lastClose(market, start));
    }

    /** The latest close before D, the forecast's origin. */
    public static double lastClose(MarketSeries market, LocalDate start) {
        return market.close(market.indexOnOrBefore(start.minusDays(1)));
    }

    /**
     * The realised prices of D..D+n-1 on the days this class scores, NaN on the others: {@code actuals.get(h - 1)}
     * where D+h-1 has a close dated that day and the actual is known.
     */
    private static double[] onTradingDays(MarketSeries market, LocalDate start, List<Float> actuals) {
        double[] out = new double[actuals.size()];
        for (int h = 1; h <= out.length; h++) {
            LocalDate target = start.plusDays(h - 1);
            int i = market.indexOnOrBefore(target);
            Float actual = actuals.get(h - 1);
            out[h - 1] = i < 0 || !market.date(i).equals(target) || actual == null ? Double.NaN : actual;
        }
        return out;
    }
}
