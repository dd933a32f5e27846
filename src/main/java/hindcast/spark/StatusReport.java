package hindcast.spark;

import hindcast.config.Settings;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Backfill state per commodity and model, computed from the tables (no state of its own): of the dates requested,
 * how many are done (stored complete and fresh), stale (stored, but incomplete or made from data or a definition
 * that changed since), rejected and pending; and how many fits are of a changed definition or stale. It reads the
 * forecast index, never the paths.
 */
public final class StatusReport {
    private StatusReport() {
    }

    public record Line(String commodity, String modelVersion, long requested, long done, long stale, long rejected,
                       long pending, long changedFits, long staleFits) {
    }

    public record LastBatch(long batchId, String finishedAt, long forecastsWritten, long rowsWritten,
                            long forecastsRejected, double seconds) {
        public double forecastsPerSecond() {
            return seconds > 0 ? forecastsWritten / seconds : 0;
        }
    }

    public record Report(List<Line> lines, long rejectedRequests, LastBatch lastBatch, Map<String, String> locations) {
    }

    /**
     * SQL common table expressions over the tables: {@code requested}, {@code stored}, {@code done} and
     * {@code rejected}, each (commodity, model_version, d) rows of forecast dates; a date is stored when the index
     * has a forecast of it, done when all its paths are stored (fresh or not: see {@link Staleness}).
     */
    static String forecastDates(Settings s) {
        String tasks = Table.FORECAST_TASKS.sqlName(s);
        String index = Table.FORECAST_INDEX.sqlName(s);
        String errors = Table.TASK_ERRORS.sqlName(s);
        return """
                WITH bad_requests AS (SELECT DISTINCT request_id FROM %3$s WHERE forecast_start_date IS NULL),
                requested AS (
                  SELECT DISTINCT commodity, model_version, d FROM %1$s
                  LATERAL VIEW explode(sequence(start_date, end_date)) x AS d
                  WHERE start_date IS NOT NULL AND end_date >= start_date AND datediff(end_date, start_date) < %4$d
                    AND %6$s NOT IN (SELECT request_id FROM bad_requests)),
                stored AS (SELECT commodity, model_version, forecast_start_date AS d, paths FROM %2$s),
                done AS (SELECT commodity, model_version, d FROM stored WHERE paths = %5$d),
                rejected AS (
                  SELECT DISTINCT commodity, model_version, forecast_start_date AS d FROM %3$s
                  WHERE forecast_start_date IS NOT NULL)
                """.formatted(tasks, index, errors, s.forecast().maxRequestDays(), s.forecast().paths(), TaskRow.REQUEST_ID);
    }

    public static Report build(Warehouse warehouse) {
        SparkSession spark = warehouse.spark();
        Settings s = warehouse.settings();
        String errors = Table.TASK_ERRORS.sqlName(s);
        String sql = forecastDates(s) + """
                SELECT r.commodity, r.model_version, count(*) AS requested,
                       count(st.d) AS stored, count(IF(st.d IS NULL, rj.d, NULL)) AS rejected
                FROM requested r
                LEFT JOIN stored st ON r.commodity = st.commodity AND r.model_version = st.model_version AND r.d = st.d
                LEFT JOIN rejected rj ON r.commodity = rj.commodity AND r.model_version = rj.model_version AND r.d = rj.d
                GROUP BY r.commodity, r.model_version ORDER BY r.commodity, r.model_version
                """;
        Staleness staleness = new Staleness(warehouse);
        Map<String, Map<String, Staleness.Counts>> stale = new HashMap<>();
        List<Line> lines = new ArrayList<>();
        for (Row r : spark.sql(sql).collectAsList()) {
            long requested = r.getLong(2);
            long stored = r.getLong(3);
            long rejected = r.getLong(4);
            Staleness.Counts c = stale.computeIfAbsent(r.getString(0), staleness::of)
                    .getOrDefault(r.getString(1), Staleness.Counts.NONE);
            lines.add(new Line(r.getString(0), r.getString(1), requested, stored - c.forecasts(), c.forecasts(),
                    rejected, requested - stored - rejected, c.changedFits(), c.staleFits()));
        }
        long badRequests = spark.sql("SELECT count(DISTINCT request_id) FROM " + errors
                + " WHERE forecast_start_date IS NULL").first().getLong(0);
        List<Row> last = spark.sql("SELECT batch_id, finished_at, forecasts_written, rows_written, forecasts_rejected, "
                + "seconds FROM " + Table.BATCH_LOG.sqlName(s) + " ORDER BY finished_at DESC LIMIT 1")
                .collectAsList();
        LastBatch lastBatch = last.isEmpty() ? null : new LastBatch(last.get(0).getLong(0), last.get(0).<Instant>getAs(1).toString(),
                last.get(0).getLong(2), last.get(0).getLong(3), last.get(0).getLong(4), last.get(0).getDouble(5));
        Map<String, String> locations = new LinkedHashMap<>();
        for (Table t : Table.values()) {
            locations.put(t.name(s), t.location(s));
        }
        locations.put("checkpoint", s.stream().checkpoint());
        locations.put("evaluation checkpoint", s.stream().evaluationCheckpoint());
        return new Report(lines, badRequests, lastBatch, locations);
    }
}
