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
 * Layout for speed ({@link ForestLayout}): each tree is a complete binary tree in heap order, walked its depth
 * in steps with no data-dependent branch; trees are the outer loop, so one tree's nodes stay in cache across
 * all rows. A split is one long, its threshold's {@link #orderKey} and its feature, and a row's values are
 * compared as order keys: one load per node and an int comparison. Rows with a missing feature take a slower
 * walk, since a NaN must follow each node's default direction.
 */
final class Forest {
    /** Order key of a padding split: below every value's key, so every row goes right. */
    static final int PAD = Integer.MIN_VALUE;

    private final float base;
    private final int[] depth;
    // Tree t's nodes are nodes[nodeAt[t] ..] in heap order, its leaves leaf[leafAt[t] ..] left to right.
    private final int[] nodeAt;
    private final int[] leafAt;
    private final long[] nodes;
    private final boolean[] defaultLeft;
    private final float[] leaf;

    Forest(float base, int[] depth, int[] nodeAt, int[] leafAt, long[] nodes, boolean[] defaultLeft, float[] leaf) {
        this.base = base;
        this.depth = depth;
        this.nodeAt = nodeAt;
        this.leafAt = leafAt;
        this.nodes = nodes;
        this.defaultLeft = defaultLeft;
        this.leaf = leaf;
    }

    /** A split as stored: the order key of its threshold in the high half, its feature in the low half. */
    static long node(int splitKey, int feature) {
        return (long) splitKey << 32 | feature;
    }

    /**
     * An int that orders floats other than NaN as {@code <} does, -0 and +0 alike: the magnitude's bits,
     * negated for a negative value. It never reaches {@link #PAD}.
     */
    static int orderKey(float v) {
        int bits = Float.floatToRawIntBits(v);
        int sign = bits >> 31;
        // Negates without a branch, which random signs would mispredict: (m ^ -1) + 1 == -m.
        return ((bits & 0x7fffffff) ^ sign) - sign;
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
        return ForestLayout.forest(base, new JsonTrees(learner.get("gradient_booster").get("model").get("trees")));
    }

    /**
     * This forest for a block of rows known in advance: in every row, feature f lies in [low[f], high[f]], or
     * is missing if both are NaN; any other pair (such as +inf, -inf) says nothing. Each split whose side these
     * bounds settle for every row is decided here, once, instead of in every row: a row reaches the same leaf of
     * every tree as in the full forest, and the leaves are summed in the same order, so predictions keep every
     * bit. No split of the result reads a feature with low[f] == high[f] or both NaN: rows may leave it out.
     */
    Forest given(float[] low, float[] high) {
        byte[] way = ways(low, high);
        PrunedShape[] shapes = new PrunedShape[depth.length];
        int[] newDepth = new int[depth.length];
        int[] newNodeAt = new int[depth.length];
        int[] newLeafAt = new int[depth.length];
        int nodeCount = 0;
        int leafCount = 0;
        for (int t = 0; t < depth.length; t++) {
            shapes[t] = PrunedShape.shape(depth[t], way, nodeAt[t]);
            newDepth[t] = shapes[t].depth();
            newNodeAt[t] = nodeCount;
            newLeafAt[t] = leafCount;
            nodeCount += shapes[t].nodeFrom().length;
            leafCount += shapes[t].leafFrom().length;
        }
        long[] newNodes = new long[nodeCount];
        boolean[] newDefaultLeft = new boolean[nodeCount];
        float[] newLeaf = new float[leafCount];
        for (int t = 0; t < depth.length; t++) {
            int[] nodeFrom = shapes[t].nodeFrom();
            for (int i = 0; i < nodeFrom.length; i++) {
                int n = nodeAt[t] + nodeFrom[i];
                newNodes[newNodeAt[t] + i] = nodeFrom[i] < 0 ? node(PAD, 0) : nodes[n];
                newDefaultLeft[newNodeAt[t] + i] = nodeFrom[i] >= 0 && defaultLeft[n];
            }
            int[] leafFrom = shapes[t].leafFrom();
            for (int i = 0; i < leafFrom.length; i++) {
                newLeaf[newLeafAt[t] + i] = leaf[leafAt[t] + leafFrom[i]];
            }
        }
        return new Forest(base, newDepth, newNodeAt, newLeafAt, newNodes, newDefaultLeft, newLeaf);
    }

    /**
     * The bounds {@link #given} takes of the first {@code width} features of rows [from, to) of x: [min, max]
     * if no row misses the feature, NaN and NaN if every row does, else +inf and -inf.
     */
    static void bounds(float[] x, int from, int to, int width, float[] low, float[] high) {
        for (int f = 0; f < width; f++) {
            float min = Float.POSITIVE_INFINITY;
            float max = Float.NEGATIVE_INFINITY;
            int missing = 0;
            for (int i = from * width + f; i < to * width; i += width) {
                float v = x[i];
                missing += Float.isNaN(v) ? 1 : 0;
                min = v < min ? v : min;
                max = v > max ? v : max;
            }
            boolean none = missing == to - from;
            low[f] = none ? Float.NaN : missing > 0 ? Float.POSITIVE_INFINITY : min;
            high[f] = none ? Float.NaN : missing > 0 ? Float.NEGATIVE_INFINITY : max;
        }
    }

    /**
     * Writes the prediction of each row in [from, to) of {@code x} (row-major) to the same index of {@code out}.
     * {@code keys} is scratch space laid out as x: a caller predicting block after block passes the same array,
     * which stays in cache, where a fresh one would be written to cold memory.
     */
    void predict(float[] x, int from, int to, int width, float[] out, int[] keys) {
        boolean complete = true;
        for (int i = from * width; i < to * width; i++) {
            float v = x[i];
            complete &= v == v;
            keys[i] = orderKey(v);
        }
        Arrays.fill(out, from, to, base);
        for (int t = 0; t < depth.length; t++) {
            if (complete) {
                add(t, keys, from, to, width, out);
            } else {
                addWithMissing(t, x, from, to, width, out);
            }
        }
    }

    /**
     * Adds tree t's leaf to each row's sum; the usual depths are unrolled, so a row's walk is straight code. The
     * top splits are held in registers and both children of the root are compared, the root's outcome then
     * picking one without a branch: a row's walk no longer waits for the second level's node to load (6–11 %
     * less CPU per forecast in {@code XgbThroughput}; a third level compared the same way cost more than it saved).
     */
    private void add(int t, int[] keys, int from, int to, int width, float[] out) {
        int at = nodeAt[t];
        int leaves = leafAt[t];
        switch (depth[t]) {
            case 0 -> {
                float v = leaf[leaves];
                for (int row = from; row < to; row++) {
                    out[row] += v;
                }
            }
            case 1 -> {
                for (int row = from, o = from * width; row < to; row++, o += width) {
                    out[row] += leaf[leaves + right(keys, o, nodes[at])];
                }
            }
            case 2 -> {
                long n0 = nodes[at], n1 = nodes[at + 1], n2 = nodes[at + 2];
                for (int row = from, o = from * width; row < to; row++, o += width) {
                    int r0 = right(keys, o, n0);
                    int a = right(keys, o, n1);
                    int r1 = a + ((right(keys, o, n2) - a) & -r0); // r0 == 1 ? right at n2 : a
                    out[row] += leaf[leaves + 2 * r0 + r1];
                }
            }
            case 3 -> {
                long n0 = nodes[at], n1 = nodes[at + 1], n2 = nodes[at + 2];
                for (int row = from, o = from * width; row < to; row++, o += width) {
                    int r0 = right(keys, o, n0);
                    int a = right(keys, o, n1);
                    int i = 2 * r0 + a + ((right(keys, o, n2) - a) & -r0);
                    out[row] += leaf[leaves + 2 * i + right(keys, o, nodes[at + 3 + i])];
                }
            }
            default -> {
                int bottom = (1 << depth[t]) - 1;
                for (int row = from, o = from * width; row < to; row++, o += width) {
                    int i = 0;
                    while (i < bottom) {
                        i = 2 * i + 1 + right(keys, o, nodes[at + i]);
                    }
                    out[row] += leaf[leaves + i - bottom];
                }
            }
        }
    }

    /** 1 if the row at {@code o} goes right at {@code node}, else 0. */
    private static int right(int[] keys, int o, long node) {
        return keys[o + (int) node] < (int) (node >> 32) ? 0 : 1;
    }

    private void addWithMissing(int t, float[] x, int from, int to, int width, float[] out) {
        int bottom = (1 << depth[t]) - 1;
        for (int row = from, o = from * width; row < to; row++, o += width) {
            int i = 0;
            while (i < bottom) {
                int n = nodeAt[t] + i;
                i = 2 * i + (goesRight(n, x[o + (int) nodes[n]]) ? 2 : 1);
            }
            out[row] += leaf[leafAt[t] + i - bottom];
        }
    }

    private boolean goesRight(int n, float v) {
        return Float.isNaN(v) ? !defaultLeft[n] : orderKey(v) >= (int) (nodes[n] >> 32);
    }

    /** The trees of XGBoost's JSON model; a node is a leaf when it has no children, its value then the leaf's. */
    private static final class JsonTrees implements ForestLayout.Trees {
        private final int[][] left;
        private final int[][] right;
        private final int[][] feature;
        private final float[][] condition;
        private final boolean[][] defaultLeft;

        JsonTrees(JsonNode trees) {
            left = new int[trees.size()][];
            right = new int[trees.size()][];
            feature = new int[trees.size()][];
            condition = new float[trees.size()][];
            defaultLeft = new boolean[trees.size()][];
            for (int t = 0; t < trees.size(); t++) {
                JsonNode tree = trees.get(t);
                int size = tree.get("left_children").size();
                left[t] = new int[size];
                right[t] = new int[size];
                feature[t] = new int[size];
                condition[t] = new float[size];
                defaultLeft[t] = new boolean[size];
                for (int n = 0; n < size; n++) {
                    if (tree.get("split_type").get(n).asInt() != 0) {
                        throw new IllegalArgumentException("xgboost forest supports numerical splits only");
                    }
                    left[t][n] = tree.get("left_children").get(n).asInt();
                    right[t][n] = tree.get("right_children").get(n).asInt();
                    feature[t][n] = tree.get("split_indices").get(n).asInt();
                    // Shortest float decimals: reading them through double gives the same float.
                    condition[t][n] = (float) tree.get("split_conditions").get(n).asDouble();
                    defaultLeft[t][n] = tree.get("default_left").get(n).asInt() != 0;
                }
            }
        }

        @Override
        public int count() {
            return left.length;
        }

        @Override
        public int root(int t) {
            return 0;
        }

        @Override
        public boolean isLeaf(int t, int n) {
            return left[t][n] < 0;
        }

        @Override
        public int left(int t, int n) {
            return left[t][n];
        }

        @Override
        public int right(int t, int n) {
            return right[t][n];
        }

        @Override
        public int feature(int t, int n) {
            return feature[t][n];
        }

        @Override
        public int splitKey(int t, int n) {
            return orderKey(condition[t][n]);
        }

        @Override
        public boolean defaultLeft(int t, int n) {
            return defaultLeft[t][n];
        }

        @Override
        public float value(int t, int n) {
            return condition[t][n];
        }
    }

    /**
     * For each split of this forest, how rows within the bounds go: {@link PrunedShape#LEFT} if every row goes
     * left, {@link PrunedShape#RIGHT} if every row goes right, 0 if the bounds do not tell. Branch-free where a
     * feature has bounds, as a branch on each split's outcome would be mispredicted: the bounds' order keys are
     * compared with the split's.
     */
    private byte[] ways(float[] low, float[] high) {
        int features = low.length;
        int[] lowKey = new int[features];
        int[] highKey = new int[features];
        boolean[] missing = new boolean[features];
        for (int f = 0; f < features; f++) {
            missing[f] = Float.isNaN(low[f]) && Float.isNaN(high[f]);
            boolean known = low[f] <= high[f];
            // Unknown: only a padding split (key PAD) is at or below the low key; no split is above the high.
            lowKey[f] = known ? orderKey(low[f]) : PAD;
            highKey[f] = known ? orderKey(high[f]) : Integer.MAX_VALUE;
        }
        byte[] way = new byte[nodes.length];
        for (int n = 0; n < nodes.length; n++) {
            int key = (int) (nodes[n] >> 32);
            int f = (int) nodes[n];
            // A padding split's key is at or below every low key: right, whatever its feature's bounds.
            int settled = (lowKey[f] >= key ? PrunedShape.RIGHT : 0) | (highKey[f] < key ? PrunedShape.LEFT : 0);
            way[n] = (byte) (missing[f] && key != PAD ? defaultLeft[n] ? PrunedShape.LEFT : PrunedShape.RIGHT
                    : settled);
        }
        return way;
    }
}
