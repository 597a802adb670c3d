#!/usr/bin/env Rscript
# Writes the glmnet reference ("golden") files that io.radflow.stats.penalized is tested against.
# Run from the repository root:
#   Rscript tests/io.radflow.stats.tests/r/golden-glmnet.R
# Needs R with glmnet (4.1-6 used), survival and jsonlite. Output: golden/glmnet/*.json, the data
# sets as CSV (gzip) and VERSIONS.txt.
#
# All fits use a tight convergence threshold (thresh = 1e-14, maxit = 1e7) because glmnet's default
# thresh = 1e-7 stops far from the optimum; Radflow converges tightly, so the comparison is between two
# converged solutions. Everything else is glmnet's default (standardize = TRUE, nlambda = 100,
# lambda.min.ratio = 1e-4 if n > p else 1e-2, Breslow ties for Cox).
#
# Data: survival::lung and survival::pbc (R package survival, LGPL (>= 2); see README.md) exported as
# the complete cases used, and a seeded synthetic set. Test data only, never shipped in a bundle.

suppressPackageStartupMessages({
  library(survival)
  library(glmnet)
  library(jsonlite)
})

args <- commandArgs(trailingOnly = FALSE)
script <- sub("^--file=", "", args[grep("^--file=", args)])
out <- normalizePath(file.path(dirname(script), "..", "golden", "glmnet"), mustWork = FALSE)
dir.create(out, showWarnings = FALSE, recursive = TRUE)

THRESH <- 1e-14
MAXIT <- 1e7

write_gz_csv <- function(df, name) {
  con <- gzfile(file.path(out, name), "w")
  write.csv(df, con, row.names = FALSE)
  close(con)
}

# Path summary: lambda, dev.ratio, df, intercept, coefficients (original scale) at a few path indices
# and at a few lambda values between path points (glmnet's linear interpolation, exact = FALSE).
path_summary <- function(fit, x, at_index, s_between) {
  beta <- as.matrix(fit$beta)
  res <- list(
    lambda = fit$lambda,
    dev_ratio = fit$dev.ratio,
    nulldev = fit$nulldev,
    df = as.numeric(fit$df),
    at_index = at_index,
    beta_at_index = unname(t(beta[, at_index, drop = FALSE])),
    s = s_between,
    beta_at_s = unname(t(as.matrix(coef(fit, s = s_between))))
  )
  if (!is.null(fit$a0)) res$a0 <- unname(fit$a0)
  res
}

cv_summary <- function(cvfit, x) {
  list(
    lambda = cvfit$lambda,
    cvm = cvfit$cvm,
    cvsd = cvfit$cvsd,
    nzero = unname(cvfit$nzero),
    lambda_min = cvfit$lambda.min,
    lambda_1se = cvfit$lambda.1se,
    index_min = cvfit$index[1, 1],
    index_1se = cvfit$index[2, 1],
    coef_min = unname(as.numeric(coef(cvfit, s = "lambda.min"))),
    link_min_first10 = unname(as.numeric(predict(cvfit, newx = x[1:10, , drop = FALSE], s = "lambda.min")))
  )
}

run_case <- function(name, x, y, family, alpha, foldid, measures, penalty.factor = rep(1, ncol(x)),
                     at_index = NULL, data_file, thresh = THRESH, loose = NA) {
  fit <- glmnet(x, y, family = family, alpha = alpha, penalty.factor = penalty.factor,
                thresh = thresh, maxit = MAXIT)
  k <- length(fit$lambda)
  if (is.null(at_index)) at_index <- unique(pmax(1, round(c(1, 0.25, 0.5, 0.75, 1) * k)))
  s_between <- sqrt(fit$lambda[at_index[-1] - 1] * fit$lambda[at_index[-1]])
  res <- list(
    case = name, family = family, alpha = alpha, data_file = data_file,
    n = nrow(x), p = ncol(x), columns = colnames(x), penalty_factor = penalty.factor,
    thresh = thresh,
    path = path_summary(fit, x, at_index, s_between),
    foldid = foldid, cv = list()
  )
  if (!is.na(loose)) {
    # the same path with a 10x looser threshold: how far glmnet itself still is from convergence
    fit_loose <- glmnet(x, y, family = family, alpha = alpha, penalty.factor = penalty.factor,
                        thresh = loose, maxit = MAXIT)
    res$thresh_loose <- loose
    res$path_loose <- path_summary(fit_loose, x, at_index, s_between)
  }
  for (m in measures) {
    if (family == "cox" && m == "C") {
      # the C-index from the deviance run's held-out predictions (fit.preval), through glmnet's own
      # cv.coxnet / cvstats / getOptcv.glmnet: the same folds and fits, without refitting
      cvfit <- res_cvfit_dev
      cvstuff <- glmnet:::cv.coxnet(cvfit$fit.preval, y, "C", rep(1, nrow(x)), foldid, TRUE)
      st <- glmnet:::cvstats(cvstuff, foldid, max(foldid), cvfit$lambda, cvfit$nzero, FALSE)
      opt <- glmnet:::getOptcv.glmnet(st$lambda, st$cvm, st$cvsd, "C-index")
      res$cv[[m]] <- list(lambda = st$lambda, cvm = st$cvm, cvsd = st$cvsd, nzero = unname(st$nzero),
                          lambda_min = opt$lambda.min, lambda_1se = opt$lambda.1se,
                          index_min = opt$index[1, 1], index_1se = opt$index[2, 1])
      next
    }
    cvfit <- cv.glmnet(x, y, family = family, alpha = alpha, penalty.factor = penalty.factor,
                       foldid = foldid, type.measure = m, thresh = thresh, maxit = MAXIT, keep = TRUE)
    if (m == "deviance") res_cvfit_dev <- cvfit
    res$cv[[m]] <- cv_summary(cvfit, x)
  }
  write_json(res, file.path(out, paste0(name, ".json")), digits = NA, auto_unbox = TRUE)
  cat(name, ": path length", k, "\n")
}

fold_ids <- function(n, seed, nfolds = 10) {
  set.seed(seed)
  sample(rep(seq_len(nfolds), length.out = n))
}

# ---------------------------------------------------------------- lung (Cox)
# survival::lung, complete cases of the 7 clinical covariates (inst dropped), status 2 = dead.
# A constant column 'const' is appended: glmnet excludes it (coefficient 0).
lung <- survival::lung
lung_cols <- c("age", "sex", "ph.ecog", "ph.karno", "pat.karno", "meal.cal", "wt.loss")
lung_cc <- lung[complete.cases(lung[, c("time", "status", lung_cols)]), c("time", "status", lung_cols)]
lung_cc$status <- as.integer(lung_cc$status == 2)
lung_cc$const <- 1
# time in years: glmnet nudges censored times by 100 * .Machine$double.eps so that a censored time tied
# with an event time stays at risk; for times >= 256 that nudge is lost in rounding and tied censored
# rows may leave the risk set depending on sort order. Years keep the times small (same ordering).
lung_cc$time <- lung_cc$time / 365.25
write_gz_csv(lung_cc, "lung_cc.csv.gz")
x_lung <- as.matrix(lung_cc[, c(lung_cols, "const")])
y_lung <- Surv(lung_cc$time, lung_cc$status)
fold_lung <- fold_ids(nrow(x_lung), 101)
run_case("cox_lung_lasso", x_lung, y_lung, "cox", 1, fold_lung, c("deviance", "C"),
         data_file = "lung_cc.csv.gz")
run_case("cox_lung_enet05", x_lung, y_lung, "cox", 0.5, fold_lung, c("deviance"),
         penalty.factor = c(0, 1, 1, 1, 1, 2, 1, 1), data_file = "lung_cc.csv.gz")

# ---------------------------------------------------------------- pbc (binomial)
# survival::pbc, the 312 trial patients, complete cases; binary outcome: died (status 2) during follow-up.
pbc <- survival::pbc[1:312, ]
pbc_cols <- c("age", "ascites", "hepato", "spiders", "edema", "bili", "chol", "albumin", "copper",
              "alk.phos", "ast", "trig", "platelet", "protime", "stage")
pbc$female <- as.integer(pbc$sex == "f")
pbc_cols <- c(pbc_cols, "female")
pbc_cc <- pbc[complete.cases(pbc[, c("time", "status", pbc_cols)]), c("time", "status", pbc_cols)]
pbc_cc$died <- as.integer(pbc_cc$status == 2)
write_gz_csv(pbc_cc, "pbc_cc.csv.gz")
x_pbc <- as.matrix(pbc_cc[, pbc_cols])
fold_pbc <- fold_ids(nrow(x_pbc), 202)
run_case("binomial_pbc_lasso", x_pbc, pbc_cc$died, "binomial", 1, fold_pbc, c("deviance", "auc", "class"),
         data_file = "pbc_cc.csv.gz")
run_case("binomial_pbc_enet03_pf", x_pbc, pbc_cc$died, "binomial", 0.3, fold_pbc, c("deviance"),
         penalty.factor = c(1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0.5), data_file = "pbc_cc.csv.gz")

# ---------------------------------------------------------------- synthetic high-dimensional set
# n = 200, p = 400: 20 blocks of 20 features, within-block correlation 0.6 (one shared factor per block),
# values rounded to 6 decimals (so the CSV holds exactly the data R used). Survival times rounded to one
# decimal to create ties (Breslow). Sparse true effects in 5 blocks.
set.seed(20240607)
n <- 200; p <- 400; block <- 20
z <- matrix(rnorm(n * (p / block)), n, p / block)
x_hd <- sqrt(0.6) * z[, rep(seq_len(p / block), each = block)] + sqrt(0.4) * matrix(rnorm(n * p), n, p)
x_hd <- round(x_hd, 6)
colnames(x_hd) <- sprintf("x%03d", seq_len(p))
beta_true <- numeric(p)
beta_true[c(1, 21, 41, 61, 81, 2, 22)] <- c(0.8, -0.6, 0.5, -0.4, 0.3, 0.3, -0.3)
eta <- drop(x_hd %*% beta_true)
t_event <- rexp(n, rate = 0.1 * exp(eta))
t_cens <- rexp(n, rate = 0.05)
time_hd <- pmax(0.1, round(pmin(t_event, t_cens), 1))
status_hd <- as.integer(t_event <= t_cens)
ybin_hd <- rbinom(n, 1, plogis(-0.3 + 1.2 * eta))
fold_hd <- fold_ids(n, 303)
hd <- data.frame(time = time_hd, status = status_hd, ybin = ybin_hd, fold = fold_hd, x_hd, check.names = FALSE)
write_gz_csv(hd, "synthetic_hd.csv.gz")
# glmnet's coxnet converges slowly here (it keeps only the diagonal of the Hessian): at 1e-14 one fit
# takes minutes and the dev.ratio at the end of the path still moves in the 6th digit. This case uses
# 1e-12 and also stores the path at 1e-11, so the test can tell how far glmnet itself is from convergence.
run_case("cox_synthetic_lasso", x_hd, Surv(time_hd, status_hd), "cox", 1, fold_hd, c("deviance", "C"),
         data_file = "synthetic_hd.csv.gz", thresh = 1e-12, loose = 1e-11)
run_case("binomial_synthetic_enet05", x_hd, ybin_hd, "binomial", 0.5, fold_hd, c("deviance", "auc", "class"),
         data_file = "synthetic_hd.csv.gz")

writeLines(c(
  paste("R", paste(R.version$major, R.version$minor, sep = ".")),
  paste("glmnet", as.character(packageVersion("glmnet"))),
  paste("survival", as.character(packageVersion("survival"))),
  paste("jsonlite", as.character(packageVersion("jsonlite"))),
  paste("thresh", THRESH, "(cox_synthetic_lasso: 1e-12, loose path 1e-11)"),
  paste("maxit", MAXIT)
), file.path(out, "VERSIONS.txt"))
