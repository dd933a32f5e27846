package hindcast.data;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every file in ../shared/data parses as documented in its SOURCES.md. */
class SharedDataTest {
    private static final String ICE = "coffee_kc_ice_first5_daily.csv";
    private static final String COFFEE_YAHOO = "coffee_kc_yahoo_daily.csv";
    private static final String SUGAR_YAHOO = "sugar_sb_yahoo_daily.csv";
    private static final String FX = "fx_usdbrl_fred_dexbzus_daily.csv";
    private static final String VIX = "vix_fred_vixcls_daily.csv";
    private static final String MINAS_LONG = "weather_openmeteo_minas_gerais_daily.csv";
    private static final String MINAS_SHORT = "weather_openmeteo_minas_gerais_2015_2026.csv";
    private static final String DAK_LAK_SHORT = "weather_openmeteo_dak_lak_2015_2026.csv";
    private static final String VIETNAM_LONG = "weather_openmeteo_vietnam_central_highlands_daily.csv";
    private static final String COLOMBIA_LONG = "weather_openmeteo_colombia_eje_cafetero_daily.csv";

    private static final List<String> WEATHER_ORDER = List.of("temp_mean_c", "temp_max_c", "temp_min_c", "precipitation_mm");
    private static final Set<String> WEATHER_LONG_NAMES = Set.of("temp_mean_c", "temp_max_c", "temp_min_c", "precipitation_mm");
    /** The short export has no mean temperature; the reader derives it from max and min. */
    private static final Set<String> WEATHER_SHORT_NAMES = WEATHER_LONG_NAMES;

    @Test
    void everyCsvIsCoveredByTheseTests() throws IOException {
        Set<String> known = Set.of(ICE, COFFEE_YAHOO, SUGAR_YAHOO, FX, VIX, MINAS_LONG, VIETNAM_LONG, COLOMBIA_LONG,
                MINAS_SHORT, DAK_LAK_SHORT);
        try (Stream<Path> files = Files.list(SharedData.dir())) {
            assertEquals(known, files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".csv"))
                    .collect(Collectors.toSet()));
        }
    }

    @Test
    void iceFirstFiveUsesNearbySettleAndTotalVolume() {
        PriceFile ice = MarketCsv.readPrices(SharedData.file(ICE));
        List<MarketRecord> r = ice.records();
        Map<LocalDate, MarketRecord> byDate = byDate(r);
        assertAll(
                // 8,107 rows, of which c1_settle is empty on 1999-03-22, 1999-07-21 and 1999-09-21.
                () -> assertEquals(3, ice.skippedRows()),
                () -> assertEquals(8104, r.size()),
                () -> assertFalse(byDate.containsKey(LocalDate.of(1999, 3, 22))),
                () -> assertEquals(new MarketRecord(LocalDate.of(1994, 1, 3), 72.5, Double.NaN, 73.35, 71.45, 7320,
                        noCovariates()), r.get(0)),
                () -> assertEquals(LocalDate.of(2026, 1, 30), r.get(r.size() - 1).date()),
                () -> assertEquals(332.25, r.get(r.size() - 1).close()),
                () -> assertEquals(61800, r.get(r.size() - 1).volume()),
                () -> assertTrue(r.stream().allMatch(x -> Double.isNaN(x.open())), "ICE has no open"),
                // 395 rows lack c1_high/c1_low; the 3 skipped rows are among them.
                () -> assertEquals(392, r.stream().filter(x -> Double.isNaN(x.high()) && Double.isNaN(x.low())).count()),
                () -> assertEquals(List.of(LocalDate.of(2025, 5, 26)),
                        r.stream().filter(x -> Double.isNaN(x.volume())).map(MarketRecord::date).toList()),
                () -> assertEquals(65, r.stream().filter(x -> x.volume() == 0).count()),
                () -> assertCloseRange(r, 41.5, 438.9),
                // Exchange closed after 9/11.
                () -> assertTrue(LocalDate.of(2001, 9, 11).datesUntil(LocalDate.of(2001, 9, 15))
                        .noneMatch(byDate::containsKey)),
                () -> assertTrue(byDate.containsKey(LocalDate.of(2001, 9, 17))));
    }

    @Test
    void coffeeYahooIsOhlcvWithVolumeFrom2006() {
        PriceFile yahoo = MarketCsv.readPrices(SharedData.file(COFFEE_YAHOO));
        List<MarketRecord> r = yahoo.records();
        LocalDate volumeStart = LocalDate.of(2006, 1, 3);
        assertAll(
                () -> assertEquals(0, yahoo.skippedRows()),
                () -> assertEquals(6616, r.size()),
                () -> assertEquals(new MarketRecord(LocalDate.of(2000, 1, 3), 116.5, 124, 124, 116.1, Double.NaN,
                        noCovariates()), r.get(0)),
                () -> assertEquals(new MarketRecord(LocalDate.of(2026, 5, 22), 272.35, 273.85, 274.8, 270.7, 8179,
                        noCovariates()), r.get(r.size() - 1)),
                () -> assertTrue(r.stream().noneMatch(x -> Double.isNaN(x.open()) || Double.isNaN(x.high())
                        || Double.isNaN(x.low()))),
                () -> assertTrue(r.stream().allMatch(x -> Double.isNaN(x.volume()) == x.date().isBefore(volumeStart))),
                () -> assertEquals(1491, r.stream().filter(x -> Double.isNaN(x.volume())).count()),
                () -> assertCloseRange(r, 41.5, 438.9));
    }

    @Test
    void iceSettleMatchesYahooCloseOnEveryCommonDaySince2006() {
        Map<LocalDate, MarketRecord> ice = byDate(MarketCsv.readPrices(SharedData.file(ICE)).records());
        List<MarketRecord> common = MarketCsv.readPrices(SharedData.file(COFFEE_YAHOO)).records().stream()
                .filter(x -> !x.date().isBefore(LocalDate.of(2006, 1, 1)) && ice.containsKey(x.date())).toList();
        assertEquals(5047, common.size());
        assertTrue(common.stream().allMatch(x -> x.close() == ice.get(x.date()).close()));
    }

    @Test
    void sugarYahoo() {
        PriceFile sugar = MarketCsv.readPrices(SharedData.file(SUGAR_YAHOO));
        List<MarketRecord> r = sugar.records();
        assertAll(
                () -> assertEquals(0, sugar.skippedRows()),
                () -> assertEquals(6579, r.size()),
                () -> assertEquals(LocalDate.of(2000, 3, 1), r.get(0).date()),
                () -> assertEquals(5.08, r.get(0).close()),
                () -> assertEquals(new MarketRecord(LocalDate.of(2026, 5, 22), 14.7, 14.81, 14.91, 14.59, 41558,
                        noCovariates()), r.get(r.size() - 1)),
                () -> assertEquals(1453, r.stream().filter(x -> Double.isNaN(x.volume())).count()),
                () -> assertCloseRange(r, 4.96, 35.31));
    }

    @Test
    void fredUsdBrlSkipsHolidayBlanks() {
        CovariateSeries fx = MarketCsv.readCovariates(SharedData.file(FX));
        List<LocalDate> dates = fx.dates("usd_brl");
        LocalDate july4 = LocalDate.of(2024, 7, 4);
        assertAll(
                () -> assertEquals(Set.of("usd_brl"), fx.names()),
                () -> assertEquals(7140 - 276, dates.size()),
                () -> assertEquals(LocalDate.of(1999, 1, 4), dates.get(0)),
                () -> assertEquals(1.2074, fx.values("usd_brl")[0]),
                () -> assertEquals(LocalDate.of(2026, 5, 15), dates.get(dates.size() - 1)),
                () -> assertFalse(dates.contains(july4)),
                () -> assertEquals(5.5724, fx.asOf("usd_brl", july4, 7), "July 4 takes July 3's rate"),
                () -> assertEquals(5.4802, fx.asOf("usd_brl", july4.plusDays(1), 7)),
                () -> assertTrue(Arrays.stream(fx.values("usd_brl")).allMatch(x -> x > 1 && x < 7)));
    }

    @Test
    void fredVix() {
        CovariateSeries vix = MarketCsv.readCovariates(SharedData.file(VIX));
        double[] v = vix.values("vix");
        assertAll(
                () -> assertEquals(Set.of("vix"), vix.names()),
                () -> assertEquals(7116 - 226, v.length),
                () -> assertEquals(26.17, v[0]),
                () -> assertEquals(19.12, vix.asOf("vix", LocalDate.of(2026, 4, 13), 0)),
                () -> assertTrue(Arrays.stream(v).allMatch(x -> x > 5 && x < 100)));
    }

    @ParameterizedTest
    @ValueSource(strings = {MINAS_LONG, VIETNAM_LONG, COLOMBIA_LONG})
    void openMeteoLongMapsToCanonicalNames(String name) {
        CovariateSeries w = MarketCsv.readCovariates(SharedData.file(name));
        List<LocalDate> maxDates = w.dates("temp_max_c");
        List<LocalDate> meanDates = w.dates("temp_mean_c");
        assertAll(
                () -> assertEquals(WEATHER_LONG_NAMES, w.names()),
                () -> assertEquals(12851, maxDates.size()),
                () -> assertEquals(LocalDate.of(1990, 1, 1), maxDates.get(0)),
                () -> assertEquals(LocalDate.of(2025, 3, 8), maxDates.get(maxDates.size() - 1)),
                // The last row is partial: no mean temperature and no precipitation.
                () -> assertEquals(LocalDate.of(2025, 3, 7), meanDates.get(meanDates.size() - 1)),
                () -> assertEquals(12850, w.dates("precipitation_mm").size()),
                () -> assertTrue(meanDates.stream().allMatch(d -> w.asOf("temp_min_c", d, 0) <= w.asOf("temp_mean_c", d, 0)
                        && w.asOf("temp_mean_c", d, 0) <= w.asOf("temp_max_c", d, 0))),
                () -> assertTrue(Arrays.stream(w.values("precipitation_mm")).allMatch(p -> p >= 0 && p < 250)));
    }

    @Test
    void openMeteoLongMinasGeraisFirstDay() {
        CovariateSeries w = MarketCsv.readCovariates(SharedData.file(MINAS_LONG));
        LocalDate d = LocalDate.of(1990, 1, 1);
        assertEquals(List.of(20.122833, 24.2395, 16.6395, 5.5), WEATHER_ORDER.stream().map(n -> w.asOf(n, d, 0)).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {MINAS_SHORT, DAK_LAK_SHORT})
    void openMeteoShortMapsToCanonicalNames(String name) {
        CovariateSeries w = MarketCsv.readCovariates(SharedData.file(name));
        List<LocalDate> dates = w.dates("temp_min_c");
        assertAll(
                () -> assertEquals(WEATHER_SHORT_NAMES, w.names()),
                () -> assertEquals(LocalDate.of(2015, 1, 1).datesUntil(LocalDate.of(2026, 2, 2)).toList(), dates),
                () -> assertEquals(4050, w.values("precipitation_mm").length));
    }

    @Test
    void openMeteoShortMinasGeraisFirstDay() {
        CovariateSeries w = MarketCsv.readCovariates(SharedData.file(MINAS_SHORT));
        LocalDate d = LocalDate.of(2015, 1, 1);
        assertEquals(List.of(28.0, 32.9, 23.1, 0.0), WEATHER_ORDER.stream().map(n -> w.asOf(n, d, 0)).toList());
    }

    @Test
    void assemblesCoffeeWithFredAndWeather() {
        List<MarketRecord> market = MarketAssembler.assemble(
                MarketCsv.readPrices(SharedData.file(COFFEE_YAHOO)).records(),
                Stream.of(FX, VIX, MINAS_LONG).map(n -> MarketCsv.readCovariates(SharedData.file(n))).toList());
        Map<LocalDate, MarketRecord> byDate = byDate(market);
        Function<String, Integer> col = MarketColumns.COVARIATES::indexOf;
        MarketRecord veteransDay = byDate.get(LocalDate.of(2024, 11, 11)); // ICE open, FRED's H.10 blank
        MarketRecord week = byDate.get(LocalDate.of(2025, 3, 14));
        MarketRecord stale = byDate.get(LocalDate.of(2025, 3, 17));
        assertAll(
                () -> assertEquals(6616, market.size()),
                () -> assertEquals(256.2, veteransDay.close()),
                () -> assertEquals(5.7813, veteransDay.covariates()[col.apply("usd_brl")], "Friday's rate"),
                () -> assertEquals(14.97, veteransDay.covariates()[col.apply("vix")]),
                () -> assertTrue(Double.isNaN(veteransDay.covariates()[col.apply("humidity_mean_pct")])),
                // The weather file ends 2025-03-08 (mean only to 03-07): 7 days old is still used, older is not.
                () -> assertEquals(19.213335, week.covariates()[col.apply("temp_mean_c")]),
                () -> assertEquals(18.779999, week.covariates()[col.apply("temp_max_c")]),
                () -> assertTrue(Double.isNaN(stale.covariates()[col.apply("temp_mean_c")])),
                () -> assertTrue(Double.isNaN(stale.covariates()[col.apply("temp_max_c")])),
                () -> assertTrue(market.stream().filter(x -> x.date().getYear() >= 2000 && x.date().getYear() <= 2025)
                        .allMatch(x -> !Double.isNaN(x.covariates()[col.apply("usd_brl")])), "no FX gap > 7 days"));
    }

    private static void assertCloseRange(List<MarketRecord> r, double min, double max) {
        assertEquals(min, r.stream().mapToDouble(MarketRecord::close).min().orElseThrow());
        assertEquals(max, r.stream().mapToDouble(MarketRecord::close).max().orElseThrow());
    }

    private static Map<LocalDate, MarketRecord> byDate(List<MarketRecord> records) {
        return records.stream().collect(Collectors.toMap(MarketRecord::date, x -> x));
    }

    private static double[] noCovariates() {
        double[] c = new double[MarketColumns.COVARIATES.size()];
        Arrays.fill(c, Double.NaN);
        return c;
    }
}
