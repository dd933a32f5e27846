#!/usr/bin/env python3
"""Golden files for hindcast.model.sarimax, from statsmodels' SARIMAX.

Writes a deterministic synthetic series with two regressors to
src/test/resources/golden/sarimax_series.csv and, for a few orders, statsmodels' fitted parameters,
log-likelihood and 14-step forecast (mean, 80% and 95% intervals) to
src/test/resources/golden/sarimax_golden.json. The model is regression with ARIMA errors, no trend, no
seasonal part, statsmodels' defaults otherwise (enforce_stationarity/invertibility, approximate diffuse
initialisation of the integrated states, lbfgs). The last 14 rows are held out: their regressors are the
"future" exog of the forecast.

Needs Debian's python3-statsmodels and python3-pandas (apt-get install -y python3-statsmodels
python3-pandas); run from the repository root:  /usr/bin/python3 scripts/golden/sarimax_golden.py
"""
import json
import os
import warnings

import numpy as np
import pandas as pd
import statsmodels
from statsmodels.tsa.statespace.sarimax import SARIMAX

N = 600
HORIZON = 14
ORDERS = [(1, 1, 1), (2, 1, 0), (0, 1, 1), (1, 0, 1)]
OUT = os.path.join("src", "test", "resources", "golden")


def series():
    """y = 0.8 x1 - 0.5 x2 + u, u ARIMA(1,1,1) (phi 0.5, theta 0.3, sigma 1.5) starting at 100."""
    rng = np.random.default_rng(20240601)
    t = np.arange(N)
    x1 = 10.0 * np.sin(2 * np.pi * t / 60.0) + rng.normal(0.0, 1.0, N)
    x2 = np.zeros(N)
    for i in range(1, N):
        x2[i] = 0.7 * x2[i - 1] + rng.normal(0.0, 2.0)
    eps = rng.normal(0.0, 1.5, N + 1)
    w = np.zeros(N)
    for i in range(N):
        w[i] = (0.5 * w[i - 1] if i > 0 else 0.0) + eps[i + 1] + 0.3 * eps[i]
    u = 100.0 + np.cumsum(w)
    y = 0.8 * x1 - 0.5 * x2 + u
    return pd.DataFrame({"t": t, "y": np.round(y, 6), "x1": np.round(x1, 6), "x2": np.round(x2, 6)})


def main():
    os.makedirs(OUT, exist_ok=True)
    df = series()
    df.to_csv(os.path.join(OUT, "sarimax_series.csv"), index=False, float_format="%.6f")
    df = pd.read_csv(os.path.join(OUT, "sarimax_series.csv"))  # fit exactly what the tests read
    y = df["y"].to_numpy()
    x = df[["x1", "x2"]].to_numpy()
    n_fit = N - HORIZON
    cases = []
    for order in ORDERS:
        model = SARIMAX(y[:n_fit], exog=x[:n_fit], order=order)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            res = model.fit(disp=False)
        fc = res.get_forecast(HORIZON, exog=x[n_fit:])
        ci80 = fc.conf_int(alpha=0.20)
        ci95 = fc.conf_int(alpha=0.05)
        p, d, q = order
        params = res.params
        cases.append({
            "order": list(order),
            "param_names": list(model.param_names),
            "params": params.tolist(),
            "beta": params[:2].tolist(),
            "phi": params[2:2 + p].tolist(),
            "theta": params[2 + p:2 + p + q].tolist(),
            "sigma2": float(params[-1]),
            "llf": float(res.llf),
            "aic": float(res.aic),
            "nobs": int(res.nobs),
            "loglikelihood_burn": int(model.loglikelihood_burn),
            "converged": bool(res.mle_retvals.get("converged", True)),
            "forecast_mean": fc.predicted_mean.tolist(),
            "forecast_var": np.asarray(fc.var_pred_mean).tolist(),
            "lower80": ci80[:, 0].tolist(),
            "upper80": ci80[:, 1].tolist(),
            "lower95": ci95[:, 0].tolist(),
            "upper95": ci95[:, 1].tolist(),
        })
    golden = {
        "statsmodels": statsmodels.__version__,
        "n_fit": n_fit,
        "horizon": HORIZON,
        "cases": cases,
    }
    with open(os.path.join(OUT, "sarimax_golden.json"), "w") as f:
        json.dump(golden, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
