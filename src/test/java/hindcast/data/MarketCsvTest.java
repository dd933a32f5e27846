package hindcast.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Format detection and leniencies of MarketCsv on small hand-written files. */
class MarketCsvTest {
    private static final double NaN = Double.NaN;

    @TempDir
    Path dir;

    @Test
    void plainPriceFileReadsOptionalAndCovariateColumnsAndIgnoresOthers() throws IOException {
        Path f = write("p.csv", "close,comment,date,vix,usd_brl,high\n"
                + "10.5,up,2020-01-03,13.2,,11\n"
                + "10,x,2020-01-02,12.5,4.0,10.2\n");
        PriceFile pf = MarketCsv.readPrices(f);
        assertEquals(0, pf.skippedRows());
        assertEquals(List.of(
                new MarketRecord(LocalDate.of(2020, 1, 2), 10, NaN, 10.2, NaN, NaN, covariates(NaN, 4.0, 12.5)),
                new MarketRecord(LocalDate.of(2020, 1, 3), 10.5, NaN, 11, NaN, NaN, covariates(NaN, NaN, 13.2))),
                pf.records(), "sorted by date");
    }

    @Test
    void yahooOhlcv() throws IOException {
        Path f = write("y.csv", "date,open,high,low,close,volume\n2020-01-02,1,3,0.5,2,100\n2020-01-03,2,2,2,2,\n");
        assertEquals(List.of(
                new MarketRecord(LocalDate.of(2020, 1, 2), 2, 1, 3, 0.5, 100, covariates(NaN, NaN, NaN)),
                new MarketRecord(LocalDate.of(2020, 1, 3), 2, 2, 2, 2, NaN, covariates(NaN, NaN, NaN))),
                MarketCsv.readPrices(f).records());
    }

    @Test
    void meanTemperatureIsDerivedFromMaxAndMinOnlyWhenTheFileHasNone() throws IOException {
        CovariateSeries shortExport = MarketCsv.readCovariates(write("short.csv",
                "date,temperature_2m_max,temperature_2m_min,precipitation_sum\n2020-01-02,30,20,1\n2020-01-03,,18,0\n"));
        assertEquals(List.of("temp_mean_c", "temp_max_c", "temp_min_c", "precipitation_mm"),
                List.copyOf(shortExport.names()));
        assertEquals(25.0, shortExport.asOf("temp_mean_c", LocalDate.of(2020, 1, 2), 0));
        assertTrue(Double.isNaN(shortExport.asOf("temp_mean_c", LocalDate.of(2020, 1, 3), 0)), "max missing");
        CovariateSeries withMean = MarketCsv.readCovariates(write("long.csv",
                "date,temperature_2m_mean,temperature_2m_max,temperature_2m_min\n2020-01-02,22,30,20\n"));
        assertEquals(22.0, withMean.asOf("temp_mean_c", LocalDate.of(2020, 1, 2), 0));
    }

    @Test
    void emptyCloseSkipsTheRowAndCountsIt() throws IOException {
        Path f = write("p.csv", "date,close,open\n2020-01-02,1,1\n2020-01-03,,2\n2020-01-06,3,\n");
        PriceFile pf = MarketCsv.readPrices(f);
        assertEquals(1, pf.skippedRows());
        assertEquals(List.of(LocalDate.of(2020, 1, 2), LocalDate.of(2020, 1, 6)),
                pf.records().stream().map(MarketRecord::date).toList());
        assertTrue(Double.isNaN(pf.records().get(1).open()));
    }

    @Test
    void toleratesByteOrderMarkCrlfBlankLinesAndPaddedCells() throws IOException {
        Path f = write("p.csv", "\uFEFFdate, close\r\n2020-01-02, 1.5 \r\n\r\n2020-01-03,2\r\n");
        assertEquals(List.of(1.5, 2.0), MarketCsv.readPrices(f).records().stream().map(MarketRecord::close).toList());
    }

    @Test
    void openMeteoLongDatesAndHumidity() throws IOException {
        Path f = write("w.csv", "location,date,temperature_2m_mean,relative_humidity_2m_mean,sunrise\n"
                + "Brazil,2020-01-02 00:00:00+00:00,21.5,80,0\nBrazil,2020-01-03 00:00:00+00:00,,,0\n");
        CovariateSeries w = MarketCsv.readCovariates(f);
        assertEquals(List.of("temp_mean_c", "humidity_mean_pct"), List.copyOf(w.names()));
        assertEquals(List.of(LocalDate.of(2020, 1, 2)), w.dates("temp_mean_c"), "blank cells are missing values");
        assertArrayEquals(new double[] {80}, w.values("humidity_mean_pct"));
    }

    @Test
    void plainCovariateFileIsSortedAndKeepsCanonicalOrder() throws IOException {
        Path f = write("c.csv", "date,vix,temp_min_c\n2020-01-03,2,-1\n2020-01-02,1,\n");
        CovariateSeries c = MarketCsv.readCovariates(f);
        assertEquals(f, c.file());
        assertEquals(List.of("temp_min_c", "vix"), List.copyOf(c.names()));
        assertEquals(List.of(LocalDate.of(2020, 1, 2), LocalDate.of(2020, 1, 3)), c.dates("vix"));
        assertArrayEquals(new double[] {1, 2}, c.values("vix"));
        assertEquals(List.of(LocalDate.of(2020, 1, 3)), c.dates("temp_min_c"));
    }

    @Test
    void fredFilesMapToCanonicalNames() throws IOException {
        assertEquals(Set.of("usd_brl"), MarketCsv.readCovariates(write("fx.csv", "date,DEXBZUS\n2020-01-02,4.02\n")).names());
        assertEquals(Set.of("vix"), MarketCsv.readCovariates(write("v.csv", "date,VIXCLS\n2020-01-02,\n")).names());
    }

    @Test
    void asOfRejectsUnknownNamesAndNegativeAges() throws IOException {
        CovariateSeries c = MarketCsv.readCovariates(write("v.csv", "date,vix\n2020-01-02,1\n"));
        LocalDate d = LocalDate.of(2020, 1, 2);
        assertThrows(IllegalArgumentException.class, () -> c.asOf("usd_brl", d, 7));
        assertThrows(IllegalArgumentException.class, () -> c.asOf("vix", d, -1));
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    /** A covariates array with the given temp_min_c, usd_brl and vix, others missing. */
    private static double[] covariates(double tempMin, double usdBrl, double vix) {
        double[] c = {NaN, NaN, NaN, NaN, NaN, NaN, NaN};
        c[MarketColumns.COVARIATES.indexOf("temp_min_c")] = tempMin;
        c[MarketColumns.COVARIATES.indexOf("usd_brl")] = usdBrl;
        c[MarketColumns.COVARIATES.indexOf("vix")] = vix;
        return c;
    }
}
