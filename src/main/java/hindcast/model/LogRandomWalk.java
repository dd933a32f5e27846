package hindcast.model;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Random walk in log price, the state shared by {@code naive} and {@code random_walk}:
 * <pre>
 *   log P(t+1) = log P(t) + mu + sigma * Z(t),   Z(t) ~ N(0, 1) i.i.d.,   one step per trading day
 * </pre>
 * mu and sigma are per-trading-day values fitted at the train date T. The walk starts at the last close
 * dated on or before D-1. Trading days are weekdays; on a weekend the path repeats its previous price, so
 * day_k (calendar day D+k-1) after n trading steps has log-variance n * sigma^2: the spread grows with the
 * horizon.
 */
public final class LogRandomWalk implements ModelState {
    static final String MU = "mu";
    static final String SIGMA = "sigma";

    private final double mu;
    private final double sigma;

    public LogRandomWalk(double mu, double sigma) {
        if (!Double.isFinite(mu) || !Double.isFinite(sigma) || sigma < 0) {
            throw new IllegalArgumentException("invalid random-walk parameters mu=" + mu + " sigma=" + sigma);
        }
        this.mu = mu;
        this.sigma = sigma;
    }

    static LogRandomWalk restore(Map<String, Double> parameters) {
        return new LogRandomWalk(required(parameters, MU), required(parameters, SIGMA));
    }

    public double mu() {
        return mu;
    }

    public double sigma() {
        return sigma;
    }

    @Override
    public Map<String, Double> parameters() {
        Map<String, Double> p = new LinkedHashMap<>();
        p.put(MU, mu);
        p.put(SIGMA, sigma);
        return p;
    }

    @Override
    public void simulate(MarketSeries history, LocalDate start, Rng rng, float[][] out) {
        int days = out[0].length;
        boolean[] trading = new boolean[days];
        for (int k = 0; k < days; k++) {
            trading[k] = TradingDays.isTradingDay(start.plusDays(k));
        }
        double logStart = StrictMath.log(history.lastClose());
        for (float[] path : out) {
            double logPrice = logStart;
            float price = (float) history.lastClose();
            for (int k = 0; k < days; k++) {
                if (trading[k]) {
                    logPrice += mu + sigma * rng.nextGaussian();
                    price = (float) StrictMath.exp(logPrice);
                }
                path[k] = price;
            }
        }
    }

    /** Sample standard deviation (n-1). */
    static double stdDev(double[] x) {
        double mean = mean(x);
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        return Math.sqrt(ss / (x.length - 1));
    }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    static double required(Map<String, Double> parameters, String name) {
        Double v = parameters.get(name);
        if (v == null) {
            throw new IllegalArgumentException("stored parameters lack '" + name + "': " + parameters);
        }
        return v;
    }
}
