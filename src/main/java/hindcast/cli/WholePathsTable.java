package hindcast.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import hindcast.report.ReportData.PathScores;
import hindcast.spark.Evaluation;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The whole-path scores of {@code evaluate}: a console table under the leaderboard, and in {@code --json} the fields
 * {@code energyScore}, {@code energySkill}, {@code brierUp}, {@code brierDown} on every line of a commodity and model
 * (they score whole forecasts, so they are the same at every horizon; null when none is scored).
 */
final class WholePathsTable {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private WholePathsTable() {
    }

    static void print(List<PathScores> lines, PrintStream out) {
        if (lines.isEmpty()) {
            return;
        }
        out.println();
        out.println("Whole paths (trading days of D..D+13; energy score in returns; Brier of touching ±5% of the last"
                + " close)");
        out.printf(Locale.ROOT, "%-8s %-22s %7s %9s %9s %9s %10s%n", "commodity", "model", "n", "energy", "ES skill",
                "Brier up", "Brier down");
        for (PathScores l : lines) {
            out.printf(Locale.ROOT, "%-8s %-22s %,7d %9.5f %9s %9.4f %10.4f%n", l.commodity(), l.model(),
                    l.forecasts(), l.energyScore(), l.energySkill() == null ? "-"
                            : String.format(Locale.ROOT, "%+.1f%%", 100 * l.energySkill()), l.brierUp(), l.brierDown());
        }
    }

    /** The leaderboard lines as JSON objects, each with its commodity and model's whole-path fields. */
    static List<Map<String, Object>> json(List<Evaluation.Line> lines, List<PathScores> paths) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Evaluation.Line l : lines) {
            Map<String, Object> m = MAPPER.convertValue(l, new TypeReference<LinkedHashMap<String, Object>>() {
            });
            PathScores p = paths.stream().filter(s -> s.commodity().equals(l.commodity())
                    && s.model().equals(l.modelVersion())).findFirst().orElse(null);
            m.put("energyScore", p == null ? null : p.energyScore());
            m.put("energySkill", p == null ? null : p.energySkill());
            m.put("brierUp", p == null ? null : p.brierUp());
            m.put("brierDown", p == null ? null : p.brierDown());
            out.add(m);
        }
        return out;
    }
}
