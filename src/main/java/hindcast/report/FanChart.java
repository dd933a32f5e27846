package hindcast.report;

import hindcast.report.ReportData.Fan;
import hindcast.report.ReportData.FanPoint;
import hindcast.report.Legend.Item;
import hindcast.report.Legend.Kind;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * One commodity x model fan: each forecast's quantiles at the report horizon, plotted at its target date, with the
 * realised price on top. Bands are drawn widest first so the narrower, more opaque ones stay visible.
 */
final class FanChart {
    private static final double W = 640, H = 300, LEFT = 56, RIGHT = 14, BOTTOM = 40, PAD = 8;
    private static final String ACTUAL = "#1f2328";
    private static final double[] OPACITY = {0.16, 0.26, 0.42}; // 95%, 80%, 50%
    /** Beyond this many realised prices the dots merge into a smear; the line alone reads better. */
    private static final int MAX_DOTS = 150;
    /** Half-width in pixels given to a lone forecast, which would otherwise be an invisible zero-width band. */
    private static final double LONE = 5;

    private FanChart() {
    }

    static String render(Fan fan, String colour) {
        Svg svg = new Svg("fan", W, H, Fmt.str(fan.commodity()) + " " + Fmt.str(fan.model()) + " forecast fan");
        List<FanPoint> pts = drawable(fan.points());
        if (pts.isEmpty()) {
            return Axes.noData(svg, W, H);
        }
        List<Item> legend = List.of(new Item("95%", Kind.BAND, colour, OPACITY[0]),
                new Item("80%", Kind.BAND, colour, OPACITY[1]), new Item("50%", Kind.BAND, colour, OPACITY[2]),
                new Item("median", Kind.LINE, colour, 1), new Item("actual", Kind.DOT_LINE, ACTUAL, 1));
        Legend.draw(svg, LEFT, PAD, W - LEFT - RIGHT, legend);
        double top = PAD + Legend.height(legend, W - LEFT - RIGHT) + PAD;

        LocalDate first = pts.get(0).target(), last = pts.get(pts.size() - 1).target();
        double span = Math.max(1, last.toEpochDay() - first.toEpochDay());
        Scale x = Scale.linear(first.toEpochDay() - span * 0.015, last.toEpochDay() + span * 0.015, LEFT, W - RIGHT);
        Scale y = priceScale(pts, H - BOTTOM, top);

        Axes.yGrid(svg, y, LEFT, W - RIGHT, 5, null);
        Axes.dateTicks(svg, x, first, last, H - BOTTOM, top);
        Axes.baseline(svg, LEFT, W - RIGHT, H - BOTTOM);

        List<double[]> cols = columns(pts, x);
        band(svg, "band band-95", pts, cols, y, FanPoint::q025, FanPoint::q975, colour, OPACITY[0]);
        band(svg, "band band-80", pts, cols, y, FanPoint::q10, FanPoint::q90, colour, OPACITY[1]);
        band(svg, "band band-50", pts, cols, y, FanPoint::q25, FanPoint::q75, colour, OPACITY[2]);
        svg.el("polyline", "class", "median", "points", line(pts, cols, y, FanPoint::q50), "fill", "none",
                "stroke", colour, "stroke-width", 1.6, "stroke-linejoin", "round");
        actual(svg, pts, x, y);
        return svg.end();
    }

    /** Points with all quantiles finite (a partial fan cannot be drawn consistently), in target order. */
    private static List<FanPoint> drawable(List<FanPoint> points) {
        if (points == null) {
            return List.of();
        }
        return points.stream().filter(Objects::nonNull).filter(p -> p.target() != null)
                .filter(p -> finite(p.q025(), p.q10(), p.q25(), p.q50(), p.q75(), p.q90(), p.q975()))
                .sorted(Comparator.comparing(FanPoint::target)
                        .thenComparing(FanPoint::forecastDate, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
    }

    /** Spans the outer band and every realised price, with a margin so nothing touches the frame. */
    private static Scale priceScale(List<FanPoint> pts, double bottom, double top) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (FanPoint p : pts) {
            lo = Math.min(lo, Math.min(p.q025(), p.q975()));
            hi = Math.max(hi, Math.max(p.q025(), p.q975()));
            if (hasActual(p)) {
                lo = Math.min(lo, p.actual());
                hi = Math.max(hi, p.actual());
            }
        }
        return Scale.linear(lo, hi, bottom, top).widen(0.04, 0.04);
    }

    /** Pixel x of each vertex and the index of its point; a lone point gets two vertices so it shows as a bar. */
    private static List<double[]> columns(List<FanPoint> pts, Scale x) {
        List<double[]> cols = new ArrayList<>();
        if (pts.size() == 1) {
            double px = x.at(pts.get(0).target().toEpochDay());
            cols.add(new double[] {px - LONE, 0});
            cols.add(new double[] {px + LONE, 0});
        } else {
            for (int i = 0; i < pts.size(); i++) {
                cols.add(new double[] {x.at(pts.get(i).target().toEpochDay()), i});
            }
        }
        return cols;
    }

    /** One closed outline: the upper edge left to right, then the lower edge back. */
    private static void band(Svg svg, String cls, List<FanPoint> pts, List<double[]> cols, Scale y,
                             ToDoubleFunction<FanPoint> lower, ToDoubleFunction<FanPoint> upper, String colour,
                             double opacity) {
        StringBuilder d = new StringBuilder();
        for (double[] c : cols) {
            d.append(d.length() == 0 ? "M" : " L").append(Svg.num(c[0])).append(',')
                    .append(Svg.num(y.at(upper.applyAsDouble(pts.get((int) c[1])))));
        }
        for (int i = cols.size() - 1; i >= 0; i--) {
            double[] c = cols.get(i);
            d.append(" L").append(Svg.num(c[0])).append(',').append(Svg.num(y.at(lower.applyAsDouble(pts.get((int) c[1])))));
        }
        svg.el("path", "class", cls, "d", d.append(" Z").toString(), "fill", colour, "fill-opacity", opacity);
    }

    private static String line(List<FanPoint> pts, List<double[]> cols, Scale y, ToDoubleFunction<FanPoint> value) {
        StringBuilder s = new StringBuilder();
        for (double[] c : cols) {
            s.append(s.length() == 0 ? "" : " ").append(Svg.num(c[0])).append(',')
                    .append(Svg.num(y.at(value.applyAsDouble(pts.get((int) c[1])))));
        }
        return s.toString();
    }

    /** The realised price as a dark line, broken where it is unknown, with dots (and tooltips) when not too dense. */
    private static void actual(Svg svg, List<FanPoint> pts, Scale x, Scale y) {
        List<List<FanPoint>> runs = new ArrayList<>();
        List<FanPoint> run = new ArrayList<>();
        for (FanPoint p : pts) {
            if (hasActual(p)) {
                run.add(p);
            } else if (!run.isEmpty()) {
                runs.add(run);
                run = new ArrayList<>();
            }
        }
        if (!run.isEmpty()) {
            runs.add(run);
        }
        long known = runs.stream().mapToLong(List::size).sum();
        for (List<FanPoint> r : runs) {
            if (r.size() > 1) {
                StringBuilder s = new StringBuilder();
                for (FanPoint p : r) {
                    s.append(s.length() == 0 ? "" : " ").append(Svg.num(x.at(p.target().toEpochDay()))).append(',')
                            .append(Svg.num(y.at(p.actual())));
                }
                svg.el("polyline", "class", "actual-line", "points", s.toString(), "fill", "none", "stroke", ACTUAL,
                        "stroke-width", 1.3, "stroke-linejoin", "round");
            }
        }
        for (List<FanPoint> r : runs) {
            for (FanPoint p : r) {
                if (known <= MAX_DOTS || r.size() == 1) {
                    svg.withTitle("circle", p.target() + ": " + Fmt.sig(p.actual()) + "  (median " + Fmt.sig(p.q50())
                                    + ", 80% " + Fmt.sig(p.q10()) + "–" + Fmt.sig(p.q90()) + ")",
                            "class", "actual", "cx", x.at(p.target().toEpochDay()), "cy", y.at(p.actual()), "r", 2.2,
                            "fill", ACTUAL);
                }
            }
        }
    }

    private static boolean hasActual(FanPoint p) {
        return p.actual() != null && Double.isFinite(p.actual());
    }

    private static boolean finite(double... vs) {
        for (double v : vs) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }
}
