package hindcast.model;

import hindcast.error.Errors;
import hindcast.model.sarimax.SarimaxOrder;
import hindcast.model.xgboost.XgbFeatures;
import hindcast.model.xgboost.XgbParams;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The model types a registry entry can name, each with its parameters (name, default, parser, help) and
 * the {@link ForecastModel} it builds from them: the one place a type name becomes a class.
 */
public enum ModelType {
    NAIVE("naive", P.VOL_WINDOW) {
        @Override
        ForecastModel build(Values v) {
            return new NaiveModel(v.get(P.VOL_WINDOW));
        }
    },
    RANDOM_WALK("random_walk", P.VOL_WINDOW, P.DRIFT_WINDOW) {
        @Override
        ForecastModel build(Values v) {
            return new RandomWalkModel(v.get(P.VOL_WINDOW), v.get(P.DRIFT_WINDOW));
        }
    },
    SARIMAX("sarimax", P.ORDER, P.EXOG, P.EXOG_PROJECTION, P.TRAIN_WINDOW, P.NOISE_WINDOW) {
        @Override
        ForecastModel build(Values v) {
            return new SarimaxModel(v.get(P.ORDER).orElse(null), v.get(P.EXOG), v.get(P.EXOG_PROJECTION),
                    v.get(P.TRAIN_WINDOW), v.get(P.NOISE_WINDOW));
        }
    },
    XGBOOST("xgboost", P.LAGS, P.WINDOWS, P.COVARIATES, P.MAX_DEPTH, P.ROUNDS) {
        @Override
        ForecastModel build(Values v) {
            XgbParams d = XgbParams.defaults();
            return new XgboostModel(new XgbFeatures(ints(v.get(P.LAGS)), ints(v.get(P.WINDOWS)), v.get(P.COVARIATES)),
                    new XgbParams(v.get(P.MAX_DEPTH), d.eta(), v.get(P.ROUNDS), d.subsample(), d.colsample(), d.seed(),
                            d.holdoutFraction()));
        }
    },
    GARCH_T("garch_t", P.GARCH_TRAIN_WINDOW) {
        @Override
        ForecastModel build(Values v) {
            return new GarchModel(v.get(P.GARCH_TRAIN_WINDOW));
        }
    },
    ENSEMBLE("ensemble", P.MEMBERS) {
        @Override
        ForecastModel build(Values v) {
            if (!v.members().stream().map(ModelSpec::name).toList().equals(v.get(P.MEMBERS))) {
                throw new IllegalArgumentException("members " + v.get(P.MEMBERS)
                        + " are not resolved; an ensemble is built through the model registry");
            }
            return new EnsembleModel(v.members().stream()
                    .map(m -> new EnsembleModel.Member(m.name(), m.newModel())).toList());
        }

        @Override
        List<String> memberNames(ModelSpec spec) {
            return new Values(values(spec.name(), spec.params()), List.of()).get(P.MEMBERS);
        }
    };

    /** The parameters, in a class of their own so the constants above can name them. */
    private static final class P {
        static final ModelParameter<Integer> VOL_WINDOW = ModelParameter.integer("vol-window", 250,
                "trading days of log returns whose standard deviation is the volatility at the train date");
        static final ModelParameter<Integer> DRIFT_WINDOW = ModelParameter.integer("drift-window", 30,
                "trading days of log returns averaged into the drift at the train date");
        static final ModelParameter<Optional<SarimaxOrder>> ORDER = new ModelParameter<>("order", Optional.empty(),
                "auto or [p, d, q]", ModelType::order,
                o -> o.map(x -> "[" + x.p() + ", " + x.d() + ", " + x.q() + "]").orElse("auto"),
                "auto (a stepwise AIC search over p, q <= 3, d <= 2) or a fixed [p, d, q]");
        static final ModelParameter<List<String>> EXOG = ModelParameter.names("exog",
                "covariates used as regressors");
        static final ModelParameter<SarimaxModel.ExogProjection> EXOG_PROJECTION = ModelParameter.choice(
                "exog-projection", SarimaxModel.ExogProjection.PERSIST,
                "covariates over the horizon: the last value before D, or the mean of the same day in 3 previous years");
        static final ModelParameter<Integer> TRAIN_WINDOW = ModelParameter.integer("train-window", 0,
                "the fit uses the last N observations before T (0 = all)");
        static final ModelParameter<Integer> NOISE_WINDOW = ModelParameter.integer("noise-window", 60,
                "the forecast variance is rescaled by the one-step errors of the last N trading days (0 = as fitted)");
        static final ModelParameter<List<Integer>> LAGS = ModelParameter.integers("lags", List.of(1, 7, 14),
                "lagged daily log returns used as features (trading days)");
        static final ModelParameter<List<Integer>> WINDOWS = ModelParameter.integers("windows", List.of(7, 30),
                "rolling windows of log-return mean, deviation and distance used as features");
        static final ModelParameter<List<String>> COVARIATES = ModelParameter.names("covariates",
                "covariates used as features (their value the day before)");
        static final ModelParameter<Integer> MAX_DEPTH = ModelParameter.integer("max-depth",
                XgbParams.defaults().maxDepth(), "depth of each tree");
        static final ModelParameter<Integer> GARCH_TRAIN_WINDOW = ModelParameter.integer("train-window", 1000,
                "the fit, and the variance filter before each forecast, use the last N observations");
        static final ModelParameter<List<String>> MEMBERS = ModelParameter.names("members",
                "model_versions whose paths the ensemble mixes in equal shares");
        static final ModelParameter<Integer> ROUNDS = ModelParameter.integer("rounds", XgbParams.defaults().rounds(),
                "boosting rounds");
    }

    private final String label;
    private final List<ModelParameter<?>> parameters;

    ModelType(String label, ModelParameter<?>... parameters) {
        this.label = label;
        this.parameters = List.of(parameters);
    }

    /** The name a registry entry's {@code type} gives, e.g. "random_walk". */
    public String label() {
        return label;
    }

    public List<ModelParameter<?>> parameters() {
        return parameters;
    }

    /**
     * The type a registry entry names.
     *
     * @throws hindcast.error.BadConfigException for a name no type has
     */
    public static ModelType of(String model, String label) {
        return Arrays.stream(values()).filter(t -> t.label.equals(label)).findFirst()
                .orElseThrow(() -> Errors.unknownModelType(model, label,
                        Arrays.stream(values()).map(ModelType::label).toList()));
    }

    /**
     * Every parameter's typed value, configured or default, by name in sorted order.
     *
     * @param params configured values by '-' name
     * @throws hindcast.error.BadConfigException naming the first unknown parameter or the first bad value
     */
    SortedMap<String, Object> values(String model, Map<String, ?> params) {
        TreeSet<String> known = parameters.stream().map(ModelParameter::name).collect(Collectors.toCollection(TreeSet::new));
        for (String key : new TreeSet<>(params.keySet())) {
            if (!known.contains(key)) {
                throw Errors.unknownModelParameter(model, key, label, known);
            }
        }
        SortedMap<String, Object> out = new TreeMap<>();
        for (ModelParameter<?> p : parameters) {
            out.put(p.name(), p.parse(model, params.get(p.name())));
        }
        return out;
    }

    /** @throws hindcast.error.BadConfigException for an unknown parameter or a value the model refuses */
    ForecastModel newModel(ModelSpec spec) {
        Values v = new Values(values(spec.name(), spec.params()), spec.members());
        try {
            return build(v);
        } catch (IllegalArgumentException e) { // the model's constructor checks its values together
            throw Errors.badModelEntry(spec.name(), e);
        }
    }

    /**
     * "type(name=value, ...)" with every parameter, defaults filled, sorted by name, then "member=definition"
     * for each resolved member: equal for equal models.
     */
    String definition(ModelSpec spec) {
        return Stream.concat(values(spec.name(), spec.params()).entrySet().stream()
                                .map(e -> e.getKey() + "=" + parameter(e.getKey()).text(e.getValue())),
                        spec.members().stream().map(m -> m.name() + "=" + m.definition()))
                .collect(Collectors.joining(", ", label + "(", ")"));
    }

    /** The model_versions an entry of this type names as members (none but for an ensemble). */
    List<String> memberNames(ModelSpec spec) {
        return List.of();
    }

    /**
     * Whether the type draws its paths one after the other, so a forecast's first n paths do not depend on
     * how many are drawn, which an ensemble member must (xgboost draws each day across all paths; an
     * ensemble splits its paths by their number).
     */
    boolean pathwise() {
        return this != XGBOOST && this != ENSEMBLE;
    }

    abstract ForecastModel build(Values v);

    private ModelParameter<?> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    /** Typed access to the parsed values, by parameter, and an ensemble's resolved members. */
    record Values(Map<String, Object> byName, List<ModelSpec> members) {
        @SuppressWarnings("unchecked")
        <T> T get(ModelParameter<T> p) {
            return (T) byName.get(p.name());
        }
    }

    private static Optional<SarimaxOrder> order(Object v) {
        if ("auto".equals(v)) {
            return Optional.empty();
        }
        if (v instanceof List<?> l && l.size() == 3 && l.stream().allMatch(Integer.class::isInstance)) {
            return Optional.of(new SarimaxOrder((Integer) l.get(0), (Integer) l.get(1), (Integer) l.get(2)));
        }
        return null; // not of the expected form
    }

    private static int[] ints(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }
}
