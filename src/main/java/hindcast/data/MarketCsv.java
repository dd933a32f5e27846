package hindcast.data;

import static hindcast.data.MarketColumns.CLOSE;
import static hindcast.data.MarketColumns.COVARIATES;
import static hindcast.data.MarketColumns.DATE;
import static hindcast.data.MarketColumns.HIGH;
import static hindcast.data.MarketColumns.LOW;
import static hindcast.data.MarketColumns.OPEN;
import static hindcast.data.MarketColumns.VOLUME;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Parses market price and covariate CSV files into canonical records; see {@link InputException} for errors. */
public final class MarketCsv {
    /** Source column names that mean a canonical covariate (FRED series ids, Open-Meteo daily variables). */
    private static final Map<String, String> ALIASES = Map.of(
            "DEXBZUS", "usd_brl",
            "VIXCLS", "vix",
            "temperature_2m_mean", "temp_mean_c",
            "temperature_2m_max", "temp_max_c",
            "temperature_2m_min", "temp_min_c",
            "precipitation_sum", "precipitation_mm",
            "relative_humidity_2m_mean", "humidity_mean_pct");

    private MarketCsv() {
    }

    /**
     * Reads a price file, detecting the format from the header: ICE first-five settles (close = c1_settle,
     * high/low = c1_high/c1_low, volume = total_volume, no open), or a plain {@code date,close[,...]} file
     * whose optional open/high/low/volume and canonical covariate columns are read and other columns
     * ignored (Yahoo's date,open,high,low,close,volume is such a file). Rows with an empty close are skipped
     * and counted. Returns the records sorted by date.
     */
    public static PriceFile readPrices(Path file) {
        try (CsvReader csv = CsvReader.open(file)) {
            PriceColumns cols = PriceColumns.of(csv);
            List<MarketRecord> records = new ArrayList<>();
            Map<LocalDate, Long> firstLine = new HashMap<>();
            int skipped = 0;
            for (String[] row = csv.next(); row != null; row = csv.next()) {
                LocalDate date = uniqueDate(csv, row, cols.date, firstLine);
                double close = price(csv, row, cols.close);
                if (Double.isNaN(close)) {
                    skipped++;
                    continue;
                }
                double volume = optional(csv, row, cols.volume);
                if (volume < 0) {
                    throw csv.error("column '" + csv.header().get(cols.volume) + "' must be >= 0, found "
                            + row[cols.volume].trim());
                }
                double[] covariates = new double[COVARIATES.size()];
                for (int i = 0; i < covariates.length; i++) {
                    covariates[i] = optional(csv, row, cols.covariates[i]);
                }
                records.add(new MarketRecord(date, close, price(csv, row, cols.open), price(csv, row, cols.high),
                        price(csv, row, cols.low), volume, covariates));
            }
            records.sort(Comparator.comparing(MarketRecord::date));
            return new PriceFile(records, skipped);
        }
    }

    /**
     * Reads a covariate file: FRED (date,DEXBZUS or date,VIXCLS), Open-Meteo daily exports (long, with a
     * location column and midnight-UTC timestamps, or short) or plain {@code date,<canonical names...>}.
     * Source names are mapped to canonical ones (see {@link MarketColumns#COVARIATES}); other columns are
     * ignored. Blank cells are missing values. A file with daily maximum and minimum temperatures but no mean
     * (Open-Meteo's short export) gets {@code temp_mean_c = (max + min) / 2}, the climatological daily mean.
     */
    public static CovariateSeries readCovariates(Path file) {
        try (CsvReader csv = CsvReader.open(file)) {
            int dateCol = csv.requireColumn(DATE);
            Map<String, Integer> cols = covariateColumns(csv);
            int[] colIndex = cols.values().stream().mapToInt(Integer::intValue).toArray();
            List<Row> rows = new ArrayList<>();
            Map<LocalDate, Long> firstLine = new HashMap<>();
            for (String[] cells = csv.next(); cells != null; cells = csv.next()) {
                double[] values = new double[colIndex.length];
                for (int k = 0; k < values.length; k++) {
                    values[k] = csv.number(cells, colIndex[k]);
                }
                rows.add(new Row(uniqueDate(csv, cells, dateCol, firstLine), values));
            }
            rows.sort(Comparator.comparing(Row::date));
            Map<String, CovariateSeries.Column> columns = new LinkedHashMap<>();
            int k = 0;
            for (String name : cols.keySet()) {
                columns.put(name, column(rows, k++));
            }
            List<String> names = List.copyOf(cols.keySet());
            if (!columns.containsKey("temp_mean_c") && names.contains("temp_max_c") && names.contains("temp_min_c")) {
                int max = names.indexOf("temp_max_c");
                int min = names.indexOf("temp_min_c");
                List<Row> means = rows.stream()
                        .map(r -> new Row(r.date, new double[] {(r.values[max] + r.values[min]) / 2}))
                        .toList();
                columns.put("temp_mean_c", column(means, 0));
            }
            Map<String, CovariateSeries.Column> ordered = new LinkedHashMap<>();
            COVARIATES.stream().filter(columns::containsKey).forEach(name -> ordered.put(name, columns.get(name)));
            return new CovariateSeries(file, ordered);
        }
    }

    private record Row(LocalDate date, double[] values) {
    }

    /** The non-missing values of covariate k, in date order. */
    private static CovariateSeries.Column column(List<Row> rows, int k) {
        int n = 0;
        for (Row row : rows) {
            n += Double.isNaN(row.values[k]) ? 0 : 1;
        }
        int[] days = new int[n];
        double[] values = new double[n];
        int j = 0;
        for (Row row : rows) {
            if (!Double.isNaN(row.values[k])) {
                days[j] = (int) row.date.toEpochDay();
                values[j++] = row.values[k];
            }
        }
        return new CovariateSeries.Column(days, values);
    }

    /** Canonical covariate name to column index, in canonical order. */
    private static Map<String, Integer> covariateColumns(CsvReader csv) {
        Map<String, Integer> found = new HashMap<>();
        for (int col = 0; col < csv.header().size(); col++) {
            String source = csv.header().get(col);
            String name = COVARIATES.contains(source) ? source : ALIASES.get(source);
            if (name == null) {
                continue;
            }
            Integer other = found.putIfAbsent(name, col);
            if (other != null) {
                throw new InputException(csv.file(), 1, "columns '" + csv.header().get(other) + "' and '" + source
                        + "' both give covariate '" + name + "'");
            }
        }
        if (found.isEmpty()) {
            throw new InputException(csv.file(), 1, "no covariate columns (expected any of " + COVARIATES
                    + " or " + new TreeSet<>(ALIASES.keySet()) + "; header has: " + String.join(", ", csv.header())
                    + ")");
        }
        Map<String, Integer> ordered = new LinkedHashMap<>();
        for (String name : COVARIATES) {
            if (found.containsKey(name)) {
                ordered.put(name, found.get(name));
            }
        }
        return ordered;
    }

    private static LocalDate uniqueDate(CsvReader csv, String[] row, int col, Map<LocalDate, Long> firstLine) {
        LocalDate date = csv.date(row, col);
        Long first = firstLine.putIfAbsent(date, csv.line());
        if (first != null) {
            throw csv.error("duplicate date " + date + " (first on line " + first + ")");
        }
        return date;
    }

    /** A cell's number; NaN when the column is absent (col < 0) or the cell blank. */
    private static double optional(CsvReader csv, String[] row, int col) {
        return col < 0 ? Double.NaN : csv.number(row, col);
    }

    /** A price cell: NaN when absent or blank, otherwise it must be positive. */
    private static double price(CsvReader csv, String[] row, int col) {
        double v = optional(csv, row, col);
        if (v <= 0) {
            throw csv.error("column '" + csv.header().get(col) + "' must be > 0, found " + row[col].trim());
        }
        return v;
    }

    /** Column indexes of a price file; -1 when absent. */
    private record PriceColumns(int date, int close, int open, int high, int low, int volume, int[] covariates) {
        static PriceColumns of(CsvReader csv) {
            if (csv.column("c1_settle") >= 0) {
                // ICE first-five table: the nearby contract's settle and range, volume over all contracts.
                int[] none = COVARIATES.stream().mapToInt(name -> -1).toArray();
                return new PriceColumns(csv.requireColumn(DATE), csv.requireColumn("c1_settle"), -1,
                        csv.requireColumn("c1_high"), csv.requireColumn("c1_low"), csv.requireColumn("total_volume"),
                        none);
            }
            int[] covariates = COVARIATES.stream().mapToInt(csv::column).toArray();
            return new PriceColumns(csv.requireColumn(DATE), csv.requireColumn(CLOSE), csv.column(OPEN),
                    csv.column(HIGH), csv.column(LOW), csv.column(VOLUME), covariates);
        }
    }
}
