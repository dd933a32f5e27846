package hindcast.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import hindcast.config.Settings;
import hindcast.plan.TrainedModel;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

import java.time.Instant;
import java.time.LocalDate;
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

    ModelStore(SparkSession spark, Settings settings) {
        this.spark = spark;
        this.settings = settings;
    }

    public record Key(String commodity, String modelVersion, String trainFrequency) {
    }

    /** Fits stored for the key with train dates in [from, to]. */
    public NavigableMap<LocalDate, TrainedModel> load(Key key, LocalDate from, LocalDate to) {
        NavigableMap<LocalDate, TrainedModel> out = new TreeMap<>();
        for (Row r : select(key, from, to).collectAsList()) {
            TrainedModel m = toModel(r);
            out.put(m.trainDate(), m);
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
        Merge merge = Merge.into(spark, settings, Table.TRAINED_MODELS);
        merge.insertMissing(merge.frame(models.stream().map(m -> toRow(key, modelType, m, now)).toList()));
    }

    /**
     * A fit as a row of {@code trained_models}; its data cutoff is the day before its train date. Its definition and
     * input fingerprint are not recorded yet (null).
     */
    private static Row toRow(Key key, String modelType, TrainedModel m, Instant createdAt) {
        return RowFactory.create(key.commodity(), key.modelVersion(), key.trainFrequency(), m.trainDate(), modelType,
                toJson(m.parameters()), m.state(), m.trainingRows(), m.trainDate().minusDays(1), createdAt, null, null);
    }

    private static TrainedModel toModel(Row r) {
        return new TrainedModel(r.getAs("train_date"), parseParameters(r.getAs("parameters")),
                r.<Integer>getAs("training_rows"), r.getAs("state"));
    }

    private org.apache.spark.sql.Dataset<Row> select(Key key, LocalDate from, LocalDate to) {
        return spark.read().format("delta").load(Table.TRAINED_MODELS.location(settings))
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
