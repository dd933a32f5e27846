package hindcast.model;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Input fingerprints: O(1) windows equal to hashing the slice directly, and sensitive to exactly that slice. */
class InputFingerprintsTest {
    private static final List<String> TEMP = List.of("temp");
    private static final Reads NAIVE_FORECAST = Reads.closes(1);
    private static final Reads EVERYTHING = new Reads(Reads.ALL, TEMP);

    /** Weekday observations from Monday 2024-01-01 with a temperature and a rain covariate (rain often missing). */
    private record Data(int[] days, double[] closes, double[] temp, double[] rain) {
        static Data weekdays(int n) {
            Rng rng = new Rng(11);
            int[] days = new int[n];
            double[] closes = new double[n];
            double[] temp = new double[n];
            double[] rain = new double[n];
            LocalDate d = LocalDate.of(2024, 1, 1);
            for (int i = 0; i < n; i++, d = d.plusDays(1)) {
                while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
                    d = d.plusDays(1);
                }
                days[i] = (int) d.toEpochDay();
                closes[i] = 100 + 10 * rng.nextDouble();
                temp[i] = 20 + rng.nextGaussian();
                rain[i] = rng.nextDouble() < 0.3 ? Double.NaN : 5 * rng.nextDouble();
            }
            return new Data(days, closes, temp, rain);
        }

        MarketSeries series() {
            return new MarketSeries("Coffee", days, closes, Map.of("temp", temp, "rain", rain));
        }

        LocalDate date(int i) {
            return LocalDate.ofEpochDay(days[i]);
        }

        Data copy() {
            return new Data(days.clone(), closes.clone(), temp.clone(), rain.clone());
        }

        Data withClose(int i, double close) {
            Data c = copy();
            c.closes[i] = close;
            return c;
        }

        Data without(int i) {
            return new Data(remove(days, i), remove(closes, i), remove(temp, i), remove(rain, i));
        }

        /** With an observation on {@code day}, which no observation has, copying the values of observation i. */
        Data withExtra(LocalDate day, int i) {
            int at = -Arrays.binarySearch(days, (int) day.toEpochDay()) - 1;
            int[] d = new int[days.length + 1];
            System.arraycopy(days, 0, d, 0, at);
            d[at] = (int) day.toEpochDay();
            System.arraycopy(days, at, d, at + 1, days.length - at);
            return new Data(d, insert(closes, at, closes[i]), insert(temp, at, temp[i]), insert(rain, at, rain[i]));
        }

        private static int[] remove(int[] a, int i) {
            int[] out = new int[a.length - 1];
            System.arraycopy(a, 0, out, 0, i);
            System.arraycopy(a, i + 1, out, i, out.length - i);
            return out;
        }

        private static double[] remove(double[] a, int i) {
            double[] out = new double[a.length - 1];
            System.arraycopy(a, 0, out, 0, i);
            System.arraycopy(a, i + 1, out, i, out.length - i);
            return out;
        }

        private static double[] insert(double[] a, int at, double v) {
            double[] out = new double[a.length + 1];
            System.arraycopy(a, 0, out, 0, at);
            out[at] = v;
            System.arraycopy(a, at, out, at + 1, a.length - at);
            return out;
        }
    }

    private static long fingerprint(Data data, Reads reads, LocalDate cutoff) {
        return new InputFingerprints(data.series()).of(reads, cutoff);
    }

    /** The definition written out: the polynomial over the slice in exact arithmetic, no prefixes. */
    private static long bruteForce(MarketSeries s, Reads reads, LocalDate cutoff) {
        MarketSeries window = s.cutAt(cutoff).last(reads.rows());
        Map<String, double[]> columns = window.covariateColumns(reads.covariates());
        BigInteger p = BigInteger.valueOf(InputFingerprints.MODULUS);
        BigInteger h = BigInteger.ZERO;
        for (int i = 0; i < window.size(); i++) {
            double[] values = new double[reads.covariates().size()];
            for (int c = 0; c < values.length; c++) {
                values[c] = columns.get(reads.covariates().get(c))[i];
            }
            long row = InputFingerprints.rowHash((int) window.date(i).toEpochDay(), window.close(i), values);
            h = h.multiply(BigInteger.valueOf(InputFingerprints.BASE))
                    .add(BigInteger.valueOf(InputFingerprints.coefficient(row))).mod(p);
        }
        return InputFingerprints.finish(h.longValueExact(), window.size());
    }

    @Test
    void prefixHashesEqualHashingTheSliceDirectly() {
        MarketSeries s = Data.weekdays(300).series();
        InputFingerprints fingerprints = new InputFingerprints(s);
        Rng rng = new Rng(5);
        List<List<String>> covariateLists = List.of(List.of(), TEMP, List.of("rain", "temp"));
        for (int k = 0; k < 500; k++) {
            int rows = k % 10 == 0 ? Reads.ALL : 1 + (int) (rng.nextDouble() * 320);
            Reads reads = new Reads(rows, covariateLists.get(k % covariateLists.size()));
            LocalDate cutoff = s.date(0).plusDays((long) (rng.nextDouble() * 440) - 10); // before, inside, after
            assertEquals(bruteForce(s, reads, cutoff), fingerprints.of(reads, cutoff), reads + " at " + cutoff);
        }
    }

    @Test
    void theMulModIsExactAtTheEdges() {
        long max = InputFingerprints.MODULUS - 1;
        BigInteger p = BigInteger.valueOf(InputFingerprints.MODULUS);
        for (long a : new long[] {0, 1, 2, max, max - 1, InputFingerprints.BASE}) {
            for (long b : new long[] {0, 1, max, max - 1, InputFingerprints.BASE}) {
                assertEquals(BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).mod(p).longValueExact(),
                        InputFingerprints.mulMod(a, b), a + " * " + b);
            }
        }
    }

    /** The example: Thursday's close is corrected after the fact. */
    @Test
    void correctingThursdaysCloseStalesExactlyTheForecastsThatReadIt() {
        Data data = Data.weekdays(40);
        int thursday = 18;
        assertEquals(DayOfWeek.THURSDAY, data.date(thursday).getDayOfWeek());
        Data corrected = data.withClose(thursday, data.closes()[thursday] + 0.25);
        InputFingerprints before = new InputFingerprints(data.series());
        InputFingerprints after = new InputFingerprints(corrected.series());
        LocalDate thu = data.date(thursday);
        LocalDate fri = thu.plusDays(1);

        assertNotEquals(before.of(NAIVE_FORECAST, thu), after.of(NAIVE_FORECAST, thu), "Friday's forecast");
        assertEquals(before.of(NAIVE_FORECAST, fri), after.of(NAIVE_FORECAST, fri), "Saturday's starts at Friday");
        for (LocalDate cutoff = data.date(0).minusDays(3); cutoff.isBefore(data.date(39).plusDays(5));
             cutoff = cutoff.plusDays(1)) {
            if (cutoff.isBefore(thu)) {
                assertEquals(before.of(EVERYTHING, cutoff), after.of(EVERYTHING, cutoff), cutoff.toString());
            } else {
                assertNotEquals(before.of(EVERYTHING, cutoff), after.of(EVERYTHING, cutoff), cutoff.toString());
            }
        }
    }

    @Test
    void rowsAddedOrRemovedInsideTheWindowCountAndOutsideDoNot() {
        Data data = Data.weekdays(60);
        Reads last10 = new Reads(10, TEMP);
        LocalDate cutoff = data.date(40); // window: observations 31..40
        long base = fingerprint(data, last10, cutoff);

        assertNotEquals(base, fingerprint(data.without(35), last10, cutoff), "removed inside");
        assertNotEquals(base, fingerprint(data.without(31), last10, cutoff), "removed the first inside");
        assertNotEquals(base, fingerprint(data.without(40), last10, cutoff), "removed the cutoff's own row");
        assertNotEquals(base, fingerprint(data.withExtra(data.date(35).plusDays(1).with(DayOfWeek.SATURDAY), 35),
                last10, cutoff), "added inside");
        assertEquals(base, fingerprint(data.without(30), last10, cutoff), "removed just before the window");
        assertEquals(base, fingerprint(data.without(0), last10, cutoff), "removed long before");
        assertEquals(base, fingerprint(data.withExtra(data.date(5).with(DayOfWeek.SUNDAY), 5), last10, cutoff),
                "added before the window");
        assertEquals(base, fingerprint(data.without(41), last10, cutoff), "removed after the cutoff");
        assertEquals(base, fingerprint(data.withExtra(cutoff.with(DayOfWeek.SATURDAY), 40), last10, cutoff),
                "added after the cutoff");
        assertEquals(base, fingerprint(data.withClose(30, 1), last10, cutoff), "changed before the window");
        assertEquals(base, fingerprint(data.withClose(41, 1), last10, cutoff), "changed after the cutoff");
        assertNotEquals(base, fingerprint(data.withClose(31, 1), last10, cutoff), "changed the first inside");
    }

    @Test
    void onlyTheListedCovariatesCountMissingIsAValueAndOrderCounts() {
        Data data = Data.weekdays(30);
        LocalDate cutoff = data.date(29);
        Reads temp = new Reads(5, TEMP);
        Data rainChanged = data.copy();
        Arrays.fill(rainChanged.rain(), 1.0);
        assertEquals(fingerprint(data, temp, cutoff), fingerprint(rainChanged, temp, cutoff), "rain is not listed");
        assertEquals(fingerprint(data, Reads.closes(5), cutoff), fingerprint(rainChanged, Reads.closes(5), cutoff));

        Data missing = data.copy();
        missing.temp()[27] = Double.NaN;
        Data zero = data.copy();
        zero.temp()[27] = 0.0;
        Data otherNaN = data.copy();
        otherNaN.temp()[27] = Double.longBitsToDouble(0x7ff8000000000001L);
        assertNotEquals(fingerprint(data, temp, cutoff), fingerprint(missing, temp, cutoff), "present vs missing");
        assertNotEquals(fingerprint(zero, temp, cutoff), fingerprint(missing, temp, cutoff), "0 vs missing");
        assertEquals(fingerprint(missing, temp, cutoff), fingerprint(otherNaN, temp, cutoff), "missing is missing");
        assertNotEquals(fingerprint(data, Reads.closes(5), cutoff), fingerprint(data, temp, cutoff),
                "reading a covariate reads more");

        // Order counts: a model takes its regressors positionally, and a reordered list is another definition.
        assertNotEquals(fingerprint(data, new Reads(5, List.of("temp", "rain")), cutoff),
                fingerprint(data, new Reads(5, List.of("rain", "temp")), cutoff));
    }

    @Test
    void anUnknownCovariateIsTheSeriesOwnError() {
        MarketSeries s = Data.weekdays(10).series();
        IllegalArgumentException expected = assertThrows(IllegalArgumentException.class,
                () -> s.covariateColumns(List.of("vix")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new InputFingerprints(s).of(new Reads(3, List.of("temp", "vix")), s.date(9)));
        assertEquals(expected.getMessage(), e.getMessage());
    }

    @Test
    void aCutoffBeforeTheFirstObservationIsTheEmptyWindow() {
        Data data = Data.weekdays(10);
        InputFingerprints fingerprints = new InputFingerprints(data.series());
        LocalDate first = data.date(0);
        long empty = fingerprints.of(NAIVE_FORECAST, first.minusDays(1));
        assertEquals(empty, fingerprints.of(EVERYTHING, first.minusYears(5)));
        assertEquals(empty, new InputFingerprints(Data.weekdays(3).series()).of(Reads.closes(7), LocalDate.MIN));
        assertNotEquals(empty, fingerprints.of(NAIVE_FORECAST, first));
        assertNotEquals(0L, empty);
    }

    @Test
    void equalInputsGiveEqualFingerprintsHoweverTheSeriesIsHeld() {
        Data data = Data.weekdays(50);
        MarketSeries s = data.series();
        LocalDate cutoff = data.date(30);
        long full = new InputFingerprints(s).of(EVERYTHING, cutoff);
        assertEquals(full, new InputFingerprints(data.copy().series()).of(EVERYTHING, cutoff));
        assertEquals(full, new InputFingerprints(s.cutAt(cutoff)).of(EVERYTHING, cutoff.plusDays(30)));
        assertEquals(full, new InputFingerprints(s.cutAt(cutoff.plusDays(2))).of(EVERYTHING, cutoff));
        Map<String, double[]> onlyTemp = new HashMap<>(Map.of("temp", data.temp()));
        assertEquals(full, new InputFingerprints(new MarketSeries("Sugar", data.days(), data.closes(), onlyTemp))
                .of(EVERYTHING, cutoff), "the commodity is part of the key, not of the input");
    }

    /** Stored fingerprints outlive the JVM that wrote them: changing the hash would stale every forecast. */
    @Test
    void theHashIsPinned() {
        int[] days = {(int) LocalDate.of(2024, 1, 4).toEpochDay(), (int) LocalDate.of(2024, 1, 5).toEpochDay()};
        MarketSeries s = new MarketSeries("Coffee", days, new double[] {101.5, 102.25},
                Map.of("temp", new double[] {21.0, Double.NaN}));
        InputFingerprints fingerprints = new InputFingerprints(s);
        assertEquals("ca23e8ae2810bcc3", InputFingerprints.hex(fingerprints.of(new Reads(2, TEMP), LocalDate.of(2024, 1, 5))));
        assertEquals("1418ad486594e4da", InputFingerprints.hex(fingerprints.of(Reads.closes(1), LocalDate.of(2024, 1, 1))),
                "the empty window");
    }

    @Test
    void hexIsSixteenLowercaseDigits() {
        assertEquals("0000000000000000", InputFingerprints.hex(0));
        assertEquals("00000000000000ab", InputFingerprints.hex(0xAB));
        assertEquals("ffffffffffffffff", InputFingerprints.hex(-1));
    }
}
