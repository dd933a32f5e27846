package hindcast.model;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * One registry entry: a model_version name, its model type and the type's parameters as configured. What a
 * type's parameters are, their defaults and their validation live in {@link ModelType}.
 */
public record ModelSpec(String name, String type, Map<String, Object> params) implements Serializable {

    /** Parameter names may be written with '_' or '-' (train_window = train-window). */
    public ModelSpec {
        Map<String, Object> normalized = new HashMap<>();
        params.forEach((k, v) -> normalized.put(k.replace('_', '-'), v));
        params = normalized;
    }

    /**
     * The model this entry describes.
     *
     * @throws hindcast.error.BadConfigException for an unknown type or parameter, or a bad value
     */
    public ForecastModel newModel() {
        return modelType().newModel(name, params);
    }

    /**
     * The entry's canonical definition: its type and every parameter after defaults are filled, sorted by
     * ('-') name, e.g. {@code naive(vol-window=250)}. Two entries that compute the same forecasts have the
     * same definition, however their configuration was written.
     *
     * @throws hindcast.error.BadConfigException as {@link #newModel}
     */
    public String definition() {
        return modelType().definition(name, params);
    }

    private ModelType modelType() {
        return ModelType.of(name, type);
    }
}
