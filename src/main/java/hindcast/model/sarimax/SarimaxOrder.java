package hindcast.model.sarimax;

import java.io.Serializable;

/**
 * The (p, d, q) of an ARIMA error process: p autoregressive lags, d differences, q moving-average lags.
 * Bounded to what the auto search explores and the state space is sized for.
 */
public record SarimaxOrder(int p, int d, int q) implements Serializable {
    public static final int MAX_PQ = 3;
    public static final int MAX_D = 2;

    public SarimaxOrder {
        if (p < 0 || q < 0 || d < 0 || p > MAX_PQ || q > MAX_PQ || d > MAX_D) {
            throw new IllegalArgumentException("SARIMAX order must have 0 <= p, q <= " + MAX_PQ + " and 0 <= d <= "
                    + MAX_D + ", got " + this);
        }
    }

    @Override
    public String toString() {
        return "(" + p + "," + d + "," + q + ")";
    }
}
