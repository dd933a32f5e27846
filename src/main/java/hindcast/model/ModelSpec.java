package hindcast.model;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One registry entry: a model_version name, its model type and the type's parameters as configured, and for
 * an ensemble the entries of its members, which {@link ModelRegistry} resolves (so a spec sent to an executor
 * builds its model alone). What a type's parameters are, their defaults and their validation live in
 * {@link ModelType}.
 */
public record ModelSpec(String name, String type, Map<String, Object> params, List<ModelSpec> members)
        implements Serializable {

    /** Parameter names may be written with '_' or '-' (train_window = train-window). */
    public ModelSpec {
        Map<String, Object> normalized = new HashMap<>();
        params.forEach((k, v) -> normalized.put(k.replace('_', '-'), v));
        params = normalized;
        members = List.copyOf(members);
    }

    /** An entry as configured, its members (if any) not yet resolved. */
    public ModelSpec(String name, String type, Map<String, Object> params) {
        this(name, type, params, List.of());
    }

    /**
     * The model this entry describes.
     *
     * @throws hindcast.error.BadConfigException for an unknown type or parameter, or a bad value
     */
    public ForecastModel newModel() {
        return modelType().newModel(this);
    }

    /**
     * The entry's canonical definition: its type and every parameter after defaults are filled, sorted by
     * ('-') name, e.g. {@code naive(vol-window=250)}, then each member's definition for an ensemble. Two
     * entries that compute the same forecasts have the same definition, however their configuration was
     * written; an ensemble's changes when one of its members' does.
     *
     * @throws hindcast.error.BadConfigException as {@link #newModel}
     */
    public String definition() {
        return modelType().definition(this);
    }

    ModelType modelType() {
        return ModelType.of(name, type);
    }
}
