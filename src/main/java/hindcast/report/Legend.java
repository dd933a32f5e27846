package hindcast.report;

import java.util.ArrayList;
import java.util.List;

/** A wrapping row of swatches with labels. Laid out before drawing, so a chart can reserve its height. */
final class Legend {
    enum Kind { BAND, LINE, DOT_LINE, DASH }

    record Item(String label, Kind kind, String colour, double opacity) {
    }

    static final double ROW = 16;
    private static final double CHAR = 6.3;  // average width of an 11px sans-serif character
    private static final double SWATCH = 18;
    private static final double GAP = 16;

    private Legend() {
    }

    static double height(List<Item> items, double width) {
        List<double[]> at = layout(items, 0, 0, width);
        return at.isEmpty() ? 0 : at.get(at.size() - 1)[1] + ROW;
    }

    static void draw(Svg svg, double x, double y, double width, List<Item> items) {
        List<double[]> at = layout(items, x, y, width);
        for (int i = 0; i < items.size(); i++) {
            Item it = items.get(i);
            double sx = at.get(i)[0], cy = at.get(i)[1] + ROW / 2;
            switch (it.kind()) {
                case BAND -> svg.el("rect", "x", sx, "y", cy - 5, "width", 16, "height", 10, "fill", it.colour(),
                        "fill-opacity", it.opacity());
                case LINE -> svg.el("line", "x1", sx, "y1", cy, "x2", sx + 16, "y2", cy, "stroke", it.colour(),
                        "stroke-width", 2);
                case DOT_LINE -> svg.el("line", "x1", sx, "y1", cy, "x2", sx + 16, "y2", cy, "stroke", it.colour(),
                        "stroke-width", 1.5).el("circle", "cx", sx + 8, "cy", cy, "r", 3, "fill", it.colour());
                case DASH -> svg.el("line", "x1", sx, "y1", cy, "x2", sx + 16, "y2", cy, "stroke", it.colour(),
                        "stroke-width", 1.5, "stroke-dasharray", "4 3");
            }
            svg.text(sx + SWATCH + 4, cy + 4, it.label(), "class", "legend");
        }
    }

    /** Top-left corner of each item; wraps to a new row when the next item would overflow the width. */
    private static List<double[]> layout(List<Item> items, double x, double y, double width) {
        List<double[]> at = new ArrayList<>();
        double cx = x, cy = y;
        for (Item it : items) {
            double w = SWATCH + 4 + Fmt.str(it.label()).length() * CHAR;
            if (cx > x && cx + w > x + width) {
                cx = x;
                cy += ROW;
            }
            at.add(new double[] {cx, cy});
            cx += w + GAP;
        }
        return at;
    }
}
