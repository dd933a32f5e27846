package hindcast.spark;

import hindcast.config.Settings;
import hindcast.model.MarketSeries;
import hindcast.report.ReportData;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Gathers {@link ReportData} from the tables: a few aggregate queries, small results. */
public final class ReportQueries {
    private static final double[] FAN_LEVELS = {0.025, 0.10, 0.25, 0.50, 0.75, 0.90, 0.975};

    private final SparkSession spark;
    private final Settings settings;
    private final MarketStore market;

    ReportQueries(SparkSession spark, Settings settings, MarketStore market) {
        this.spark = spark;
        this.settings = settings;
        this.market = market;
    }

    /** The latest forecast date stored, or null when distributions is empty. */
    public LocalDate latestForecastDate() {
        return spark.sql("SELECT max(forecast_start_date) FROM " + table(Table.DISTRIBUTIONS) + " WHERE path_id = 1")
                .first().getAs(0);
    }

    /** Fan charts for forecast dates in [from, to] at {@code horizon}; evaluation sections over everything scored. */
    public ReportData gather(int horizon, LocalDate from, LocalDate to) {
        WholePaths paths = new WholePaths(spark, settings);
        Evaluation.Scope everything = new Evaluation.Scope(List.of(), List.of(), LocalDate.of(1, 1, 1),
                LocalDate.of(9999, 12, 31), List.of());
        return new ReportData(Instant.now(), horizon, from, to, fans(horizon, from, to), crps(), calibration(), pits(),
                backfill(), rejections(), freshness(), skill(),
                paths.lines(everything), paths.reliability());
    }

    private List<ReportData.Fan> fans(int horizon, LocalDate from, LocalDate to) {
        StringBuilder levels = new StringBuilder();
        for (double l : FAN_LEVELS) {
            levels.append(levels.length() > 0 ? ", " : "").append(l);
        }
        Map<String, List<ReportData.FanPoint>> byKey = new LinkedHashMap<>();
        MarketCache markets = new MarketCache(market);
        for (Row r : spark.sql("SELECT commodity, model_version, forecast_start_date, percentile(CAST(day_" + horizon
                + " AS DOUBLE), array(" + levels + ")) FROM " + table(Table.DISTRIBUTIONS)
                + " WHERE path_id BETWEEN 1 AND " + settings.forecast().paths() + " AND forecast_start_date BETWEEN "
                + Sql.date(from) + " AND " + Sql.date(to)
                + " GROUP BY 1, 2, 3 ORDER BY 1, 2, 3").collectAsList()) {
            String commodity = r.getString(0);
            LocalDate d = r.getAs(2);
            LocalDate target = d.plusDays(horizon - 1);
            MarketSeries s = markets.get(commodity);
            Double actual = null;
            if (s.size() > 0 && !s.lastDate().isBefore(target)) {
                int i = s.indexOnOrBefore(target);
                actual = i >= 0 ? s.close(i) : null;
            }
            List<Double> q = r.getList(3);
            byKey.computeIfAbsent(commodity + "\u0000" + r.getString(1), k -> new ArrayList<>())
                    .add(new ReportData.FanPoint(d, target, q.get(0), q.get(1), q.get(2), q.get(3), q.get(4), q.get(5),
                            q.get(6), actual));
        }
        List<ReportData.Fan> fans = new ArrayList<>();
        byKey.forEach((k, points) -> {
            String[] parts = k.split("\u0000");
            fans.add(new ReportData.Fan(parts[0], parts[1], points));
        });
        return fans;
    }

    private List<ReportData.HorizonCrps> crps() {
        List<ReportData.HorizonCrps> out = new ArrayList<>();
        for (Row r : spark.sql("SELECT commodity, model_version, horizon, avg(crps), count(*) FROM "
                + table(Table.FORECAST_METRICS) + " GROUP BY 1, 2, 3 ORDER BY 1, 2, 3").collectAsList()) {
            out.add(new ReportData.HorizonCrps(r.getString(0), r.getString(1), r.getInt(2), r.getDouble(3), r.getLong(4)));
        }
        return out;
    }

    private List<ReportData.Calibration> calibration() {
        List<ReportData.Calibration> out = new ArrayList<>();
        for (Row r : spark.sql("SELECT commodity, model_version, avg(IF(in_50, 1D, 0D)), avg(IF(in_80, 1D, 0D)), "
                + "avg(IF(in_95, 1D, 0D)), count(*) FROM " + table(Table.FORECAST_METRICS)
                + " GROUP BY 1, 2 ORDER BY 1, 2").collectAsList()) {
            double[] nominal = {0.50, 0.80, 0.95};
            for (int i = 0; i < nominal.length; i++) {
                out.add(new ReportData.Calibration(r.getString(0), r.getString(1), nominal[i], r.getDouble(2 + i),
                        r.getLong(5)));
            }
        }
        return out;
    }

    private List<ReportData.PitHistogram> pits() {
        Map<String, long[]> bins = new LinkedHashMap<>();
        for (Row r : spark.sql("SELECT commodity, model_version, least(CAST(floor(pit * 10) AS INT), 9), count(*) FROM "
                + table(Table.FORECAST_METRICS) + " GROUP BY 1, 2, 3 ORDER BY 1, 2, 3").collectAsList()) {
            bins.computeIfAbsent(r.getString(0) + "\u0000" + r.getString(1), k -> new long[10])[r.getInt(2)] = r.getLong(3);
        }
        List<ReportData.PitHistogram> out = new ArrayList<>();
        bins.forEach((k, v) -> {
            String[] parts = k.split("\u0000");
            out.add(new ReportData.PitHistogram(parts[0], parts[1], v));
        });
        return out;
    }

    private List<ReportData.BackfillMonth> backfill() {
        List<ReportData.BackfillMonth> out = new ArrayList<>();
        for (Row r : spark.sql(StatusReport.forecastDates(settings) + """
                SELECT r.commodity, r.model_version, date_format(r.d, 'yyyy-MM'), count(*), count(dn.d)
                FROM requested r
                LEFT JOIN done dn ON r.commodity = dn.commodity AND r.model_version = dn.model_version AND r.d = dn.d
                GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
                """).collectAsList()) {
            out.add(new ReportData.BackfillMonth(r.getString(0), r.getString(1), YearMonth.parse(r.getString(2)),
                    r.getLong(4), r.getLong(3)));
        }
        return out;
    }

    private List<ReportData.Rejections> rejections() {
        List<ReportData.Rejections> out = new ArrayList<>();
        for (Row r : spark.sql("SELECT coalesce(commodity, '-'), coalesce(model_version, '-'), error_kind, count(*) FROM "
                + table(Table.TASK_ERRORS) + " GROUP BY 1, 2, 3 ORDER BY 1, 2, 3").collectAsList()) {
            out.add(new ReportData.Rejections(r.getString(0), r.getString(1), r.getString(2), r.getLong(3)));
        }
        return out;
    }

    private List<ReportData.Freshness> freshness() {
        List<ReportData.Freshness> out = new ArrayList<>();
        for (Row r : spark.sql(StatusReport.forecastDates(settings)
                + "SELECT commodity, model_version, max(d), count(*) FROM done GROUP BY 1, 2 ORDER BY 1, 2")
                .collectAsList()) {
            out.add(new ReportData.Freshness(r.getString(0), r.getString(1), r.getAs(2), r.getLong(3)));
        }
        return out;
    }

    /** Every model's CRPS skill against naive per horizon, with its interval and DM p-value, over everything scored. */
    private List<ReportData.HorizonSkill> skill() {
        List<ReportData.HorizonSkill> out = new ArrayList<>();
        PairedCrps.againstNaive(spark, table(Table.FORECAST_METRICS), "TRUE").forEach((cell, s) ->
                out.add(new ReportData.HorizonSkill(cell.commodity(), cell.model(), cell.horizon(), s.crpsSkill(),
                        s.crpsSkillLow(), s.crpsSkillHigh(), s.dmPValue())));
        return out;
    }

    private String table(Table table) {
        return table.sqlName(settings);
    }
}
