package hindcast.model;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ensemble: contiguous blocks of paths, each exactly its member's own forecast; fits stored and restored whole. */
class EnsembleModelTest {
    private static final SeriesData DATA = SeriesData.weekdays(700);
    private static final List<String> MEMBERS = List.of("naive", "garch_t", "arima");
    private static final ModelRegistry REGISTRY = new ModelRegistry(Map.of(
            "naive", new ModelSpec("naive", "naive", Map.of()),
            "garch_t", new ModelSpec("garch_t", "garch_t", Map.of("train-window", 400)),
            "arima", new ModelSpec("arima", "sarimax", Map.of("order", List.of(1, 1, 1), "train-window", 300,
                    "exog", List.of(SeriesData.TEMP))),
            "ens", new ModelSpec("ens", "ensemble", Map.of("members", MEMBERS))));
    private static final LocalDate TRAIN = DATA.date(600);
    private static final LocalDate START = DATA.date(640).plusDays(1);

    @Test
    void membersGetContiguousBlocksInOrder() {
        assertEquals(List.of(0, 3, 6, 10), List.of(EnsembleModel.blockStart(0, 3, 10),
                EnsembleModel.blockStart(1, 3, 10), EnsembleModel.blockStart(2, 3, 10), EnsembleModel.blockStart(3, 3, 10)));
        assertEquals(List.of(0, 0, 1, 2), List.of(EnsembleModel.blockStart(0, 3, 2),
                EnsembleModel.blockStart(1, 3, 2), EnsembleModel.blockStart(2, 3, 2), EnsembleModel.blockStart(3, 3, 2)));
    }

    /** Block i of the ensemble's 100 paths is the first paths of member i's own forecast for the same key. */
    @Test
    void eachBlockIsItsMembersOwnForecast() {
        MarketSeries series = DATA.series();
        MarketSeries training = series.cutAt(TRAIN.minusDays(1));
        int n = 100;
        float[][] mixed;
        try (ModelState ensemble = REGISTRY.model("ens").fit(training)) {
            mixed = Forecaster.paths(ensemble, series, "ens", START, n, 14);
        }
        for (int i = 0; i < MEMBERS.size(); i++) {
            String name = MEMBERS.get(i);
            int from = EnsembleModel.blockStart(i, MEMBERS.size(), n);
            int to = EnsembleModel.blockStart(i + 1, MEMBERS.size(), n);
            try (ModelState own = REGISTRY.model(name).fit(training)) {
                float[][] alone = Forecaster.paths(own, series, name, START, n, 14);
                for (int p = from; p < to; p++) {
                    assertArrayEquals(alone[p - from], mixed[p], name + " path " + (p - from + 1));
                }
            }
        }
        assertTrue(!Arrays.equals(mixed[0], mixed[n - 1]), "the blocks come from different members");
    }

    @Test
    void theStoredFitHoldsEveryMembersParametersAndRestoresExactly() {
        ForecastModel model = REGISTRY.model("ens");
        try (ModelState fitted = model.fit(DATA.series().cutAt(TRAIN.minusDays(1)))) {
            Map<String, Double> stored = fitted.parameters();
            try (ModelState garch = REGISTRY.model("garch_t").fit(DATA.series().cutAt(TRAIN.minusDays(1)))) {
                garch.parameters().forEach((k, v) -> assertEquals(v, stored.get("garch_t." + k), k));
            }
            assertTrue(stored.keySet().stream().allMatch(k -> MEMBERS.stream().anyMatch(m -> k.startsWith(m + "."))),
                    stored.toString());
            try (ModelState restored = model.restore(stored)) {
                assertEquals(stored, restored.parameters());
                assertTrue(Arrays.deepEquals(Forecaster.paths(fitted, DATA.series(), "ens", START, 30, 14),
                        Forecaster.paths(restored, DATA.series(), "ens", START, 30, 14)));
            }
        }
    }

    @Test
    void itReadsWhatItsMembersRead() {
        ForecastModel model = REGISTRY.model("ens");
        assertEquals(new Reads(400, List.of(SeriesData.TEMP)), model.fitReads()); // garch_t's window, arima's exog
        assertEquals(new Reads(400, List.of(SeriesData.TEMP)), model.forecastReads());
    }
}
