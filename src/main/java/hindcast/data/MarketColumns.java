package hindcast.data;

import java.util.List;

/** Canonical column names of the {@code market} table. */
public final class MarketColumns {
    public static final String DATE = "date";
    public static final String OPEN = "open";
    public static final String HIGH = "high";
    public static final String LOW = "low";
    public static final String CLOSE = "close";
    public static final String VOLUME = "volume";

    /** Covariate names; {@link MarketRecord#covariates()} is indexed like this list. */
    public static final List<String> COVARIATES = List.of(
            "temp_mean_c", "temp_max_c", "temp_min_c", "precipitation_mm", "humidity_mean_pct", "usd_brl", "vix");

    private MarketColumns() {
    }
}
