package hindcast.model.xgboost;

/**
 * Rows regrouped into blocks by one feature's value, in equal slices of its range. A block's rows span a narrow
 * range of that feature, and of the features that move with it (a path's last return and its recent means), so
 * a forest given the block's bounds ({@link Forest#given}) decides far more splits than one given all rows'.
 * A counting sort: linear in the rows, and rows of one block keep their order.
 */
final class RowBlocks {
    private RowBlocks() {
    }

    /**
     * Copies rows [0, count) of {@code x} into {@code grouped}, block after block by feature {@code feature}:
     * row r lands at row {@code position[r]}. Returns the blocks' first rows, with {@code count} appended. A
     * feature that is missing in some row, or the same in all, gives one block.
     */
    static int[] group(float[] x, int count, int width, int feature, int blocks, float[] grouped, int[] position) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        boolean missing = false;
        for (int r = 0; r < count; r++) {
            float v = x[r * width + feature];
            missing |= Float.isNaN(v);
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        int n = missing || !(min < max) ? 1 : blocks;
        // Block of each row, through position; then each block's first row, from the counts.
        int[] starts = new int[n + 1];
        double scale = n / ((double) max - min);
        for (int r = 0; r < count; r++) {
            int b = n == 1 ? 0 : Math.min(n - 1, (int) ((x[r * width + feature] - (double) min) * scale));
            position[r] = b;
            starts[b + 1]++;
        }
        for (int b = 0; b < n; b++) {
            starts[b + 1] += starts[b];
        }
        int[] next = new int[n];
        System.arraycopy(starts, 0, next, 0, n);
        for (int r = 0; r < count; r++) {
            position[r] = next[position[r]]++;
            System.arraycopy(x, r * width, grouped, position[r] * width, width);
        }
        return starts;
    }
}
