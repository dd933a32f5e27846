package hindcast.cli;

import hindcast.model.Horizon;
import hindcast.score.Significance;
import hindcast.spark.Evaluation;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** The evaluation leaderboard as a console table (evaluate, demo). */
final class Leaderboard {
    private Leaderboard() {
    }

    static void print(List<Evaluation.Line> lines, PrintStream out) {
        if (lines.isEmpty()) {
            out.println("No forecast has its realised prices yet (they need the " + Horizon.DAYS
                    + " days from D in the market table).");
            return;
        }
        out.printf(Locale.ROOT, "%-8s %-22s %3s %7s %9s %9s %7s %9s %10s %6s %6s %9s %6s %6s %6s %15s%n",
                "commodity", "model", "h", "n", "MAE", "RMSE", "MAPE", "CRPS", "CRPS skill", "cov80", "cov95",
                "width95", "dir", "DM", "p", "skill 90%");
        for (Evaluation.Line l : lines) {
            out.printf(Locale.ROOT,
                    "%-8s %-22s %3d %,7d %9.3f %9.3f %6.2f%% %9.3f %10s %6.3f %6.3f %9.3f %6.3f %6s %6s %15s%n",
                    l.commodity(), l.modelVersion(), l.horizon(), l.forecasts(), l.mae(), l.rmse(), 100 * l.mape(),
                    l.crps(), l.crpsSkill() == null ? "-" : String.format(Locale.ROOT, "%+.1f%%", 100 * l.crpsSkill()),
                    l.coverage80(), l.coverage95(), l.width95(), l.directional(),
                    l.dmStat() == null ? "-" : String.format(Locale.ROOT, "%+.2f", l.dmStat()), p(l.dmPValue()),
                    l.crpsSkillLow() == null ? "-" : String.format(Locale.ROOT, "[%+.1f,%+.1f]%%",
                            100 * l.crpsSkillLow(), 100 * l.crpsSkillHigh()));
        }
    }

    /** The Diebold–Mariano p-value, with a star when significant. */
    private static String p(Double p) {
        if (p == null) {
            return "-";
        }
        return (p < 0.001 ? "<.001" : String.format(Locale.ROOT, "%.3f", p)) + (p < Significance.ALPHA ? "*" : "");
    }
}
