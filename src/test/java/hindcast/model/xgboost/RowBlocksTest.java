package hindcast.model.xgboost;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class RowBlocksTest {
    /** Rows of two features, grouped by the first: values 0..10 in slices [0, 2.5), [2.5, 5), [5, 7.5), [7.5, 10]. */
    @Test
    void rowsLandInTheSliceOfTheirValueInTheirOrder() {
        float[] x = {9, 0, 0, 1, 3, 2, 10, 3, 2, 4, 7.4f, 5};
        float[] grouped = new float[x.length];
        int[] position = new int[6];
        int[] starts = RowBlocks.group(x, 6, 2, 0, 4, grouped, position);
        assertArrayEquals(new int[] {0, 2, 3, 4, 6}, starts);
        assertArrayEquals(new int[] {4, 0, 2, 5, 1, 3}, position);
        assertArrayEquals(new float[] {0, 1, 2, 4, 3, 2, 7.4f, 5, 9, 0, 10, 3}, grouped);
    }

    @Test
    void aMissingOrConstantFeatureGivesOneBlock() {
        int[] position = new int[3];
        float[] grouped = new float[3];
        assertArrayEquals(new int[] {0, 3},
                RowBlocks.group(new float[] {1, Float.NaN, 3}, 3, 1, 0, 4, grouped, position));
        assertArrayEquals(new int[] {0, 1, 2}, position);
        assertArrayEquals(new int[] {0, 3}, RowBlocks.group(new float[] {2, 2, 2}, 3, 1, 0, 4, grouped, position));
    }
}
