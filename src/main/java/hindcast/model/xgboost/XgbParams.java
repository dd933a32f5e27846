package hindcast.model.xgboost;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Booster hyperparameters and the share of the training window held out for the residual pool. Training is
 * single-threaded with a fixed seed, so a fit is bit-identical on every run; Spark parallelises across tasks.
 */
public record XgbParams(int maxDepth, double eta, int rounds, double subsample, double colsample, long seed,
                        double holdoutFraction) {

    public XgbParams {
        if (maxDepth < 1 || rounds < 1 || !(eta > 0 && eta <= 1) || !(subsample > 0 && subsample <= 1)
                || !(colsample > 0 && colsample <= 1) || !(holdoutFraction > 0 && holdoutFraction < 1)) {
            throw new IllegalArgumentException("invalid xgboost parameters " + this);
        }
    }

    public static XgbParams defaults() {
        return new XgbParams(3, 0.05, 150, 0.8, 0.8, 42, 0.2);
    }

    /** The Booster parameter map: squared error on the log return, one thread, silent. */
    Map<String, Object> boosterParams() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("objective", "reg:squarederror");
        p.put("tree_method", "hist");
        p.put("max_depth", maxDepth);
        p.put("eta", eta);
        p.put("subsample", subsample);
        p.put("colsample_bytree", colsample);
        p.put("seed", seed);
        p.put("nthread", 1);
        p.put("verbosity", 0);
        return p;
    }
}
