package hindcast.score;

/**
 * How far a model's CRPS skill against naive at one horizon is from noise: the point skill, the Diebold–Mariano
 * statistic and p-value ({@link DieboldMariano}) and the 90% bootstrap interval of the skill ({@link BlockBootstrap}).
 * Undefined values are null, not NaN, so they print as "-" and as JSON null.
 */
public record Significance(double crpsSkill, Double dmStat, Double dmPValue, Double crpsSkillLow,
                           Double crpsSkillHigh) {
    /** The level below which a p-value is shown as significant. */
    public static final double ALPHA = 0.05;
    /** Nothing to test: naive itself, or a model without forecasts naive has too. */
    public static final Significance NONE = new Significance(Double.NaN, null, null, null, null);

    /**
     * Tests {@code model}'s CRPS against {@code naive}'s on the same forecasts, in forecast-date order, at
     * {@code horizon}.
     */
    public static Significance of(double[] naive, double[] model, int horizon) {
        DieboldMariano.Result dm = DieboldMariano.test(naive, model, horizon);
        BlockBootstrap.Interval interval = BlockBootstrap.crpsSkill(naive, model);
        return new Significance(BlockBootstrap.skill(naive, model), finite(dm.statistic()), finite(dm.pValue()),
                finite(interval.low()), finite(interval.high()));
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
