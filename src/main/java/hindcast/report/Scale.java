package hindcast.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A linear map from data values to pixels, with "nice" ticks (1, 2 or 5 times a power of ten). */
final class Scale {
    private static final int MAX_TICKS = 50;

    final double lo;
    final double hi;
    private final double r0;
    private final double r1;

    private Scale(double lo, double hi, double r0, double r1) {
        this.lo = lo;
        this.hi = hi;
        this.r0 = r0;
        this.r1 = r1;
    }

    /**
     * Maps [lo, hi] onto [r0, r1] (r0 > r1 for a y axis, whose pixels grow downwards). An empty or non-finite
     * domain becomes [0, 1] and a single value is widened around itself, so {@link #at} never divides by zero.
     */
    static Scale linear(double lo, double hi, double r0, double r1) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi) || !Double.isFinite(hi - lo)) {
            lo = 0;
            hi = 1;
        }
        if (hi < lo) {
            double t = lo;
            lo = hi;
            hi = t;
        }
        if (hi - lo <= Math.max(Math.abs(lo), Math.abs(hi)) * 1e-9) {
            double pad = hi == 0 ? 1 : Math.abs(hi) * 0.05;
            lo -= pad;
            hi += pad;
        }
        return new Scale(lo, hi, r0, r1);
    }

    /** The same scale with the domain stretched by these fractions of its span, so marks stay off the frame. */
    Scale widen(double below, double above) {
        double span = hi - lo;
        return linear(lo - span * below, hi + span * above, r0, r1);
    }

    double at(double v) {
        return r0 + (v - lo) / (hi - lo) * (r1 - r0);
    }

    /** A step giving about {@code target} ticks over the domain. */
    double step(int target) {
        double raw = (hi - lo) / Math.max(1, target);
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double norm = raw / mag;
        return (norm < 1.5 ? 1 : norm < 3 ? 2 : norm < 7 ? 5 : 10) * mag;
    }

    /** Multiples of step inside the domain; bounded, so extreme domains cannot loop forever. */
    List<Double> ticks(double step) {
        List<Double> ticks = new ArrayList<>();
        if (!(step > 0) || !Double.isFinite(step)) {
            return ticks;
        }
        double first = Math.ceil(lo / step) * step;
        double n = Math.floor((hi - first) / step + 1e-9);
        for (int i = 0; i <= n && i < MAX_TICKS; i++) {
            double v = first + i * step;
            ticks.add(Math.abs(v) < step * 1e-9 ? 0.0 : v); // no "-0"
        }
        return ticks;
    }

    /** A tick label with just enough decimals for the step. */
    static String label(double v, double step) {
        int decimals = (int) Math.max(0, Math.min(6, Math.ceil(-Math.log10(step) - 1e-9)));
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
