package hindcast.model;

import java.util.Map;

/**
 * naive: driftless random walk in log price (mu = 0). sigma = sample standard deviation of the last
 * {@code volWindow} daily log returns before T.
 */
public final class NaiveModel implements ForecastModel {
    private final int volWindow;

    public NaiveModel(int volWindow) {
        if (volWindow < 2) {
            throw new IllegalArgumentException("vol-window must be at least 2, got " + volWindow);
        }
        this.volWindow = volWindow;
    }

    @Override
    public ModelState fit(MarketSeries training) {
        return new LogRandomWalk(0.0, LogRandomWalk.stdDev(Windows.returns(training, volWindow)));
    }

    @Override
    public Reads fitReads() {
        return Reads.closes(volWindow + 1);
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
