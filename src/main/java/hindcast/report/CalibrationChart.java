package hindcast.report;

import hindcast.report.Legend.Item;
import hindcast.report.Legend.Kind;
import hindcast.report.ReportData.Calibration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Observed coverage of the central intervals against their nominal level, per model. On the diagonal a model is
 * calibrated; below it the intervals are too narrow (overconfident), above it too wide.
 */
final class CalibrationChart {
    private static final double W = 340, H = 340, LEFT = 46, RIGHT = 22, BOTTOM = 40, PAD = 8;

    private CalibrationChart() {
    }

    static String render(String commodity, List<Calibration> rows, Palette palette) {
        Svg svg = new Svg("calibration", W, H, commodity + " interval coverage");
        Map<String, List<Calibration>> byModel = new TreeMap<>();
        for (Calibration c : rows) {
            if (Double.isFinite(c.nominal()) && Double.isFinite(c.observed())) {
                byModel.computeIfAbsent(Fmt.str(c.model()), m -> new ArrayList<>()).add(c);
            }
        }
        if (byModel.isEmpty()) {
            return Axes.noData(svg, W, H);
        }
        List<Item> legend = new ArrayList<>();
        byModel.keySet().forEach(m -> legend.add(new Item(m, Kind.DOT_LINE, palette.of(m), 1)));
        legend.add(new Item("ideal", Kind.DASH, "#8c959f", 1));
        Legend.draw(svg, LEFT, PAD, W - LEFT - RIGHT, legend);
        double top = PAD + Legend.height(legend, W - LEFT - RIGHT) + PAD + 12;
        svg.text(LEFT - 6, top - 8, "observed", "text-anchor", "start", "class", "axis-title");

        // Both axes share the domain [lo, 1], so the diagonal stays at 45 degrees; lo zooms in on the levels
        // actually shown (typically 50..95%) instead of leaving the lower-left of the square empty.
        double lo = lowerBound(byModel);
        Scale x = Scale.linear(lo, 1, LEFT, W - RIGHT);
        Scale y = Scale.linear(lo, 1, H - BOTTOM, top);
        double step = 1 - lo <= 0.7 + 1e-9 ? 0.1 : 0.2;
        Axes.yGrid(svg, y, LEFT, W - RIGHT, step, v -> Math.round(v * 100) + "%");
        Axes.xTicks(svg, x, x.ticks(step), v -> Math.round(v * 100) + "%", H - BOTTOM, top);
        Axes.baseline(svg, LEFT, W - RIGHT, H - BOTTOM);
        svg.text((LEFT + W - RIGHT) / 2, H - 6, "nominal", "text-anchor", "middle", "class", "axis-title");
        TreeSet<Double> levels = new TreeSet<>();
        byModel.values().forEach(l -> l.forEach(c -> levels.add(c.nominal())));
        for (double level : levels) { // faint guides where the points sit
            svg.el("line", "x1", x.at(level), "y1", top, "x2", x.at(level), "y2", H - BOTTOM, "class", "guide");
        }
        svg.el("line", "class", "diagonal", "x1", x.at(lo), "y1", y.at(lo), "x2", x.at(1), "y2", y.at(1),
                "stroke", "#8c959f", "stroke-width", 1.2, "stroke-dasharray", "5 4");

        for (Map.Entry<String, List<Calibration>> e : byModel.entrySet()) {
            String colour = palette.of(e.getKey());
            List<Calibration> l = e.getValue();
            l.sort(Comparator.comparingDouble(Calibration::nominal).thenComparingDouble(Calibration::observed));
            StringBuilder pts = new StringBuilder();
            for (Calibration c : l) {
                pts.append(pts.length() == 0 ? "" : " ").append(Svg.num(x.at(c.nominal()))).append(',')
                        .append(Svg.num(y.at(c.observed())));
            }
            svg.el("polyline", "points", pts.toString(), "fill", "none", "stroke", colour, "stroke-width", 1.2,
                    "stroke-opacity", 0.6);
            for (Calibration c : l) {
                svg.withTitle("circle", e.getKey() + ": " + Fmt.pct(c.nominal()) + " interval covered "
                                + Fmt.pct(c.observed()) + " of " + Fmt.count(c.scores()) + " realised prices",
                        "class", "coverage", "cx", x.at(c.nominal()), "cy", y.at(c.observed()), "r", 4,
                        "fill", colour, "stroke", "#fff", "stroke-width", 1);
            }
        }
        return svg.end();
    }

    /** A multiple of 0.1 at least 0.05 below every level and observation, and never below 0. */
    private static double lowerBound(Map<String, List<Calibration>> byModel) {
        double min = 1;
        for (List<Calibration> l : byModel.values()) {
            for (Calibration c : l) {
                min = Math.min(min, Math.min(c.nominal(), c.observed()));
            }
        }
        return Math.max(0, Math.min(0.5, Math.floor((min - 0.05) * 10) / 10));
    }
}
