package hindcast.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import hindcast.config.Settings;
import hindcast.plan.TrainedModel;
import io.delta.tables.DeltaMergeBuilder;
import io.delta.tables.DeltaTable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/** The {@code trained_models} table, keyed by (commodity, model_version, train_frequency, train_date). */
public final class ModelStore {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SparkSession spark;
    private final Settings settings;

    public ModelStore(SparkSession spark, Settings settings) {
        this.spark = spark;
        this.settings = settings;
    }

    public record Key(String commodity, String modelVersion, String trainFrequency) {
    }

    /** Fits stored for the key with train dates in [from, to]. */
    public NavigableMap<LocalDate, TrainedModel> load(Key key, LocalDate from, LocalDate to) {
        NavigableMap<LocalDate, TrainedModel> out = new TreeMap<>();
        for (Row r : select(key, from, to).select("train_date", "parameters", "training_rows", "state").collectAsList()) {
            LocalDate t = r.getAs(0);
            out.put(t, new TrainedModel(t, parseParameters(r.getString(1)), r.getInt(2), r.getAs(3)));
        }
        return out;
    }

    public Set<LocalDate> trainDates(Key key, LocalDate from, LocalDate to) {
        Set<LocalDate> out = new TreeSet<>();
        for (Row r : select(key, from, to).select("train_date").collectAsList()) {
            out.add(r.getAs(0));
        }
        return out;
    }

    /** Inserts fits whose key is not stored yet: re-running training never changes a stored model. */
    public void insertNew(Key key, String modelType, List<TrainedModel> models) {
        if (models.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        List<Row> rows = new ArrayList<>();
        for (TrainedModel m : models) {
            rows.add(RowFactory.create(key.commodity(), key.modelVersion(), key.trainFrequency(), m.trainDate(),
                    modelType, toJson(m.parameters()), m.state(), m.trainingRows(), m.trainDate().minusDays(1), now));
        }
        var source = spark.createDataFrame(rows, Tables.schema(spark, settings, "trained-models"));
        DeltaMergeBuilder merge = DeltaTable.forPath(spark, settings.tableLocation("trained-models")).as("t")
                .merge(source.as("s"), "t.commodity = s.commodity AND t.model_version = s.model_version"
                        + " AND t.train_frequency = s.train_frequency AND t.train_date = s.train_date")
                .whenNotMatched().insertAll();
        ConflictRetry.run("trained_models MERGE", merge::execute);
    }

    private org.apache.spark.sql.Dataset<Row> select(Key key, LocalDate from, LocalDate to) {
        return spark.read().format("delta").load(settings.tableLocation("trained-models"))
                .where(col("commodity").equalTo(lit(key.commodity()))
                        .and(col("model_version").equalTo(lit(key.modelVersion())))
                        .and(col("train_frequency").equalTo(lit(key.trainFrequency())))
                        .and(col("train_date").between(lit(from), lit(to))));
    }

    static String toJson(Map<String, Double> parameters) {
        try {
            return JSON.writeValueAsString(parameters);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Double> parseParameters(String json) {
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Double>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unreadable model parameters " + json + ": " + e.getOriginalMessage(), e);
        }
    }
}
