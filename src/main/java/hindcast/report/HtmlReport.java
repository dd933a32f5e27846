package hindcast.report;

import hindcast.report.ReportData.BackfillMonth;
import hindcast.report.ReportData.Calibration;
import hindcast.report.ReportData.Fan;
import hindcast.report.ReportData.Freshness;
import hindcast.report.ReportData.HorizonCrps;
import hindcast.report.ReportData.HorizonSkill;
import hindcast.report.ReportData.PathScores;
import hindcast.report.ReportData.PitHistogram;
import hindcast.report.ReportData.Rejections;
import hindcast.report.ReportData.Reliability;
import hindcast.score.Significance;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Renders {@link ReportData} as one self-contained HTML page: inline CSS, hand-made inline SVG, no scripts and no
 * network references, so it opens offline and can be mailed or archived as a single file.
 *
 * <p>The markup is also well-formed XML (all tags closed, attributes quoted, text escaped), which keeps it easy to
 * check mechanically. Output is deterministic: everything is sorted and numbers are formatted with Locale.ROOT.
 */
public final class HtmlReport {
    private static final DateTimeFormatter GENERATED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final String NO_DATA = "<p class=\"empty\">No data yet.</p>\n";

    private HtmlReport() {
    }

    public static String render(ReportData data) {
        if (data == null) {
            data = new ReportData(null, 0, null, null, null, null, null, null, null, null, null, null, null, null);
        }
        List<Fan> fans = clean(data.fans());
        List<HorizonCrps> crps = clean(data.crps());
        List<Calibration> calibration = clean(data.calibration());
        List<PitHistogram> pits = clean(data.pits());
        List<BackfillMonth> backfill = clean(data.backfill());
        List<Rejections> rejections = clean(data.rejections());
        List<Freshness> freshness = clean(data.freshness());
        List<HorizonSkill> skill = clean(data.skill());
        List<PathScores> paths = clean(data.paths());
        List<Reliability> reliability = clean(data.reliability());

        Palette palette = new Palette(Stream.of(fans.stream().map(Fan::model), crps.stream().map(HorizonCrps::model),
                calibration.stream().map(Calibration::model), pits.stream().map(PitHistogram::model),
                backfill.stream().map(BackfillMonth::model), rejections.stream().map(Rejections::model),
                freshness.stream().map(Freshness::model), skill.stream().map(HorizonSkill::model),
                paths.stream().map(PathScores::model))
                .flatMap(s -> s).toList());

        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<title>Hindcast report</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        header(html, data, palette);
        html.append("<main>\n");
        fans(html, fans, data.horizon(), palette);
        crps(html, crps, palette);
        skill(html, skill, palette);
        calibration(html, calibration, pits, palette);
        wholePaths(html, paths, reliability, palette);
        backfill(html, backfill, rejections, freshness, palette);
        html.append("</main>\n<footer>Static page: no scripts, no network. ")
                .append("Rest the pointer on a point, bar or cell to see its value.</footer>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void header(StringBuilder html, ReportData data, Palette palette) {
        html.append("<header>\n<h1>Hindcast report</h1>\n<p class=\"meta\">Generated ")
                .append(data.generatedAt() == null ? "–" : GENERATED.format(data.generatedAt()))
                .append(" · fan charts: forecasts made ").append(Fmt.date(data.from())).append(" to ")
                .append(Fmt.date(data.to())).append(", horizon ").append(data.horizon()).append("</p>\n");
        if (!palette.all().isEmpty()) {
            html.append("<p class=\"models\">Models:");
            palette.all().forEach((model, colour) -> html.append(" <span class=\"model\">").append(chip(colour))
                    .append(Svg.esc(model)).append("</span>"));
            html.append("</p>\n");
        }
        html.append("<nav><a href=\"#fans\">Fan charts</a><a href=\"#crps\">CRPS by horizon</a>")
                .append("<a href=\"#skill\">Skill against naive</a>")
                .append("<a href=\"#calibration\">Calibration</a><a href=\"#paths\">Whole paths</a>")
                .append("<a href=\"#backfill\">Backfill coverage</a></nav>\n")
                .append("</header>\n");
    }

    private static void fans(StringBuilder html, List<Fan> fans, int horizon, Palette palette) {
        section(html, "fans", "Fan charts", "Each forecast's quantiles at horizon " + horizon
                + ", plotted at its target date: shaded bands are the central 95%, 80% and 50% intervals, the coloured"
                + " line the median, the dark line and dots the realised price.");
        if (fans.isEmpty()) {
            html.append(NO_DATA);
        }
        byCommodity(fans, Fan::commodity).forEach((commodity, list) -> {
            html.append("<h3>").append(Svg.esc(commodity)).append("</h3>\n<div class=\"charts\">\n");
            list.stream().sorted(Comparator.comparing((Fan f) -> Fmt.str(f.model()))).forEach(f -> {
                int n = f.points() == null ? 0 : f.points().size();
                figure(html, palette.of(f.model()), Svg.esc(Fmt.str(f.model())),
                        Fmt.count(n) + (n == 1 ? " forecast" : " forecasts"), FanChart.render(f, palette.of(f.model())));
            });
            html.append("</div>\n");
        });
        html.append("</section>\n");
    }

    private static void crps(StringBuilder html, List<HorizonCrps> crps, Palette palette) {
        section(html, "crps", "CRPS by horizon", "Mean continuous ranked probability score of each model, in price"
                + " units: lower is better. It usually grows with the horizon as the future gets less certain.");
        if (crps.isEmpty()) {
            html.append(NO_DATA);
        } else {
            html.append("<div class=\"charts\">\n");
            byCommodity(crps, HorizonCrps::commodity).forEach((commodity, list) ->
                    figure(html, null, Svg.esc(commodity), null, CrpsChart.render(commodity, list, palette)));
            html.append("</div>\n");
        }
        html.append("</section>\n");
    }

    private static void skill(StringBuilder html, List<HorizonSkill> skill, Palette palette) {
        section(html, "skill", "Skill against naive", "CRPS skill per horizon: 1 − the model's mean CRPS / naive's on"
                + " the forecasts both have (above 0 beats naive), with its 90% interval below it, from a circular"
                + " block bootstrap over forecast dates (blocks of 14 dates, 1,000 resamples). Bold with * where the"
                + " Diebold–Mariano test (as R's forecast::dm.test, power 1, h = the horizon) rejects equal accuracy:"
                + " two-sided p < " + Significance.ALPHA + ".");
        if (skill.isEmpty()) {
            html.append(NO_DATA);
        }
        byCommodity(skill, HorizonSkill::commodity).forEach((commodity, list) ->
                html.append("<h3>").append(Svg.esc(commodity)).append("</h3>\n<div class=\"wide\">")
                        .append(SkillTable.render(list, palette)).append("</div>\n"));
        html.append("</section>\n");
    }

    private static void calibration(StringBuilder html, List<Calibration> calibration, List<PitHistogram> pits,
                                    Palette palette) {
        section(html, "calibration", "Calibration", "Left: how often the realised price fell inside each central"
                + " interval; on the dashed diagonal a model is calibrated, below it overconfident. Right: PIT"
                + " histograms, flat (on the dashed line) when calibrated, U-shaped when intervals are too narrow.");
        if (calibration.isEmpty() && pits.isEmpty()) {
            html.append(NO_DATA);
        }
        Map<String, List<Calibration>> cal = byCommodity(calibration, Calibration::commodity);
        Map<String, List<PitHistogram>> pit = byCommodity(pits, PitHistogram::commodity);
        for (String commodity : union(cal.keySet(), pit.keySet())) {
            html.append("<h3>").append(Svg.esc(commodity)).append("</h3>\n<div class=\"cal-row\">\n");
            figure(html, null, "Interval coverage", null,
                    CalibrationChart.render(commodity, cal.getOrDefault(commodity, List.of()), palette));
            html.append("<div class=\"pits\">\n");
            pit.getOrDefault(commodity, List.of()).stream()
                    .sorted(Comparator.comparing((PitHistogram p) -> Fmt.str(p.model()))).forEach(p ->
                            figure(html, palette.of(p.model()), "PIT · " + Svg.esc(Fmt.str(p.model())),
                                    Fmt.count(PitChart.total(p.bins())) + " scores",
                                    PitChart.render(p, palette.of(p.model()))));
            html.append("</div>\n</div>\n");
        }
        html.append("</section>\n");
    }

    private static void wholePaths(StringBuilder html, List<PathScores> paths, List<Reliability> reliability,
                                   Palette palette) {
        section(html, "paths", "Whole paths", "Each forecast's 14-day paths against the realised path, on the days"
                + " the market traded, prices relative to the last close. Energy score: the multivariate CRPS, lower is"
                + " better; its skill is against naive. Brier: of the price touching +5% (up) or −5% (down) of the last"
                + " close, the forecast probability being the share of paths that do. Reliability: forecasts grouped by"
                + " that probability; calibrated when the observed frequency matches it.");
        if (paths.isEmpty() && reliability.isEmpty()) {
            html.append(NO_DATA);
        }
        Map<String, List<PathScores>> scores = byCommodity(paths, PathScores::commodity);
        Map<String, List<Reliability>> bins = byCommodity(reliability, Reliability::commodity);
        for (String commodity : union(scores.keySet(), bins.keySet())) {
            html.append("<h3>").append(Svg.esc(commodity)).append("</h3>\n");
            List<PathScores> rows = scores.getOrDefault(commodity, List.of());
            if (!rows.isEmpty()) {
                html.append("<table class=\"data\">\n<thead><tr><th>model</th><th class=\"num\">forecasts</th>")
                        .append("<th class=\"num\">energy score</th><th class=\"num\">skill vs naive</th>")
                        .append("<th class=\"num\">Brier up</th><th class=\"num\">Brier down</th></tr></thead>\n")
                        .append("<tbody>\n");
                rows.stream().sorted(Comparator.comparing((PathScores r) -> Fmt.str(r.model()))).forEach(r ->
                        html.append("<tr><td>").append(chip(palette.of(r.model()))).append(cell(r.model()))
                                .append("</td><td class=\"num\">").append(Fmt.count(r.forecasts()))
                                .append("</td><td class=\"num\">").append(Fmt.sig(r.energyScore()))
                                .append("</td><td class=\"num\">").append(r.energySkill() == null ? "–"
                                        : (r.energySkill() >= 0 ? "+" : "") + Fmt.pct(r.energySkill()))
                                .append("</td><td class=\"num\">").append(Fmt.sig(r.brierUp()))
                                .append("</td><td class=\"num\">").append(Fmt.sig(r.brierDown()))
                                .append("</td></tr>\n"));
                html.append("</tbody>\n</table>\n");
            }
            Map<String, List<Reliability>> byModel = new TreeMap<>();
            for (Reliability r : bins.getOrDefault(commodity, List.of())) {
                byModel.computeIfAbsent(Fmt.str(r.model()) + "\u0000" + Fmt.str(r.event()), k -> new ArrayList<>())
                        .add(r);
            }
            if (!byModel.isEmpty()) {
                html.append("<div class=\"tables\">\n");
                byModel.values().forEach(list -> reliabilityTable(html, list, palette));
                html.append("</div>\n");
            }
        }
        html.append("</section>\n");
    }

    /** One model's reliability table for one event, bins in order. */
    private static void reliabilityTable(StringBuilder html, List<Reliability> bins, Palette palette) {
        Reliability first = bins.get(0);
        html.append("<div>\n<h4>").append(chip(palette.of(first.model()))).append(cell(first.model()))
                .append(" · ").append(cell(first.event())).append("</h4>\n")
                .append("<table class=\"data reliability\">\n<thead><tr><th>probability</th>")
                .append("<th class=\"num\">mean forecast</th><th class=\"num\">observed</th>")
                .append("<th class=\"num\">forecasts</th></tr></thead>\n<tbody>\n");
        bins.stream().sorted(Comparator.comparingInt(Reliability::bin)).forEach(b -> html.append("<tr><td>")
                .append(String.format(Locale.ROOT, "%.1f–%.1f", b.bin() / 10.0, (b.bin() + 1) / 10.0))
                .append("</td><td class=\"num\">").append(Fmt.pct(b.forecast()))
                .append("</td><td class=\"num\">").append(Fmt.pct(b.observed()))
                .append("</td><td class=\"num\">").append(Fmt.count(b.count())).append("</td></tr>\n"));
        html.append("</tbody>\n</table>\n</div>\n");
    }

    private static void backfill(StringBuilder html, List<BackfillMonth> backfill, List<Rejections> rejections,
                                 List<Freshness> freshness, Palette palette) {
        section(html, "backfill", "Backfill coverage", "Forecast dates done per month out of those requested: the"
                + " darker the cell, the more complete the month; blank cells are months nothing was requested for.");
        if (backfill.isEmpty() && rejections.isEmpty() && freshness.isEmpty()) {
            html.append(NO_DATA);
        }
        Map<String, List<BackfillMonth>> months = byCommodity(backfill, BackfillMonth::commodity);
        Map<String, List<Rejections>> rejected = byCommodity(rejections, Rejections::commodity);
        Map<String, List<Freshness>> fresh = byCommodity(freshness, Freshness::commodity);
        for (String commodity : union(months.keySet(), rejected.keySet(), fresh.keySet())) {
            html.append("<h3>").append(Svg.esc(commodity)).append("</h3>\n");
            List<BackfillMonth> m = months.getOrDefault(commodity, List.of());
            if (m.isEmpty()) {
                html.append("<p class=\"empty\">No backfill months yet.</p>\n");
            } else {
                html.append("<div class=\"wide\">").append(BackfillGrid.render(commodity, m, palette)).append("</div>\n");
            }
            html.append("<div class=\"tables\">\n");
            rejectionTable(html, rejected.getOrDefault(commodity, List.of()), palette);
            freshnessTable(html, fresh.getOrDefault(commodity, List.of()), palette);
            html.append("</div>\n");
        }
        html.append("</section>\n");
    }

    private static void rejectionTable(StringBuilder html, List<Rejections> rows, Palette palette) {
        html.append("<div>\n<h4>Rejections</h4>\n");
        if (rows.isEmpty()) {
            html.append("<p class=\"empty\">None.</p>\n</div>\n");
            return;
        }
        html.append("<table class=\"data\">\n<thead><tr><th>model</th><th>kind</th><th class=\"num\">count</th>")
                .append("</tr></thead>\n<tbody>\n");
        rows.stream().sorted(Comparator.comparing((Rejections r) -> Fmt.str(r.model()))
                        .thenComparing(r -> Fmt.str(r.kind())).thenComparingLong(Rejections::count))
                .forEach(r -> html.append("<tr><td>").append(chip(palette.of(r.model())))
                        .append(cell(r.model())).append("</td><td>").append(cell(r.kind()))
                        .append("</td><td class=\"num\">").append(Fmt.count(r.count())).append("</td></tr>\n"));
        html.append("</tbody>\n</table>\n</div>\n");
    }

    private static void freshnessTable(StringBuilder html, List<Freshness> rows, Palette palette) {
        html.append("<div>\n<h4>Freshness</h4>\n");
        if (rows.isEmpty()) {
            html.append("<p class=\"empty\">No forecasts yet.</p>\n</div>\n");
            return;
        }
        html.append("<table class=\"data\">\n<thead><tr><th>model</th><th>latest forecast date</th>")
                .append("<th class=\"num\">forecasts</th></tr></thead>\n<tbody>\n");
        rows.stream().sorted(Comparator.comparing((Freshness f) -> Fmt.str(f.model()))
                        .thenComparing(Freshness::latest, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparingLong(Freshness::forecasts))
                .forEach(f -> html.append("<tr><td>").append(chip(palette.of(f.model())))
                        .append(cell(f.model())).append("</td><td>").append(Fmt.date(f.latest()))
                        .append("</td><td class=\"num\">").append(Fmt.count(f.forecasts())).append("</td></tr>\n"));
        html.append("</tbody>\n</table>\n</div>\n");
    }

    private static void section(StringBuilder html, String id, String title, String lead) {
        html.append("<section id=\"").append(id).append("\">\n<h2>").append(Svg.esc(title)).append("</h2>\n")
                .append("<p class=\"lead\">").append(Svg.esc(lead)).append("</p>\n");
    }

    /**
     * A framed chart. The caption is escaped markup, kept to one line so charts side by side stay aligned; the
     * title attribute shows it in full when it is cut short.
     */
    private static void figure(StringBuilder html, String colour, String caption, String note, String svg) {
        String full = note == null ? caption : caption + " " + Svg.esc(note);
        html.append("<figure>\n<figcaption title=\"").append(full).append("\">")
                .append(colour == null ? "" : chip(colour)).append(caption);
        if (note != null) {
            html.append(" <span class=\"note\">").append(Svg.esc(note)).append("</span>");
        }
        html.append("</figcaption>\n").append(svg).append("\n</figure>\n");
    }

    /** Escaped table text; a dash for a blank value so the row does not look broken. */
    private static String cell(String s) {
        return s == null || s.isBlank() ? "–" : Svg.esc(s);
    }

    /** A colour square; an explicit end tag, since HTML ignores the slash of a self-closed span. */
    static String chip(String colour) {
        return "<span class=\"chip\" style=\"background:" + Svg.esc(colour) + "\"></span>";
    }

    /** Rows grouped by commodity, commodities sorted; a null commodity is grouped under "". */
    private static <T> Map<String, List<T>> byCommodity(List<T> rows, Function<T, String> commodity) {
        Map<String, List<T>> groups = new TreeMap<>();
        for (T row : rows) {
            groups.computeIfAbsent(Fmt.str(commodity.apply(row)), c -> new ArrayList<>()).add(row);
        }
        return groups;
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new TreeSet<>();
        for (Set<String> s : sets) {
            all.addAll(s);
        }
        return all;
    }

    /** The list without null elements; null itself counts as empty. */
    private static <T> List<T> clean(List<T> list) {
        return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
    }

    private static final String CSS = """
            :root { --ink: #1f2328; --muted: #656d76; --line: #d0d7de; --soft: #f6f8fa; }
            * { box-sizing: border-box; }
            body { margin: 0; color: var(--ink); background: #fff;
                   font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
            header { padding: 22px 32px 14px; background: var(--soft); border-bottom: 1px solid var(--line); }
            h1 { margin: 0 0 4px; font-size: 26px; }
            .meta, .models { margin: 0 0 6px; color: var(--muted); }
            .model { margin-left: 10px; color: var(--ink); }
            nav a { margin-right: 18px; color: #0969da; text-decoration: none; font-weight: 500; }
            main { padding: 0 32px 32px; max-width: 1400px; }
            section { margin-top: 26px; }
            h2 { font-size: 20px; margin: 0 0 4px; padding-bottom: 6px; border-bottom: 1px solid var(--line); }
            h3 { font-size: 16px; margin: 18px 0 8px; }
            h4 { font-size: 14px; margin: 12px 0 4px; }
            .lead { color: var(--muted); margin: 6px 0 10px; max-width: 60em; }
            .empty { color: var(--muted); font-style: italic; }
            .charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(520px, 1fr)); gap: 14px; }
            .cal-row { display: grid; grid-template-columns: 362px 1fr; gap: 14px; align-items: start; }
            .pits { display: grid; grid-template-columns: repeat(auto-fill, minmax(250px, 1fr)); gap: 14px; }
            .tables { display: flex; flex-wrap: wrap; gap: 40px; align-items: flex-start; }
            figure { margin: 0; padding: 8px 10px 6px; border: 1px solid var(--line); border-radius: 6px; }
            figcaption { font-weight: 600; margin-bottom: 2px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
            .note { font-weight: 400; color: var(--muted); margin-left: 6px; }
            .chip { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 6px; }
            .wide { overflow-x: auto; }
            svg { display: block; width: 100%; height: auto; }
            svg.backfill { width: auto; max-width: 100%; }
            svg text { font-size: 11px; fill: #57606a; font-family: inherit; }
            svg text.legend, svg text.row-label { fill: var(--ink); }
            svg text.year { font-weight: 600; }
            svg text.axis-title { font-style: italic; }
            svg text.nodata { font-size: 14px; font-style: italic; }
            svg .gridline { stroke: #eaeef2; stroke-width: 1; }
            svg .guide { stroke: #d8dee4; stroke-width: 1; stroke-dasharray: 2 3; }
            svg .axis { stroke: #8c959f; stroke-width: 1; }
            svg .track { fill: #fff; stroke: #d0d7de; stroke-width: 1; }
            svg .nodata-frame { fill: var(--soft); stroke: var(--line); stroke-dasharray: 4 4; }
            table.data { border-collapse: collapse; font-size: 13px; }
            table.data th, table.data td { padding: 4px 14px 4px 0; border-bottom: 1px solid var(--line); text-align: left; }
            table.data th { color: var(--muted); font-weight: 600; }
            table.data .num { text-align: right; font-variant-numeric: tabular-nums; }
            table.skill td.num { padding-left: 10px; line-height: 1.25; }
            table.skill .interval { color: var(--muted); font-size: 11px; white-space: nowrap; }
            footer { padding: 16px 32px 28px; color: var(--muted); font-size: 12px; }
            """;
}
