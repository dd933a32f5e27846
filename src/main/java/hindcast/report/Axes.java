package hindcast.report;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/** Gridlines, tick labels and the empty-chart note shared by the charts. */
final class Axes {
    private static final int MAX_DATE_TICKS = 8;

    private Axes() {
    }

    /** Horizontal gridlines across [x0, x1] at about {@code target} nice values, labelled left of x0. */
    static void yGrid(Svg svg, Scale y, double x0, double x1, int target, DoubleFunction<String> label) {
        yGrid(svg, y, x0, x1, y.step(target), label);
    }

    static void yGrid(Svg svg, Scale y, double x0, double x1, double step, DoubleFunction<String> label) {
        for (double v : y.ticks(step)) {
            double py = y.at(v);
            svg.el("line", "x1", x0, "y1", py, "x2", x1, "y2", py, "class", "gridline");
            svg.text(x0 - 6, py + 4, label == null ? Scale.label(v, step) : label.apply(v), "text-anchor", "end");
        }
    }

    /** Ticks with labels below the baseline at y, and faint vertical gridlines up to top. */
    static void xTicks(Svg svg, Scale x, List<Double> values, DoubleFunction<String> label, double y, double top) {
        for (double v : values) {
            double px = x.at(v);
            svg.el("line", "x1", px, "y1", top, "x2", px, "y2", y, "class", "gridline");
            svg.el("line", "x1", px, "y1", y, "x2", px, "y2", y + 4, "class", "axis");
            svg.text(px, y + 16, label.apply(v), "text-anchor", "middle");
        }
    }

    static void baseline(Svg svg, double x0, double x1, double y) {
        svg.el("line", "x1", x0, "y1", y, "x2", x1, "y2", y, "class", "axis");
    }

    /** Date ticks (month starts, or days for short spans) with the year on a second line where it changes. */
    static void dateTicks(Svg svg, Scale x, LocalDate min, LocalDate max, double y, double top) {
        for (DateTick t : dateTicks(min, max)) {
            double px = x.at(t.date().toEpochDay());
            svg.el("line", "x1", px, "y1", top, "x2", px, "y2", y, "class", "gridline");
            svg.el("line", "x1", px, "y1", y, "x2", px, "y2", y + 4, "class", "axis");
            svg.text(px, y + 16, t.label(), "text-anchor", "middle");
            if (!t.year().isEmpty()) {
                svg.text(px, y + 29, t.year(), "text-anchor", "middle", "class", "year");
            }
        }
    }

    record DateTick(LocalDate date, String label, String year) {
    }

    static List<DateTick> dateTicks(LocalDate min, LocalDate max) {
        long days = max.toEpochDay() - min.toEpochDay();
        return days >= 45 ? monthTicks(min, max) : dayTicks(min, max);
    }

    /** Every k-th month start, k in 1, 2, 3, 6, 12, 24, ... so that at most 8 ticks show; quarters align to January. */
    private static List<DateTick> monthTicks(LocalDate min, LocalDate max) {
        long first = index(YearMonth.from(min)) + (min.getDayOfMonth() == 1 ? 0 : 1);
        long last = index(YearMonth.from(max));
        long stride = 1;
        long[] strides = {1, 2, 3, 6, 12};
        for (int i = 0; (last - first) / stride + 1 > MAX_DATE_TICKS; i++) {
            stride = i < strides.length ? strides[i] : stride * 2;
        }
        List<DateTick> ticks = new ArrayList<>();
        for (long m = Math.floorDiv(first + stride - 1, stride) * stride; m <= last; m += stride) {
            LocalDate d = LocalDate.of((int) Math.floorDiv(m, 12), (int) Math.floorMod(m, 12) + 1, 1);
            String year = String.valueOf(d.getYear());
            if (stride >= 12) {
                ticks.add(new DateTick(d, year, ""));
            } else {
                boolean showYear = ticks.isEmpty() || d.getMonthValue() == 1;
                ticks.add(new DateTick(d, Fmt.month(d.getMonthValue()), showYear ? year : ""));
            }
        }
        return ticks;
    }

    private static List<DateTick> dayTicks(LocalDate min, LocalDate max) {
        long days = max.toEpochDay() - min.toEpochDay();
        long stride = days <= 8 ? 1 : days <= 16 ? 2 : days <= 56 ? 7 : 14;
        List<DateTick> ticks = new ArrayList<>();
        for (LocalDate d = min; !d.isAfter(max); d = d.plusDays(stride)) {
            boolean showYear = ticks.isEmpty() || d.getDayOfYear() <= stride;
            ticks.add(new DateTick(d, d.getDayOfMonth() + " " + Fmt.month(d.getMonthValue()),
                    showYear ? String.valueOf(d.getYear()) : ""));
        }
        return ticks;
    }

    private static long index(YearMonth m) {
        return m.getYear() * 12L + m.getMonthValue() - 1;
    }

    /** The whole chart when there is nothing to draw: keeps the layout and says so. */
    static String noData(Svg svg, double width, double height) {
        svg.el("rect", "x", 0.5, "y", 0.5, "width", width - 1, "height", height - 1, "class", "nodata-frame");
        svg.text(width / 2, height / 2 + 4, "No data yet", "text-anchor", "middle", "class", "nodata");
        return svg.end();
    }
}
