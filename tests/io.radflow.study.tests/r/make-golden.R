# Reference values for the study-node tests (io.radflow.study.tests).
# Run from tests/io.radflow.study.tests:  Rscript r/make-golden.R
# Writes golden/study.csv, golden/reader2.csv (the data) and golden/reference.csv (quantity,value).
# R 4.2.2 with survival, MASS, psych, caret, maxstat.
suppressPackageStartupMessages({library(survival); library(MASS); library(psych); library(caret); library(maxstat)})
set.seed(20251125)
n <- 80
id <- sprintf("S%03d", 1:n)
f1 <- round(rnorm(n), 4)
f2 <- round(0.9 * f1 + 0.3 * rnorm(n), 4)          # correlated with f1
f3 <- round(rnorm(n), 4)                            # noise
f4 <- c(rep(0, 76), 1, 2, 3, 4)[sample(n)]          # near-zero variance
f5 <- round(rexp(n), 4)                             # skewed noise
grade <- sample(c("G1", "G2", "G3"), n, replace = TRUE)
lp <- 1.2 * f1 + 0.5 * (grade == "G3")
mvi <- rbinom(n, 1, plogis(-0.3 + lp))
t <- rexp(n, 0.05 * exp(0.8 * f1))
c <- runif(n, 10, 60)
time <- round(pmin(t, c), 2)
event <- as.integer(t <= c)
set <- ifelse(seq_len(n) <= 56, "train", "test")
d <- data.frame(PatientID = id, Set = set, f1, f2, f3, f4, f5, grade, mvi, time_months = time, event)
write.csv(d, "golden/study.csv", row.names = FALSE, quote = FALSE)
r2 <- data.frame(PatientID = id, f1 = round(f1 + 0.1 * rnorm(n), 4), f2 = round(f2 + 0.6 * rnorm(n), 4),
                 f3 = round(f3 + 2 * rnorm(n), 4), f4 = f4, f5 = round(f5 + 0.05 * rnorm(n), 4))
write.csv(r2, "golden/reader2.csv", row.names = FALSE, quote = FALSE)

tr <- d[d$Set == "train", ]
r2tr <- r2[d$Set == "train", ]
out <- list()
put <- function(name, value) out[[name]] <<- value
feats <- c("f1", "f2", "f3", "f5")
for (f in feats) {
  res <- ICC(cbind(tr[[f]], r2tr[[f]]), lmer = FALSE)$results
  put(paste0("icc_", f, "_ICC2"), res$ICC[res$type == "ICC2"])
  put(paste0("icc_", f, "_ICC3"), res$ICC[res$type == "ICC3"])
  put(paste0("icc_", f, "_ICC3_lower"), res$`lower bound`[res$type == "ICC3"])
}
m <- nearZeroVar(tr[, c("f1", "f2", "f3", "f4", "f5")], saveMetrics = TRUE)
for (f in rownames(m)) {
  put(paste0("nzv_", f, "_freqRatio"), m[f, "freqRatio"])
  put(paste0("nzv_", f, "_percentUnique"), m[f, "percentUnique"])
  put(paste0("nzv_", f, "_nzv"), as.integer(m[f, "nzv"]))
}
for (f in feats) put(paste0("mw_p_", f), wilcox.test(tr[[f]][tr$mvi == 1], tr[[f]][tr$mvi == 0])$p.value)
for (f in feats) put(paste0("cox_p_", f), summary(coxph(Surv(time_months, event) ~ tr[[f]], data = tr))$coefficients[1, 5])
put("zscore_f1_mean", mean(tr$f1)); put("zscore_f1_sd", sd(tr$f1))
g <- glm(mvi ~ f1 + f3 + grade, family = binomial, data = tr)
for (k in names(coef(g))) put(paste0("logistic_coef_", k), coef(g)[[k]])
cx <- coxph(Surv(time_months, event) ~ f1 + f3, data = tr, ties = "efron")
for (k in names(coef(cx))) put(paste0("cox_coef_", k), coef(cx)[[k]])
bh <- basehaz(cx, centered = FALSE)
for (tt in c(12, 24)) put(paste0("cox_H0_", tt), max(c(0, bh$hazard[bh$time <= tt])))
lpc <- as.vector(as.matrix(tr[, c("f1", "f3")]) %*% coef(cx))
ms <- maxstat.test(Surv(time_months, event) ~ lpc, data = cbind(tr, lpc = lpc), smethod = "LogRank", pmethod = "Lau92",
                   minprop = 0.1, maxprop = 0.9)
put("maxstat_cut", ms$estimate[[1]]); put("maxstat_stat", ms$statistic[[1]])
st <- stepAIC(glm(mvi ~ f1 + f2 + f3 + f5, family = binomial, data = tr), direction = "backward", trace = 0)
sel <- attr(terms(st), "term.labels")
for (f in feats) put(paste0("stepwise_aic_", f), as.integer(f %in% sel))
sc <- stepAIC(coxph(Surv(time_months, event) ~ f1 + f2 + f3 + f5, data = tr), direction = "backward", trace = 0)
selc <- attr(terms(sc), "term.labels")
for (f in feats) put(paste0("stepwise_cox_aic_", f), as.integer(f %in% selc))
# mRMR (MID) with equal-frequency bins: the published formula (Peng et al. 2005) in a few lines
bins <- max(2, round(nrow(tr)^(1/3)))
disc <- function(x) as.integer(cut(x, unique(quantile(x, seq(0, 1, length.out = bins + 1))), include.lowest = TRUE))
mi <- function(a, b) { p <- table(a, b) / length(a); pa <- rowSums(p); pb <- colSums(p)
  s <- 0; for (i in seq_along(pa)) for (j in seq_along(pb)) if (p[i, j] > 0) s <- s + as.numeric(p[i, j] * log(p[i, j] / (pa[i] * pb[j]))); s }
D <- sapply(feats, function(f) disc(tr[[f]]))
rel <- sapply(feats, function(f) mi(D[, f], tr$mvi))
for (f in feats) put(paste0("mrmr_relevance_", f), rel[[f]])
chosen <- names(which.max(rel))
while (length(chosen) < 3) {
  rest <- setdiff(feats, chosen)
  score <- sapply(rest, function(f) rel[[f]] - mean(sapply(chosen, function(s) mi(D[, f], D[, s]))))
  chosen <- c(chosen, rest[which.max(score)])
}
for (k in seq_along(chosen)) put(paste0("mrmr_rank_", chosen[k]), k)
ref <- data.frame(quantity = names(out), value = sprintf("%.17g", unlist(out)))
write.csv(ref, "golden/reference.csv", row.names = FALSE, quote = FALSE)
writeLines(c(R.version.string, paste("survival", packageVersion("survival")), paste("MASS", packageVersion("MASS")),
             paste("psych", packageVersion("psych")), paste("caret", packageVersion("caret")),
             paste("maxstat", packageVersion("maxstat"))), "golden/VERSIONS.txt")
