package hindcast.model.xgboost;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * The package's only contact with XGBoost4J: train, predict, save and load, with XGBoost's checked errors
 * turned into unchecked ones and every native DMatrix freed as soon as it has been used.
 */
final class Boosters {
    private Boosters() {
    }

    /** Fits on rows [0, count) of {@code rows}. No watches: XGBoost would print every round's metric to stdout. */
    static Booster train(XgbFeatures.Rows rows, int count, XgbParams params) {
        DMatrix data = null;
        try {
            data = matrix(rows.x(), count, rows.width());
            data.setLabel(Arrays.copyOf(rows.y(), count));
            return XGBoost.train(data, params.boosterParams(), params.rounds(), Map.of(), null, null);
        } catch (XGBoostError e) {
            throw new IllegalStateException("xgboost training failed: " + e.getMessage(), e);
        } finally {
            dispose(data);
        }
    }

    /**
     * One prediction per row of {@code x} (rows of {@code width} features, row-major), in one native call. In-place
     * prediction reads the array directly: no DMatrix to build and free per call.
     */
    static float[] predict(Booster booster, float[] x, int count, int width) {
        try {
            float[][] out = booster.inplace_predict(x, count, width, Float.NaN);
            float[] flat = new float[count];
            for (int i = 0; i < count; i++) {
                flat[i] = out[i][0];
            }
            return flat;
        } catch (XGBoostError e) {
            throw new IllegalStateException("xgboost prediction failed: " + e.getMessage(), e);
        }
    }

    static byte[] save(Booster booster) {
        try {
            return booster.toByteArray("ubj");
        } catch (XGBoostError e) {
            throw new IllegalStateException("xgboost could not serialise the booster: " + e.getMessage(), e);
        }
    }

    /** A booster from saved bytes, single-threaded: the model file does not carry training's nthread. */
    static Booster load(byte[] bytes) {
        try {
            Booster booster = XGBoost.loadModel(bytes);
            booster.setParam("nthread", 1);
            return booster;
        } catch (XGBoostError | IOException e) {
            throw new IllegalStateException("xgboost could not load the stored booster: " + e.getMessage(), e);
        }
    }

    /** The booster's trees as a {@link Forest}; the native booster lives only while they are read. */
    static Forest forest(byte[] bytes) {
        Booster booster = load(bytes);
        try {
            return Forest.fromJson(booster.toByteArray("json"));
        } catch (XGBoostError e) {
            throw new IllegalStateException("xgboost could not export the stored booster: " + e.getMessage(), e);
        } finally {
            booster.dispose();
        }
    }

    private static DMatrix matrix(float[] x, int count, int width) throws XGBoostError {
        // The constructor copies the first count * width values; NaN marks a missing covariate.
        return new DMatrix(x.length == count * width ? x : Arrays.copyOf(x, count * width),
                count, width, Float.NaN);
    }

    private static void dispose(DMatrix data) {
        if (data != null) {
            data.dispose();
        }
    }
}
