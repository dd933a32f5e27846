package hindcast.model.xgboost;

import hindcast.model.MarketSeries;
import hindcast.model.Rng;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;

/** Test data: a log random walk on weekdays with a weak AR(1) effect in its returns, and one covariate. */
final class Synthetic {
    static final String COVARIATE = "temp_mean_c";

    private Synthetic() {
    }

    /** {@code n} weekday closes from 2019-01-01: r(t) = 0.3 r(t-1) + 0.012 Z(t), starting at 100. */
    static MarketSeries series(int n, long seed) {
        Rng rng = new Rng(seed);
        int[] days = new int[n];
        double[] closes = new double[n];
        LocalDate d = LocalDate.of(2019, 1, 1);
        double log = Math.log(100);
        double r = 0;
        for (int i = 0; i < n; i++) {
            while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
                d = d.plusDays(1);
            }
            days[i] = (int) d.toEpochDay();
            r = 0.3 * r + 0.012 * rng.nextGaussian();
            log += r;
            closes[i] = Math.exp(log);
            d = d.plusDays(1);
        }
        return new MarketSeries("Coffee", days, closes);
    }

    /** A seasonal temperature with noise, aligned with the observations of {@code series}. */
    static Map<String, double[]> covariates(MarketSeries series, long seed) {
        Rng rng = new Rng(seed);
        double[] temp = new double[series.size()];
        for (int i = 0; i < temp.length; i++) {
            temp[i] = 20 + 5 * Math.sin(2 * Math.PI * series.date(i).getDayOfYear() / 365.25) + rng.nextGaussian();
        }
        return Map.of(COVARIATE, temp);
    }

    /** A copy of {@code series} with the close at {@code index} multiplied by {@code factor}. */
    static MarketSeries withClose(MarketSeries series, int index, double factor) {
        int[] days = new int[series.size()];
        double[] closes = new double[series.size()];
        for (int i = 0; i < days.length; i++) {
            days[i] = (int) series.date(i).toEpochDay();
            closes[i] = series.close(i) * (i == index ? factor : 1);
        }
        return new MarketSeries(series.commodity(), days, closes);
    }
}
