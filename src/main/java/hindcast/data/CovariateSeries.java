package hindcast.data;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Date-sorted covariate values from one file: for each canonical name it has, parallel arrays of dates and
 * values (blank cells skipped, so every stored value is real).
 */
public final class CovariateSeries {
    /** One covariate's observations, ascending by epoch day. */
    record Column(int[] epochDays, double[] values) {
    }

    private final Path file;
    private final Map<String, Column> columns;

    CovariateSeries(Path file, Map<String, Column> columns) {
        this.file = file;
        this.columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    }

    public Path file() {
        return file;
    }

    /** Canonical covariate names in this file, in {@link MarketColumns#COVARIATES} order. */
    public Set<String> names() {
        return columns.keySet();
    }

    /**
     * The value at the latest date on or before {@code d}, if that date is at most {@code maxAgeDays}
     * calendar days before {@code d}; otherwise NaN. Never looks past {@code d}.
     */
    public double asOf(String name, LocalDate d, int maxAgeDays) {
        if (maxAgeDays < 0) {
            throw new IllegalArgumentException("maxAgeDays must be >= 0: " + maxAgeDays);
        }
        Column c = column(name);
        int day = (int) d.toEpochDay();
        int i = Arrays.binarySearch(c.epochDays, day);
        if (i < 0) {
            i = -i - 2; // the last date before d
        }
        return i >= 0 && day - c.epochDays[i] <= maxAgeDays ? c.values[i] : Double.NaN;
    }

    /** The dates that have a value for {@code name}, ascending. */
    public List<LocalDate> dates(String name) {
        return Arrays.stream(column(name).epochDays).mapToObj(LocalDate::ofEpochDay).toList();
    }

    /** The values for {@code name}, parallel to {@link #dates(String)}. */
    public double[] values(String name) {
        return column(name).values.clone();
    }

    private Column column(String name) {
        Column c = columns.get(name);
        if (c == null) {
            throw new IllegalArgumentException(file + " has no covariate '" + name + "' (it has " + names() + ")");
        }
        return c;
    }
}
