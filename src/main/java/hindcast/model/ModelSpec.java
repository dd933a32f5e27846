package hindcast.model;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/** One registry entry: a model_version name, its model type and the type's parameters. */
public record ModelSpec(String name, String type, Map<String, Object> params) implements Serializable {

    public ModelSpec {
        params = new HashMap<>(params);
    }

    /** The model this entry describes; the one place a type name becomes a class. */
    public ForecastModel newModel() {
        return switch (type) {
            case "naive" -> new NaiveModel(intParam("vol-window", 250));
            case "random_walk" -> new RandomWalkModel(intParam("vol-window", 250), intParam("drift-window", 30));
            default -> throw new IllegalArgumentException("model '" + name + "' has unknown type '" + type
                    + "'; known types: naive, random_walk");
        };
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
