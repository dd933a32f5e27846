package hindcast.model;

import java.io.Serializable;
import java.util.List;

/**
 * What a fit at T, or a forecast from D, reads of the market series cut at T-1 (or D-1): the dates and closes of
 * its last {@code rows} observations ({@link #ALL}: every one) and the named covariates on those observations.
 * A declaration may be wider than what is read (that only recomputes more), never narrower: freshness relies on
 * a change outside it not changing the result.
 */
public record Reads(int rows, List<String> covariates) implements Serializable {
    public static final int ALL = Integer.MAX_VALUE;

    public Reads {
        if (rows < 1) {
            throw new IllegalArgumentException("reads at least one observation, got " + rows);
        }
        covariates = List.copyOf(covariates);
    }

    /** The last {@code rows} closes, no covariate. */
    public static Reads closes(int rows) {
        return new Reads(rows, List.of());
    }
}
