package hindcast.model;

import java.util.Map;

/**
 * random_walk: random walk in log price with drift. mu = mean of the last {@code driftWindow} daily log
 * returns before T; sigma as in {@link NaiveModel}.
 */
public final class RandomWalkModel implements ForecastModel {
    private final int volWindow;
    private final int driftWindow;

    public RandomWalkModel(int volWindow, int driftWindow) {
        if (volWindow < 2 || driftWindow < 1) {
            throw new IllegalArgumentException("vol-window must be >= 2 and drift-window >= 1, got "
                    + volWindow + " and " + driftWindow);
        }
        this.volWindow = volWindow;
        this.driftWindow = driftWindow;
    }

    @Override
    public ModelState fit(MarketSeries training) {
        double mu = LogRandomWalk.mean(Windows.returns(training, driftWindow));
        double sigma = LogRandomWalk.stdDev(Windows.returns(training, volWindow));
        return new LogRandomWalk(mu, sigma);
    }

    @Override
    public Reads fitReads() {
        return Reads.closes(Math.max(volWindow, driftWindow) + 1);
    }

    @Override
    public Reads forecastReads() {
        return Reads.closes(1); // the walk starts at the last close
    }

    @Override
    public ModelState restore(Map<String, Double> parameters) {
        return LogRandomWalk.restore(parameters);
    }
}
