package hindcast.model.xgboost;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PrunedShapeTest {
    @Test
    void openSplitsKeepTheTreeAndSettledOnesFollowTheirChild() {
        // Depth 2, all open: the same tree.
        PrunedShape same = PrunedShape.shape(2, new byte[] {0, 0, 0}, 0);
        assertEquals(2, same.depth());
        assertArrayEquals(new int[] {0, 1, 2}, same.nodeFrom());
        assertArrayEquals(new int[] {0, 1, 2, 3}, same.leafFrom());
        // Root settled right, its right child open: that child's split over leaves 2 and 3 (ways from index 1).
        PrunedShape right = PrunedShape.shape(2, new byte[] {9, PrunedShape.RIGHT, 0, 0}, 1);
        assertEquals(1, right.depth());
        assertArrayEquals(new int[] {2}, right.nodeFrom());
        assertArrayEquals(new int[] {2, 3}, right.leafFrom());
        // Root open, left child settled left: leaf 0 on the left, padded down to the right child's level.
        PrunedShape padded = PrunedShape.shape(2, new byte[] {0, PrunedShape.LEFT, 0}, 0);
        assertEquals(2, padded.depth());
        assertArrayEquals(new int[] {0, -1, 2}, padded.nodeFrom());
        assertArrayEquals(new int[] {0, 0, 2, 3}, padded.leafFrom());
    }

    /**
     * For random ways of trees of depth 0 to 5 (looked up and worked out), every leaf that the settled splits
     * let a row reach is reached in the pruned shape by the same choices at the open splits, padding going right.
     */
    @Test
    void everyReachableLeafIsReachedByTheSameChoices() {
        Random random = new Random(5);
        for (int depth = 0; depth <= 5; depth++) {
            int bottom = (1 << depth) - 1;
            for (int trial = 0; trial < 300; trial++) {
                byte[] way = new byte[bottom + 1];
                for (int n = 0; n < bottom; n++) {
                    way[1 + n] = (byte) random.nextInt(3);
                }
                PrunedShape shape = PrunedShape.shape(depth, way, 1);
                assertEquals((1 << shape.depth()) - 1, shape.nodeFrom().length);
                int reachable = 0;
                for (int leaf = 0; leaf <= bottom; leaf++) {
                    // Heap positions on the leaf's path: goesRight[n] for each split n on it.
                    Boolean[] goesRight = new Boolean[bottom];
                    boolean reached = true;
                    for (int n = bottom + leaf; n > 0; n = (n - 1) / 2) {
                        int parent = (n - 1) / 2;
                        goesRight[parent] = n == 2 * parent + 2;
                        int w = way[1 + parent];
                        reached &= w == 0 || (w == PrunedShape.RIGHT) == goesRight[parent];
                    }
                    if (!reached) {
                        continue;
                    }
                    reachable++;
                    int newBottom = shape.nodeFrom().length;
                    int k = 0;
                    while (k < newBottom) {
                        int from = shape.nodeFrom()[k];
                        boolean right = from < 0 || goesRight[from];
                        assertTrue(from < 0 || way[1 + from] == 0, "an open split");
                        k = 2 * k + (right ? 2 : 1);
                    }
                    assertEquals(leaf, shape.leafFrom()[k - newBottom], "depth " + depth + ", leaf " + leaf);
                }
                assertTrue(reachable > 0);
            }
        }
    }
}
