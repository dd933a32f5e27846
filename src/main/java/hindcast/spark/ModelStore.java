package hindcast.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import hindcast.config.Settings;
import hindcast.plan.TrainedModel;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

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
        return load(Map.of(key, new DateSpan(from, to))).get(key);
    }

    /**
     * The fits of each key with train dates in its span, by key (an empty map where none is stored): one read for
     * all keys, as each read costs a Spark job and Delta's planning whatever its size.
     */
    public Map<Key, NavigableMap<LocalDate, TrainedModel>> load(Map<Key, DateSpan> spans) {
        Map<Key, NavigableMap<LocalDate, TrainedModel>> out = new HashMap<>();
        spans.keySet().forEach(k -> out.put(k, new TreeMap<>()));
        if (spans.isEmpty()) {
            return out;
        }
        Column wanted = spans.entrySet().stream().map(e -> col("commodity").equalTo(lit(e.getKey().commodity()))
                        .and(col("model_version").equalTo(lit(e.getKey().modelVersion())))
                        .and(col("train_frequency").equalTo(lit(e.getKey().trainFrequency())))
                        .and(col("train_date").between(lit(e.getValue().from()), lit(e.getValue().to()))))
                .reduce(Column::or).orElseThrow();
        for (Row r : spark.read().format("delta").load(Table.TRAINED_MODELS.location(settings)).where(wanted)
                .collectAsList()) {
            TrainedModel m = toModel(r, r.getAs("state"));
            out.get(new Key(r.getAs("commodity"), r.getAs("model_version"), r.getAs("train_frequency")))
                    .put(m.trainDate(), m);
        }
        return out;
    }

    /** Every fit of the commodity, of any model and train frequency, without its binary state, by model. */
    public Map<String, List<TrainedModel>> allWithoutState(String commodity) {
        Map<String, List<TrainedModel>> out = new HashMap<>();
        for (Row r : spark.read().format("delta").load(Table.TRAINED_MODELS.location(settings))
                .where(col("commodity").equalTo(lit(commodity))).drop("state").collectAsList()) {
            out.computeIfAbsent(r.getAs("model_version"), m -> new ArrayList<>()).add(toModel(r, null));
        }
        return out;
    }

    /**
     * The fits of the keys (all of one commodity) with train dates in [from, to], without their binary states
     * (what deciding whether fits are fresh needs), by key; one read for all keys.
     */
    public Map<Key, NavigableMap<LocalDate, TrainedModel>> loadWithoutState(List<Key> keys, LocalDate from, LocalDate to) {
        Map<Key, NavigableMap<LocalDate, TrainedModel>> out = new HashMap<>();
        if (keys.isEmpty()) {
            return out;
        }
        String commodity = keys.get(0).commodity();
        if (keys.stream().anyMatch(k -> !k.commodity().equals(commodity))) {
            throw new IllegalArgumentException("keys of one commodity expected, got " + keys);
        }
        Set<Key> wanted = Set.copyOf(keys);
        for (Row r : spark.read().format("delta").load(Table.TRAINED_MODELS.location(settings))
                .where(col("commodity").equalTo(lit(commodity))
                        .and(col("model_version").isin(keys.stream().map(Key::modelVersion).distinct().toArray()))
                        .and(col("train_date").between(lit(from), lit(to))))
                .drop("state").collectAsList()) {
            Key key = new Key(commodity, r.getAs("model_version"), r.getAs("train_frequency"));
            if (wanted.contains(key)) {
                TrainedModel m = toModel(r, null);
                out.computeIfAbsent(key, k -> new TreeMap<>()).put(m.trainDate(), m);
            }
        }
        return out;
    }

    /** A fit to store under its key, made by a model of {@code modelType}. */
    public record Fit(Key key, String modelType, TrainedModel model) {
    }

    /**
     * Stores fits in one commit, replacing stored ones of the same key: only fits that are missing, stale or of
     * a changed definition are ever trained, so a fresh stored fit is never rewritten.
     */
    public void store(List<Fit> fits) {
        if (fits.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        Merge merge = Merge.into(spark, settings, Table.TRAINED_MODELS);
        merge.upsert(merge.frame(fits.stream().map(f -> toRow(f.key(), f.modelType(), f.model(), now)).toList()));
    }

    /** A fit as a row of {@code trained_models}; its data cutoff is the day before its train date. */
    private static Row toRow(Key key, String modelType, TrainedModel m, Instant createdAt) {
        return RowFactory.create(key.commodity(), key.modelVersion(), key.trainFrequency(), m.trainDate(), modelType,
                toJson(m.parameters()), m.state(), m.trainingRows(), m.trainDate().minusDays(1), createdAt,
                m.definition(), m.inputFingerprint());
    }

    private static TrainedModel toModel(Row r, byte[] state) {
        return new TrainedModel(r.getAs("train_date"), parseParameters(r.getAs("parameters")),
                r.<Integer>getAs("training_rows"), state, r.getAs("definition"), r.getAs("input_fingerprint"));
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
