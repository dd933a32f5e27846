package hindcast.model;

import hindcast.error.BadConfigException;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Model types: parameters with defaults, one canonical definition, and errors naming what is wrong. */
class ModelTypeTest {

    @Test
    void theDefinitionFillsEveryDefault() {
        assertEquals("naive(vol-window=250)", new ModelSpec("n", "naive", Map.of()).definition());
        assertEquals("random_walk(drift-window=30, vol-window=250)",
                new ModelSpec("rw", "random_walk", Map.of()).definition());
        assertEquals("sarimax(exog=[], exog-projection=persist, noise-window=60, order=auto, train-window=0)",
                new ModelSpec("s", "sarimax", Map.of()).definition());
        assertEquals("xgboost(covariates=[], lags=[1, 7, 14], max-depth=3, rounds=150, windows=[7, 30])",
                new ModelSpec("x", "xgboost", Map.of()).definition());
        assertEquals("garch_t(train-window=1000)", new ModelSpec("g", "garch_t", Map.of()).definition());
    }

    /** An ensemble's definition holds its members': it changes when one of theirs does. */
    @Test
    void anEnsemblesDefinitionHoldsItsMembers() {
        ModelSpec ensemble = new ModelSpec("e", "ensemble", Map.of("members", List.of("naive", "garch_t")));
        ModelSpec garch = new ModelSpec("garch_t", "garch_t", Map.of());
        String definition = new ModelRegistry(Map.of("e", ensemble, "naive", new ModelSpec("naive", "naive", Map.of()),
                "garch_t", garch)).spec("e").definition();
        assertEquals("ensemble(members=[naive, garch_t], naive=naive(vol-window=250), "
                + "garch_t=garch_t(train-window=1000))", definition);
        assertNotEquals(definition, new ModelRegistry(Map.of("e", ensemble,
                "naive", new ModelSpec("naive", "naive", Map.of("vol-window", 100)), "garch_t", garch))
                .spec("e").definition());
    }

    @Test
    void anEnsembleMemberMustBeAnotherPathwiseEntryOfTheRegistry() {
        ModelSpec naive = new ModelSpec("naive", "naive", Map.of());
        assertEquals("model 'e': member 'e' is the ensemble itself", assertThrows(BadConfigException.class,
                () -> new ModelRegistry(Map.of("e", ensemble("e", "naive", "e"), "naive", naive))).getMessage());
        assertEquals("model 'e': member 'arima' is not defined in hindcast.models (defined: [e, naive])",
                assertThrows(BadConfigException.class,
                        () -> new ModelRegistry(Map.of("e", ensemble("e", "naive", "arima"), "naive", naive)))
                        .getMessage());
        assertTrue(assertThrows(BadConfigException.class, () -> new ModelRegistry(Map.of("e", ensemble("e", "x"),
                "x", new ModelSpec("x", "xgboost", Map.of())))).getMessage()
                .startsWith("model 'e': member 'x' is of type xgboost, which draws each day across all paths"));
        assertTrue(assertThrows(BadConfigException.class, () -> new ModelRegistry(Map.of("e", ensemble("e", "f"),
                "f", ensemble("f", "naive"), "naive", naive))).getMessage()
                .startsWith("model 'e': member 'f' is of type ensemble"));
        assertEquals("model 'e': members name 'naive' twice", assertThrows(BadConfigException.class,
                () -> new ModelRegistry(Map.of("e", ensemble("e", "naive", "naive"), "naive", naive))).getMessage());
        assertEquals("model 'e': members must name at least one model", assertThrows(BadConfigException.class,
                () -> new ModelRegistry(Map.of("e", ensemble("e")))).getMessage());
        // Built outside the registry, its members are unresolved: refused rather than built empty.
        assertTrue(assertThrows(BadConfigException.class, () -> ensemble("e", "naive").newModel()).getMessage()
                .contains("an ensemble is built through the model registry"));
    }

    private static ModelSpec ensemble(String name, String... members) {
        return new ModelSpec(name, "ensemble", Map.of("members", List.of(members)));
    }

    @Test
    void theDefinitionIgnoresHowTheEntryWasWritten() {
        Map<String, Object> oneOrder = new LinkedHashMap<>();
        oneOrder.put("train_window", 1000);
        oneOrder.put("order", List.of(2, 1, 2));
        oneOrder.put("exog", List.of("vix"));
        Map<String, Object> otherOrder = new LinkedHashMap<>();
        otherOrder.put("exog", List.of("vix"));
        otherOrder.put("order", List.of(2, 1, 2));
        otherOrder.put("train-window", 1000.0); // HOCON may hand an integer over as a double
        otherOrder.put("noise-window", 60); // the default, written out
        String definition = new ModelSpec("a", "sarimax", oneOrder).definition();
        assertEquals(definition, new ModelSpec("b", "sarimax", otherOrder).definition());
        assertEquals("sarimax(exog=[vix], exog-projection=persist, noise-window=60, order=[2, 1, 2], train-window=1000)",
                definition);
        assertNotEquals(definition, new ModelSpec("c", "sarimax", Map.of("order", List.of(2, 1, 1))).definition());
    }

    @Test
    void underscoresAndHyphensNameTheSameParameter() {
        ModelSpec underscores = new ModelSpec("rw", "random_walk", Map.of("vol_window", 3, "drift_window", 2));
        ModelSpec hyphens = new ModelSpec("rw", "random_walk", Map.of("vol-window", 3, "drift-window", 2));
        assertEquals(hyphens.definition(), underscores.definition());
        assertEquals("random_walk(drift-window=2, vol-window=3)", underscores.definition());
    }

    @Test
    void everyTypeBuildsItsModel() {
        assertTrue(new ModelSpec("n", "naive", Map.of()).newModel() instanceof NaiveModel);
        assertTrue(new ModelSpec("rw", "random_walk", Map.of()).newModel() instanceof RandomWalkModel);
        assertTrue(new ModelSpec("s", "sarimax", Map.of("exog-projection", "seasonal")).newModel() instanceof SarimaxModel);
        assertTrue(new ModelSpec("x", "xgboost", Map.of("rounds", 10)).newModel() instanceof XgboostModel);
        assertTrue(new ModelSpec("g", "garch_t", Map.of("train-window", 500)).newModel() instanceof GarchModel);
        assertTrue(new ModelRegistry(Map.of("e", new ModelSpec("e", "ensemble", Map.of("members", List.of("n"))),
                "n", new ModelSpec("n", "naive", Map.of()))).model("e") instanceof EnsembleModel);
        assertEquals(ModelType.RANDOM_WALK, ModelType.of("rw", "random_walk"));
    }

    @Test
    void everyParameterHasOneLineOfHelpAndAUniqueName() {
        for (ModelType type : ModelType.values()) {
            assertEquals(type.parameters().size(), type.parameters().stream().map(ModelParameter::name).distinct().count());
            for (ModelParameter<?> p : type.parameters()) {
                assertTrue(p.name().matches("[a-z]+(-[a-z]+)*"), p.name());
                assertTrue(!p.help().isBlank() && !p.help().contains("\n"), type + " " + p.name());
            }
        }
    }

    @Test
    void anUnknownTypeOrParameterIsRejectedByName() {
        BadConfigException type = assertThrows(BadConfigException.class,
                () -> new ModelSpec("g", "garch", Map.of()).newModel());
        assertEquals("model 'g' has unknown type 'garch'; known types: naive, random_walk, sarimax, xgboost, garch_t, ensemble",
                type.getMessage());
        BadConfigException parameter = assertThrows(BadConfigException.class,
                () -> new ModelSpec("n", "naive", Map.of("vol_windows", 20)).definition());
        assertEquals("model 'n': unknown parameter 'vol-windows' for type naive (known: [vol-window])",
                parameter.getMessage());
    }

    @Test
    void aBadValueIsRejectedNamingTheModelAndParameter() {
        assertEquals("model 'n': vol-window must be an integer, got 2.5", assertThrows(BadConfigException.class,
                () -> new ModelSpec("n", "naive", Map.of("vol-window", 2.5)).newModel()).getMessage());
        assertEquals("model 's': exog-projection must be persist or seasonal, got trend",
                assertThrows(BadConfigException.class, () -> new ModelSpec("s", "sarimax",
                        Map.of("exog-projection", "trend")).newModel()).getMessage());
        assertEquals("model 'x': lags must be a list of integers, got [1, a]", assertThrows(BadConfigException.class,
                () -> new ModelSpec("x", "xgboost", Map.of("lags", List.of(1, "a"))).newModel()).getMessage());
        // Of the right form, but refused by the model itself: still a configuration error naming the model.
        assertEquals("model 'n': vol-window must be at least 2, got 1", assertThrows(BadConfigException.class,
                () -> new ModelSpec("n", "naive", Map.of("vol-window", 1)).newModel()).getMessage());
        assertTrue(assertThrows(BadConfigException.class, () -> new ModelSpec("s", "sarimax",
                Map.of("order", List.of(4, 1, 0))).newModel()).getMessage().startsWith("model 's': SARIMAX order must"));
    }
}
