package hindcast.model;

import hindcast.error.Errors;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The model versions the configuration defines, each turned into a {@link ForecastModel} by its type. */
public final class ModelRegistry implements Serializable {
    private final Map<String, ModelSpec> specs;

    /**
     * The entries as configured; an ensemble's members are resolved to their entries here.
     *
     * @throws hindcast.error.BadConfigException for a bad entry, or an ensemble member that is itself, is not
     *                                           defined, or is of a type that cannot be a member
     */
    public ModelRegistry(Map<String, ModelSpec> specs) {
        this.specs = new TreeMap<>();
        specs.forEach((name, spec) -> this.specs.put(name, withMembers(spec, specs)));
        this.specs.values().forEach(ModelSpec::newModel); // fail at start-up on a bad entry, not mid-stream
    }

    private static ModelSpec withMembers(ModelSpec spec, Map<String, ModelSpec> all) {
        List<String> names = spec.modelType().memberNames(spec);
        if (names.isEmpty()) {
            return spec;
        }
        List<ModelSpec> members = new ArrayList<>();
        for (String name : names) {
            ModelSpec member = all.get(name);
            if (name.equals(spec.name())) {
                throw Errors.badEnsembleMember(spec.name(), name, "is the ensemble itself");
            }
            if (member == null) {
                throw Errors.badEnsembleMember(spec.name(), name, "is not defined in hindcast.models (defined: "
                        + new TreeSet<>(all.keySet()) + ")");
            }
            if (!member.modelType().pathwise()) {
                throw Errors.badEnsembleMember(spec.name(), name, "is of type " + member.type() + ", which draws "
                        + "each day across all paths, so a block of its paths is not its own forecast's first paths");
            }
            members.add(member);
        }
        return new ModelSpec(spec.name(), spec.type(), spec.params(), members);
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
