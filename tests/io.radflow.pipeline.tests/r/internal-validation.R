# Reference values of the internal-validation node (radflow.validation.internal), InternalValidationReferenceTest.
# Run from tests/io.radflow.pipeline.tests:  Rscript r/internal-validation.R
# Reads  golden/internal-validation/bootstrap-indices.csv (replicate, 1-based position among the training rows):
#        the resamples of io.radflow.stats.bootstrap.Bootstrap.resamples(100, 50, 2026), written by Java so that R
#        refits on the same samples (rms::validate would draw its own); the test checks Java still draws them.
# Writes golden/internal-validation/data.csv (the data: 100 training rows, grp A, and 20 test rows, grp B) and
#        golden/internal-validation/reference.csv (metric, apparent, optimism, corrected).
# Chains without selection: glm(y ~ x1 + x2 + x3, binomial) and coxph(Surv(time, event) ~ x1 + x2 + x3) (Efron ties)
# on the training rows. Harrell's optimism bootstrap: optimism_b = perf(fit_b, sample_b) - perf(fit_b, training rows);
# corrected = apparent - mean_b optimism_b. Metrics of the linear predictor lp: AUC (pROC::auc, direction "<"), Brier
# mean((plogis(lp) - y)^2), calibration slope coef(glm(y ~ lp, binomial))[2]; Harrell's C
# (survival::concordance(Surv(time, event) ~ lp, reverse = TRUE)). R 4.2.2, pROC, survival.
suppressPackageStartupMessages({library(pROC); library(survival)})
set.seed(20261125)
n <- 120
x1 <- round(rnorm(n), 4)
x2 <- round(rnorm(n), 4)
x3 <- round(rnorm(n), 4)
y <- rbinom(n, 1, plogis(-0.2 + 0.9 * x1 - 0.6 * x2 + 0.2 * x3))
grp <- ifelse(seq_len(n) <= 100, "A", "B")
t <- rexp(n, 0.05 * exp(0.7 * x1 + 0.4 * x3))
cens <- runif(n, 5, 40)
time <- round(pmin(t, cens), 2)
event <- as.integer(t <= cens)
d <- data.frame(PatientID = sprintf("V%03d", 1:n), grp, x1, x2, x3, y, time, event)
write.csv(d, "golden/internal-validation/data.csv", row.names = FALSE, quote = FALSE)

tr <- d[d$grp == "A", ]
perf <- function(lp, y) {
  c(auc = as.numeric(auc(roc(y, lp, levels = c(0, 1), direction = "<", quiet = TRUE))),
    brier = mean((plogis(lp) - y)^2),
    slope = unname(coef(glm(y ~ lp, family = binomial))[2]))
}
fit <- glm(y ~ x1 + x2 + x3, family = binomial, data = tr)
apparent <- perf(predict(fit, tr), tr$y)
idx <- read.csv("golden/internal-validation/bootstrap-indices.csv")
optimism <- sapply(split(idx$position, idx$replicate), function(rows) {
  s <- tr[rows, ]
  f <- glm(y ~ x1 + x2 + x3, family = binomial, data = s)
  perf(predict(f, s), s$y) - perf(predict(f, tr), tr$y)
})
opt <- rowMeans(optimism)
cindex <- function(lp, s) concordance(Surv(s$time, s$event) ~ lp, reverse = TRUE)$concordance
cox <- coxph(Surv(time, event) ~ x1 + x2 + x3, data = tr, ties = "efron")
lp <- function(f, s) as.vector(as.matrix(s[, c("x1", "x2", "x3")]) %*% coef(f))
apparent <- c(apparent, cindex = cindex(lp(cox, tr), tr))
opt <- c(opt, cindex = mean(sapply(split(idx$position, idx$replicate), function(rows) {
  s <- tr[rows, ]
  f <- coxph(Surv(time, event) ~ x1 + x2 + x3, data = s, ties = "efron")
  cindex(lp(f, s), s) - cindex(lp(f, tr), tr)
})))
g <- function(v) sprintf("%.15g", v)
ref <- data.frame(metric = names(apparent), apparent = g(apparent), optimism = g(opt), corrected = g(apparent - opt))
write.csv(ref, "golden/internal-validation/reference.csv", row.names = FALSE, quote = FALSE)
print(ref)
