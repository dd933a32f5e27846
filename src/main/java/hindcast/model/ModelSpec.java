package hindcast.model;

import hindcast.model.sarimax.SarimaxOrder;
import hindcast.model.xgboost.XgbFeatures;
import hindcast.model.xgboost.XgbParams;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** One registry entry: a model_version name, its model type and the type's parameters. */
public record ModelSpec(String name, String type, Map<String, Object> params) implements Serializable {

    /** The parameters each type reads; anything else is a mistake worth an error, not a silent default. */
    private static final Map<String, Set<String>> KNOWN = Map.of(
            "naive", Set.of("vol-window"),
            "random_walk", Set.of("vol-window", "drift-window"),
            "sarimax", Set.of("order", "exog", "exog-projection", "train-window", "noise-window"),
            "xgboost", Set.of("lags", "windows", "covariates", "max-depth", "rounds"));

    /** Parameter names may be written with '_' or '-' (train_window = train-window). */
    public ModelSpec {
        Map<String, Object> normalized = new HashMap<>();
        params.forEach((k, v) -> normalized.put(k.replace('_', '-'), v));
        params = normalized;
    }

    /** The model this entry describes; the one place a type name becomes a class. */
    public ForecastModel newModel() {
        Set<String> known = KNOWN.get(type);
        if (known != null) {
            for (String key : new TreeSet<>(params.keySet())) {
                if (!known.contains(key)) {
                    throw new IllegalArgumentException("model '" + name + "': unknown parameter '" + key
                            + "' for type " + type + " (known: " + new TreeSet<>(known) + ")");
                }
            }
        }
        return switch (type) {
            case "naive" -> new NaiveModel(intParam("vol-window", 250));
            case "random_walk" -> new RandomWalkModel(intParam("vol-window", 250), intParam("drift-window", 30));
            case "sarimax" -> new SarimaxModel(order(), stringList("exog"), projection(),
                    intParam("train-window", 0), intParam("noise-window", 60));
            case "xgboost" -> {
                XgbParams d = XgbParams.defaults();
                yield new XgboostModel(new XgbFeatures(intList("lags", new int[] {1, 7, 14}),
                        intList("windows", new int[] {7, 30}), stringList("covariates")),
                        new XgbParams(intParam("max-depth", d.maxDepth()), d.eta(), intParam("rounds", d.rounds()),
                                d.subsample(), d.colsample(), d.seed(), d.holdoutFraction()));
            }
            default -> throw new IllegalArgumentException("model '" + name + "' has unknown type '" + type
                    + "'; known types: naive, random_walk, sarimax, xgboost");
        };
    }

    /** {@code order = auto} (the default) or {@code order = [p, d, q]}; null means auto. */
    private SarimaxOrder order() {
        Object v = params.getOrDefault("order", "auto");
        if ("auto".equals(v)) {
            return null;
        }
        if (v instanceof List<?> l && l.size() == 3 && l.stream().allMatch(Integer.class::isInstance)) {
            return new SarimaxOrder((Integer) l.get(0), (Integer) l.get(1), (Integer) l.get(2));
        }
        throw new IllegalArgumentException("model '" + name + "': order must be auto or [p, d, q], got " + v);
    }

    private SarimaxModel.ExogProjection projection() {
        Object v = params.getOrDefault("exog-projection", "persist");
        return switch (String.valueOf(v)) {
            case "persist" -> SarimaxModel.ExogProjection.PERSIST;
            case "seasonal" -> SarimaxModel.ExogProjection.SEASONAL;
            default -> throw new IllegalArgumentException("model '" + name
                    + "': exog-projection must be persist or seasonal, got " + v);
        };
    }

    private int[] intList(String key, int[] defaultValue) {
        Object v = params.get(key);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof List<?> l && l.stream().allMatch(Integer.class::isInstance)) {
            return l.stream().mapToInt(Integer.class::cast).toArray();
        }
        throw new IllegalArgumentException("model '" + name + "': " + key + " must be a list of integers, got " + v);
    }

    private List<String> stringList(String key) {
        Object v = params.getOrDefault(key, List.of());
        if (v instanceof List<?> l && l.stream().allMatch(String.class::isInstance)) {
            return l.stream().map(String.class::cast).toList();
        }
        throw new IllegalArgumentException("model '" + name + "': " + key + " must be a list of names, got " + v);
    }

    private int intParam(String key, int defaultValue) {
        Object v = params.get(key);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof Number n && n.doubleValue() == n.intValue()) {
            return n.intValue();
        }
        throw new IllegalArgumentException("model '" + name + "': parameter " + key + " must be an integer, got " + v);
    }
}
