package hindcast.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RngTest {
    @Test
    void matchesTheReferenceSequence() {
        // First outputs of the reference C implementation (Vigna, splitmix64.c) seeded with 0.
        Rng rng = new Rng(0);
        assertEquals(0xE220A8397B1DCDAFL, rng.nextLong());
        assertEquals(0x6E789E6AA1B965F4L, rng.nextLong());
        assertEquals(0x06C45D188009454FL, rng.nextLong());
    }

    @Test
    void gaussiansHaveUnitMoments() {
        Rng rng = new Rng(42);
        int n = 200_000;
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < n; i++) {
            double g = rng.nextGaussian();
            sum += g;
            sumSq += g * g;
        }
        assertEquals(0, sum / n, 0.01);
        assertEquals(1, sumSq / n, 0.01);
    }
}
