package hindcast.model;

import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fingerprints of what a {@link Reads} sees of one commodity's series cut at a date. Built once per series
 * (prefix hashes per covariate set), each fingerprint then costs O(1), so planning thousands of dates over
 * windows of thousands of rows stays cheap. Equal inputs give equal fingerprints on every machine.
 * <p>
 * Each observation hashes to a 64-bit row hash of its date, its close and the listed covariates' values in
 * the listed order (bit patterns, so a missing value, NaN, differs from any present one). A window of rows
 * r[i..j) hashes as the polynomial sum of r[k] * BASE^(j-1-k) modulo the Mersenne prime 2^61-1, read off
 * prefix sums in O(1), then mixed with its length. Covariate order counts: a model takes its regressors
 * positionally, and a reordered list is another model definition anyway, so this only recomputes more.
 * <p>
 * Thread-safe: prefix hashes are built lazily, once per covariate list.
 */
public final class InputFingerprints {
    static final long MODULUS = (1L << 61) - 1;
    /** A fixed base in [2^32, MODULUS): the polynomial must be the same on every JVM. */
    static final long BASE = 0x1F3D5B79A2C4E68BL;

    private final MarketSeries series;
    private final long[] powers;
    private final Map<List<String>, long[]> prefixes = new ConcurrentHashMap<>();

    public InputFingerprints(MarketSeries series) {
        this.series = series;
        this.powers = new long[series.size() + 1];
        powers[0] = 1;
        for (int i = 1; i < powers.length; i++) {
            powers[i] = mulMod(powers[i - 1], BASE);
        }
    }

    /**
     * The fingerprint of the observations {@code reads} sees in the series cut at {@code cutoff}: the last
     * {@code reads.rows()} dated on or before it (all when fewer). A cutoff before the first observation gives
     * the fingerprint of the empty window.
     * A covariate the series lacks reads as missing on every observation.
     */
    public long of(Reads reads, LocalDate cutoff) {
        long[] prefix = prefixes.computeIfAbsent(reads.covariates(), this::prefix);
        int end = series.indexOnOrBefore(cutoff) + 1;
        int start = Math.max(0, end - reads.rows());
        long window = Math.floorMod(prefix[end] - mulMod(prefix[start], powers[end - start]), MODULUS);
        return finish(window, end - start);
    }

    /** {@code fingerprint} as 16 lowercase hex digits. */
    public static String hex(long fingerprint) {
        return HexFormat.of().toHexDigits(fingerprint);
    }

    /** The 64-bit hash of one observation. */
    static long rowHash(int epochDay, double close, double[] covariates) {
        long h = Rng.mix(0x9E3779B97F4A7C15L ^ epochDay);
        h = Rng.mix(h ^ Double.doubleToLongBits(close));
        for (double v : covariates) {
            h = Rng.mix(h ^ Double.doubleToLongBits(v));
        }
        return h;
    }

    /** A row hash as a polynomial coefficient, in [0, MODULUS). */
    static long coefficient(long rowHash) {
        long c = rowHash >>> 3;
        return c == MODULUS ? 0 : c;
    }

    /** The fingerprint of a window from its polynomial hash and its length (0 and 0 for the empty window). */
    static long finish(long windowHash, int length) {
        return Rng.mix(Rng.mix(windowHash ^ 0xD6E8FEB86659FD93L) + length);
    }

    /** P[k] = hash of rows [0, k), so that the window [i, j) is P[j] - P[i] * BASE^(j-i). */
    private long[] prefix(List<String> covariates) {
        double[][] columns = covariates.stream().map(series::covariateOrMissing).toArray(double[][]::new);
        double[] values = new double[covariates.size()];
        long[] prefix = new long[series.size() + 1];
        for (int i = 0; i < series.size(); i++) {
            for (int c = 0; c < values.length; c++) {
                values[c] = columns[c][i];
            }
            long row = rowHash((int) series.date(i).toEpochDay(), series.close(i), values);
            prefix[i + 1] = addMod(mulMod(prefix[i], BASE), coefficient(row));
        }
        return prefix;
    }

    private static long addMod(long a, long b) {
        long s = a + b;
        return s >= MODULUS ? s - MODULUS : s;
    }

    /** a * b mod 2^61-1 for a, b in [0, 2^61-1): 2^61 = 1 folds the 122-bit product's high bits onto its low. */
    static long mulMod(long a, long b) {
        long lo = a * b;
        long hi = Math.multiplyHigh(a, b);
        long s = (lo & MODULUS) + ((lo >>> 61) | (hi << 3));
        s = (s & MODULUS) + (s >>> 61);
        return s >= MODULUS ? s - MODULUS : s;
    }
}
