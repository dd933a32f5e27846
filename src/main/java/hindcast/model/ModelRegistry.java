package hindcast.model;

import hindcast.error.Errors;

import java.io.Serializable;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The model versions the configuration defines, each turned into a {@link ForecastModel} by its type. */
public final class ModelRegistry implements Serializable {
    private final Map<String, ModelSpec> specs;

    public ModelRegistry(Map<String, ModelSpec> specs) {
        this.specs = new TreeMap<>(specs);
        this.specs.values().forEach(ModelSpec::newModel); // fail at start-up on a bad entry, not mid-stream
    }

    public Set<String> names() {
        return Collections.unmodifiableSet(specs.keySet());
    }

    public boolean contains(String modelVersion) {
        return specs.containsKey(modelVersion);
    }

    /** @throws hindcast.error.HindcastException (usage) for a name the configuration does not define */
    public ForecastModel model(String modelVersion) {
        ModelSpec spec = specs.get(modelVersion);
        if (spec == null) {
            throw Errors.unknownModel(modelVersion, names());
        }
        return spec.newModel();
    }

    public ModelSpec spec(String modelVersion) {
        model(modelVersion);
        return specs.get(modelVersion);
    }
}
