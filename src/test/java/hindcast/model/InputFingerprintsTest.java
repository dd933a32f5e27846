package hindcast.model;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Input fingerprints: O(1) windows equal to hashing the slice directly, and sensitive to exactly that slice. */
class InputFingerprintsTest {
    private static final List<String> TEMP = List.of(SeriesData.TEMP);
    private static final Reads NAIVE_FORECAST = Reads.closes(1);
    private static final Reads EVERYTHING = new Reads(Reads.ALL, TEMP);

    private static long fingerprint(SeriesData data, Reads reads, LocalDate cutoff) {
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
        MarketSeries s = SeriesData.weekdays(300).series();
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
        SeriesData data = SeriesData.weekdays(40);
        int thursday = 18;
        assertEquals(DayOfWeek.THURSDAY, data.date(thursday).getDayOfWeek());
        SeriesData corrected = data.withClose(thursday, data.closes()[thursday] + 0.25);
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
        SeriesData data = SeriesData.weekdays(60);
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
        SeriesData data = SeriesData.weekdays(30);
        LocalDate cutoff = data.date(29);
        Reads temp = new Reads(5, TEMP);
        SeriesData rainChanged = data.copy();
        Arrays.fill(rainChanged.rain(), 1.0);
        assertEquals(fingerprint(data, temp, cutoff), fingerprint(rainChanged, temp, cutoff), "rain is not listed");
        assertEquals(fingerprint(data, Reads.closes(5), cutoff), fingerprint(rainChanged, Reads.closes(5), cutoff));

        SeriesData missing = data.copy();
        missing.temp()[27] = Double.NaN;
        SeriesData zero = data.copy();
        zero.temp()[27] = 0.0;
        SeriesData otherNaN = data.copy();
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

    /**
     * Planning must not fail on a covariate the series lacks (the model's own error, per forecast, says why): it
     * reads as missing everywhere, so what read it while it existed is stale.
     */
    @Test
    void aCovariateTheSeriesLacksReadsAsMissingOnEveryRow() {
        SeriesData data = SeriesData.weekdays(10);
        MarketSeries s = data.series();
        long withVix = new InputFingerprints(s).of(new Reads(3, List.of("temp", "vix")), s.date(9));
        assertEquals(withVix, new InputFingerprints(s).of(new Reads(3, List.of("temp", "vix")), s.date(9)));
        assertNotEquals(new InputFingerprints(s).of(new Reads(3, List.of("temp")), s.date(9)), withVix);
        assertNotEquals(new InputFingerprints(s).of(new Reads(3, List.of("temp", "temp")), s.date(9)), withVix);
    }

    @Test
    void aCutoffBeforeTheFirstObservationIsTheEmptyWindow() {
        SeriesData data = SeriesData.weekdays(10);
        InputFingerprints fingerprints = new InputFingerprints(data.series());
        LocalDate first = data.date(0);
        long empty = fingerprints.of(NAIVE_FORECAST, first.minusDays(1));
        assertEquals(empty, fingerprints.of(EVERYTHING, first.minusYears(5)));
        assertEquals(empty, new InputFingerprints(SeriesData.weekdays(3).series()).of(Reads.closes(7), LocalDate.MIN));
        assertNotEquals(empty, fingerprints.of(NAIVE_FORECAST, first));
        assertNotEquals(0L, empty);
    }

    @Test
    void equalInputsGiveEqualFingerprintsHoweverTheSeriesIsHeld() {
        SeriesData data = SeriesData.weekdays(50);
        MarketSeries s = data.series();
        LocalDate cutoff = data.date(30);
        long full = new InputFingerprints(s).of(EVERYTHING, cutoff);
        assertEquals(full, new InputFingerprints(data.copy().series()).of(EVERYTHING, cutoff));
        assertEquals(full, new InputFingerprints(s.cutAt(cutoff)).of(EVERYTHING, cutoff.plusDays(30)));
        assertEquals(full, new InputFingerprints(s.cutAt(cutoff.plusDays(2))).of(EVERYTHING, cutoff));
        MarketSeries sugar = new MarketSeries("Sugar", data.days(), data.closes(), Map.of("temp", data.temp()));
        assertEquals(full, new InputFingerprints(sugar).of(EVERYTHING, cutoff),
                "the commodity is part of the key, not of the input; other covariates are not read");
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
