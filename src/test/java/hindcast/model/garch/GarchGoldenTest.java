package hindcast.model.garch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The fit, likelihood and variance forecast agree with R's fGarch on a simulated GARCH(1,1)-t series
 * (1,500 returns, written with fGarch's results by scripts/golden/garch_golden.R).
 */
class GarchGoldenTest {
    private static final double[] RETURNS;
    private static final JsonNode GOLDEN;

    static {
        try (InputStream csv = resource("garch_series.csv"); InputStream json = resource("garch_golden.json")) {
            String[] lines = new String(csv.readAllBytes(), StandardCharsets.UTF_8).trim().split("\n");
            RETURNS = new double[lines.length - 2];
            double previous = Double.parseDouble(lines[1].split(",")[1]);
            for (int i = 2; i < lines.length; i++) {
                double close = Double.parseDouble(lines[i].trim().split(",")[1]);
                RETURNS[i - 2] = Math.log(close / previous);
                previous = close;
            }
            GOLDEN = new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static GarchParams golden() {
        return new GarchParams(GOLDEN.get("mu").asDouble(), GOLDEN.get("omega").asDouble(),
                GOLDEN.get("alpha").asDouble(), GOLDEN.get("beta").asDouble(), GOLDEN.get("shape").asDouble());
    }

    @Test
    void theSeriesIsTheOneFGarchFitted() {
        assertEquals(GOLDEN.get("n").asInt(), RETURNS.length);
    }

    /** Same formula, same parameters: only rounding differs (1e-10 relative). */
    @Test
    void theLikelihoodAtFGarchsParametersIsFGarchs() {
        double llf = GOLDEN.get("loglik").asDouble();
        assertEquals(llf, Garch.logLikelihood(golden(), RETURNS), 1e-10 * Math.abs(llf));
    }

    /**
     * Two optimisers (nlminb there, BFGS here) stop at slightly different points of the optimum: the
     * log-likelihood agrees to 1e-9 relative, the parameters to 1e-4 relative (they differ by about 1e-6 today;
     * 1e-4 leaves room for another platform's rounding, not for another optimum).
     */
    @Test
    void theFitMatchesFGarch() {
        GarchParams ours = Garch.fit(RETURNS);
        GarchParams theirs = golden();
        double llf = GOLDEN.get("loglik").asDouble();
        double ll = Garch.logLikelihood(ours, RETURNS);
        assertEquals(llf, ll, 1e-9 * Math.abs(llf));
        assertEquals(theirs.mu(), ours.mu(), 1e-4 * Math.abs(theirs.mu()), "mu");
        assertEquals(theirs.omega(), ours.omega(), 1e-4 * theirs.omega(), "omega");
        assertEquals(theirs.alpha(), ours.alpha(), 1e-4 * theirs.alpha(), "alpha");
        assertEquals(theirs.beta(), ours.beta(), 1e-4 * theirs.beta(), "beta");
        assertEquals(theirs.shape(), ours.shape(), 1e-4 * theirs.shape(), "shape");
    }

    /** fGarch's predict at its parameters, to 1e-10 relative; from our fit, to 1e-4 relative. */
    @Test
    void theVarianceForecastMatchesFGarchs() {
        JsonNode expected = GOLDEN.get("forecast_variance");
        int horizon = GOLDEN.get("horizon").asInt();
        double[] atTheirs = Garch.forecastVariance(golden(), RETURNS, horizon);
        double[] atOurs = Garch.forecastVariance(Garch.fit(RETURNS), RETURNS, horizon);
        for (int k = 0; k < horizon; k++) {
            double v = expected.get(k).asDouble();
            assertEquals(v, atTheirs[k], 1e-10 * v, "step " + (k + 1) + " at fGarch's parameters");
            assertEquals(v, atOurs[k], 1e-4 * v, "step " + (k + 1) + " from our fit");
        }
    }

    private static InputStream resource(String name) {
        return GarchGoldenTest.class.getResourceAsStream("/golden/" + name);
    }
}
