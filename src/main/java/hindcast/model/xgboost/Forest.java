package hindcast.model.xgboost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A booster's trees evaluated in Java, bit for bit as XGBoost's CPU predictor does: from the base score, each
 * tree's leaf is added in tree order in float arithmetic; a node sends a missing (NaN) feature to its default
 * child and otherwise goes left when {@code value < split}. A native predict call costs a JNI copy and a
 * per-call setup that dwarf 150 depth-3 trees; this does not. Immutable, so one forest serves any thread.
 */
final class Forest {
    private final float base;
    private final int[] roots;
    // One slot per node of every tree; a leaf has left = -1 and its value in split.
    private final int[] feature;
    private final float[] split;
    private final int[] left;
    private final int[] right;
    private final int[] missing;

    private Forest(float base, int[] roots, int[] feature, float[] split, int[] left, int[] right, int[] missing) {
        this.base = base;
        this.roots = roots;
        this.feature = feature;
        this.split = split;
        this.left = left;
        this.right = right;
        this.missing = missing;
    }

    /**
     * The forest of a booster in XGBoost's JSON model format. Only what the simulator trains is supported: a
     * squared-error objective (no output transform), one target and numerical splits.
     */
    static Forest fromJson(byte[] json) {
        JsonNode learner;
        try {
            learner = new ObjectMapper().readTree(json).get("learner");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String objective = learner.get("objective").get("name").asText();
        JsonNode param = learner.get("learner_model_param");
        if (!objective.equals("reg:squarederror") || !param.get("num_target").asText().equals("1")) {
            throw new IllegalArgumentException("xgboost forest supports one reg:squarederror target, got "
                    + objective + " with " + param.get("num_target").asText() + " targets");
        }
        // Stored as "[-4.7969897E-4]": the shortest decimal that reads back as the exact float.
        float base = Float.parseFloat(param.get("base_score").asText().replaceAll("[\\[\\]]", ""));
        JsonNode trees = learner.get("gradient_booster").get("model").get("trees");
        int nodes = 0;
        for (JsonNode tree : trees) {
            nodes += tree.get("left_children").size();
        }
        int[] roots = new int[trees.size()];
        int[] feature = new int[nodes];
        float[] split = new float[nodes];
        int[] left = new int[nodes];
        int[] right = new int[nodes];
        int[] missing = new int[nodes];
        int at = 0;
        for (int t = 0; t < roots.length; t++) {
            JsonNode tree = trees.get(t);
            roots[t] = at;
            for (int n = 0; n < tree.get("left_children").size(); n++, at++) {
                if (tree.get("split_type").get(n).asInt() != 0) {
                    throw new IllegalArgumentException("xgboost forest supports numerical splits only");
                }
                int l = tree.get("left_children").get(n).asInt();
                int r = tree.get("right_children").get(n).asInt();
                feature[at] = tree.get("split_indices").get(n).asInt();
                // Shortest float decimals: reading them through double gives the same float.
                split[at] = (float) tree.get("split_conditions").get(n).asDouble();
                left[at] = l < 0 ? -1 : roots[t] + l;
                right[at] = r < 0 ? -1 : roots[t] + r;
                missing[at] = tree.get("default_left").get(n).asInt() != 0 ? left[at] : right[at];
            }
        }
        return new Forest(base, roots, feature, split, left, right, missing);
    }

    /** Writes the prediction of each of the first {@code count} rows of {@code x} (row-major) to {@code out}. */
    void predict(float[] x, int count, int width, float[] out) {
        for (int row = 0; row < count; row++) {
            int offset = row * width;
            float sum = base;
            for (int root : roots) {
                int node = root;
                while (left[node] >= 0) {
                    float v = x[offset + feature[node]];
                    node = Float.isNaN(v) ? missing[node] : v < split[node] ? left[node] : right[node];
                }
                sum += split[node];
            }
            out[row] = sum;
        }
    }
}
