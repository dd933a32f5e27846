package hindcast.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** As-of join semantics of MarketAssembler. */
class MarketAssemblerTest {
    private static final int VIX = MarketColumns.COVARIATES.indexOf("vix");
    private static final int USD_BRL = MarketColumns.COVARIATES.indexOf("usd_brl");
    private static final LocalDate MON = LocalDate.of(2024, 7, 1);

    @TempDir
    Path dir;

    @Test
    void fillsHolidayGapFromThePreviousDayAndNeverUsesTheFuture() throws IOException {
        // FRED-like: blank on July 4; a value dated after the last price date must not be used.
        CovariateSeries fx = covariates("fx.csv", "date,DEXBZUS\n2024-07-01,5.0\n2024-07-02,5.1\n2024-07-03,5.2\n"
                + "2024-07-04,\n2024-07-05,5.4\n2024-07-08,5.5\n");
        List<MarketRecord> out = MarketAssembler.assemble(prices(MON.minusDays(3), MON, MON.plusDays(3),
                MON.plusDays(4), MON.plusDays(6)), List.of(fx));
        assertEquals(List.of(Double.NaN, 5.0, 5.2, 5.4, 5.4), out.stream().map(r -> r.covariates()[USD_BRL]).toList());
    }

    @Test
    void valuesOlderThanSevenDaysAreMissing() throws IOException {
        CovariateSeries vix = covariates("v.csv", "date,vix\n2024-07-01,12\n");
        List<MarketRecord> out = MarketAssembler.assemble(prices(MON.plusDays(7), MON.plusDays(8)), List.of(vix));
        assertEquals(12.0, out.get(0).covariates()[VIX]);
        assertTrue(Double.isNaN(out.get(1).covariates()[VIX]));
    }

    @Test
    void everyValueIsDatedOnOrBeforeThePriceDateAndAtMostAWeekOld() throws IOException {
        // Each covariate value is its own epoch day, irregularly spaced, so the join result shows which date it used.
        StringBuilder csv = new StringBuilder("date,vix\n");
        for (LocalDate d = MON; d.isBefore(MON.plusDays(200)); d = d.plusDays(1 + d.getDayOfMonth() % 10)) {
            csv.append(d).append(',').append(d.toEpochDay()).append('\n');
        }
        CovariateSeries vix = covariates("v.csv", csv.toString());
        List<MarketRecord> out = MarketAssembler.assemble(
                prices(MON.minusDays(5).datesUntil(MON.plusDays(210)).toArray(LocalDate[]::new)), List.of(vix));
        int filled = 0;
        for (MarketRecord r : out) {
            double used = r.covariates()[VIX];
            if (!Double.isNaN(used)) {
                filled++;
                long age = r.date().toEpochDay() - (long) used;
                assertTrue(age >= 0 && age <= MarketAssembler.MAX_AGE_DAYS, r.date() + " used a value " + age + " days old");
            }
        }
        assertTrue(filled > 150, "filled " + filled);
    }

    @Test
    void keepsPricesAndCovariatesNoFileProvides() throws IOException {
        double[] own = new double[MarketColumns.COVARIATES.size()];
        Arrays.fill(own, Double.NaN);
        own[USD_BRL] = 4.5;
        MarketRecord r = new MarketRecord(MON, 10, 9, 11, 8, 100, own);
        List<MarketRecord> out = MarketAssembler.assemble(List.of(r),
                List.of(covariates("v.csv", "date,vix\n2024-07-01,12\n")));
        double[] expected = own.clone();
        expected[VIX] = 12;
        assertEquals(List.of(new MarketRecord(MON, 10, 9, 11, 8, 100, expected)), out);
        assertEquals(List.of(r), MarketAssembler.assemble(List.of(r), List.of()));
    }

    @Test
    void sameCovariateFromTwoFilesIsAnError() throws IOException {
        CovariateSeries a = covariates("minas.csv", "date,temperature_2m_max\n2024-07-01,30\n");
        CovariateSeries b = covariates("dak_lak.csv", "date,temp_max_c,vix\n2024-07-01,31,12\n");
        InputException e = assertThrows(InputException.class, () -> MarketAssembler.assemble(prices(MON), List.of(a, b)));
        assertEquals(b.file(), e.file());
        assertTrue(e.getMessage().contains("dak_lak.csv") && e.getMessage().contains("minas.csv"), e.getMessage());
        assertTrue(e.reason().contains("'temp_max_c'"), e.reason());
    }

    @Test
    void covariateInBothPriceFileAndCovariateFileIsAnError() throws IOException {
        Path p = Files.writeString(dir.resolve("p.csv"), "date,close,vix\n2024-07-01,10,12\n");
        CovariateSeries vix = covariates("v.csv", "date,VIXCLS\n2024-07-01,12\n");
        InputException e = assertThrows(InputException.class,
                () -> MarketAssembler.assemble(MarketCsv.readPrices(p).records(), List.of(vix)));
        assertEquals(vix.file(), e.file());
        assertTrue(e.reason().contains("'vix' is also in the price file"), e.reason());
    }

    private CovariateSeries covariates(String name, String content) throws IOException {
        return MarketCsv.readCovariates(Files.writeString(dir.resolve(name), content));
    }

    private static List<MarketRecord> prices(LocalDate... dates) {
        double[] none = new double[MarketColumns.COVARIATES.size()];
        Arrays.fill(none, Double.NaN);
        return Arrays.stream(dates).map(d -> new MarketRecord(d, 10, 10, 10, 10, 1, none)).toList();
    }
}
