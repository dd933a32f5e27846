package hindcast.spark;

import hindcast.config.Settings;
import hindcast.model.ForecastModel;
import hindcast.model.MarketSeries;
import hindcast.model.TrainFrequency;
import hindcast.plan.TrainedModel;
import org.apache.spark.sql.SparkSession;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Fits each model at each train date T of a schedule on data dated on or before T-1, and stores the fits. */
public final class Trainer {
    private final Settings settings;
    private final MarketStore market;
    private final ModelStore store;
    private final PrintStream out;

    public Trainer(SparkSession spark, Settings settings, PrintStream out) {
        this.settings = settings;
        this.market = new MarketStore(spark, settings);
        this.store = new ModelStore(spark, settings);
        this.out = out;
    }

    /** Returns the number of models fitted now (already stored ones are kept as they are). */
    public int train(String commodity, List<String> modelVersions, TrainFrequency frequency, LocalDate start, LocalDate end) {
        if (!settings.commodities().contains(commodity)) {
            throw new IllegalArgumentException("unknown commodity '" + commodity + "'; configured: " + settings.commodities());
        }
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("--end " + end + " is before --start " + start);
        }
        MarketSeries series = market.load(commodity);
        if (series.size() == 0) {
            throw new IllegalArgumentException("no market data for " + commodity + "; run: scripts/hindcast ingest --commodity "
                    + commodity + " --prices FILE");
        }
        List<LocalDate> schedule = frequency.schedule(start, end);
        int fitted = 0;
        for (String version : modelVersions) {
            ForecastModel model = settings.models().model(version);
            ModelStore.Key key = new ModelStore.Key(commodity, version, frequency.label());
            Set<LocalDate> stored = store.trainDates(key, start, end);
            List<TrainedModel> fits = new ArrayList<>();
            List<LocalDate> tooShort = new ArrayList<>();
            for (LocalDate t : schedule) {
                if (stored.contains(t)) {
                    continue;
                }
                MarketSeries training = series.cutAt(t.minusDays(1));
                if (training.size() < settings.minTrainingRows()) {
                    tooShort.add(t);
                    continue;
                }
                try (var state = model.fit(training)) {
                    fits.add(new TrainedModel(t, state.parameters(), training.size(), state.state()));
                }
            }
            store.insertNew(key, settings.models().spec(version).type(), fits);
            fitted += fits.size();
            out.printf("Trained %s / %s (%s): %d train dates, %d fitted, %d already stored%n",
                    commodity, version, frequency.label(), schedule.size(), fits.size(), stored.size());
            if (!tooShort.isEmpty()) {
                out.printf("  skipped %d train date(s) with fewer than %d observations before them: %s%n",
                        tooShort.size(), settings.minTrainingRows(), abbreviate(tooShort));
            }
        }
        return fitted;
    }

    private static String abbreviate(List<LocalDate> dates) {
        return dates.size() <= 4 ? dates.toString()
                : "[" + dates.get(0) + ", " + dates.get(1) + ", ..., " + dates.get(dates.size() - 1) + "]";
    }
}
