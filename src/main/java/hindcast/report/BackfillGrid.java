package hindcast.report;

import hindcast.report.ReportData.BackfillMonth;

import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Backfill progress of one commodity: a row per model, a column per month of the whole range, each cell shaded by
 * the share of requested forecast dates done. Months nothing was requested for stay blank, so gaps stand out.
 */
final class BackfillGrid {
    private static final double MAX_W = 1240, CELL_H = 22, ROW_GAP = 4, TOP = 36, RIGHT = 150, KEY_H = 36;
    private static final double CHAR = 6.3;
    /** 0 done -> light, all done -> strong (a blue ramp, apart from the model colours). */
    private static final int[] LIGHT = {0xdb, 0xe9, 0xf6}, STRONG = {0x08, 0x51, 0x9c};

    private BackfillGrid() {
    }

    /** Done and requested of one model in one month (rows repeated for a month are added up). */
    private record Cell(long done, long requested) {
        Cell plus(Cell o) {
            return new Cell(done + o.done, requested + o.requested);
        }
    }

    static String render(String commodity, List<BackfillMonth> rows, Palette palette) {
        Map<String, TreeMap<YearMonth, Cell>> grid = new TreeMap<>();
        for (BackfillMonth m : rows) {
            if (m.month() != null) {
                grid.computeIfAbsent(Fmt.str(m.model()), k -> new TreeMap<>())
                        .merge(m.month(), new Cell(m.done(), m.requested()), Cell::plus);
            }
        }
        if (grid.isEmpty()) {
            return Axes.noData(new Svg("backfill", 640, 80, commodity + " backfill coverage"), 640, 80);
        }
        YearMonth first = grid.values().stream().map(TreeMap::firstKey)
                .min(YearMonth::compareTo).orElseThrow();
        YearMonth last = grid.values().stream().map(TreeMap::lastKey)
                .max(YearMonth::compareTo).orElseThrow();
        int months = (int) Math.min(100_000, index(last) - index(first) + 1);
        int longest = grid.keySet().stream().mapToInt(String::length).max().orElse(0);
        double left = Math.min(240, Math.max(90, longest * CHAR + 28));
        double cell = Math.max(2, Math.min(40, (MAX_W - left - RIGHT) / months));
        double width = left + months * cell + RIGHT;
        double height = TOP + grid.size() * (CELL_H + ROW_GAP) + KEY_H;

        Svg svg = new Svg("backfill", width, height, commodity + " backfill coverage");
        monthLabels(svg, first, months, left, cell);
        double y = TOP;
        for (Map.Entry<String, TreeMap<YearMonth, Cell>> row : grid.entrySet()) {
            String model = row.getKey();
            svg.el("rect", "x", 4, "y", y + 6, "width", 10, "height", 10, "rx", 2, "fill", palette.of(model));
            svg.text(20, y + 15, model, "class", "row-label");
            // The track shows the whole range, so a month without a cell reads as a gap, not as the end of the row.
            svg.el("rect", "class", "track", "x", left, "y", y, "width", months * cell, "height", CELL_H);
            long done = 0, requested = 0;
            for (Map.Entry<YearMonth, Cell> c : row.getValue().entrySet()) {
                Cell v = c.getValue();
                done += v.done();
                requested += v.requested();
                double cx = left + (index(c.getKey()) - index(first)) * cell;
                svg.withTitle("rect", model + " " + c.getKey() + ": " + v.done() + "/" + v.requested(),
                        "class", "cell", "x", cx + (cell > 4 ? 0.5 : 0), "y", y + 0.5,
                        "width", Math.max(1, cell - (cell > 4 ? 1 : 0)), "height", CELL_H - 1,
                        "fill", shade(v));
            }
            String total = Fmt.count(done) + " / " + Fmt.count(requested)
                    + (requested > 0 ? String.format(Locale.ROOT, " (%.0f%%)", 100.0 * done / requested) : "");
            svg.text(left + months * cell + 8, y + 15, total, "class", "row-total");
            y += CELL_H + ROW_GAP;
        }
        key(svg, left, y + 12);
        return svg.end();
    }

    /** Month names when there is room, otherwise only years, at most one label per 40 pixels. */
    private static void monthLabels(Svg svg, YearMonth first, int months, double left, double cell) {
        boolean monthNames = cell >= 24;
        double lastLabel = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < months; i++) {
            YearMonth m = first.plusMonths(i);
            double cx = left + i * cell;
            boolean yearStart = i == 0 || m.getMonthValue() == 1;
            if (monthNames) {
                svg.text(cx + cell / 2, TOP - 6, Fmt.month(m.getMonthValue()), "text-anchor", "middle");
                if (yearStart) {
                    svg.text(cx + 2, TOP - 20, String.valueOf(m.getYear()), "class", "year");
                }
            } else if (yearStart && cx - lastLabel >= 40) {
                svg.el("line", "x1", cx, "y1", TOP - 16, "x2", cx, "y2", TOP - 2, "class", "axis");
                svg.text(cx + 3, TOP - 6, String.valueOf(m.getYear()), "class", "year");
                lastLabel = cx;
            }
        }
    }

    /** The colour scale, so a reader can tell 25% from 75% without hovering. */
    private static void key(Svg svg, double x, double y) {
        svg.text(x, y + 11, "done / requested:", "class", "legend");
        double cx = x + 112;
        for (int i = 0; i <= 4; i++) {
            svg.el("rect", "x", cx, "y", y, "width", 22, "height", 14, "fill", mix(i / 4.0));
            svg.text(cx + 26, y + 11, (i * 25) + "%", "class", "legend");
            cx += 66;
        }
        svg.el("rect", "class", "track", "x", cx, "y", y, "width", 22, "height", 14);
        svg.text(cx + 26, y + 11, "nothing requested", "class", "legend");
    }

    private static String shade(Cell c) {
        return c.requested() > 0 ? mix(Math.max(0, Math.min(1, (double) c.done() / c.requested()))) : "#eaeef2";
    }

    private static String mix(double t) {
        StringBuilder s = new StringBuilder("#");
        for (int i = 0; i < 3; i++) {
            s.append(String.format(Locale.ROOT, "%02x", Math.round(LIGHT[i] + (STRONG[i] - LIGHT[i]) * t)));
        }
        return s.toString();
    }

    private static long index(YearMonth m) {
        return m.getYear() * 12L + m.getMonthValue() - 1;
    }
}
