#!/usr/bin/env Rscript
# Writes the R reference ("golden") files that tests/io.radflow.stats.tests compares Radflow's
# survival statistics against. Run from the repository root:
#   Rscript tests/io.radflow.stats.tests/r/make-golden.R
# Needs base R and the 'survival' package (recommended package, LGPL (>= 2)). See README.md.
# Output: CSV files only (no jsonlite needed), numbers written with 17 significant digits.

suppressPackageStartupMessages(library(survival))

args <- commandArgs(trailingOnly = FALSE)
script <- sub("^--file=", "", args[grep("^--file=", args)])
out <- normalizePath(file.path(dirname(script), "..", "golden"), mustWork = FALSE)
dir.create(out, showWarnings = FALSE, recursive = TRUE)

num <- function(x) ifelse(is.na(x), "NA", ifelse(is.infinite(x), ifelse(x > 0, "Inf", "-Inf"),
                                                  trimws(formatC(x, digits = 17, format = "g"))))
write_golden <- function(df, name) {
  for (col in names(df)) if (is.numeric(df[[col]])) df[[col]] <- num(df[[col]])
  write.csv(df, file.path(out, name), row.names = FALSE, quote = TRUE)
}

# ---------------------------------------------------------------- data sets
lung <- survival::lung
veteran <- survival::veteran
write.csv(lung, file.path(out, "lung.csv"), row.names = FALSE, na = "")
write.csv(veteran, file.path(out, "veteran.csv"), row.names = FALSE, na = "")

# ---------------------------------------------------------------- Kaplan-Meier
km_table <- function(fit) {
  strata <- if (is.null(fit$strata)) rep("all", length(fit$time)) else
    rep(sub("^[^=]*=", "", names(fit$strata)), fit$strata)
  data.frame(group = strata, time = fit$time, n_risk = fit$n.risk, n_event = fit$n.event,
             n_censor = fit$n.censor, surv = fit$surv, std_err = fit$std.err,
             lower = fit$lower, upper = fit$upper, stringsAsFactors = FALSE)
}
km_median <- function(fit) {
  tab <- summary(fit)$table
  if (is.null(dim(tab))) tab <- t(as.matrix(tab))
  groups <- if (is.null(fit$strata)) "all" else sub("^[^=]*=", "", rownames(tab))
  data.frame(group = groups, records = tab[, "records"], events = tab[, "events"],
             median = tab[, "median"], stringsAsFactors = FALSE)
}
kms <- list(
  km_lung = survfit(Surv(time, status) ~ 1, data = lung),
  km_lung_sex = survfit(Surv(time, status) ~ sex, data = lung),
  km_veteran_trt = survfit(Surv(time, status) ~ trt, data = veteran))
for (name in names(kms)) {
  write_golden(km_table(kms[[name]]), paste0(name, ".csv"))
  write_golden(km_median(kms[[name]]), paste0(name, "_median.csv"))
}

# ---------------------------------------------------------------- log-rank (survdiff, rho = 0)
logrank <- function(sd, name) {
  groups <- sub("^[^=]*=", "", names(sd$n))
  k <- length(groups)
  df <- sum(sd$exp > 0) - 1
  p <- pchisq(sd$chisq, df, lower.tail = FALSE)
  tab <- data.frame(group = groups, n = as.numeric(sd$n), observed = sd$obs, expected = sd$exp,
                    chisq = sd$chisq, df = df, p = p, stringsAsFactors = FALSE)
  for (j in seq_len(k)) tab[[paste0("var_", j)]] <- sd$var[, j]
  write_golden(tab, name)
}
logrank(survdiff(Surv(time, status) ~ sex, data = lung), "logrank_lung_sex.csv")
logrank(survdiff(Surv(time, status) ~ trt, data = veteran), "logrank_veteran_trt.csv")
logrank(survdiff(Surv(time, status) ~ celltype, data = veteran), "logrank_veteran_celltype.csv")
logrank(survdiff(Surv(time, status) ~ ph.ecog, data = lung), "logrank_lung_ecog.csv")

# ---------------------------------------------------------------- Cox regression
cox_golden <- function(fit, name) {
  s <- summary(fit)  # note: summary() rounds the Wald statistic to 2 decimals, so fit$wald.test is used
  co <- s$coefficients
  ci <- s$conf.int
  coefs <- data.frame(term = rownames(co), coef = co[, "coef"], se = co[, "se(coef)"],
                      z = co[, "z"], p = co[, "Pr(>|z|)"], hr = ci[, "exp(coef)"],
                      hr_lower = ci[, "lower .95"], hr_upper = ci[, "upper .95"],
                      stringsAsFactors = FALSE)
  write_golden(coefs, paste0(name, "_coef.csv"))
  stats <- data.frame(
    key = c("n", "nevent", "loglik_null", "loglik", "lr", "lr_df", "lr_p", "wald", "wald_df", "wald_p",
            "score", "score_df", "score_p", "iter", "concordance"),
    value = c(fit$n, fit$nevent, fit$loglik[1], fit$loglik[2],
              s$logtest["test"], s$logtest["df"], s$logtest["pvalue"],
              fit$wald.test, s$waldtest["df"], pchisq(fit$wald.test, s$waldtest["df"], lower.tail = FALSE),
              s$sctest["test"], s$sctest["df"], s$sctest["pvalue"],
              fit$iter, fit$concordance["concordance"]), stringsAsFactors = FALSE)
  write_golden(stats, paste0(name, "_stats.csv"))
  v <- as.data.frame(fit$var)
  names(v) <- rownames(co)
  write_golden(v, paste0(name, "_var.csv"))
}

lungcc <- lung[complete.cases(lung[, c("time", "status", "age", "sex", "ph.ecog")]), ]
vet <- veteran
for (ties in c("efron", "breslow")) {
  cox_golden(coxph(Surv(time, status) ~ age + sex + ph.ecog, data = lungcc, ties = ties),
             paste0("cox_lung_", ties))
  cox_golden(coxph(Surv(time, status) ~ trt + karno + diagtime + age + prior, data = vet, ties = ties),
             paste0("cox_veteran_", ties))
  cox_golden(coxph(Surv(time, status) ~ trt + karno + diagtime + age + prior + celltype, data = vet,
                   ties = ties), paste0("cox_veteran_celltype_", ties))
}
# single-covariate fits used by the univariate Cox node test (each on its own complete cases)
cox_golden(coxph(Surv(time, status) ~ age, data = lung), "cox_lung_age")
cox_golden(coxph(Surv(time, status) ~ I(as.numeric(scale(age))), data = lung), "cox_lung_age_scaled")
pk <- lung[!is.na(lung$ph.karno), ]
cox_golden(coxph(Surv(time, status) ~ I(as.numeric(scale(ph.karno))), data = pk), "cox_lung_phkarno_scaled")
cox_golden(coxph(Surv(time, status) ~ sex, data = lung), "cox_lung_sex")

writeLines(c(paste("R", R.version$major, R.version$minor, sep = "."),
             paste("survival", as.character(packageVersion("survival")))),
           file.path(out, "VERSIONS.txt"))
cat("golden files written to", out, "\n")
