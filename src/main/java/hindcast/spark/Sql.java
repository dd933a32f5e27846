package hindcast.spark;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Literals for the few SQL texts we build (MERGE conditions need literals for file pruning). */
final class Sql {
    private Sql() {
    }

    static String string(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    static String date(LocalDate d) {
        return "DATE'" + d + "'";
    }

    static String strings(Collection<String> values) {
        return values.stream().map(Sql::string).collect(Collectors.joining(", ", "(", ")"));
    }

    /**
     * A condition true when {@code column} is one of the dates: each run of consecutive days as one
     * {@code BETWEEN}. Delta evaluates a replace's condition on every row of the files it may touch and on every
     * new row, where an {@code IN} of a thousand dates is a thousand comparisons a row (a W2 refresh spent about
     * 10 s per unit finding its files that way); stale forecasts come in a few runs of days.
     */
    static String dates(String column, Collection<LocalDate> dates) {
        if (dates.isEmpty()) {
            throw new IllegalArgumentException("no dates for " + column);
        }
        List<LocalDate> sorted = new ArrayList<>(new TreeSet<>(dates));
        List<String> runs = new ArrayList<>();
        for (int i = 0, j; i < sorted.size(); i = j) {
            j = i + 1;
            while (j < sorted.size() && sorted.get(j).equals(sorted.get(j - 1).plusDays(1))) {
                j++;
            }
            runs.add(between(column, sorted.get(i), sorted.get(j - 1)));
        }
        return runs.size() == 1 ? runs.get(0) : runs.stream().collect(Collectors.joining(" OR ", "(", ")"));
    }

    /** The rows of these forecasts of a (commodity, model): what a replace of them overwrites. */
    static String forecasts(String commodity, String modelVersion, Collection<LocalDate> dates) {
        return "commodity = " + string(commodity) + " AND model_version = " + string(modelVersion) + " AND "
                + dates("forecast_start_date", dates);
    }

    private static String between(String column, LocalDate first, LocalDate last) {
        return first.equals(last) ? column + " = " + date(first)
                : column + " BETWEEN " + date(first) + " AND " + date(last);
    }
}
