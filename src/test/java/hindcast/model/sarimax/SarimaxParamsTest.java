package hindcast.model.sarimax;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SarimaxParamsTest {

    @Test
    void storedMapRoundTripsExactly() {
        SarimaxParams p = new SarimaxParams(new SarimaxOrder(2, 1, 1), new double[] {0.1, -0.2, 0.3},
                new double[] {0.5, -0.25}, new double[] {0.4}, 2.5);
        Map<String, Double> m = p.toMap();
        assertEquals(List.of("p", "d", "q", "x1", "x2", "x3", "ar.L1", "ar.L2", "ma.L1", "sigma2"),
                List.copyOf(m.keySet()));
        SarimaxParams back = SarimaxParams.fromMap(m);
        assertEquals(p.order(), back.order());
        assertArrayEquals(p.beta(), back.beta());
        assertArrayEquals(p.phi(), back.phi());
        assertArrayEquals(p.theta(), back.theta());
        assertEquals(p.sigma2(), back.sigma2());
    }

    @Test
    void rejectsInconsistentInput() {
        assertThrows(IllegalArgumentException.class, () -> new SarimaxOrder(4, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new SarimaxParams(new SarimaxOrder(1, 0, 0),
                new double[0], new double[0], new double[0], 1));
        assertThrows(IllegalArgumentException.class, () -> new SarimaxParams(new SarimaxOrder(0, 0, 0),
                new double[0], new double[0], new double[0], 0));
        SarimaxParams p = new SarimaxParams(new SarimaxOrder(0, 1, 0), new double[] {1}, new double[0],
                new double[0], 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Sarimax.filter(p, new double[] {1, 2}, new double[][] {{1}, {1, 2}}));
        assertTrue(e.getMessage().contains("row 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Sarimax.fit(new SarimaxOrder(0, 1, 0),
                new double[20], new double[19][0]));
        assertTrue(e.getMessage().contains("19 rows"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Sarimax.fit(new SarimaxOrder(1, 1, 1), new double[] {1, 2, 3}, new double[3][0]));
        assertTrue(e.getMessage().contains("needs at least"), e.getMessage());
    }
}
