package hindcast.chaos;

import hindcast.config.Settings;
import hindcast.model.Horizon;
import hindcast.spark.Table;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The killed installation's tables against the uninterrupted one's, with Spark SQL over the Delta
 * directories: the same keys, every forecast with exactly paths 1..P, no duplicate key, every day_k
 * bit-identical (compared as the float's raw bits, so even -0.0 against 0.0 or two NaNs would count) and the
 * same train_date and fingerprint, per row through a full outer join on the key and as multisets through EXCEPT ALL both
 * ways; the same forecast_index rows and the same task_errors (request_id, commodity, model_version,
 * forecast_start_date, error_kind, reason) as multisets. Generation timestamps differ by nature and are not
 * compared.
 */
public record Comparison(int paths, long rows, long forecasts, long killedRows, long killedForecasts, long matchedRows,
                         long onlyUninterrupted, long onlyKilled, long valueDifferences,
                         long duplicateKeys, long killedDuplicateKeys, long badForecasts, long killedBadForecasts,
                         long exceptAll, long killedExceptAll, long indexRows, long killedIndexRows,
                         long indexOnlyUninterrupted, long indexOnlyKilled, long errors, long killedErrors,
                         long errorsOnlyUninterrupted, long errorsOnlyKilled, List<String> examples) {

    static final String KEY = "commodity, model_version, forecast_start_date, path_id";
    private static final String INDEX_COLUMNS = "commodity, model_version, forecast_start_date, train_date, "
            + "fingerprint, paths";
    private static final String BITS = "hindcast_float_bits";

    /** Rows (and index and task_errors rows) found different, by all the measures together; 0 when the tables agree. */
    public long differingRows() {
        return onlyUninterrupted + onlyKilled + valueDifferences + duplicateKeys + killedDuplicateKeys + badForecasts
                + killedBadForecasts + exceptAll + killedExceptAll + indexOnlyUninterrupted + indexOnlyKilled
                + errorsOnlyUninterrupted + errorsOnlyKilled;
    }

    /** What differs, one line each; empty when the tables agree. */
    public List<String> differences() {
        List<String> d = new ArrayList<>();
        add(d, onlyUninterrupted, "rows only in the uninterrupted run's distributions");
        add(d, onlyKilled, "rows only in the killed run's distributions");
        add(d, valueDifferences, "rows with the same key and different values");
        add(d, duplicateKeys, "duplicate keys in the uninterrupted run's distributions");
        add(d, killedDuplicateKeys, "duplicate keys in the killed run's distributions");
        add(d, badForecasts, "forecasts of the uninterrupted run without exactly paths 1.." + paths);
        add(d, killedBadForecasts, "forecasts of the killed run without exactly paths 1.." + paths);
        add(d, exceptAll, "rows of the uninterrupted run's distributions EXCEPT ALL the killed run's");
        add(d, killedExceptAll, "rows of the killed run's distributions EXCEPT ALL the uninterrupted run's");
        add(d, indexOnlyUninterrupted, "forecast_index rows only in the uninterrupted run (EXCEPT ALL)");
        add(d, indexOnlyKilled, "forecast_index rows only in the killed run (EXCEPT ALL)");
        add(d, errorsOnlyUninterrupted, "task_errors rows only in the uninterrupted run (EXCEPT ALL)");
        add(d, errorsOnlyKilled, "task_errors rows only in the killed run (EXCEPT ALL)");
        if (!d.isEmpty()) {
            examples.forEach(e -> d.add("  e.g. " + e));
        }
        return d;
    }

    private static void add(List<String> out, long n, String what) {
        if (n != 0) {
            out.add(String.format(Locale.ROOT, "%,d %s", n, what));
        }
    }

    /**
     * Compares the tables of two installations: {@code uninterrupted} is the reference, {@code killed} the
     * installation that was killed and restarted.
     */
    public static Comparison of(SparkSession spark, int paths, Settings uninterrupted, Settings killed) {
        spark.udf().register(BITS, (UDF1<Float, Integer>) v -> v == null ? null : Float.floatToRawIntBits(v),
                DataTypes.IntegerType);
        String u = table(Table.DISTRIBUTIONS.location(uninterrupted));
        String k = table(Table.DISTRIBUTIONS.location(killed));
        Row shapeU = shape(spark, u, paths);
        Row shapeK = shape(spark, k, paths);

        String same = IntStream.rangeClosed(1, Horizon.DAYS).mapToObj(i -> BITS + "(u.day_" + i + ") <=> " + BITS + "(k.day_" + i + ")")
                .collect(Collectors.joining(" AND "))
                + " AND u.data_cutoff_date <=> k.data_cutoff_date AND u.is_actuals <=> k.is_actuals"
                + " AND u.has_data_leakage <=> k.has_data_leakage AND u.train_date <=> k.train_date"
                + " AND u.fingerprint <=> k.fingerprint";
        String join = "(SELECT *, true AS present FROM " + u + ") u FULL OUTER JOIN (SELECT *, true AS present FROM "
                + k + ") k ON u.commodity = k.commodity AND u.model_version = k.model_version"
                + " AND u.forecast_start_date = k.forecast_start_date AND u.path_id = k.path_id";
        Row j = spark.sql("SELECT count_if(u.present AND k.present IS NULL), count_if(k.present AND u.present IS NULL), "
                + "count_if(u.present AND k.present), count_if(u.present AND k.present AND NOT (" + same + ")) FROM "
                + join).first();

        String errorColumns = "request_id, commodity, model_version, forecast_start_date, error_kind, reason";
        String eu = "SELECT " + errorColumns + " FROM " + table(Table.TASK_ERRORS.location(uninterrupted));
        String ek = "SELECT " + errorColumns + " FROM " + table(Table.TASK_ERRORS.location(killed));
        String iu = "SELECT " + INDEX_COLUMNS + " FROM " + table(Table.FORECAST_INDEX.location(uninterrupted));
        String ik = "SELECT " + INDEX_COLUMNS + " FROM " + table(Table.FORECAST_INDEX.location(killed));

        List<String> examples = new ArrayList<>();
        long differing = j.getLong(3);
        long onlyU = j.getLong(0);
        long onlyK = j.getLong(1);
        if (differing + onlyU + onlyK > 0) {
            for (Row r : spark.sql("SELECT coalesce(u.commodity, k.commodity), coalesce(u.model_version, k.model_version), "
                    + "coalesce(u.forecast_start_date, k.forecast_start_date), coalesce(u.path_id, k.path_id), "
                    + "u.present, k.present, u.day_1, k.day_1, u.day_" + Horizon.DAYS + ", k.day_" + Horizon.DAYS + " FROM " + join
                    + " WHERE u.present IS NULL OR k.present IS NULL OR NOT (" + same + ") LIMIT 10").collectAsList()) {
                String key = r.get(0) + "/" + r.get(1) + "/" + r.get(2) + "/path " + r.get(3);
                examples.add(r.isNullAt(4) ? "only in the killed run: " + key
                        : r.isNullAt(5) ? "only in the uninterrupted run: " + key
                        : "values differ at " + key + ": day_1 " + r.get(6) + " vs " + r.get(7) + ", day_" + Horizon.DAYS + " " + r.get(8)
                        + " vs " + r.get(9));
            }
        }
        long indexOnlyU = onlyIn(spark, iu, ik, "forecast_index row only in the uninterrupted run: ", examples);
        long indexOnlyK = onlyIn(spark, ik, iu, "forecast_index row only in the killed run: ", examples);
        long errorsOnlyU = onlyIn(spark, eu, ek, "task_errors row only in the uninterrupted run: ", examples);
        long errorsOnlyK = onlyIn(spark, ek, eu, "task_errors row only in the killed run: ", examples);
        return new Comparison(paths, shapeU.getLong(1), shapeU.getLong(0), shapeK.getLong(1), shapeK.getLong(0),
                j.getLong(2), onlyU, onlyK, differing,
                duplicates(spark, u), duplicates(spark, k), shapeU.getLong(2), shapeK.getLong(2),
                count(spark, "(" + exact(u) + ") EXCEPT ALL (" + exact(k) + ")"),
                count(spark, "(" + exact(k) + ") EXCEPT ALL (" + exact(u) + ")"),
                count(spark, iu), count(spark, ik), indexOnlyU, indexOnlyK,
                count(spark, eu), count(spark, ek), errorsOnlyU, errorsOnlyK, List.copyOf(examples));
    }

    /**
     * What a crash must never leave behind in a distributions table, since a forecast is written (or replaced)
     * by one commit: forecasts neither complete nor absent ({@code broken}: not exactly {@code paths} rows) and
     * forecasts with rows of two writes ({@code mixed}: more than one fingerprint or generation_timestamp).
     */
    public record Damage(long broken, long mixed) {
        public static Damage of(SparkSession spark, String distributions, int paths) {
            Row r = spark.sql("SELECT count_if(n != " + paths + "), count_if(fingerprints > 1 OR generations > 1) FROM ("
                    + "SELECT count(*) AS n, count(DISTINCT coalesce(fingerprint, '')) AS fingerprints, count(DISTINCT "
                    + "generation_timestamp) AS generations FROM " + table(distributions) + " WHERE NOT is_actuals"
                    + " GROUP BY commodity, model_version, forecast_start_date)").first();
            return new Damage(r.getLong(0), r.getLong(1));
        }
    }

    static long rows(SparkSession spark, String distributions) {
        return count(spark, "SELECT 1 FROM " + table(distributions));
    }

    /** forecasts, rows, forecasts without exactly paths 1..P (given no duplicate keys). */
    private static Row shape(SparkSession spark, String t, int paths) {
        return spark.sql("SELECT count(*), coalesce(sum(n), 0), count_if(n != " + paths + " OR lo != 1 OR hi != " + paths
                + ") FROM (SELECT count(*) AS n, min(path_id) AS lo, max(path_id) AS hi FROM " + t
                + " GROUP BY commodity, model_version, forecast_start_date)").first();
    }

    private static long duplicates(SparkSession spark, String t) {
        return count(spark, "SELECT 1 FROM " + t + " GROUP BY " + KEY + " HAVING count(*) > 1");
    }

    /** Rows of query {@code a} missing from {@code b} (with multiplicity); up to 5 of them go to {@code examples}. */
    private static long onlyIn(SparkSession spark, String a, String b, String label, List<String> examples) {
        String diff = "(" + a + ") EXCEPT ALL (" + b + ")";
        long n = count(spark, diff);
        if (n > 0) {
            for (Row r : spark.sql(diff + " LIMIT 5").collectAsList()) {
                examples.add(label + r.mkString("|"));
            }
        }
        return n;
    }

    /** A row as what must be identical: the key, the dates, flags, fit and fingerprint, and the raw bits of every day. */
    private static String exact(String t) {
        return "SELECT " + KEY + ", data_cutoff_date, is_actuals, has_data_leakage, train_date, fingerprint, "
                + IntStream.rangeClosed(1, Horizon.DAYS).mapToObj(i -> BITS + "(day_" + i + ")").collect(Collectors.joining(", "))
                + " FROM " + t;
    }

    static long count(SparkSession spark, String query) {
        return spark.sql("SELECT count(*) FROM (" + query + ")").first().getLong(0);
    }

    static String table(String location) {
        return "delta.`" + location.replace("`", "``") + "`";
    }
}
