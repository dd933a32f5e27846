package hindcast.model;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * SplitMix64 with Gaussian draws by the Marsaglia polar method. Written out here, with StrictMath, so a
 * forecast's paths are bit-identical on every JVM, platform and Spark executor; seeds come from the
 * forecast's key only, never from task order or partition.
 */
public final class Rng {
    private long state;
    private double spareGaussian;
    private boolean hasSpare;

    public Rng(long seed) {
        this.state = seed;
    }

    /** Seed of one forecast: a pure function of (commodity, model_version, forecast_start_date). */
    public static Rng forForecast(String commodity, String modelVersion, LocalDate forecastStart) {
        long h = mix(fnv1a(commodity) ^ 0x9E3779B97F4A7C15L);
        h = mix(h ^ fnv1a(modelVersion));
        h = mix(h ^ forecastStart.toEpochDay());
        return new Rng(h);
    }

    public long nextLong() {
        state += 0x9E3779B97F4A7C15L;
        return mix(state);
    }

    /** Uniform in [0, 1) with 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    public double nextGaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spareGaussian;
        }
        double u;
        double v;
        double s;
        do {
            u = 2 * nextDouble() - 1;
            v = 2 * nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double scale = Math.sqrt(-2 * StrictMath.log(s) / s); // sqrt is exactly rounded by IEEE 754
        spareGaussian = v * scale;
        hasSpare = true;
        return u * scale;
    }

    /** The SplitMix64 finalizer: a bijection of 64-bit values that spreads every input bit. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static long fnv1a(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= (b & 0xff);
            h *= 0x100000001b3L;
        }
        return h;
    }
}
