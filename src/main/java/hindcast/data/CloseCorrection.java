package hindcast.data;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One close of a price file corrected after the fact, as an exchange republishes a settlement: the change the
 * benchmark, the kill campaign and the tests re-ingest. The original file is only read; the corrected copy goes elsewhere.
 */
public record CloseCorrection(LocalDate date, BigDecimal before, BigDecimal after) {
    private static final BigDecimal ONE_PERCENT_UP = new BigDecimal("1.01");

    /**
     * Copies {@code from} (a CSV with date and close columns, optionally high and low) to {@code to}, with the first
     * close dated on or after {@code day} set to the middle of that day's high and low, or 1% higher when the row
     * has no range or its close already is the middle. Decimal arithmetic, so the new text is exact.
     */
    public static CloseCorrection write(Path from, LocalDate day, Path to) throws IOException {
        List<String> lines = Files.readAllLines(from);
        List<String> header = Arrays.stream(lines.get(0).split(",", -1))
                .map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
        int date = header.indexOf("date");
        int close = header.indexOf("close");
        if (date < 0 || close < 0) {
            throw new IllegalArgumentException(from + " has no date and close columns: " + lines.get(0));
        }
        for (int i = 1; i < lines.size(); i++) {
            String[] v = lines.get(i).split(",", -1);
            LocalDate d = LocalDate.parse(v[date].trim());
            if (d.isBefore(day) || v[close].isBlank()) {
                continue;
            }
            BigDecimal before = new BigDecimal(v[close].trim());
            BigDecimal after = middle(v, header.indexOf("high"), header.indexOf("low"));
            if (after == null || after.compareTo(before) == 0) {
                after = before.multiply(ONE_PERCENT_UP);
            }
            v[close] = after.toPlainString();
            lines.set(i, String.join(",", v));
            Files.write(to, lines);
            return new CloseCorrection(d, before, after);
        }
        throw new IllegalArgumentException("no close dated on or after " + day + " in " + from);
    }

    private static BigDecimal middle(String[] v, int high, int low) {
        if (high < 0 || low < 0 || Math.max(high, low) >= v.length || v[high].isBlank() || v[low].isBlank()) {
            return null;
        }
        return new BigDecimal(v[high].trim()).add(new BigDecimal(v[low].trim())).divide(BigDecimal.valueOf(2));
    }
}
