package hindcast.report;

import java.time.LocalDate;
import java.util.Locale;

/** Text for people: counts, values and dates, the same on every machine (Locale.ROOT, fixed month names). */
final class Fmt {
    private static final String[] MONTHS =
            {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    private Fmt() {
    }

    static String str(String s) {
        return s == null ? "" : s;
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** Four significant digits, enough to compare models without pretending to more precision. */
    static String sig(double v) {
        if (!Double.isFinite(v)) {
            return "–";
        }
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-3 || a >= 1e7)) {
            return String.format(Locale.ROOT, "%.3e", v);
        }
        int decimals = a == 0 ? 0 : Math.max(0, 3 - (int) Math.floor(Math.log10(a)));
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    static String pct(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    static String date(LocalDate d) {
        return d == null ? "–" : d.toString();
    }

    static String month(int monthOfYear) {
        return MONTHS[monthOfYear - 1];
    }
}
