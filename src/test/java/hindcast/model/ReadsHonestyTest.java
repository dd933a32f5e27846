package hindcast.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each model type's {@link ForecastModel#fitReads()} and {@link ForecastModel#forecastReads()} are honest:
 * whatever changes outside the declared window (older closes, older covariates, older dates, older rows
 * dropped, a covariate not declared) leaves the fit and the paths bit-identical, so a fingerprint of the
 * declared window may stand for the whole input. A change of the last close, inside, changes them.
 */
class ReadsHonestyTest {
    private static final SeriesData DATA = SeriesData.weekdays(420);
    private static final int FIT_CUTOFF = 340;
    private static final int FORECAST_CUTOFF = 399;

    static List<ModelSpec> specs() {
        return List.of(
                new ModelSpec("naive", "naive", Map.of()),
                new ModelSpec("random_walk", "random_walk", Map.of()),
                new ModelSpec("sarimax", "sarimax", Map.of("order", List.of(1, 1, 1), "train-window", 300,
                        "exog", List.of(SeriesData.TEMP), "exog-projection", "seasonal")),
                new ModelSpec("sarimax_auto", "sarimax", Map.of("train-window", 120)),
                new ModelSpec("xgboost", "xgboost", Map.of()),
                new ModelSpec("xgboost_temp", "xgboost", Map.of("covariates", List.of(SeriesData.TEMP))),
                new ModelSpec("garch_t", "garch_t", Map.of("train-window", 200)),
                ensemble());
    }

    /** An ensemble of members with different windows and a covariate, resolved as the registry does. */
    private static ModelSpec ensemble() {
        return new ModelRegistry(Map.of(
                "naive", new ModelSpec("naive", "naive", Map.of("vol-window", 60)),
                "garch_t", new ModelSpec("garch_t", "garch_t", Map.of("train-window", 200)),
                "sarimax", new ModelSpec("sarimax", "sarimax", Map.of("order", List.of(1, 1, 0), "train-window", 150,
                        "exog", List.of(SeriesData.TEMP))),
                "ensemble", new ModelSpec("ensemble", "ensemble", Map.of("members", List.of("naive", "garch_t",
                        "sarimax"))))).spec("ensemble");
    }

    @Test
    void everyModelTypeIsChecked() {
        Set<ModelType> checked = EnumSet.noneOf(ModelType.class);
        specs().forEach(s -> checked.add(ModelType.of(s.name(), s.type())));
        assertEquals(EnumSet.allOf(ModelType.class), checked);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void aForecastReadsNothingOutsideItsDeclaration(ModelSpec spec) {
        ForecastModel model = spec.newModel();
        LocalDate start = DATA.date(FORECAST_CUTOFF).plusDays(1);
        try (ModelState state = model.fit(DATA.series().cutAt(DATA.date(FIT_CUTOFF)))) {
            float[][] expected = paths(state, spec, DATA, start);
            for (Variant v : outside(DATA, model.forecastReads(), FORECAST_CUTOFF)) {
                assertTrue(Arrays.deepEquals(expected, paths(state, spec, v.data(), start)),
                        spec.name() + " " + model.forecastReads() + ": " + v.what());
            }
            assertFalse(Arrays.deepEquals(expected, paths(state, spec, lastCloseChanged(FORECAST_CUTOFF), start)),
                    spec.name() + ": the last close");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void aFitReadsNothingOutsideItsDeclaration(ModelSpec spec) {
        ForecastModel model = spec.newModel();
        Fit expected = fit(model, DATA);
        for (Variant v : outside(DATA, model.fitReads(), FIT_CUTOFF)) {
            fit(model, v.data()).assertSame(expected, spec.name() + " " + model.fitReads() + ": " + v.what());
        }
        assertFalse(fit(model, lastCloseChanged(FIT_CUTOFF)).same(expected), spec.name() + ": the last close");
    }

    /** A change to the data and what it changes. */
    private record Variant(String what, SeriesData data) {
    }

    /**
     * Changes outside what {@code reads} sees at observation {@code cutoff}: a covariate it does not declare, and
     * when its window starts after the first observation, everything before that window.
     */
    private static List<Variant> outside(SeriesData data, Reads reads, int cutoff) {
        List<Variant> out = new ArrayList<>();
        if (!reads.covariates().contains(SeriesData.RAIN)) {
            SeriesData rain = data.copy();
            Arrays.fill(rain.rain(), 0, rain.size(), 1.5);
            out.add(new Variant("an undeclared covariate, everywhere", rain));
        }
        int first = cutoff + 1 - reads.rows();
        if (first <= 0) {
            return out; // the window is the whole history
        }
        SeriesData closes = data.copy();
        SeriesData covariates = data.copy();
        SeriesData dates = data.copy();
        for (int i = 0; i < first; i++) {
            closes.closes()[i] *= 1.3;
            covariates.temp()[i] = i % 2 == 0 ? Double.NaN : covariates.temp()[i] + 3;
            covariates.rain()[i] = 2;
            dates.days()[i] -= 371; // 53 weeks earlier: still weekdays, still in order
        }
        out.add(new Variant("older closes", closes));
        out.add(new Variant("older covariates", covariates));
        out.add(new Variant("older dates", dates));
        out.add(new Variant("older rows dropped", data.from(first)));
        return out;
    }

    private static SeriesData lastCloseChanged(int cutoff) {
        return DATA.withClose(cutoff, DATA.closes()[cutoff] * 1.01);
    }

    private static float[][] paths(ModelState state, ModelSpec spec, SeriesData data, LocalDate start) {
        return Forecaster.paths(state, data.series(), spec.name(), start, 20, 14);
    }

    /** A fit's stored form: its parameters and its binary state. */
    private record Fit(Map<String, Double> parameters, byte[] state) {
        boolean same(Fit o) {
            return parameters.equals(o.parameters) && Arrays.equals(state, o.state);
        }

        void assertSame(Fit expected, String what) {
            assertEquals(expected.parameters, parameters, what);
            assertArrayEquals(expected.state, state, what);
        }
    }

    private static Fit fit(ForecastModel model, SeriesData data) {
        LocalDate cutoff = DATA.date(FIT_CUTOFF);
        try (ModelState state = model.fit(data.series().cutAt(cutoff))) {
            return new Fit(state.parameters(), state.state());
        }
    }
}
