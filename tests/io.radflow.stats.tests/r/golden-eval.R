#!/usr/bin/env Rscript
# Writes the R reference ("golden") files for the model-evaluation statistics of io.radflow.stats
# (packages evaluation, agreement, tables, nomogram, bootstrap) into ../golden/eval/ as JSON.
# Run from the repository root:  Rscript tests/io.radflow.stats.tests/r/golden-eval.R
# Needs: survival, pROC, psych, maxstat, survminer, riskRegression, rms, boot, jsonlite (see README.md).
# Where a method's reference package is not in Debian (timeROC, dcurves, ResourceSelection, survC1)
# the published formula is written below in a few lines of R and marked "formula".

suppressPackageStartupMessages({
  library(jsonlite); library(survival); library(pROC); library(psych); library(maxstat)
  library(survminer); library(riskRegression); library(rms); library(boot)
})

args <- commandArgs(trailingOnly = FALSE)
script <- sub("^--file=", "", args[grep("^--file=", args)])
out <- normalizePath(file.path(dirname(script), "..", "golden", "eval"), mustWork = FALSE)
dir.create(out, showWarnings = FALSE, recursive = TRUE)
save <- function(x, name) write_json(x, file.path(out, paste0(name, ".json")), digits = NA, auto_unbox = TRUE)

pkgs <- c("survival", "pROC", "psych", "maxstat", "survminer", "riskRegression", "rms", "boot", "jsonlite")
writeLines(c(R.version.string, paste(pkgs, sapply(pkgs, function(p) as.character(packageVersion(p))))),
           file.path(out, "VERSIONS.txt"))

# ------------------------------------------------------------------ data
lung <- na.omit(survival::lung[, c("time", "status", "age", "sex", "ph.ecog", "ph.karno")])
lung$status <- lung$status - 1
lung$lp <- predict(coxph(Surv(time, status) ~ age + sex + ph.ecog, data = lung), type = "lp")
veteran <- survival::veteran
data(aSAH, package = "pROC")
asah <- data.frame(poor = as.integer(aSAH$outcome == "Poor"), s100b = aSAH$s100b, ndka = aSAH$ndka,
                   wfns = as.numeric(aSAH$wfns))

# ------------------------------------------------------------------ ROC (pROC)
roc_case <- function(y, x) {
  r <- roc(y, x, levels = c(0, 1), direction = "<", quiet = TRUE)
  ci <- ci.auc(r, method = "delong")
  best <- coords(r, "best", best.method = "youden", ret = c("threshold", "sensitivity", "specificity"))
  list(auc = as.numeric(r$auc), var = var(r, method = "delong"), lower = ci[1], upper = ci[3],
       thresholds = r$thresholds, sensitivities = r$sensitivities, specificities = r$specificities,
       youden_threshold = best$threshold, youden_sensitivity = best$sensitivity,
       youden_specificity = best$specificity)
}
rocs <- list(s100b = roc_case(asah$poor, asah$s100b), ndka = roc_case(asah$poor, asah$ndka),
             wfns = roc_case(asah$poor, asah$wfns))
r1 <- roc(asah$poor, asah$s100b, levels = c(0, 1), direction = "<", quiet = TRUE)
r2 <- roc(asah$poor, asah$ndka, levels = c(0, 1), direction = "<", quiet = TRUE)
tst <- roc.test(r1, r2, method = "delong", paired = TRUE)
save(list(data = as.list(asah), roc = rocs,
          test = list(z = unname(tst$statistic), p = tst$p.value, lower = tst$conf.int[1],
                      upper = tst$conf.int[2])), "roc_asah")

# ------------------------------------------------------------------ concordance (survival)
conc_case <- function(time, status, risk, ymax = NULL) {
  h <- concordance(Surv(time, status) ~ risk, reverse = TRUE)
  u <- concordance(Surv(time, status) ~ risk, reverse = TRUE, timewt = "n/G2", ymax = ymax)
  list(time = time, status = status, risk = risk, tau = ymax,
       harrell = list(c = unname(h$concordance), var = h$var, count = unname(h$count)),
       uno = list(c = unname(u$concordance), var = u$var))
}
save(list(lung_lp = conc_case(lung$time, lung$status, unname(lung$lp), 365),
          veteran_karno = conc_case(veteran$time, veteran$status, -veteran$karno, 200)), "concordance")

# ------------------------------------------------------------------ time-dependent AUC (formula, timeROC)
# Cumulative cases (T <= t, event), dynamic controls (T > t), IPCW weights 1/G(T_i-) and 1/G(t),
# G = Kaplan-Meier of the censoring distribution; marker ties count 1/2 (Blanche et al. 2013).
td_auc <- function(time, status, marker, t) {
  cfit <- survfit(Surv(time, 1 - status) ~ 1)
  G_minus <- function(s) sapply(s, function(u) { k <- cfit$time < u; if (any(k)) min(cfit$surv[k]) else 1 })
  G_at <- function(u) { k <- cfit$time <= u; if (any(k)) min(cfit$surv[k]) else 1 }
  case <- time <= t & status == 1; ctrl <- time > t
  wc <- 1 / G_minus(time[case]); wk <- rep(1 / G_at(t), sum(ctrl))
  mc <- marker[case]; mk <- marker[ctrl]
  num <- sum(sapply(seq_along(mc), function(i) wc[i] * sum(wk * ((mc[i] > mk) + 0.5 * (mc[i] == mk)))))
  num / (sum(wc) * sum(wk))
}
# Standard error from the influence function of the estimator (Blanche et al. 2013, iid representation
# with the Kaplan-Meier censoring term): AUC = N/(a b), N = (1/n^2) sum_ij Q_ij, Q_ij = c_ij A_i W_i B_j W_t,
# a = mean(A W), b = mean(B W_t); IF_k = (IF_N - AUC (a IF_b + b IF_a)) / (a b) where each IF carries the
# term psi_k(s) = int_0^s dM^C_k(u)/y(u) of 1/G; se = sd(IF)/sqrt(n) (riskRegression's convention).
td_auc_iid <- function(time, status, marker, t) {
  n <- length(time)
  cfit <- survfit(Surv(time, 1 - status) ~ 1)
  G_minus <- function(s) sapply(s, function(u) { k <- cfit$time < u; if (any(k)) min(cfit$surv[k]) else 1 })
  G_at <- function(u) { k <- cfit$time <= u; if (any(k)) min(cfit$surv[k]) else 1 }
  A <- as.numeric(time <= t & status == 1); B <- as.numeric(time > t)
  W <- ifelse(A == 1, 1 / G_minus(time), 0); Wt <- 1 / G_at(t)
  cmat <- outer(marker, marker, function(a, b) (a > b) + 0.5 * (a == b))
  Q <- cmat * outer(A * W, B * Wt)
  N <- sum(Q) / n^2; a <- sum(A * W) / n; b <- sum(B * Wt) / n; auc <- N / (a * b)
  ut <- sort(unique(time)); atrisk <- sapply(ut, function(u) sum(time >= u))
  cens <- sapply(ut, function(u) sum(time == u & status == 0)); dL <- cens / atrisk; y <- atrisk / n
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
  c(auc = auc, se = sd(IF) / sqrt(n))
}
td_case <- function(time, status, marker, times) {
  d <- data.frame(time = time, status = status, marker = marker)
  sc <- Score(list(m = marker), formula = Surv(time, status) ~ 1, data = d, times = times,
              metrics = "auc", cens.model = "km", se.fit = TRUE, conf.int = TRUE)
  iid <- sapply(times, function(t) td_auc_iid(time, status, marker, t))
  list(time = time, status = status, marker = marker, times = times,
       auc = sapply(times, function(t) td_auc(time, status, marker, t)), se = unname(iid["se", ]),
       score_auc = sc$AUC$score$AUC, score_se = sc$AUC$score$se)
}
set.seed(1)
save(list(lung_lp = td_case(lung$time, lung$status, unname(lung$lp), c(180, 365, 540)),
          veteran_karno = td_case(veteran$time, veteran$status, -veteran$karno, c(30, 90, 180)),
          lung_age_jitter = td_case(lung$time, lung$status, lung$age + rnorm(nrow(lung)), c(180, 365))),
     "td_auc")

# ------------------------------------------------------------------ ICC (psych), correlation, Shapiro-Wilk
sf <- matrix(c(9, 6, 8, 7, 10, 6, 2, 1, 4, 1, 5, 2, 5, 3, 6, 2, 6, 4, 8, 2, 8, 6, 9, 7), ncol = 4)
icc_case <- function(x) {
  r <- ICC(x, lmer = FALSE)$results
  list(ratings = unname(as.matrix(x)), type = r$type, icc = r$ICC, F = r$F, df1 = r$df1, df2 = r$df2,
       p = r$p, lower = r$`lower bound`, upper = r$`upper bound`)
}
set.seed(20240607)
truth <- rnorm(30, 50, 10)
raters <- sapply(c(0, 2, -1), function(b) truth + b + rnorm(30, 0, 4))
save(list(shrout_fleiss = icc_case(sf), simulated = icc_case(raters)), "icc")

cor_case <- function(x, y) {
  p <- cor.test(x, y, method = "pearson")
  s <- suppressWarnings(cor.test(x, y, method = "spearman", exact = FALSE))
  list(x = x, y = y, pearson = list(r = unname(p$estimate), t = unname(p$statistic), df = unname(p$parameter),
       p = p$p.value, lower = p$conf.int[1], upper = p$conf.int[2]),
       spearman = list(rho = unname(s$estimate), S = unname(s$statistic), p = s$p.value))
}
# cor.test's default Spearman p value (no ties, n < 1290): exact for n <= 9, Edgeworth series (AS 89) above
spearman_default <- lapply(list(n7 = list(x = c(1.2, 3.4, 2.2, 5.1, 4.0, 6.3, 0.5), y = c(2.0, 2.9, 3.5, 4.4, 1.1, 6.0, 0.7)),
                                n9_negative = list(x = 1:9, y = c(9.5, 7.1, 8.2, 6.3, 3.4, 5.5, 4.6, 1.7, 2.8)),
                                n20 = list(x = c(iris$Sepal.Length[1:20] + (1:20) / 1000), y = iris$Petal.Width[1:20] + (1:20) / 997),
                                n12_negative = list(x = 1:12, y = c(8.5, 12.1, 3.2, 4.3, 6.4, 11.5, 7.6, 9.7, 10.8, 1.9, 5.1, 2.2)),
                                n40_unrelated = list(x = (1:40)^1.1, y = sin(1:40))),
                           function(d) { s <- cor.test(d$x, d$y, method = "spearman")
                             c(d, list(rho = unname(s$estimate), S = unname(s$statistic), p = s$p.value)) })
save(spearman_default, "spearman_exact")
save(list(mtcars_mpg_wt = cor_case(mtcars$mpg, mtcars$wt),
          iris_sepal_petal = cor_case(iris$Sepal.Length, iris$Petal.Length),
          lung_age_karno = cor_case(lung$age, lung$ph.karno)), "correlation")

set.seed(42)
sw_data <- list(mtcars_mpg = mtcars$mpg, iris_sepal_width = iris$Sepal.Width, lung_age = lung$age,
                n3 = c(1.5, 2.0, 7.0), n4 = c(3.1, 2.2, 5.9, 4.0), n7 = c(2.1, 3.4, 1.9, 5.6, 4.4, 3.0, 9.8),
                n11 = c(12, 15, 11, 19, 14, 13, 25, 16, 12.5, 17, 30), normal1000 = rnorm(1000),
                exp200 = rexp(200))
save(lapply(sw_data, function(x) { s <- shapiro.test(x); list(x = x, w = unname(s$statistic), p = s$p.value) }),
     "shapiro")

# ------------------------------------------------------------------ Table 1 tests
tt_case <- function(x, y) {
  st <- t.test(x, y, var.equal = TRUE); we <- t.test(x, y)
  w <- suppressWarnings(wilcox.test(x, y))
  list(x = x, y = y,
       student = list(t = unname(st$statistic), df = unname(st$parameter), p = st$p.value,
                      lower = st$conf.int[1], upper = st$conf.int[2]),
       welch = list(t = unname(we$statistic), df = unname(we$parameter), p = we$p.value,
                    lower = we$conf.int[1], upper = we$conf.int[2]),
       wilcox = list(w = unname(w$statistic), p = w$p.value,
                     exact = length(unique(c(x, y))) == length(c(x, y)) && length(x) < 50 && length(y) < 50))
}
save(list(mtcars_mpg_am = tt_case(mtcars$mpg[mtcars$am == 0], mtcars$mpg[mtcars$am == 1]),
          iris_setosa_versicolor = tt_case(iris$Sepal.Length[iris$Species == "setosa"],
                                           iris$Sepal.Length[iris$Species == "versicolor"]),
          lung_age_sex = tt_case(lung$age[lung$sex == 1], lung$age[lung$sex == 2]),
          small_exact = tt_case(c(1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30),
                                c(0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29 + 0.001, 0.7)),
          exact_49 = tt_case(sort(unique(round(rexp(60) * 1000)))[1:30] + 0.5,
                             sort(unique(round(rexp(60) * 1000 + 300)))[1:25] + 0.25)), "ttest_wilcox")

chisq_case <- function(tab) {
  cs <- suppressWarnings(chisq.test(tab))
  list(table = unname(unclass(as.matrix(tab))), statistic = unname(cs$statistic), df = unname(cs$parameter),
       p = cs$p.value, expected = unname(cs$expected))
}
save(list(mtcars_am_vs = chisq_case(table(mtcars$am, mtcars$vs)),
          mtcars_cyl_gear = chisq_case(table(mtcars$cyl, mtcars$gear)),
          lung_sex_ecog = chisq_case(table(lung$sex, lung$ph.ecog))), "chisq")

# fisher.test solves the conditional MLE and its CI with uniroot's default tolerance (~1.2e-4);
# the "tight" values repeat the same equations with tol = 1e-13 (formula of stats:::fisher.test).
fisher_tight <- function(x, conf.level = 0.95) {
  m <- sum(x[, 1]); n <- sum(x[, 2]); k <- sum(x[1, ]); x <- x[1, 1]
  lo <- max(0L, k - n); hi <- min(k, m); support <- lo:hi
  logdc <- dhyper(support, m, n, k, log = TRUE)
  dnhyper <- function(ncp) { d <- logdc + log(ncp) * support; d <- exp(d - max(d)); d / sum(d) }
  mnhyper <- function(ncp) { if (ncp == 0) return(lo); if (ncp == Inf) return(hi); sum(support * dnhyper(ncp)) }
  pnhyper <- function(q, ncp, upper.tail = FALSE) {
    if (ncp == 1) return(if (upper.tail) phyper(x - 1, m, n, k, lower.tail = FALSE) else phyper(x, m, n, k))
    if (ncp == 0) return(as.numeric(if (upper.tail) q <= lo else q >= lo))
    if (ncp == Inf) return(as.numeric(if (upper.tail) q <= hi else q >= hi))
    sum(dnhyper(ncp)[if (upper.tail) support >= q else support <= q])
  }
  tol <- 1e-13; eps <- .Machine$double.eps
  mle <- function(x) {
    if (x == lo) return(0); if (x == hi) return(Inf)
    mu <- mnhyper(1)
    if (mu > x) uniroot(function(t) mnhyper(t) - x, c(0, 1), tol = tol)$root
    else if (mu < x) 1 / uniroot(function(t) mnhyper(1 / t) - x, c(eps, 1), tol = tol)$root else 1
  }
  ncp.U <- function(x, alpha) {
    if (x == hi) return(Inf)
    p <- pnhyper(x, 1)
    if (p < alpha) uniroot(function(t) pnhyper(x, t) - alpha, c(0, 1), tol = tol)$root
    else if (p > alpha) 1 / uniroot(function(t) pnhyper(x, 1 / t) - alpha, c(eps, 1), tol = tol)$root else 1
  }
  ncp.L <- function(x, alpha) {
    if (x == lo) return(0)
    p <- pnhyper(x, 1, upper.tail = TRUE)
    if (p > alpha) uniroot(function(t) pnhyper(x, t, upper.tail = TRUE) - alpha, c(0, 1), tol = tol)$root
    else if (p < alpha) 1 / uniroot(function(t) pnhyper(x, 1 / t, upper.tail = TRUE) - alpha, c(eps, 1), tol = tol)$root
    else 1
  }
  alpha <- (1 - conf.level) / 2
  list(estimate = mle(x), lower = ncp.L(x, alpha), upper = ncp.U(x, alpha))
}
fisher_case <- function(tab) {
  f <- fisher.test(tab); tight <- fisher_tight(tab)
  list(table = unname(unclass(as.matrix(tab))), p = f$p.value, estimate = unname(f$estimate),
       lower = f$conf.int[1], upper = f$conf.int[2], tight = tight)
}
save(list(mtcars_am_vs = fisher_case(table(mtcars$am, mtcars$vs)),
          tea = fisher_case(matrix(c(3, 1, 1, 3), 2)),
          zero_cell = fisher_case(matrix(c(0, 5, 7, 3), 2)),
          lung_sex_ecog01 = fisher_case(table(lung$sex, lung$ph.ecog >= 1))), "fisher")

desc_case <- function(x) list(x = x, mean = mean(x), sd = sd(x), quantiles = unname(quantile(x, c(0.25, 0.5, 0.75), type = 7)),
                              shapiro_p = shapiro.test(x)$p.value)
save(list(mtcars_mpg = desc_case(mtcars$mpg), lung_age = desc_case(lung$age),
          lung_time = desc_case(lung$time), iris_petal_width = desc_case(iris$Petal.Width)), "descriptive")

# ------------------------------------------------------------------ cut-points (maxstat, survminer)
ms_case <- function(time, status, x) {
  d <- data.frame(time = time, status = status, x = x)
  lau92 <- maxstat.test(Surv(time, status) ~ x, data = d, smethod = "LogRank", pmethod = "Lau92")
  lau94 <- maxstat.test(Surv(time, status) ~ x, data = d, smethod = "LogRank", pmethod = "Lau94")
  hl <- maxstat.test(Surv(time, status) ~ x, data = d, smethod = "LogRank", pmethod = "HL")
  sc <- surv_cutpoint(d, time = "time", event = "status", variables = "x", minprop = 0.1)
  list(time = time, status = status, x = x,
       statistic = unname(lau92$statistic), cutpoint = unname(lau92$estimate), cuts = lau92$cuts,
       stats = lau92$stats, p_lau92 = lau92$p.value, p_lau94 = lau94$p.value,
       hl_statistic = unname(hl$statistic), p_hl = hl$p.value,
       survminer_cutpoint = sc$cutpoint$cutpoint, survminer_statistic = sc$cutpoint$statistic)
}
save(list(lung_age = ms_case(lung$time, lung$status, lung$age),
          lung_karno = ms_case(lung$time, lung$status, lung$ph.karno),
          veteran_karno = ms_case(veteran$time, veteran$status, veteran$karno)), "maxstat")

# ------------------------------------------------------------------ calibration of predicted probabilities
pbc <- survival::pbc[1:312, ]
pbc <- data.frame(dead = as.integer(pbc$status == 2), logbili = log(pbc$bili), albumin = pbc$albumin,
                  age = pbc$age)
asah_fit <- glm(poor ~ s100b + ndka + wfns, family = binomial, data = asah)
pbc_fit <- glm(dead ~ logbili + albumin + age, family = binomial, data = pbc)

# Hosmer-Lemeshow with g groups (formula of ResourceSelection::hoslem.test)
hoslem <- function(y, yhat, g = 10) {
  cutyhat <- cut(yhat, breaks = quantile(yhat, probs = seq(0, 1, 1 / g)), include.lowest = TRUE)
  obs <- xtabs(cbind(1 - y, y) ~ cutyhat); expect <- xtabs(cbind(1 - yhat, yhat) ~ cutyhat)
  chisq <- sum((obs - expect)^2 / expect)
  list(statistic = chisq, df = g - 2, p = pchisq(chisq, g - 2, lower.tail = FALSE),
       observed = unname(obs[, 2]), expected = unname(expect[, 2]))
}
# Net benefit of "treat if p >= pt" (formula of dcurves::dca, binary outcome)
dca <- function(y, p, thresholds) {
  n <- length(y); prev <- mean(y)
  list(thresholds = thresholds,
       model = sapply(thresholds, function(t) sum(p >= t & y == 1) / n - sum(p >= t & y == 0) / n * t / (1 - t)),
       all = prev - (1 - prev) * thresholds / (1 - thresholds))
}
# Binned calibration with bootstrap optimism (rms::calibrate's optimism formula on g fixed bins of the
# apparent predictions): on resample b, refit, observed fraction per bin on the resample (apparent) and
# on the original data (test); optimism = mean over b of apparent - test; corrected = observed - optimism.
binned_calibration <- function(formula, data, B = 20, g = 10) {
  y <- model.response(model.frame(formula, data))
  fit <- glm(formula, family = binomial, data = data); p <- fitted(fit); n <- nrow(data)
  breaks <- quantile(p, probs = seq(0, 1, 1 / g))
  bin_of <- function(q) pmin(pmax(findInterval(q, breaks, left.open = TRUE, rightmost.closed = FALSE), 1), g)
  observed <- function(yy, q) { b <- bin_of(q); sapply(1:g, function(k) if (any(b == k)) mean(yy[b == k]) else NA) }
  predicted <- function(q) { b <- bin_of(q); sapply(1:g, function(k) if (any(b == k)) mean(q[b == k]) else NA) }
  idx <- matrix(0L, B, n); pred_orig <- matrix(0, B, n); app <- matrix(NA, B, g); tst <- matrix(NA, B, g)
  for (b in 1:B) {
    i <- sample.int(n, n, replace = TRUE); idx[b, ] <- i
    fb <- suppressWarnings(glm(formula, family = binomial, data = data[i, ]))
    pb <- predict(fb, newdata = data, type = "response"); pred_orig[b, ] <- pb
    app[b, ] <- observed(y[i], pb[i]); tst[b, ] <- observed(y, pb)
  }
  d <- app - tst
  optimism <- sapply(1:g, function(k) mean(d[, k], na.rm = TRUE))
  obs <- observed(y, p)
  list(y = y, p = unname(p), breaks = unname(breaks), resamples = idx - 1L, resample_predictions = pred_orig,
       predicted = predicted(p), observed = obs, optimism = optimism, corrected = obs - optimism,
       valid = colSums(!is.na(d)))
}
set.seed(7)
cal_case <- function(y, p) list(y = y, p = unname(p), brier = mean((p - y)^2), hl = hoslem(y, p, 10),
                                dca = dca(y, p, seq(0.01, 0.99, by = 0.01)))
save(list(asah = cal_case(asah$poor, fitted(asah_fit)), pbc = cal_case(pbc$dead, fitted(pbc_fit)),
          pbc_binned = binned_calibration(dead ~ logbili + albumin + age, pbc)), "calibration")

# ------------------------------------------------------------------ nomogram (rms)
dd <- datadist(pbc); options(datadist = "dd")
pbc_lrm <- lrm(dead ~ logbili + albumin + age, data = pbc)
risk_at <- c(0.1, 0.3, 0.5, 0.7, 0.9)
nom <- nomogram(pbc_lrm, fun = plogis, funlabel = "risk", fun.at = risk_at)
vars <- c("logbili", "albumin", "age")
save(list(intercept = unname(coef(pbc_lrm)[1]), names = vars, coefficients = unname(coef(pbc_lrm)[vars]),
          axes = lapply(setNames(vars, vars), function(v) list(x = nom[[v]][[v]], points = unname(nom[[v]]$points))),
          lp_at = nom$lp$x.real, lp_points = nom$lp$x, risk_at = nom$risk$x.real, risk_points = nom$risk$x,
          scale = attr(nom, "info")$sc), "nomogram")

# ------------------------------------------------------------------ bootstrap intervals (boot)
boot_case <- function(data, statistic, R) {
  set.seed(99)
  b <- boot(data, function(d, i) statistic(d[i]), R = R)
  L <- empinf(b, type = "jack")
  ci <- boot.ci(b, conf = 0.95, type = c("perc", "bca"), L = L)
  list(data = data, t0 = b$t0, t = as.vector(b$t), L = L,
       perc = ci$percent[4:5], bca = ci$bca[4:5])
}
save(list(mtcars_mpg_trimmed_mean = boot_case(mtcars$mpg, function(x) mean(x, trim = 0.1), 999),
          lung_age_mean = boot_case(lung$age, mean, 1000),
          iris_sepal_sd = boot_case(iris$Sepal.Width, sd, 2000)), "bootstrap")
