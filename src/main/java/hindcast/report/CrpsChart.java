package hindcast.report;

import hindcast.report.Legend.Item;
import hindcast.report.Legend.Kind;
import hindcast.report.ReportData.HorizonCrps;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Mean CRPS against horizon for every model of one commodity: lower is better, and it usually grows with h. */
final class CrpsChart {
    private static final double W = 640, H = 300, LEFT = 56, RIGHT = 14, BOTTOM = 40, PAD = 8;
    /** The fan-chart column day_h runs 1..14; the axis always shows that range, more if the data has more. */
    private static final int FIRST = 1, LAST = 14;

    private CrpsChart() {
    }

    static String render(String commodity, List<HorizonCrps> rows, Palette palette) {
        Svg svg = new Svg("crps", W, H, commodity + " mean CRPS by horizon");
        Map<String, List<HorizonCrps>> byModel = new TreeMap<>();
        for (HorizonCrps r : rows) {
            if (Double.isFinite(r.crps())) {
                byModel.computeIfAbsent(Fmt.str(r.model()), m -> new ArrayList<>()).add(r);
            }
        }
        if (byModel.isEmpty()) {
            return Axes.noData(svg, W, H);
        }
        List<Item> legend = byModel.keySet().stream().map(m -> new Item(m, Kind.DOT_LINE, palette.of(m), 1)).toList();
        Legend.draw(svg, LEFT, PAD, W - LEFT - RIGHT, legend);
        double top = PAD + Legend.height(legend, W - LEFT - RIGHT) + PAD + 12;
        svg.text(LEFT - 6, top - 8, "mean CRPS", "text-anchor", "start", "class", "axis-title");

        int hMin = FIRST, hMax = LAST;
        double lo = 0, hi = Double.NEGATIVE_INFINITY;
        for (List<HorizonCrps> l : byModel.values()) {
            l.sort(Comparator.comparingInt(HorizonCrps::horizon).thenComparingDouble(HorizonCrps::crps));
            for (HorizonCrps r : l) {
                hMin = Math.min(hMin, r.horizon());
                hMax = Math.max(hMax, r.horizon());
                lo = Math.min(lo, r.crps()); // CRPS is >= 0; start at 0 so the height of a line means something
                hi = Math.max(hi, r.crps());
            }
        }
        if (hi <= lo) {
            hi = lo + 1; // all zero: keep the axis at 0 and above rather than centring it on 0
        }
        Scale x = Scale.linear(hMin - 0.5, hMax + 0.5, LEFT, W - RIGHT);
        Scale y = Scale.linear(lo, hi, H - BOTTOM, top).widen(0, 0.06);
        Axes.yGrid(svg, y, LEFT, W - RIGHT, 5, null);
        double step = hMax - hMin <= 20 ? 1 : x.step(10);
        Axes.xTicks(svg, x, x.ticks(step), v -> Scale.label(v, 1), H - BOTTOM, top);
        Axes.baseline(svg, LEFT, W - RIGHT, H - BOTTOM);
        svg.text((LEFT + W - RIGHT) / 2, H - 6, "horizon (days ahead)", "text-anchor", "middle", "class", "axis-title");

        for (Map.Entry<String, List<HorizonCrps>> e : byModel.entrySet()) {
            String colour = palette.of(e.getKey());
            StringBuilder pts = new StringBuilder();
            for (HorizonCrps r : e.getValue()) {
                pts.append(pts.length() == 0 ? "" : " ").append(Svg.num(x.at(r.horizon()))).append(',')
                        .append(Svg.num(y.at(r.crps())));
            }
            svg.el("polyline", "class", "series", "points", pts.toString(), "fill", "none", "stroke", colour,
                    "stroke-width", 2, "stroke-linejoin", "round");
            for (HorizonCrps r : e.getValue()) {
                svg.withTitle("circle", e.getKey() + ", horizon " + r.horizon() + ": CRPS " + Fmt.sig(r.crps())
                                + " over " + Fmt.count(r.forecasts()) + " forecasts",
                        "cx", x.at(r.horizon()), "cy", y.at(r.crps()), "r", 3.2, "fill", colour, "stroke", "#fff",
                        "stroke-width", 1);
            }
        }
        return svg.end();
    }
}
