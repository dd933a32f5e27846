package hindcast.model;

/** Trailing windows of a series, with the minimum-length check every fit needs. */
final class Windows {
    private Windows() {
    }

    static double[] returns(MarketSeries series, int window) {
        if (series.size() < 3) {
            throw new IllegalArgumentException(series.commodity() + ": need at least 3 observations to fit, have "
                    + series.size());
        }
        return series.lastLogReturns(window);
    }
}
