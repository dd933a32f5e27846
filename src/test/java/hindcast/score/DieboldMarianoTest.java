package hindcast.score;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Against R's forecast::dm.test (src/test/resources/golden/dm_golden.json, from scripts/golden/dm_golden.R). */
class DieboldMarianoTest {

    @Test
    void matchesRsDmTest() throws IOException {
        JsonNode cases;
        try (InputStream in = getClass().getResourceAsStream("/golden/dm_golden.json")) {
            cases = new ObjectMapper().readTree(in).get("cases");
        }
        assertEquals(8, cases.size());
        boolean fallback = false;
        for (JsonNode c : cases) {
            String name = c.get("name").asText();
            DieboldMariano.Result r = DieboldMariano.test(array(c.get("naive")), array(c.get("model")),
                    c.get("h").asInt());
            assertEquals(c.get("stat").asDouble(), r.statistic(), 1e-8, name);
            assertEquals(c.get("p").asDouble(), r.pValue(), 1e-8, name);
            fallback |= c.get("fallback").asBoolean();
        }
        assertTrue(fallback, "the golden file has a case where V <= 0 and R falls back to h = 1");
    }

    @Test
    void signIsPositiveWhenTheModelIsBetter() {
        double[] naive = {2.0, 2.1, 1.9, 2.2, 2.0, 2.05, 1.95, 2.1};
        double[] model = new double[naive.length];
        for (int i = 0; i < naive.length; i++) {
            model[i] = naive[i] - 0.1 - 0.02 * (i % 3);
        }
        assertTrue(DieboldMariano.test(naive, model, 1).statistic() > 0);
        assertTrue(DieboldMariano.test(model, naive, 1).statistic() < 0);
    }

    @Test
    void aHorizonAsLongAsTheSeriesIsTestedAtHorizonOne() {
        double[] naive = {2.0, 2.3, 1.8, 2.2, 2.6, 1.9, 2.1, 2.4, 2.0, 2.2};
        double[] model = {1.9, 2.35, 1.7, 2.0, 2.5, 2.0, 2.0, 2.3, 1.95, 2.1};
        assertEquals(DieboldMariano.test(naive, model, 1), DieboldMariano.test(naive, model, 10));
        assertEquals(DieboldMariano.test(naive, model, 1), DieboldMariano.test(naive, model, 14));
    }

    @Test
    void undefinedWithoutVariation() {
        assertTrue(Double.isNaN(DieboldMariano.test(new double[] {1.0}, new double[] {0.9}, 1).statistic()));
        DieboldMariano.Result constant = DieboldMariano.test(new double[] {1.0, 2.0, 3.0}, new double[] {0.5, 1.5, 2.5},
                2);
        assertTrue(Double.isNaN(constant.statistic()) && Double.isNaN(constant.pValue()));
        assertThrows(IllegalArgumentException.class, () -> DieboldMariano.test(new double[2], new double[3], 1));
    }

    private static double[] array(JsonNode values) {
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i).asDouble();
        }
        return out;
    }
}
