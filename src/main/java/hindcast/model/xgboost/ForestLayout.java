package hindcast.model.xgboost;

import java.util.List;

/**
 * Lays trees out as a {@link Forest} evaluates them: each tree a complete binary tree of its depth in heap order
 * (node i's children at 2i + 1 and 2i + 2), so a walk computes its next node instead of loading it. A leaf
 * above the bottom level becomes padding splits that send every row right, into copies of the leaf.
 */
final class ForestLayout {
    /** A tree to lay out, its nodes named by ints; {@link #left} and {@link #right} only of a split. */
    interface Tree {
        int root();

        boolean isLeaf(int n);

        int left(int n);

        int right(int n);

        int feature(int n);

        /** {@link Forest#orderKey} of the split's threshold. */
        int splitKey(int n);

        boolean defaultLeft(int n);

        float value(int n);
    }

    private final int[] depth;
    private final int[] nodeAt;
    private final int[] leafAt;
    private final long[] nodes;
    private final boolean[] defaultLeft;
    private final float[] leaf;

    private ForestLayout(List<? extends Tree> trees) {
        depth = new int[trees.size()];
        nodeAt = new int[trees.size()];
        leafAt = new int[trees.size()];
        int nodeCount = 0;
        int leafCount = 0;
        for (int t = 0; t < depth.length; t++) {
            depth[t] = depth(trees.get(t), trees.get(t).root());
            nodeAt[t] = nodeCount;
            leafAt[t] = leafCount;
            nodeCount += (1 << depth[t]) - 1;
            leafCount += 1 << depth[t];
        }
        nodes = new long[nodeCount];
        defaultLeft = new boolean[nodeCount];
        leaf = new float[leafCount];
        for (int t = 0; t < depth.length; t++) {
            place(trees.get(t), trees.get(t).root(), t, 0);
        }
    }

    /** The forest of {@code trees}, summed in list order onto {@code base}. */
    static Forest forest(float base, List<? extends Tree> trees) {
        ForestLayout l = new ForestLayout(trees);
        return new Forest(base, l.depth, l.nodeAt, l.leafAt, l.nodes, l.defaultLeft, l.leaf);
    }

    private static int depth(Tree tree, int n) {
        return tree.isLeaf(n) ? 0 : 1 + Math.max(depth(tree, tree.left(n)), depth(tree, tree.right(n)));
    }

    /** Writes source node {@code n} at heap position {@code at} of tree t. */
    private void place(Tree tree, int n, int t, int at) {
        int bottom = (1 << depth[t]) - 1;
        if (at >= bottom) {
            leaf[leafAt[t] + at - bottom] = tree.value(n);
        } else if (tree.isLeaf(n)) {
            nodes[nodeAt[t] + at] = Forest.node(Forest.PAD, 0);
            place(tree, n, t, 2 * at + 1);
            place(tree, n, t, 2 * at + 2);
        } else {
            nodes[nodeAt[t] + at] = Forest.node(tree.splitKey(n), tree.feature(n));
            defaultLeft[nodeAt[t] + at] = tree.defaultLeft(n);
            place(tree, tree.left(n), t, 2 * at + 1);
            place(tree, tree.right(n), t, 2 * at + 2);
        }
    }
}
