#!/usr/bin/env Rscript
# Golden files for hindcast.model.garch, from R's fGarch.
#
# Writes a deterministic synthetic series of daily closes whose log returns follow a GARCH(1,1) with
# standardised Student-t innovations (mu 5e-4, omega 4e-6, alpha 0.08, beta 0.9, shape 5) to
# src/test/resources/golden/garch_series.csv, and fGarch's fit of the log returns,
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
truth <- c(mu = 5e-4, omega = 4e-6, alpha = 0.08, beta = 0.9, shape = 5)

set.seed(20261203)
z <- rstd(N, mean = 0, sd = 1, nu = truth[["shape"]])
r <- numeric(N)
h <- truth[["omega"]] / (1 - truth[["alpha"]] - truth[["beta"]])
for (t in 1:N) {
  r[t] <- truth[["mu"]] + sqrt(h) * z[t]
  h <- truth[["omega"]] + truth[["alpha"]] * (r[t] - truth[["mu"]])^2 + truth[["beta"]] * h
}
close <- 100 * exp(cumsum(c(0, r)))
close <- round(close, 6)
r <- diff(log(close)) # the returns of the closes as written, which is what Java reads
write.csv(data.frame(t = 0:N, close = sprintf("%.6f", close)), file.path(OUT, "garch_series.csv"),
          row.names = FALSE, quote = FALSE)

fit <- garchFit(~garch(1, 1), data = r, cond.dist = "std", include.mean = TRUE, trace = FALSE)
p <- coef(fit)
names(p)[names(p) == "alpha1"] <- "alpha"
names(p)[names(p) == "beta1"] <- "beta"

loglik <- function(p, r) {
  e <- r - p[["mu"]]
  n <- length(e)
  h <- numeric(n)
  h[1] <- p[["omega"]] + (p[["alpha"]] + p[["beta"]]) * mean(e^2)
  for (t in 2:n) h[t] <- p[["omega"]] + p[["alpha"]] * e[t - 1]^2 + p[["beta"]] * h[t - 1]
  list(ll = sum(log(dstd(e, mean = 0, sd = sqrt(h), nu = p[["shape"]]))), h = h, e = e)
}
mine <- loglik(p, r)
llf <- -fit@fit$llh[[1]]
if (abs(mine$ll - llf) > 1e-6 * abs(llf)) {
  stop(sprintf("recomputed log-likelihood %.10f differs from fGarch's %.10f", mine$ll, llf))
}
pred <- predict(fit, n.ahead = HORIZON)
sigma <- pred$standardDeviation
# The same forecast from the recursion, as a check of what predict() does.
hn <- numeric(HORIZON)
hn[1] <- p[["omega"]] + p[["alpha"]] * mine$e[N]^2 + p[["beta"]] * mine$h[N]
for (k in 2:HORIZON) hn[k] <- p[["omega"]] + (p[["alpha"]] + p[["beta"]]) * hn[k - 1]
if (max(abs(sqrt(hn) - sigma) / sigma) > 1e-8) stop("predict() differs from the variance recursion")

out <- list(
  source = sprintf("fGarch %s, R %s", packageVersion("fGarch"), getRversion()),
  n = N, horizon = HORIZON,
  mu = p[["mu"]], omega = p[["omega"]], alpha = p[["alpha"]], beta = p[["beta"]], shape = p[["shape"]],
  loglik = llf,
  forecast_sigma = sigma,
  forecast_variance = sigma^2)
writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, pretty = TRUE), file.path(OUT, "garch_golden.json"))
print(p)
cat("log-likelihood", llf, "\n")
