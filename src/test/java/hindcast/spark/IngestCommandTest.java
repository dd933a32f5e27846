package hindcast.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `ingest`: bad files fail with file, line and reason and write nothing; identical data writes nothing; each
 * ingest says what changed against the stored rows.
 */
class IngestCommandTest {
    private static final String GOOD = """
            date,close
            2021-01-04,100.5
            2021-01-05,101.25
            2021-01-06,99.75
            2021-01-07,102
            2021-01-08,103.5
            """;

    @Test
    void badFilesWriteNothingIdenticalDataMakesNoCommitAndACorrectionIsReported(@TempDir Path home)
            throws IOException {
        Fixture f = new Fixture(home);
        String config = f.configFile.toString();
        Path good = Files.writeString(home.resolve("good.csv"), GOOD);
        Cli first = Cli.run("ingest", "--config", config, "--commodity", "Coffee", "--prices", good.toString());
        assertEquals(0, first.code(), first.err());
        assertLine(first, "Ingested Coffee: 5 trading days 2021-01-04..2021-01-08; first ingest, 5 rows added");
        String before = snapshot(f);
        assertTrue(before.startsWith("5|"), before);
        long version = f.version(Table.MARKET);

        Path badNumber = Files.writeString(home.resolve("bad-number.csv"),
                "date,close\n2021-02-01,101.5\n2021-02-02,12x\n2021-02-03,103\n");
        Cli bad = Cli.run("ingest", "--config", config, "--commodity", "Coffee", "--prices", badNumber.toString());
        assertEquals(65, bad.code(), bad.err()); // bad input data
        assertTrue(bad.err().contains(badNumber + ":3: column 'close': not a number: '12x'"), bad.err());
        assertEquals(before, snapshot(f));
        assertEquals(version, f.version(Table.MARKET));

        // Good prices with a bad covariate file: nothing is written either.
        Path badCovariates = Files.writeString(home.resolve("bad-vix.csv"),
                "date,VIXCLS\n2021-01-04,20\n2021-01-05,21\n2021-01-05,22\n");
        Cli badCov = Cli.run("ingest", "--config", config, "--commodity", "Coffee", "--prices", good.toString(),
                "--covariates", badCovariates.toString());
        assertEquals(65, badCov.code(), badCov.err());
        assertTrue(badCov.err().contains(badCovariates + ":4: duplicate date 2021-01-05 (first on line 3)"), badCov.err());
        assertEquals(before, snapshot(f));
        assertEquals(version, f.version(Table.MARKET));

        // A commodity the configuration does not list.
        Cli unknown = Cli.run("ingest", "--config", config, "--commodity", "Cocoa", "--prices", good.toString());
        assertEquals(64, unknown.code(), unknown.err()); // usage: a name the configuration does not have
        assertTrue(unknown.err().contains("unknown commodity 'Cocoa'"), unknown.err());
        assertEquals(version, f.version(Table.MARKET));

        // The same data again: no change, no commit.
        Cli again = Cli.run("ingest", "--config", config, "--commodity", "Coffee", "--prices", good.toString());
        assertEquals(0, again.code(), again.err());
        assertLine(again, "Unchanged Coffee: 5 trading days 2021-01-04..2021-01-08");
        assertEquals(before, snapshot(f));
        assertEquals(version, f.version(Table.MARKET));

        // The exchange corrects one settlement: one row changed, on that date, in one commit.
        Path corrected = Files.writeString(home.resolve("corrected.csv"),
                GOOD.replace("2021-01-06,99.75", "2021-01-06,99.5"));
        Cli fix = Cli.run("ingest", "--config", config, "--commodity", "Coffee", "--prices", corrected.toString());
        assertEquals(0, fix.code(), fix.err());
        assertLine(fix, "Ingested Coffee: 5 trading days 2021-01-04..2021-01-08; "
                + "0 added, 1 changed, 0 removed, dated 2021-01-06..2021-01-06");
        assertEquals(version + 1, f.version(Table.MARKET));
        assertEquals(List.of("2021-01-05|101.25", "2021-01-06|99.5", "2021-01-07|102.0"),
                f.rows("SELECT date, close FROM " + f.table(Table.MARKET)
                        + " WHERE date BETWEEN DATE'2021-01-05' AND DATE'2021-01-07' ORDER BY date"));
    }

    private static void assertLine(Cli c, String line) {
        assertTrue(c.out().lines().anyMatch(line::equals), "no line '" + line + "' in:\n" + c.out());
    }

    @Test
    void theSharedCoffeeFilesWithCovariates(@TempDir Path home) throws IOException {
        Path data = sharedData();
        Path prices = data.resolve("coffee_kc_yahoo_daily.csv");
        Path fx = data.resolve("fx_usdbrl_fred_dexbzus_daily.csv");
        Path vix = data.resolve("vix_fred_vixcls_daily.csv");
        Path weather = data.resolve("weather_openmeteo_minas_gerais_daily.csv");
        Fixture f = new Fixture(home);
        Cli c = Cli.run("ingest", "--config", f.configFile.toString(), "--commodity", "Coffee", "--prices",
                prices.toString(), "--covariates", fx.toString(), vix.toString(), weather.toString());
        assertEquals(0, c.code(), c.err());
        assertTrue(c.out().contains("Ingested Coffee: 6,616 trading days 2000-01-03..2026-05-22"), c.out());
        assertTrue(c.out().contains("covariates from 3 file(s)"), c.out());

        String m = f.table(Table.MARKET);
        assertEquals(6616, f.count("SELECT count(*) FROM " + m + " WHERE commodity = 'Coffee'"));
        // Expected coverage, worked out here from the raw files: the latest value at most 7 days old.
        List<LocalDate> days = Files.readAllLines(prices).stream().skip(1).map(l -> LocalDate.parse(l.split(",")[0])).toList();
        long withFx = days.stream().filter(d -> asOf(fred(fx), d) != null).count();
        long withVix = days.stream().filter(d -> asOf(fred(vix), d) != null).count();
        assertTrue(withFx > 0.95 * days.size() && withVix > 0.95 * days.size(), withFx + " " + withVix);
        assertEquals(withFx, f.count("SELECT count(usd_brl) FROM " + m));
        assertEquals(withVix, f.count("SELECT count(vix) FROM " + m));
        assertTrue(f.count("SELECT count(temp_mean_c) FROM " + m) > 0.95 * days.size());
        assertEquals(0, f.count("SELECT count(humidity_mean_pct) FROM " + m), "the Minas Gerais file has no humidity");
        LocalDate first = LocalDate.of(2000, 1, 3);
        assertEquals(List.of("116.5|124.0|124.0|116.1|null|" + asOf(fred(fx), first) + "|" + asOf(fred(vix), first)),
                f.rows("SELECT close, open, high, low, volume, usd_brl, vix FROM " + m + " WHERE date = DATE'2000-01-03'"));
    }

    @Test
    void withoutPricesEveryCommodityOfHindcastInputsIsIngested(@TempDir Path home) throws IOException {
        Fixture f = new Fixture(home);
        Path config = Files.writeString(home.resolve("inputs.conf"), Files.readString(f.configFile)
                + "\ninclude file(\"" + Path.of("conf/shared-data.conf").toAbsolutePath() + "\")\n"
                + "shared-data = \"" + sharedData() + "\"\n");
        Cli all = Cli.run("ingest", "--config", config.toString());
        assertEquals(0, all.code(), all.err());
        assertTrue(all.out().contains("Ingested Coffee: 6,616 trading days"), all.out());
        assertTrue(all.out().contains("Ingested Sugar: 6,579 trading days"), all.out());
        String m = f.table(Table.MARKET);
        // The short Open-Meteo export reaches 2026-02-01, so the weather covers the whole 2018-2025 backfill.
        assertEquals(0, f.count("SELECT count(*) FROM " + m + " WHERE date BETWEEN DATE'2016-01-01' AND DATE'2026-01-30'"
                + " AND (temp_mean_c IS NULL OR precipitation_mm IS NULL)"));
        Cli one = Cli.run("ingest", "--config", config.toString(), "--commodity", "Sugar");
        assertEquals(0, one.code(), one.err());
        assertTrue(one.out().contains("Unchanged Sugar"), one.out());
        Cli none = Cli.run("ingest", "--config", f.configFile.toString(), "--commodity", "Sugar");
        assertEquals(64, none.code(), none.err());
        assertTrue(none.err().contains("no --prices given and no hindcast.inputs.Sugar"), none.err());
    }

    /** count, and an order-independent checksum of every column of every row. */
    private static String snapshot(Fixture f) {
        return f.rows("SELECT count(*), sum(xxhash64(commodity, date, close, open, high, low, volume, temp_mean_c, "
                + "temp_max_c, temp_min_c, precipitation_mm, humidity_mean_pct, usd_brl, vix)) FROM "
                + f.table(Table.MARKET)).get(0);
    }

    private static final java.util.Map<Path, TreeMap<LocalDate, Double>> FRED = new java.util.HashMap<>();

    /** A FRED file's non-blank values by date. */
    private static TreeMap<LocalDate, Double> fred(Path file) {
        return FRED.computeIfAbsent(file, p -> {
            TreeMap<LocalDate, Double> out = new TreeMap<>();
            try {
                List<String> lines = Files.readAllLines(p);
                for (String line : lines.subList(1, lines.size())) {
                    String[] cells = line.split(",", -1);
                    if (!cells[1].isBlank()) {
                        out.put(LocalDate.parse(cells[0]), Double.parseDouble(cells[1]));
                    }
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return out;
        });
    }

    private static Double asOf(TreeMap<LocalDate, Double> series, LocalDate d) {
        var e = series.floorEntry(d);
        return e != null && !e.getKey().isBefore(d.minusDays(7)) ? e.getValue() : null;
    }

    private static Path sharedData() {
        Path dir = Path.of(System.getProperty("hindcast.shared.data", "../shared/data")).toAbsolutePath().normalize();
        assertTrue(Files.isDirectory(dir), "shared data directory not found: " + dir);
        return dir;
    }
}
