#!/usr/bin/env Rscript
# Writes the R reference ("golden") files of the survival-outcome evaluation statistics of io.radflow.stats
# (paired AUC(t) comparison, ROC(t) curve, calibration at a horizon, IPCW Brier score, survival decision curve)
# into ../golden/eval/survival_eval.json.
# Run from the repository root:  Rscript tests/io.radflow.stats.tests/r/golden-survival-eval.R
# Needs: survival, riskRegression, jsonlite. timeROC and dcurves are not in Debian: their published formulas are
# written below in a few lines of R (marked "formula"); riskRegression::Score is the package reference.

suppressPackageStartupMessages({
  library(jsonlite); library(survival); library(riskRegression)
})

args <- commandArgs(trailingOnly = FALSE)
script <- sub("^--file=", "", args[grep("^--file=", args)])
out <- normalizePath(file.path(dirname(script), "..", "golden", "eval"), mustWork = FALSE)
dir.create(out, showWarnings = FALSE, recursive = TRUE)

# ------------------------------------------------------------------ data
lung <- na.omit(survival::lung[, c("time", "status", "age", "sex", "ph.ecog")])
lung$status <- lung$status - 1
cox_lung <- coxph(Surv(time, status) ~ age + sex + ph.ecog, data = lung)
lung$lp <- unname(predict(cox_lung, type = "lp"))
# predicted risk F(t|x) = 1 - S(t|x), S from the Breslow baseline (survfit of the Cox model)
risk_at <- function(fit, data, t) 1 - summary(survfit(fit, newdata = data), times = t)$surv[1, ]
# simulated data without tied times (riskRegression and the formula then agree to rounding)
set.seed(8)
n <- 160
x1 <- rnorm(n); x2 <- 0.5 * x1 + rnorm(n)
ev <- rexp(n, 0.1 * exp(0.8 * x1)); ce <- runif(n, 0, 25)
sim <- data.frame(time = round(pmin(ev, ce), 6), status = as.integer(ev <= ce), m1 = x1 + 0.3 * rnorm(n), m2 = x2)
cox_sim <- coxph(Surv(time, status) ~ m1, data = sim)

# censoring Kaplan-Meier G: left limit G(s-) and value G(s)
cens_km <- function(time, status) {
  cfit <- survfit(Surv(time, 1 - status) ~ 1)
  list(minus = function(s) sapply(s, function(u) { k <- cfit$time < u; if (any(k)) min(cfit$surv[k]) else 1 }),
       at = function(u) { k <- cfit$time <= u; if (any(k)) min(cfit$surv[k]) else 1 })
}

# ------------------------------------------------------------------ AUC(t) influence function (formula)
# Blanche et al. 2013 iid representation with the Kaplan-Meier censoring term (as golden-eval.R).
td_auc_if <- function(time, status, marker, t) {
  n <- length(time); G <- cens_km(time, status)
  A <- as.numeric(time <= t & status == 1); B <- as.numeric(time > t)
  W <- ifelse(A == 1, 1 / G$minus(time), 0); Wt <- 1 / G$at(t)
  Q <- outer(marker, marker, function(a, b) (a > b) + 0.5 * (a == b)) * outer(A * W, B * Wt)
  N <- sum(Q) / n^2; a <- sum(A * W) / n; b <- sum(B * Wt) / n; auc <- N / (a * b)
  ut <- sort(unique(time)); atrisk <- sapply(ut, function(u) sum(time >= u))
  dL <- sapply(ut, function(u) sum(time == u & status == 0)) / atrisk; y <- atrisk / n
  psi <- function(k, s, strict) {
    keep <- if (strict) ut < s else ut <= s
    jump <- if (status[k] == 0 && (if (strict) time[k] < s else time[k] <= s)) 1 / y[match(time[k], ut)] else 0
    jump - sum((dL / y)[keep & ut <= time[k]])
  }
  IF <- sapply(1:n, function(k) {
    psiT <- sapply(1:n, function(i) if (A[i] == 1) psi(k, time[i], TRUE) else 0)
    psit <- psi(k, t, FALSE)
    ifN <- (sum(Q[k, ]) + sum(Q[, k])) / n - 2 * N + sum(Q * outer(psiT, rep(psit, n), "+")) / n^2
    ifa <- A[k] * W[k] - a + sum(A * W * psiT) / n
    ifb <- B[k] * Wt - b + b * psit
    (ifN - auc * (a * ifb + b * ifa)) / (a * b)
  })
  list(auc = auc, IF = IF)
}

# ------------------------------------------------------------------ 1. paired AUC(t) comparison
# delta = AUC_2 - AUC_1, se = sd(IF_2 - IF_1)/sqrt(n), CI delta -/+ z se, p = 2 pnorm(-|delta/se|)
paired_case <- function(time, status, m1, m2, times) {
  d <- data.frame(time = time, status = status)
  sc <- Score(list(m1 = m1, m2 = m2), formula = Hist(time, status) ~ 1, data = d, times = times,
              metrics = "auc", cens.model = "km", null.model = FALSE, se.fit = TRUE, conf.int = TRUE)
  con <- as.data.frame(sc$AUC$contrasts)
  f <- lapply(times, function(t) {
    a <- td_auc_if(time, status, m1, t); b <- td_auc_if(time, status, m2, t)
    delta <- b$auc - a$auc; se <- sd(b$IF - a$IF) / sqrt(length(time)); z <- qnorm(0.975)
    c(auc1 = a$auc, auc2 = b$auc, delta = delta, se = se, lower = delta - z * se, upper = delta + z * se,
      p = 2 * pnorm(-abs(delta / se)))
  })
  f <- do.call(rbind, f)
  list(time = time, status = status, m1 = m1, m2 = m2, times = times,
       auc1 = f[, "auc1"], auc2 = f[, "auc2"], delta = f[, "delta"], se = f[, "se"], lower = f[, "lower"],
       upper = f[, "upper"], p = f[, "p"],
       score_delta = con$delta.AUC, score_se = con$se, score_lower = con$lower, score_upper = con$upper,
       score_p = con$p)
}

# ------------------------------------------------------------------ 2. ROC(t) curve (formula, timeROC)
# thresholds c = sorted distinct marker values; TP(c) = sum A W I(M > c) / sum A W, FP(c) = sum B I(M > c) / sum B
roc_case <- function(time, status, marker, t) {
  G <- cens_km(time, status)
  A <- time <= t & status == 1; B <- time > t
  W <- ifelse(A, 1 / G$minus(time), 0)
  thr <- sort(unique(marker))
  tp <- sapply(thr, function(c) sum(W[A] * (marker[A] > c)) / sum(W[A]))
  fp <- sapply(thr, function(c) sum(marker[B] > c) / sum(B))
  # riskRegression's ROC plot frame: at risk = c, TPR and FPR of the rule M >= c
  sc <- Score(list(m = marker), formula = Hist(time, status) ~ 1, data = data.frame(time = time, status = status),
              times = t, metrics = "auc", cens.model = "km", plots = "roc", null.model = FALSE)
  pf <- as.data.frame(sc$ROC$plotframe)
  list(time = time, status = status, marker = marker, horizon = t, thresholds = thr, tp = tp, fp = fp,
       auc = td_auc_if(time, status, marker, t)$auc, score_risk = pf$risk, score_tpr = pf$TPR, score_fpr = pf$FPR)
}

# ------------------------------------------------------------------ 3. calibration at a horizon, Brier score
# groups: cut(risk, quantile(risk, 0:g/g), include.lowest = TRUE); observed 1 - KM(t) per group with the
# Greenwood log-type 95% CI of survfit (risk limits 1 - upper, 1 - lower); D'Agostino-Nam chi-square
# sum_k n_k (obs_k - pred_k)^2 / (pred_k (1 - pred_k)) on g - 1 df (D'Agostino RB, Nam BH, Handbook of
# Statistics 23:1-25, 2004; Demler OV, Paynter NP, Cook NR, Stat Med 34:1659-1680, 2015).
# IPCW Brier score at t (Graf E et al., Stat Med 18:2529-2545, 1999):
# BS = mean( I(T <= t, event) (1 - F)^2 / G(T-) + I(T > t) F^2 / G(t) ).
calibration_case <- function(time, status, risk, t, g) {
  grp <- cut(risk, quantile(risk, seq(0, 1, 1 / g)), include.lowest = TRUE)
  rows <- lapply(levels(grp), function(l) {
    k <- grp == l
    s <- summary(survfit(Surv(time[k], status[k]) ~ 1), times = t, extend = TRUE)
    c(n = sum(k), predicted = mean(risk[k]), observed = 1 - s$surv, lower = 1 - s$upper, upper = 1 - s$lower)
  })
  r <- do.call(rbind, rows)
  chi2 <- sum(r[, "n"] * (r[, "observed"] - r[, "predicted"])^2 / (r[, "predicted"] * (1 - r[, "predicted"])))
  G <- cens_km(time, status)
  case <- time <= t & status == 1; ctrl <- time > t
  brier <- mean(ifelse(case, (1 - risk)^2 / G$minus(time), 0) + ifelse(ctrl, risk^2 / G$at(t), 0))
  sc <- Score(list(model = risk), formula = Surv(time, status) ~ 1, data = data.frame(time = time, status = status),
              times = t, metrics = "brier", cens.model = "km", null.model = FALSE, se.fit = FALSE)
  list(time = time, status = status, risk = risk, horizon = t, groups = g,
       n = r[, "n"], predicted = r[, "predicted"], observed = r[, "observed"], lower = r[, "lower"],
       upper = r[, "upper"], chi2 = chi2, df = g - 1, p = pchisq(chi2, g - 1, lower.tail = FALSE),
       brier = brier, score_brier = sc$Brier$score$Brier)
}

# ------------------------------------------------------------------ 4. decision curve, survival outcome
# Vickers AJ, Cronin AM, Elkin EB, Gonen M, BMC Med Inform Decis Mak 8:53, 2008 (dcurves::dca, Surv outcome):
# n+ = #(risk >= pt), r+ = 1 - KM(t | risk >= pt), NB = r+ n+/n - (1 - r+) n+/n pt/(1 - pt) (0 when n+ = 0);
# treat all: (1 - KM(t)) - KM(t) pt/(1 - pt).
km_at <- function(time, status, t) summary(survfit(Surv(time, status) ~ 1), times = t, extend = TRUE)$surv
dca_case <- function(time, status, risk, t, thresholds) {
  n <- length(time); s_all <- km_at(time, status, t)
  nb <- sapply(thresholds, function(pt) {
    k <- risk >= pt
    if (!any(k)) return(0)
    r <- 1 - km_at(time[k], status[k], t)
    r * sum(k) / n - (1 - r) * sum(k) / n * pt / (1 - pt)
  })
  list(time = time, status = status, risk = risk, horizon = t, thresholds = thresholds, net_benefit = nb,
       treat_all = (1 - s_all) - s_all * thresholds / (1 - thresholds))
}

lung_risk365 <- risk_at(cox_lung, lung, 365)
sim_risk10 <- risk_at(cox_sim, sim, 10)
sim_risk5 <- risk_at(cox_sim, sim, 5)
thr <- seq(0.01, 0.8, by = 0.01)
res <- list(
  paired = list(
    sim_m1_m2 = paired_case(sim$time, sim$status, sim$m1, sim$m2, c(5, 10)),
    lung_lp_age = paired_case(lung$time, lung$status, lung$lp, lung$age, c(180, 365))),
  roc = list(
    sim_m1_10 = roc_case(sim$time, sim$status, sim$m1, 10),
    lung_age_365 = roc_case(lung$time, lung$status, lung$age, 365)),
  calibration = list(
    lung_cox_365 = calibration_case(lung$time, lung$status, lung_risk365, 365, 5),
    sim_cox_5 = calibration_case(sim$time, sim$status, sim_risk5, 5, 4)),
  dca = list(
    lung_cox_365 = dca_case(lung$time, lung$status, lung_risk365, 365, thr),
    sim_cox_10 = dca_case(sim$time, sim$status, sim_risk10, 10, thr)))
write_json(res, file.path(out, "survival_eval.json"), digits = NA, auto_unbox = TRUE)
pkgs <- c("survival", "riskRegression", "jsonlite")
writeLines(c(R.version.string, paste(pkgs, sapply(pkgs, function(p) as.character(packageVersion(p))))),
           file.path(out, "VERSIONS-survival-eval.txt"))
