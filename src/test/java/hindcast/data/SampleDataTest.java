package hindcast.data;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SampleData is deterministic, parses with MarketCsv and looks like real market data. */
class SampleDataTest {
    private static final LocalDate FROM = LocalDate.of(2015, 1, 1);
    private static final LocalDate TO = LocalDate.of(2024, 12, 31);
    private static final Set<String> WEATHER = Set.of("temp_mean_c", "temp_max_c", "temp_min_c", "precipitation_mm",
            "humidity_mean_pct");

    @TempDir
    static Path dir;
    private static List<SampleData.Files> files;

    @BeforeAll
    static void write() {
        files = SampleData.write(dir.resolve("a"), FROM, TO);
    }

    @Test
    void writesCoffeeThenSugarUnderDir() {
        assertEquals(List.of("Coffee", "Sugar"), files.stream().map(SampleData.Files::commodity).toList());
        for (SampleData.Files f : files) {
            assertEquals(dir.resolve("a"), f.prices().getParent());
            assertEquals(1, f.covariates().size());
        }
    }

    @Test
    void sameArgumentsGiveIdenticalBytes() throws IOException {
        List<SampleData.Files> again = SampleData.write(dir.resolve("b"), FROM, TO);
        for (int i = 0; i < files.size(); i++) {
            assertEquals(-1, Files.mismatch(files.get(i).prices(), again.get(i).prices()));
            assertEquals(-1, Files.mismatch(files.get(i).covariates().get(0), again.get(i).covariates().get(0)));
        }
    }

    @Test
    void outputIsPinned() throws IOException, NoSuchAlgorithmException {
        // Guards bit-identical output across JVMs and platforms. A deliberate change to the generator
        // changes this digest: update it then.
        List<SampleData.Files> year = SampleData.write(dir.resolve("pinned"), FROM, LocalDate.of(2015, 12, 31));
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (SampleData.Files f : year) {
            sha.update(Files.readAllBytes(f.prices()));
            sha.update(Files.readAllBytes(f.covariates().get(0)));
        }
        assertEquals("af4a2464e40cf253c422fb55a70b7aec241b238c6355c96e4f0cd77f5aaf9119", HexFormat.of().formatHex(sha.digest()));
    }

    @Test
    void rejectsEmptyRanges() {
        assertThrows(IllegalArgumentException.class, () -> SampleData.write(dir.resolve("x"), TO, FROM));
        LocalDate saturday = LocalDate.of(2024, 6, 1);
        assertThrows(IllegalArgumentException.class, () -> SampleData.write(dir.resolve("x"), saturday, saturday.plusDays(1)));
    }

    @Test
    void pricesAreOnEveryTradingDayOnly() {
        Predicate<LocalDate> holiday = d -> d.getMonth() == Month.JANUARY && d.getDayOfMonth() == 1
                || d.getMonth() == Month.JULY && d.getDayOfMonth() == 4
                || d.getMonth() == Month.DECEMBER && d.getDayOfMonth() == 25;
        List<LocalDate> expected = FROM.datesUntil(TO.plusDays(1))
                .filter(d -> d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY)
                .filter(holiday.negate()).toList();
        for (SampleData.Files f : files) {
            PriceFile pf = MarketCsv.readPrices(f.prices());
            assertEquals(0, pf.skippedRows());
            assertEquals(expected, pf.records().stream().map(MarketRecord::date).toList(), f.commodity());
        }
        assertFalse(expected.contains(LocalDate.of(2018, 7, 4)), "a Wednesday holiday is skipped");
        assertEquals(2588, expected.size());
    }

    @Test
    void pricesAreConsistentAndPlausible() {
        for (SampleData.Files f : files) {
            List<MarketRecord> r = MarketCsv.readPrices(f.prices()).records();
            double start = f.commodity().equals("Coffee") ? 120 : 14;
            assertAll(f.commodity(),
                    () -> assertTrue(r.stream().allMatch(x -> x.low() <= Math.min(x.open(), x.close())
                            && Math.max(x.open(), x.close()) <= x.high()), "low <= open, close <= high"),
                    () -> assertTrue(r.stream().allMatch(x -> x.volume() >= 1 && x.volume() == Math.rint(x.volume()))),
                    () -> assertTrue(r.stream().allMatch(x -> DoubleStream.of(x.covariates()).allMatch(Double::isNaN))),
                    () -> assertEquals(start, r.get(0).close(), start * 0.1),
                    () -> assertTrue(r.stream().allMatch(x -> x.close() > start / 3 && x.close() < start * 3),
                            "ten years stay within a factor of 3 of the start"));
        }
    }

    @Test
    void returnsHaveFatTailsAndVolatilityClustering() {
        for (SampleData.Files f : files) {
            List<MarketRecord> r = MarketCsv.readPrices(f.prices()).records();
            double[] ret = new double[r.size() - 1];
            for (int i = 1; i < r.size(); i++) {
                ret[i - 1] = Math.log(r.get(i).close() / r.get(i - 1).close());
            }
            double[] squared = DoubleStream.of(ret).map(x -> x * x).toArray();
            double annualVol = Math.sqrt(variance(ret) * 252);
            assertAll(f.commodity(),
                    () -> assertTrue(kurtosis(ret) > 3, "kurtosis " + kurtosis(ret)),
                    () -> assertTrue(autocorrelation(squared) > 0.05, "acf1 of squared returns " + autocorrelation(squared)),
                    () -> assertTrue(annualVol > 0.2 && annualVol < 0.4, "annualized vol " + annualVol));
        }
    }

    @Test
    void weatherIsDailySeasonalAndConsistent() {
        for (SampleData.Files f : files) {
            CovariateSeries w = MarketCsv.readCovariates(f.covariates().get(0));
            List<LocalDate> days = w.dates("temp_mean_c");
            double[] mean = w.values("temp_mean_c");
            double[] max = w.values("temp_max_c");
            double[] min = w.values("temp_min_c");
            double[] rain = w.values("precipitation_mm");
            double[] humidity = w.values("humidity_mean_pct");
            boolean coffee = f.commodity().equals("Coffee");
            // Coffee (Minas Gerais) is hot and wet in Dec-Feb; Sugar (monsoon) is hottest Apr-May, wet Jul-Sep.
            Set<Month> wet = coffee ? Set.of(Month.DECEMBER, Month.JANUARY, Month.FEBRUARY)
                    : Set.of(Month.JULY, Month.AUGUST, Month.SEPTEMBER);
            Set<Month> dry = coffee ? Set.of(Month.JUNE, Month.JULY, Month.AUGUST)
                    : Set.of(Month.DECEMBER, Month.JANUARY, Month.FEBRUARY);
            Set<Month> hot = coffee ? Set.of(Month.JANUARY, Month.FEBRUARY) : Set.of(Month.APRIL, Month.MAY);
            Set<Month> cold = coffee ? Set.of(Month.JUNE, Month.JULY) : Set.of(Month.DECEMBER, Month.JANUARY);
            assertAll(f.commodity(),
                    () -> assertEquals(WEATHER, w.names()),
                    () -> assertEquals(FROM.datesUntil(TO.plusDays(1)).toList(), days),
                    () -> assertEquals(days, w.dates("humidity_mean_pct")),
                    () -> assertTrue(indexes(days).allMatch(i -> min[i] <= mean[i] && mean[i] <= max[i])),
                    () -> assertTrue(DoubleStream.of(rain).allMatch(x -> x >= 0)),
                    () -> assertTrue(DoubleStream.of(rain).filter(x -> x == 0).count() > rain.length / 3, "many dry days"),
                    () -> assertTrue(total(days, rain, wet) > 5 * total(days, rain, dry), "a wet season"),
                    () -> assertTrue(average(days, mean, hot) > average(days, mean, cold) + 3, "seasonal temperature"),
                    () -> assertTrue(DoubleStream.of(humidity).allMatch(x -> x >= 30 && x <= 100)),
                    () -> assertTrue(DoubleStream.of(min).allMatch(x -> x > 0) && DoubleStream.of(max).allMatch(x -> x < 45)));
        }
    }

    private static IntStream indexes(List<?> list) {
        return IntStream.range(0, list.size());
    }

    private static double total(List<LocalDate> days, double[] values, Set<Month> months) {
        return indexes(days).filter(i -> months.contains(days.get(i).getMonth())).mapToDouble(i -> values[i]).sum();
    }

    private static double average(List<LocalDate> days, double[] values, Set<Month> months) {
        return indexes(days).filter(i -> months.contains(days.get(i).getMonth())).mapToDouble(i -> values[i])
                .average().orElseThrow();
    }

    private static double variance(double[] x) {
        double m = DoubleStream.of(x).average().orElseThrow();
        return DoubleStream.of(x).map(v -> (v - m) * (v - m)).average().orElseThrow();
    }

    private static double kurtosis(double[] x) {
        double m = DoubleStream.of(x).average().orElseThrow();
        double v = variance(x);
        return DoubleStream.of(x).map(a -> Math.pow(a - m, 4)).average().orElseThrow() / (v * v);
    }

    /** Lag-1 autocorrelation. */
    private static double autocorrelation(double[] x) {
        double m = DoubleStream.of(x).average().orElseThrow();
        double num = 0;
        for (int i = 1; i < x.length; i++) {
            num += (x[i] - m) * (x[i - 1] - m);
        }
        return num / (variance(x) * x.length);
    }
}
