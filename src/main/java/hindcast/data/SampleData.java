package hindcast.data;

import hindcast.model.Rng;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Deterministic, realistic sample market data so the product runs without ../shared/data. Prices follow a
 * GARCH(1,1) with Student-t(5) shocks (fat tails, volatility clustering) and a weak pull toward the start
 * level; weather follows the seasons with rainy spells. Output depends only on the arguments.
 */
public final class SampleData {
    /** The files written for one commodity. */
    public record Files(String commodity, Path prices, List<Path> covariates) {
        public Files {
            covariates = List.copyOf(covariates);
        }
    }

    /** Shock and persistence weights: clear clustering, yet a finite fourth moment under t(5) shocks. */
    private static final double ARCH = 0.10;
    private static final double GARCH = 0.85;
    /** Daily pull of log price toward the start level (half-life about 1.8 years) keeps decades plausible. */
    private static final double REVERSION = 0.0015;
    private static final double TRADING_DAYS_PER_YEAR = 252;
    private static final double TWO_PI = 2 * StrictMath.PI;

    private record Climate(double meanTempC, double seasonalAmpC, int warmestDayOfYear, double diurnalRangeC,
                           int wettestDayOfYear, double wetSeasonRainProb, double drySeasonRainProb,
                           double wetSeasonMeanMm, double dryHumidityPct, double wetHumidityPct) {
    }

    private record Market(String commodity, String stem, long seed, double startPrice, double annualVol,
                          double meanVolume, Climate climate) {
    }

    private static final List<Market> MARKETS = List.of(
            // Coffee "C" in cents/lb; weather like Minas Gerais: hot rainy Dec-Feb, cool dry Jun-Aug.
            new Market("Coffee", "coffee", 0xC0FFEEL, 120.0, 0.30, 25_000,
                    new Climate(22.0, 2.5, 30, 11.0, 10, 0.60, 0.03, 10.0, 55, 82)),
            // Sugar No. 11 in cents/lb; weather like a monsoon cane belt: hottest in May, rains Jun-Sep.
            new Market("Sugar", "sugar", 0x5B11L, 14.0, 0.28, 90_000,
                    new Climate(26.0, 4.0, 135, 10.0, 210, 0.70, 0.02, 11.0, 45, 85)));

    private SampleData() {
    }

    /**
     * Writes, under {@code dir}, for Coffee then Sugar: {@code <commodity>_prices.csv} (date,open,high,low,
     * close,volume on trading days in [from, to]) and {@code <commodity>_weather.csv} (every calendar day).
     * The bytes depend only on the arguments.
     */
    public static List<Files> write(Path dir, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("empty range: " + from + " > " + to);
        }
        List<LocalDate> tradingDays = from.datesUntil(to.plusDays(1)).filter(SampleData::isTradingDay).toList();
        if (tradingDays.isEmpty()) {
            throw new IllegalArgumentException("no trading days in [" + from + ", " + to + "]");
        }
        try {
            java.nio.file.Files.createDirectories(dir);
            List<Files> written = new ArrayList<>();
            for (Market m : MARKETS) {
                Path prices = dir.resolve(m.stem + "_prices.csv");
                Path weather = dir.resolve(m.stem + "_weather.csv");
                java.nio.file.Files.writeString(prices, prices(m, tradingDays));
                java.nio.file.Files.writeString(weather, weather(m.climate, new Rng(~m.seed), from, to));
                written.add(new Files(m.commodity, prices, List.of(weather)));
            }
            return List.copyOf(written);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Corrects a sample prices file in place as a vendor would ({@link CloseCorrection}): the close of the first
     * trading day on or after {@code day} becomes the middle of that day's high and low. Returns the day corrected.
     */
    public static LocalDate correctClose(Path prices, LocalDate day) {
        try {
            return CloseCorrection.write(prices, day, prices).date();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Weekdays except New Year's Day, Independence Day and Christmas (not moved when on a weekend). */
    static boolean isTradingDay(LocalDate d) {
        DayOfWeek w = d.getDayOfWeek();
        if (w == DayOfWeek.SATURDAY || w == DayOfWeek.SUNDAY) {
            return false;
        }
        int md = d.getMonthValue() * 100 + d.getDayOfMonth();
        return md != 101 && md != 704 && md != 1225;
    }

    private static String prices(Market m, List<LocalDate> days) {
        Rng rng = new Rng(m.seed);
        double longRunVar = m.annualVol * m.annualVol / TRADING_DAYS_PER_YEAR;
        double longRunSd = StrictMath.sqrt(longRunVar);
        double omega = longRunVar * (1 - ARCH - GARCH);
        double anchor = StrictMath.log(m.startPrice);
        double logPrice = anchor;
        double variance = longRunVar;
        double shock = 0;
        double previousClose = m.startPrice;
        StringBuilder csv = new StringBuilder("date,open,high,low,close,volume\n");
        for (LocalDate d : days) {
            variance = omega + ARCH * shock * shock + GARCH * variance;
            double sigma = StrictMath.sqrt(variance);
            shock = sigma * studentT5(rng);
            logPrice += REVERSION * (anchor - logPrice) + shock;
            double close = StrictMath.exp(logPrice);
            double open = previousClose * StrictMath.exp(0.3 * sigma * rng.nextGaussian()); // overnight gap
            double wick = 0.4 * sigma;
            double high = StrictMath.max(open, close) * StrictMath.exp(wick * StrictMath.abs(rng.nextGaussian()));
            double low = StrictMath.min(open, close) * StrictMath.exp(-wick * StrictMath.abs(rng.nextGaussian()));
            // Big moves draw more trading.
            double activity = 0.3 * rng.nextGaussian() + 0.5 * StrictMath.abs(shock) / longRunSd - 0.4;
            long volume = StrictMath.max(1, StrictMath.round(m.meanVolume * StrictMath.exp(activity)));
            csv.append(String.format(Locale.ROOT, "%s,%.4f,%.4f,%.4f,%.4f,%d\n", d, open, high, low, close, volume));
            previousClose = close;
        }
        return csv.toString();
    }

    private static String weather(Climate c, Rng rng, LocalDate from, LocalDate to) {
        StringBuilder csv = new StringBuilder(
                "date,temp_mean_c,temp_max_c,temp_min_c,precipitation_mm,humidity_mean_pct\n");
        double anomaly = 0;
        boolean rainedYesterday = false;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            int day = d.getDayOfYear();
            double season = StrictMath.cos(TWO_PI * (day - c.warmestDayOfYear) / 365.25);
            double wetness = 0.5 * (1 + StrictMath.cos(TWO_PI * (day - c.wettestDayOfYear) / 365.25));
            double rainProb = c.drySeasonRainProb + (c.wetSeasonRainProb - c.drySeasonRainProb) * wetness
                    + (rainedYesterday ? 0.15 : 0); // rain comes in spells
            boolean rains = rng.nextDouble() < rainProb;
            // Exponential amounts above a 0.1 mm gauge threshold, heavier in the wet season.
            double rain = rains
                    ? 0.1 - c.wetSeasonMeanMm * (0.3 + 0.7 * wetness) * StrictMath.log(1 - rng.nextDouble())
                    : 0;
            anomaly = 0.7 * anomaly + rng.nextGaussian(); // weather lasts a few days
            double mean = c.meanTempC + c.seasonalAmpC * season + anomaly - (rains ? 1.0 : 0);
            // Clear dry days swing more between night and day.
            double range = c.diurnalRangeC * (1 - 0.3 * wetness) * (rains ? 0.7 : 1)
                    * StrictMath.exp(0.15 * rng.nextGaussian());
            double humidity = c.dryHumidityPct + (c.wetHumidityPct - c.dryHumidityPct) * wetness
                    + (rains ? 8 : 0) + 4 * rng.nextGaussian();
            csv.append(String.format(Locale.ROOT, "%s,%.2f,%.2f,%.2f,%.2f,%.2f\n", d, mean, mean + 0.55 * range,
                    mean - 0.45 * range, rain, StrictMath.min(100, StrictMath.max(30, humidity))));
            rainedYesterday = rains;
        }
        return csv.toString();
    }

    /** Student-t with 5 degrees of freedom, scaled to unit variance (a raw t(5) has variance 5/3). */
    private static double studentT5(Rng rng) {
        double z = rng.nextGaussian();
        double chiSquare = 0;
        for (int i = 0; i < 5; i++) {
            double g = rng.nextGaussian();
            chiSquare += g * g;
        }
        return z / StrictMath.sqrt(chiSquare / 5) * StrictMath.sqrt(3.0 / 5);
    }
}
