package hindcast.model.sarimax;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The committed series and statsmodels' results for it (written by scripts/golden/sarimax_golden.py). */
final class Golden {
    static final double[] Y;
    static final double[][] X;
    static final int N_FIT;
    static final int HORIZON;
    static final List<Case> CASES = new ArrayList<>();

    /** One order's statsmodels results, fitted on the first N_FIT rows. */
    record Case(SarimaxParams params, double llf, double aic, double[] mean, double[] variance, double[] lower80,
                double[] upper80, double[] lower95, double[] upper95) {
    }

    static {
        try (InputStream csv = resource("sarimax_series.csv"); InputStream json = resource("sarimax_golden.json")) {
            String[] lines = new String(csv.readAllBytes(), StandardCharsets.UTF_8).trim().split("\n");
            Y = new double[lines.length - 1];
            X = new double[lines.length - 1][2];
            for (int i = 1; i < lines.length; i++) {
                String[] f = lines[i].trim().split(",");
                Y[i - 1] = Double.parseDouble(f[1]);
                X[i - 1][0] = Double.parseDouble(f[2]);
                X[i - 1][1] = Double.parseDouble(f[3]);
            }
            JsonNode root = new ObjectMapper().readTree(json);
            N_FIT = root.get("n_fit").asInt();
            HORIZON = root.get("horizon").asInt();
            for (JsonNode c : root.get("cases")) {
                JsonNode o = c.get("order");
                SarimaxOrder order = new SarimaxOrder(o.get(0).asInt(), o.get(1).asInt(), o.get(2).asInt());
                SarimaxParams params = new SarimaxParams(order, array(c, "beta"), array(c, "phi"), array(c, "theta"),
                        c.get("sigma2").asDouble());
                CASES.add(new Case(params, c.get("llf").asDouble(), c.get("aic").asDouble(), array(c, "forecast_mean"),
                        array(c, "forecast_var"), array(c, "lower80"), array(c, "upper80"), array(c, "lower95"),
                        array(c, "upper95")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Golden() {
    }

    static double[] yFit() {
        return java.util.Arrays.copyOf(Y, N_FIT);
    }

    static double[][] xFit() {
        return java.util.Arrays.copyOf(X, N_FIT);
    }

    static double[][] xFuture() {
        return java.util.Arrays.copyOfRange(X, N_FIT, N_FIT + HORIZON);
    }

    private static InputStream resource(String name) {
        InputStream in = Golden.class.getResourceAsStream("/golden/" + name);
        if (in == null) {
            throw new IllegalStateException("missing test resource golden/" + name);
        }
        return in;
    }

    private static double[] array(JsonNode node, String field) {
        JsonNode a = node.get(field);
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).asDouble();
        }
        return out;
    }
}
