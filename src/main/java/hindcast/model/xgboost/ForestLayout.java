package hindcast.model.xgboost;

/**
 * Lays trees out as a {@link Forest} evaluates them: each tree a complete binary tree of its depth in heap order
 * (node i's children at 2i + 1 and 2i + 2), so a walk computes its next node instead of loading it. A leaf
 * above the bottom level becomes padding splits that send every row right, into copies of the leaf.
 */
final class ForestLayout {
    /** Trees to lay out, tree t's nodes named by ints; {@link #left} and {@link #right} only of a split. */
    interface Trees {
        int count();

        int root(int t);

        boolean isLeaf(int t, int n);

        int left(int t, int n);

        int right(int t, int n);

        int feature(int t, int n);

        /** {@link Forest#orderKey} of the split's threshold. */
        int splitKey(int t, int n);

        boolean defaultLeft(int t, int n);

        float value(int t, int n);
    }

    private final int[] depth;
    private final int[] nodeAt;
    private final int[] leafAt;
    private final long[] nodes;
    private final boolean[] defaultLeft;
    private final float[] leaf;

    private ForestLayout(Trees trees) {
        depth = new int[trees.count()];
        nodeAt = new int[depth.length];
        leafAt = new int[depth.length];
        int nodeCount = 0;
        int leafCount = 0;
        for (int t = 0; t < depth.length; t++) {
            depth[t] = depth(trees, t, trees.root(t));
            nodeAt[t] = nodeCount;
            leafAt[t] = leafCount;
            nodeCount += (1 << depth[t]) - 1;
            leafCount += 1 << depth[t];
        }
        nodes = new long[nodeCount];
        defaultLeft = new boolean[nodeCount];
        leaf = new float[leafCount];
        for (int t = 0; t < depth.length; t++) {
            place(trees, t, trees.root(t), 0);
        }
    }

    /** The forest of {@code trees}, summed in tree order onto {@code base}. */
    static Forest forest(float base, Trees trees) {
        ForestLayout l = new ForestLayout(trees);
        return new Forest(base, l.depth, l.nodeAt, l.leafAt, l.nodes, l.defaultLeft, l.leaf);
    }

    private static int depth(Trees trees, int t, int n) {
        return trees.isLeaf(t, n) ? 0
                : 1 + Math.max(depth(trees, t, trees.left(t, n)), depth(trees, t, trees.right(t, n)));
    }

    /** Writes node {@code n} of tree t at heap position {@code at}. */
    private void place(Trees trees, int t, int n, int at) {
        int bottom = (1 << depth[t]) - 1;
        if (at >= bottom) {
            leaf[leafAt[t] + at - bottom] = trees.value(t, n);
        } else if (trees.isLeaf(t, n)) {
            nodes[nodeAt[t] + at] = Forest.node(Forest.PAD, 0);
            place(trees, t, n, 2 * at + 1);
            place(trees, t, n, 2 * at + 2);
        } else {
            nodes[nodeAt[t] + at] = Forest.node(trees.splitKey(t, n), trees.feature(t, n));
            defaultLeft[nodeAt[t] + at] = trees.defaultLeft(t, n);
            place(trees, t, trees.left(t, n), 2 * at + 1);
            place(trees, t, trees.right(t, n), 2 * at + 2);
        }
    }
}
