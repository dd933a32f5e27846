package hindcast.model.xgboost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * A booster's trees evaluated in Java, bit for bit as XGBoost's CPU predictor does: from the base score, each
 * tree's leaf is added in tree order in float arithmetic; a node sends a missing (NaN) feature to its default
 * child and otherwise goes left when {@code value < split}. For 150 depth-3 trees this is faster than a native
 * call, which pays a JNI copy and a per-call setup. Immutable, so one forest serves any thread.
 * <p>
 * Layout for speed: every tree is walked a fixed number of steps (its depth) with no data-dependent branch, a
 * leaf pointing to itself; trees are the outer loop, so one tree's nodes stay in cache across all rows. Rows
 * with a missing feature take a branching walk, since a NaN must follow each node's default direction.
 */
final class Forest {
    private final float base;
    private final int[] roots;
    private final int[] depths;
    // One slot per node of every tree: its split feature and threshold, and its children at 2n (left) and
    // 2n + 1 (right). A leaf is its own child and holds its value in leaf.
    private final int[] feature;
    private final float[] split;
    private final int[] children;
    private final int[] missing;
    private final float[] leaf;

    private Forest(float base, int[] roots, int[] depths, int[] feature, float[] split, int[] children,
                   int[] missing, float[] leaf) {
        this.base = base;
        this.roots = roots;
        this.depths = depths;
        this.feature = feature;
        this.split = split;
        this.children = children;
        this.missing = missing;
        this.leaf = leaf;
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
        int[] depths = new int[trees.size()];
        int[] feature = new int[nodes];
        float[] split = new float[nodes];
        int[] children = new int[2 * nodes];
        int[] missing = new int[nodes];
        float[] leaf = new float[nodes];
        int at = 0;
        for (int t = 0; t < roots.length; t++) {
            JsonNode tree = trees.get(t);
            int root = at;
            roots[t] = root;
            int[] depth = new int[tree.get("left_children").size()];
            for (int n = 0; n < depth.length; n++, at++) {
                if (tree.get("split_type").get(n).asInt() != 0) {
                    throw new IllegalArgumentException("xgboost forest supports numerical splits only");
                }
                int l = tree.get("left_children").get(n).asInt();
                int r = tree.get("right_children").get(n).asInt();
                // Shortest float decimals: reading them through double gives the same float.
                float condition = (float) tree.get("split_conditions").get(n).asDouble();
                if (l < 0) {
                    children[2 * at] = at;
                    children[2 * at + 1] = at;
                    missing[at] = at;
                    leaf[at] = condition;
                    depths[t] = Math.max(depths[t], depth[n]);
                } else {
                    feature[at] = tree.get("split_indices").get(n).asInt();
                    split[at] = condition;
                    children[2 * at] = root + l;
                    children[2 * at + 1] = root + r;
                    missing[at] = tree.get("default_left").get(n).asInt() != 0 ? root + l : root + r;
                    // Children follow their parent in XGBoost's node order.
                    depth[l] = depth[n] + 1;
                    depth[r] = depth[n] + 1;
                }
            }
        }
        return new Forest(base, roots, depths, feature, split, children, missing, leaf);
    }

    /**
     * This forest for rows whose features {@code first, first + 1, ...} all equal {@code fixed}: each split on
     * one of them is decided here, once, instead of in every row. A row reaches the same leaf of every tree as
     * in the full forest and the leaves are summed in the same order, so predictions keep every bit. The result
     * reads only features below {@code first}: its rows may be that narrow.
     */
    Forest given(int first, float[] fixed) {
        int[] newRoots = new int[roots.length];
        int[] newDepths = new int[roots.length];
        Copy copy = new Copy(feature.length);
        for (int t = 0; t < roots.length; t++) {
            newRoots[t] = copy.subtree(this, decide(roots[t], first, fixed), first, fixed);
            newDepths[t] = copy.depth;
        }
        return new Forest(base, newRoots, newDepths, copy.feature, copy.split, copy.children, copy.missing,
                copy.leaf);
    }

    /** The first node at or below {@code n} whose split is not on a fixed feature. */
    private int decide(int n, int first, float[] fixed) {
        while (children[2 * n] != n && feature[n] >= first) {
            n = next(n, fixed[feature[n] - first]);
        }
        return n;
    }

    private int next(int n, float v) {
        return Float.isNaN(v) ? missing[n] : children[2 * n + (v < split[n] ? 0 : 1)];
    }

    /** Arrays of a specialised forest, filled tree by tree; {@code depth} is the last tree's depth. */
    private static final class Copy {
        final int[] feature;
        final float[] split;
        final int[] children;
        final int[] missing;
        final float[] leaf;
        int size;
        int depth;

        Copy(int capacity) {
            feature = new int[capacity];
            split = new float[capacity];
            children = new int[2 * capacity];
            missing = new int[capacity];
            leaf = new float[capacity];
        }

        int subtree(Forest from, int n, int first, float[] fixed) {
            depth = 0;
            return node(from, n, 0, first, fixed);
        }

        private int node(Forest from, int n, int level, int first, float[] fixed) {
            int at = size++;
            if (from.children[2 * n] == n) {
                children[2 * at] = at;
                children[2 * at + 1] = at;
                missing[at] = at;
                leaf[at] = from.leaf[n];
                depth = Math.max(depth, level);
                return at;
            }
            int l = from.children[2 * n];
            int r = from.children[2 * n + 1];
            feature[at] = from.feature[n];
            split[at] = from.split[n];
            children[2 * at] = node(from, from.decide(l, first, fixed), level + 1, first, fixed);
            children[2 * at + 1] = node(from, from.decide(r, first, fixed), level + 1, first, fixed);
            missing[at] = from.missing[n] == l ? children[2 * at] : children[2 * at + 1];
            return at;
        }
    }

    /** Writes the prediction of each of the first {@code count} rows of {@code x} (row-major) to {@code out}. */
    void predict(float[] x, int count, int width, float[] out) {
        boolean complete = true;
        for (int i = 0; i < count * width; i++) {
            complete &= !Float.isNaN(x[i]);
        }
        Arrays.fill(out, 0, count, base);
        int[] node = new int[count];
        for (int t = 0; t < roots.length; t++) {
            Arrays.fill(node, roots[t]);
            // Level by level across all rows: each row's step is independent of the others', so they overlap.
            for (int d = 0; d < depths[t]; d++) {
                if (complete) {
                    for (int row = 0, offset = 0; row < count; row++, offset += width) {
                        int n = node[row];
                        node[row] = children[2 * n + (x[offset + feature[n]] < split[n] ? 0 : 1)];
                    }
                } else {
                    for (int row = 0, offset = 0; row < count; row++, offset += width) {
                        int n = node[row];
                        node[row] = next(n, x[offset + feature[n]]);
                    }
                }
            }
            for (int row = 0; row < count; row++) {
                out[row] += leaf[node[row]];
            }
        }
    }
}
