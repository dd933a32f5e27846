#!/usr/bin/env Rscript
# Golden file for hindcast.score.DieboldMariano, from R's forecast::dm.test.
#
# Writes src/test/resources/golden/dm_golden.json: for a few (naive CRPS, model CRPS, horizon) cases,
# dm.test's statistic and two-sided p-value with power = 1, so the loss is |e| = the CRPS itself and
# dm.test's d = |e1| - |e2| = CRPS_naive - CRPS_model (positive = the model is better). Inputs are
# rounded to 6 decimals so the JSON holds them exactly as R used them.
#
# Needs Debian's r-cran-forecast and r-cran-jsonlite; run from the repository root:
#   Rscript scripts/golden/dm_golden.R
suppressMessages(library(forecast))
library(jsonlite)

set.seed(20261203)

# Positive CRPS series: a level with noise; the model's differs from naive's by an AR(1) differential.
crps_pair <- function(n, mean_d, phi, sd_d) {
  naive <- round(2 + abs(rnorm(n, 0, 0.5)), 6)
  d <- mean_d + if (phi == 0) rnorm(n, 0, sd_d) else as.numeric(arima.sim(list(ar = phi), n = n, sd = sd_d))
  model <- round(pmax(naive - d, 0.01), 6)
  list(naive = naive, model = model)
}

cases <- list()
add <- function(name, naive, model, h) {
  fallback <- FALSE
  t <- withCallingHandlers(
    dm.test(naive, model, alternative = "two.sided", h = h, power = 1),
    warning = function(w) {
      fallback <<- grepl("Proceeding with horizon h=1", conditionMessage(w))
      invokeRestart("muffleWarning")
    })
  cases[[length(cases) + 1]] <<- list(name = name, h = h, naive = naive, model = model,
                                      stat = unname(t$statistic), p = t$p.value, fallback = fallback)
}

p <- crps_pair(60, 0.02, 0, 0.3);     add("h1 independent", p$naive, p$model, 1)
p <- crps_pair(120, 0.1, 0, 0.3);     add("h1 model clearly better", p$naive, p$model, 1)
p <- crps_pair(250, 0.03, 0.6, 0.2);  add("h7 AR(1)", p$naive, p$model, 7)
p <- crps_pair(500, -0.05, 0.9, 0.1); add("h14 persistent AR(1)", p$naive, p$model, 14)
p <- crps_pair(400, -0.06, 0.5, 0.1); add("h14 model clearly worse", p$naive, p$model, 14)
p <- crps_pair(30, 0.01, 0.5, 0.2);   add("h14 short series", p$naive, p$model, 14)
p <- crps_pair(20, 0.05, 0.3, 0.2);   add("h14 on 20 forecasts", p$naive, p$model, 14)
# (Not h >= n: then the autocovariances over all lags sum to zero exactly, and dm.test's V is rounding noise.)
# Alternating differentials: gamma_1 ~ -gamma_0, so gamma_0 + 2 gamma_1 < 0 and dm.test falls back to h = 1.
naive <- round(2 + abs(rnorm(40, 0, 0.1)), 6)
model <- round(naive - (0.02 + 0.3 * rep(c(1, -1), 20)), 6)
add("h2 negative variance, falls back to h1", naive, model, 2)

if (!cases[[length(cases)]]$fallback) stop("the fallback case did not fall back")
out <- list(forecast = as.character(packageVersion("forecast")), cases = cases)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE),
           file.path("src", "test", "resources", "golden", "dm_golden.json"))
