package hindcast.model.xgboost;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ForestLayoutTest {
    /** One tree's nodes as arrays; a node without children (left = -1) is a leaf whose value is its condition. */
    private record Tree(int[] left, int[] right, int[] feature, float[] condition, boolean[] defaultLeft) {
    }

    private record Trees(List<Tree> trees) implements ForestLayout.Trees {
        @Override
        public int count() {
            return trees.size();
        }

        @Override
        public int root(int t) {
            return 0;
        }

        @Override
        public boolean isLeaf(int t, int n) {
            return trees.get(t).left()[n] < 0;
        }

        @Override
        public int left(int t, int n) {
            return trees.get(t).left()[n];
        }

        @Override
        public int right(int t, int n) {
            return trees.get(t).right()[n];
        }

        @Override
        public int feature(int t, int n) {
            return trees.get(t).feature()[n];
        }

        @Override
        public int splitKey(int t, int n) {
            return Forest.orderKey(trees.get(t).condition()[n]);
        }

        @Override
        public boolean defaultLeft(int t, int n) {
            return trees.get(t).defaultLeft()[n];
        }

        @Override
        public float value(int t, int n) {
            return trees.get(t).condition()[n];
        }
    }

    /**
     * base 0.5; tree 1: x0 < 0.5 (missing: left) ? 1 : (x1 < 0 (missing: right) ? 2 : 3), a leaf above the
     * bottom level; tree 2: the single leaf 0.25.
     */
    private static final Forest FOREST = ForestLayout.forest(0.5f, new Trees(List.of(
            new Tree(new int[] {1, -1, 3, -1, -1}, new int[] {2, -1, 4, -1, -1}, new int[] {0, 0, 1, 0, 0},
                    new float[] {0.5f, 1, 0f, 2, 3}, new boolean[] {true, false, false, false, false}),
            new Tree(new int[] {-1}, new int[] {-1}, new int[] {0}, new float[] {0.25f}, new boolean[] {false}))));

    @Test
    void rowsReachTheLeavesTheirValuesChoose() {
        // -0 < 0 is false: -0 goes right, as in XGBoost's float comparison.
        assertArrayEquals(new float[] {1.75f, 2.75f, 3.75f}, predict(FOREST, 3, 2, 0.2f, 9, 0.5f, -1, 0.7f, -0f));
    }

    @Test
    void aRangeOfRowsIsPredictedInPlace() {
        float[] x = {0.2f, 9, 0.5f, -1, 0.7f, -0f};
        float[] out = {-1, -1, -1};
        FOREST.predict(x, 1, 3, 2, out, new int[x.length]);
        assertArrayEquals(new float[] {-1, 2.75f, 3.75f}, out);
    }

    @Test
    void aMissingValueTakesTheDefaultChild() {
        float nan = Float.NaN;
        assertArrayEquals(new float[] {1.75f, 3.75f, 2.75f}, predict(FOREST, 3, 2, nan, 5, 0.9f, nan, 0.5f, -1));
    }

    @Test
    void boundsDecideTheSplitsTheySettleAndRowsMayOmitFixedFeatures() {
        float inf = Float.POSITIVE_INFINITY;
        float nan = Float.NaN;
        // x0 unknown, x1 = -1 in every row: rows hold x0 only.
        Forest given = FOREST.given(new float[] {inf, -1}, new float[] {-inf, -1});
        assertArrayEquals(new float[] {1.75f, 2.75f}, predict(given, 2, 1, 0.2f, 0.6f));
        // x1 missing in every row: its default, right.
        given = FOREST.given(new float[] {inf, nan}, new float[] {-inf, nan});
        assertArrayEquals(new float[] {1.75f, 3.75f}, predict(given, 2, 1, 0.2f, 0.6f));
        // x0 in [0.5, 0.9] and x1 in [-2, -1]: every row right, then left, whatever it holds.
        given = FOREST.given(new float[] {0.5f, -2}, new float[] {0.9f, -1});
        assertArrayEquals(new float[] {2.75f, 2.75f}, predict(given, 2, 0));
        // Ranges across the thresholds decide nothing.
        given = FOREST.given(new float[] {0.4f, -1}, new float[] {0.9f, 1});
        assertArrayEquals(new float[] {1.75f, 2.75f}, predict(given, 2, 2, 0.45f, 1, 0.6f, -0.5f));
    }

    @Test
    void boundsOfABlock() {
        float[] x = {1, Float.NaN, 3, 0.5f, Float.NaN, -2, Float.NaN, Float.NaN, 2};
        float[] low = new float[3];
        float[] high = new float[3];
        Forest.bounds(x, 0, 3, 3, low, high);
        // Columns: one row missing, all missing, none missing.
        assertArrayEquals(new float[] {Float.POSITIVE_INFINITY, Float.NaN, -2}, low);
        assertArrayEquals(new float[] {Float.NEGATIVE_INFINITY, Float.NaN, 3}, high);
    }

    @Test
    void orderKeysOrderFloatsAsLessThanDoes() {
        float[] values = {Float.NEGATIVE_INFINITY, -Float.MAX_VALUE, -1.5f, -Float.MIN_NORMAL, -Float.MIN_VALUE,
            -0f, 0f, Float.MIN_VALUE, Float.MIN_NORMAL, 1e-3f, 1.5f, Float.MAX_VALUE, Float.POSITIVE_INFINITY};
        for (float a : values) {
            assertTrue(Forest.orderKey(a) > Forest.PAD, "key of " + a);
            for (float b : values) {
                assertEquals(a < b, Forest.orderKey(a) < Forest.orderKey(b), a + " < " + b);
            }
        }
    }

    private static float[] predict(Forest forest, int count, int width, float... x) {
        float[] out = new float[count];
        forest.predict(x, 0, count, width, out, new int[x.length]);
        return out;
    }
}
