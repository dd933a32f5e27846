package hindcast.report;

import hindcast.report.ReportData.HorizonSkill;
import hindcast.score.Significance;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One commodity's CRPS skill against naive as a table, a model per row and a horizon per column: the skill, its
 * 90% interval below it, bold with a star where the Diebold–Mariano p-value is below {@link Significance#ALPHA}.
 */
final class SkillTable {
    private SkillTable() {
    }

    static String render(List<HorizonSkill> rows, Palette palette) {
        TreeSet<Integer> horizons = new TreeSet<>();
        Map<String, Map<Integer, HorizonSkill>> byModel = new TreeMap<>();
        for (HorizonSkill s : rows) {
            horizons.add(s.horizon());
            byModel.computeIfAbsent(Fmt.str(s.model()), m -> new TreeMap<>()).put(s.horizon(), s);
        }
        StringBuilder html = new StringBuilder("<table class=\"data skill\">\n<thead><tr><th>model</th>");
        horizons.forEach(h -> html.append("<th class=\"num\">h ").append(h).append("</th>"));
        html.append("</tr></thead>\n<tbody>\n");
        byModel.forEach((model, cells) -> {
            html.append("<tr><td>").append(HtmlReport.chip(palette.of(model))).append(Svg.esc(model)).append("</td>");
            horizons.forEach(h -> cell(html, cells.get(h)));
            html.append("</tr>\n");
        });
        return html.append("</tbody>\n</table>").toString();
    }

    private static void cell(StringBuilder html, HorizonSkill s) {
        if (s == null || !Double.isFinite(s.skill())) {
            html.append("<td class=\"num\">–</td>");
            return;
        }
        boolean significant = s.pValue() != null && s.pValue() < Significance.ALPHA;
        String skill = percent(s.skill()) + (significant ? "*" : "");
        String interval = s.low() == null || s.high() == null ? "–"
                : "[" + percent(s.low()) + ", " + percent(s.high()) + "]";
        String p = s.pValue() == null ? "–" : Fmt.sig(s.pValue());
        html.append("<td class=\"num\" title=\"").append(Svg.esc("h " + s.horizon() + ": skill " + percent(s.skill())
                        + ", 90% interval " + interval + ", DM p = " + p)).append("\">")
                .append(significant ? "<strong>" + skill + "</strong>" : skill)
                .append("<br/><span class=\"interval\">").append(interval).append("</span></td>");
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%+.1f%%", 100 * share);
    }
}
