package hindcast.report;

import hindcast.report.ReportData.PitHistogram;

import java.util.Locale;

/**
 * Histogram of the PIT values of one commodity x model. Flat (on the dashed uniform line) when calibrated; a U shape
 * means intervals too narrow, a hump too wide, a slope a biased median.
 */
final class PitChart {
    private static final double W = 260, H = 160, LEFT = 40, RIGHT = 10, TOP = 12, BOTTOM = 24;

    private PitChart() {
    }

    static String render(PitHistogram pit, String colour) {
        String model = Fmt.str(pit.model());
        Svg svg = new Svg("pit", W, H, Fmt.str(pit.commodity()) + " " + model + " PIT histogram");
        long[] bins = pit.bins();
        long total = total(bins);
        if (bins == null || bins.length == 0 || total == 0) {
            return Axes.noData(svg, W, H);
        }
        double expected = (double) total / bins.length;
        double max = expected;
        for (long b : bins) {
            max = Math.max(max, b);
        }
        Scale x = Scale.linear(0, 1, LEFT, W - RIGHT);
        Scale y = Scale.linear(0, max, H - BOTTOM, TOP).widen(0, 0.08);
        Axes.yGrid(svg, y, LEFT, W - RIGHT, 3, null);
        Axes.xTicks(svg, x, x.ticks(0.5), v -> Scale.label(v, 0.5), H - BOTTOM, TOP);

        double width = (W - LEFT - RIGHT) / bins.length;
        for (int i = 0; i < bins.length; i++) {
            long b = Math.max(0, bins[i]); // a negative count is a bug upstream; draw nothing rather than garbage
            double lo = (double) i / bins.length;
            svg.withTitle("rect", String.format(Locale.ROOT, "PIT %.2f–%.2f: %s", lo, lo + 1.0 / bins.length,
                            Fmt.count(bins[i])),
                    "class", "bar", "x", x.at(lo) + 1, "y", y.at(b), "width", Math.max(0.5, width - 2),
                    "height", Math.max(0, y.at(0) - y.at(b)), "fill", colour, "fill-opacity", 0.75);
        }
        Axes.baseline(svg, LEFT, W - RIGHT, H - BOTTOM);
        svg.el("line", "class", "uniform", "x1", LEFT, "y1", y.at(expected), "x2", W - RIGHT, "y2", y.at(expected),
                "stroke", "#1f2328", "stroke-width", 1.2, "stroke-dasharray", "5 3");
        return svg.end();
    }

    static long total(long[] bins) {
        long t = 0;
        if (bins != null) {
            for (long b : bins) {
                t += Math.max(0, b);
            }
        }
        return t;
    }
}
