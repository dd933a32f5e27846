#!/usr/bin/env Rscript
# Golden files for hindcast.model.garch, from R's fGarch.
#
# Writes deterministic synthetic series of daily closes whose log returns follow a GARCH(1,1) with
# standardised Student-t innovations to src/test/resources/golden/garch_series.csv (one column per case):
#   a: mu 5e-4, omega 4e-6, alpha 0.08, beta 0.9, shape 5 (a typical commodity);
#   b: alpha 0.02, beta 0.975, shape 7 (persistent, but so weakly that fGarch's fit of this sample has
#      alpha + beta 0.54: a flat likelihood);
#   c: shape 30 (near-normal: fGarch's fit sits at its shape bound 10);
# and for each fGarch's fit of the log returns,
#   garchFit(~garch(1, 1), cond.dist = "std", include.mean = TRUE)
# (its defaults otherwise: init.rec "mci", nlminb, xscale), with its log-likelihood and 1..14-step
# forecast standard deviation, to src/test/resources/golden/garch_golden.json.
#
# The log-likelihood is also recomputed here from the fitted parameters with the recursion Hindcast
# implements (h_1 = omega + (alpha + beta) * mean((r - mu)^2), then h_t = omega + alpha (r_{t-1} - mu)^2
# + beta h_{t-1}, standardised t density), and the script stops if it differs from fGarch's: the golden
# file then also documents the recursion.
#
# Needs Debian's r-cran-fgarch and r-cran-jsonlite; run from the repository root:
#   Rscript scripts/golden/garch_golden.R
suppressMessages(library(fGarch))
library(jsonlite)

N <- 1500
HORIZON <- 14
OUT <- file.path("src", "test", "resources", "golden")
TRUTHS <- list(
  a = c(mu = 5e-4, omega = 4e-6, alpha = 0.08, beta = 0.9, shape = 5),
  b = c(mu = 2e-4, omega = 1e-6, alpha = 0.02, beta = 0.975, shape = 7),
  c = c(mu = -3e-4, omega = 2e-5, alpha = 0.1, beta = 0.8, shape = 30))

closes <- function(truth) {
  z <- rstd(N, mean = 0, sd = 1, nu = truth[["shape"]])
  r <- numeric(N)
  h <- truth[["omega"]] / (1 - truth[["alpha"]] - truth[["beta"]])
  for (t in 1:N) {
    r[t] <- truth[["mu"]] + sqrt(h) * z[t]
    h <- truth[["omega"]] + truth[["alpha"]] * (r[t] - truth[["mu"]])^2 + truth[["beta"]] * h
  }
  round(100 * exp(cumsum(c(0, r))), 6)
}

loglik <- function(p, r) {
  e <- r - p[["mu"]]
  n <- length(e)
  h <- numeric(n)
  h[1] <- p[["omega"]] + (p[["alpha"]] + p[["beta"]]) * mean(e^2)
  for (t in 2:n) h[t] <- p[["omega"]] + p[["alpha"]] * e[t - 1]^2 + p[["beta"]] * h[t - 1]
  list(ll = sum(log(dstd(e, mean = 0, sd = sqrt(h), nu = p[["shape"]]))), h = h, e = e)
}

golden <- function(name, close) {
  r <- diff(log(close)) # the returns of the closes as written, which is what Java reads
  fit <- garchFit(~garch(1, 1), data = r, cond.dist = "std", include.mean = TRUE, trace = FALSE)
  p <- coef(fit)
  names(p)[names(p) == "alpha1"] <- "alpha"
  names(p)[names(p) == "beta1"] <- "beta"
  mine <- loglik(p, r)
  llf <- -fit@fit$llh[[1]]
  if (abs(mine$ll - llf) > 1e-6 * abs(llf)) {
    stop(sprintf("%s: recomputed log-likelihood %.10f differs from fGarch's %.10f", name, mine$ll, llf))
  }
  sigma <- predict(fit, n.ahead = HORIZON)$standardDeviation
  # The same forecast from the recursion, as a check of what predict() does.
  hn <- numeric(HORIZON)
  hn[1] <- p[["omega"]] + p[["alpha"]] * mine$e[N]^2 + p[["beta"]] * mine$h[N]
  for (k in 2:HORIZON) hn[k] <- p[["omega"]] + (p[["alpha"]] + p[["beta"]]) * hn[k - 1]
  if (max(abs(sqrt(hn) - sigma) / sigma) > 1e-8) stop(name, ": predict() differs from the variance recursion")
  cat(name, "\n")
  print(p)
  cat("log-likelihood", llf, "\n")
  list(name = name, mu = p[["mu"]], omega = p[["omega"]], alpha = p[["alpha"]], beta = p[["beta"]],
       shape = p[["shape"]], loglik = llf, forecast_sigma = sigma, forecast_variance = sigma^2)
}

set.seed(20261203)
series <- lapply(TRUTHS, closes)
write.csv(data.frame(t = 0:N, lapply(series, function(x) sprintf("%.6f", x))), file.path(OUT, "garch_series.csv"),
          row.names = FALSE, quote = FALSE)
out <- list(
  source = sprintf("fGarch %s, R %s", packageVersion("fGarch"), getRversion()),
  n = N, horizon = HORIZON,
  cases = unname(Map(golden, names(series), series)))
writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, pretty = TRUE), file.path(OUT, "garch_golden.json"))
