/**
 * Regression with ARIMA errors, the model of statsmodels' {@code SARIMAX(y, exog, order=(p, d, q))} with no
 * trend and no seasonal part, in plain Java:
 * <ul>
 *   <li>{@link hindcast.model.sarimax.Sarimax#fit}: exact Gaussian maximum likelihood through a Kalman
 *       filter, with statsmodels' state space, initialisation and parameter transforms, so fits and
 *       forecasts agree with statsmodels (checked against golden files written by
 *       {@code scripts/golden/sarimax_golden.py});</li>
 *   <li>{@link hindcast.model.sarimax.AutoOrder#select}: pmdarima-style stepwise order search by AIC;</li>
 *   <li>{@link hindcast.model.sarimax.Sarimax#filter}: a fitted model brought up to the end of any later
 *       series, whose {@link hindcast.model.sarimax.FilteredState} gives the h-step forecast mean and
 *       variance and simulates paths.</li>
 * </ul>
 * Everything is deterministic to the bit (StrictMath for log and exp, {@link hindcast.model.Rng} for draws).
 */
package hindcast.model.sarimax;
