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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/** The {@code trained_models} table, keyed by (commodity, model_version, train_frequency, train_date). */
public final class ModelStore {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SparkSession spark;
    private final Settings settings;
    private final DriverScan scan;

    ModelStore(SparkSession spark, Settings settings, DriverScan scan) {
        this.spark = spark;
        this.settings = settings;
        this.scan = scan;
    }

    public record Key(String commodity, String modelVersion, String trainFrequency) {
    }

    /** Fits stored for the key with train dates in [from, to]. */
    public NavigableMap<LocalDate, TrainedModel> load(Key key, LocalDate from, LocalDate to) {
        return load(Map.of(key, new DateSpan(from, to))).get(key);
    }

    /**
     * The fits of each key with train dates in its span, by key (an empty map where none is stored): one read of
     * the table for all keys.
     */
    public Map<Key, NavigableMap<LocalDate, TrainedModel>> load(Map<Key, DateSpan> spans) {
        Map<Key, NavigableMap<LocalDate, TrainedModel>> out = new HashMap<>();
        spans.keySet().forEach(k -> out.put(k, new TreeMap<>()));
        if (spans.isEmpty()) {
            return out;
        }
        DriverScan.Where keys = DriverScan.Where.anyOf(spans.keySet().stream().map(ModelStore::ofKey).toList());
        for (Row r : rows(true, keys, r -> spans.get(key(r)).contains(r.getAs("train_date")))) {
            TrainedModel m = toModel(r, r.getAs("state"));
            out.get(key(r)).put(m.trainDate(), m);
        }
        return out;
    }

    /** Every fit of the commodity, of any model and train frequency, without its binary state, by model. */
    public Map<String, List<TrainedModel>> allWithoutState(String commodity) {
        Map<String, List<TrainedModel>> out = new HashMap<>();
        for (Row r : rows(false, DriverScan.Where.equal(Map.of("commodity", commodity)), r -> true)) {
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
        DateSpan span = new DateSpan(from, to);
        for (Row r : rows(false, DriverScan.Where.anyOf(wanted.stream().map(ModelStore::ofKey).toList()),
                r -> span.contains(r.getAs("train_date")))) {
            TrainedModel m = toModel(r, null);
            out.computeIfAbsent(key(r), k -> new TreeMap<>()).put(m.trainDate(), m);
        }
        return out;
    }

    /**
     * The fits {@code where} and {@code keep} accept, read on the driver; with their binary states only if
     * {@code withState}.
     */
    private List<Row> rows(boolean withState, DriverScan.Where where, Predicate<Row> keep) {
        List<String> columns = new ArrayList<>(List.of(Table.TRAINED_MODELS.schema().fieldNames()));
        if (!withState) {
            columns.remove("state");
        }
        return scan.rows(Table.TRAINED_MODELS.location(settings), Table.TRAINED_MODELS, columns, where, keep);
    }

    /** The fits of the key. */
    private static DriverScan.Where ofKey(Key key) {
        return DriverScan.Where.equal(Map.of("commodity", key.commodity(), "model_version", key.modelVersion(),
                "train_frequency", key.trainFrequency()));
    }

    private static Key key(Row r) {
        return new Key(r.getAs("commodity"), r.getAs("model_version"), r.getAs("train_frequency"));
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
