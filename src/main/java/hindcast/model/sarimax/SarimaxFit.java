package hindcast.model.sarimax;

import java.io.Serializable;

/**
 * A maximum-likelihood fit: the parameters, the exact Gaussian log-likelihood at them (after the
 * {@code d} burn-in observations, as statsmodels reports {@code llf}), AIC = 2k - 2 loglike, and the
 * number of observations fitted.
 */
public record SarimaxFit(SarimaxParams params, double loglike, double aic, int nobs) implements Serializable {

    public SarimaxOrder order() {
        return params.order();
    }
}
