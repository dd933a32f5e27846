package hindcast.model.xgboost;

/**
 * What remains of a tree in heap layout ({@link ForestLayout}) once bounds settle some of its splits: each
 * settled split, and each padding split, followed to the child all rows take, and the rest laid out again as a
 * complete tree of the depth it needs. Depends only on the tree's depth and on how each of its splits goes, so
 * the shapes of shallow trees, the usual ones, are worked out once for every combination and looked up: a forest
 * is pruned once per block of rows, and working a shape out branches on every split.
 *
 * @param depth    the pruned tree's depth
 * @param nodeFrom for each node of the pruned tree in heap order, the heap position of the split it copies, or
 *                 -1 for a padding split (a leaf above the bottom level)
 * @param leafFrom for each leaf of the pruned tree, left to right, the leaf it copies (0 is the leftmost)
 */
record PrunedShape(int depth, int[] nodeFrom, int[] leafFrom) {
    /** How a split goes for all rows: 0 if the bounds leave it open, else {@link #LEFT} or {@link #RIGHT}. */
    static final int LEFT = 1;
    static final int RIGHT = 2;

    // Trees up to this depth have their shapes looked up: 3^7 combinations for depth 3.
    private static final int TABLED = 3;
    // TABLE[d][code]: the shape of a depth-d tree whose splits go as code says (see code()).
    private static final PrunedShape[][] TABLE = new PrunedShape[TABLED + 1][];

    static {
        for (int d = 0; d <= TABLED; d++) {
            int splits = (1 << d) - 1;
            TABLE[d] = new PrunedShape[1 << 2 * splits];
            byte[] way = new byte[splits];
            for (int code = 0; code < TABLE[d].length; code++) {
                boolean valid = true;
                for (int n = 0; n < splits; n++) {
                    way[n] = (byte) (code >> 2 * n & 3);
                    valid &= way[n] <= RIGHT;
                }
                if (valid) {
                    TABLE[d][code] = of(d, way, 0);
                }
            }
        }
    }

    /**
     * The shape of a tree of depth {@code depth} whose split at heap position n goes as
     * {@code way[at + n]}.
     */
    static PrunedShape shape(int depth, byte[] way, int at) {
        return depth <= TABLED ? TABLE[depth][code(depth, way, at)] : of(depth, way, at);
    }

    /** The ways of a tree's splits, two bits each, the root's lowest. */
    private static int code(int depth, byte[] way, int at) {
        int code = 0;
        for (int n = (1 << depth) - 2; n >= 0; n--) {
            code = code << 2 | way[at + n];
        }
        return code;
    }

    private static PrunedShape of(int depth, byte[] way, int at) {
        return new Builder(depth, way, at).shape();
    }

    private static final class Builder {
        private final int bottom;
        private final byte[] way;
        private final int at;
        private final int depth;
        private final int[] nodeFrom;
        private final int[] leafFrom;

        Builder(int sourceDepth, byte[] way, int at) {
            this.bottom = (1 << sourceDepth) - 1;
            this.way = way;
            this.at = at;
            this.depth = depthBelow(open(0));
            this.nodeFrom = new int[(1 << depth) - 1];
            this.leafFrom = new int[1 << depth];
        }

        PrunedShape shape() {
            place(open(0), 0);
            return new PrunedShape(depth, nodeFrom, leafFrom);
        }

        /** The first node at or below heap position n that is a leaf or an open split. */
        private int open(int n) {
            while (n < bottom && way[at + n] != 0) {
                n = 2 * n + way[at + n];
            }
            return n;
        }

        private int depthBelow(int n) {
            return n >= bottom ? 0 : 1 + Math.max(depthBelow(open(2 * n + 1)), depthBelow(open(2 * n + 2)));
        }

        /** Records node n, a leaf or an open split, at heap position {@code to} of the pruned tree. */
        private void place(int n, int to) {
            int newBottom = (1 << depth) - 1;
            if (to >= newBottom) {
                leafFrom[to - newBottom] = n - bottom;
            } else if (n >= bottom) {
                nodeFrom[to] = -1;
                place(n, 2 * to + 1);
                place(n, 2 * to + 2);
            } else {
                nodeFrom[to] = n;
                place(open(2 * n + 1), 2 * to + 1);
                place(open(2 * n + 2), 2 * to + 2);
            }
        }
    }
}
