#!/usr/bin/env Rscript
# Writes the JSON reference ("golden") files in ../golden/models/ that the survival, logistic and
# stepwise-selection tests of tests/io.radflow.stats.tests compare Radflow against, and exports the
# colon and pbc data sets used by them to ../golden/colon.csv and ../golden/pbc.csv.
# Run from anywhere:  Rscript tests/io.radflow.stats.tests/r/golden-models.R
# Needs R with survival, MASS and jsonlite (Debian: r-base-core r-cran-survival r-cran-mass r-cran-jsonlite).
# Every number is written with jsonlite::write_json(x, path, digits = NA, auto_unbox = TRUE), i.e. with
# the 15 significant digits that round-trip R's doubles; NA and NaN are written as the strings "NA"/"NaN".

suppressPackageStartupMessages({
  library(survival)
  library(MASS)
  library(jsonlite)
})
set.seed(20240607)

args <- commandArgs(trailingOnly = FALSE)
script <- sub("^--file=", "", args[grep("^--file=", args)])
golden <- normalizePath(file.path(dirname(script), "..", "golden"), mustWork = FALSE)
out <- file.path(golden, "models")
dir.create(out, showWarnings = FALSE, recursive = TRUE)
put <- function(x, name) write_json(x, file.path(out, name), digits = NA, auto_unbox = TRUE,
                                    na = "string", pretty = FALSE)

# ------------------------------------------------------------------------------------------ data
lung <- survival::lung                      # golden/lung.csv (status 2 = dead)
veteran <- survival::veteran                # golden/veteran.csv (status 1 = dead)
# colon: the death records (etype == 2), one per patient, complete cases of the columns used;
# rx is written as text (Obs, Lev, Lev+5FU)
colon <- survival::colon
colon <- colon[colon$etype == 2, c("id", "time", "status", "rx", "sex", "age", "obstruct", "perfor",
                                   "adhere", "nodes", "differ", "extent", "surg")]
colon <- colon[complete.cases(colon), ]
colon$rx <- as.character(colon$rx)
write.csv(colon, file.path(golden, "colon.csv"), row.names = FALSE)
# pbc: complete cases of the columns used; status 0 censored, 1 transplant, 2 dead; female = sex == "f"
pbc <- survival::pbc
pbc$female <- as.integer(pbc$sex == "f")
pbc <- pbc[, c("id", "time", "status", "trt", "age", "female", "ascites", "hepato", "spiders", "edema",
               "bili", "albumin", "copper", "ast", "protime", "stage")]
pbc <- pbc[complete.cases(pbc), ]
write.csv(pbc, file.path(golden, "pbc.csv"), row.names = FALSE)
colon <- read.csv(file.path(golden, "colon.csv"))   # exactly what the tests read
pbc <- read.csv(file.path(golden, "pbc.csv"))
pbc$dead <- as.integer(pbc$status == 2)

# ------------------------------------------------------------------------------------------ Kaplan-Meier
km_json <- function(formula, data, times, tau) {
  curves <- list()
  for (ct in c("log", "log-log", "plain")) {
    fit <- survfit(formula, data = data, conf.type = ct)
    strata <- if (is.null(fit$strata)) rep("all", length(fit$time)) else
      rep(sub("^[^=]*=", "", names(fit$strata)), fit$strata)
    tab <- summary(fit, rmean = tau)$table
    if (is.null(dim(tab))) tab <- t(as.matrix(tab))
    sm <- summary(fit, times = times)
    sstrata <- if (is.null(sm$strata)) rep("all", length(sm$time)) else sub("^[^=]*=", "", as.character(sm$strata))
    for (g in unique(strata)) {
      w <- strata == g
      r <- if (g == "all") 1 else which(sub("^[^=]*=", "", rownames(tab)) == g)
      s <- sstrata == g
      key <- paste(g, ct)
      curves[[key]] <- list(group = g, conf_type = ct, time = fit$time[w], n_risk = fit$n.risk[w],
        n_event = fit$n.event[w], n_censor = fit$n.censor[w], surv = fit$surv[w], std_err = fit$std.err[w],
        lower = fit$lower[w], upper = fit$upper[w], records = tab[r, "records"], events = tab[r, "events"],
        median = tab[r, "median"], median_lower = tab[r, "0.95LCL"], median_upper = tab[r, "0.95UCL"],
        rmean_tau = tau, rmean = tab[r, "rmean"], rmean_se = tab[r, "se(rmean)"],
        at_time = sm$time[s], at_n_risk = sm$n.risk[s], at_n_event = sm$n.event[s], at_surv = sm$surv[s],
        at_std_err = sm$std.err[s], at_lower = sm$lower[s], at_upper = sm$upper[s])
    }
  }
  curves   # a JSON object keyed "<group> <conf.type>"
}
put(list(call = "survfit(Surv(time, status) ~ 1, lung)", curves = km_json(Surv(time, status) ~ 1, lung,
         c(100, 200, 365, 500, 1000), 365)), "km_lung.json")
put(list(call = "survfit(Surv(time, status) ~ sex, lung)", curves = km_json(Surv(time, status) ~ sex, lung,
         c(90, 180, 365, 730), 500)), "km_lung_sex.json")
put(list(call = "survfit(Surv(time, status) ~ trt, veteran)", curves = km_json(Surv(time, status) ~ trt,
         veteran, c(30, 90, 180, 365), 200)), "km_veteran_trt.json")
put(list(call = "survfit(Surv(time, status) ~ rx, colon)", curves = km_json(Surv(time, status) ~ rx, colon,
         c(365, 730, 1826), 1826)), "km_colon_rx.json")

# ------------------------------------------------------------------------------------------ log-rank / Peto-Peto
tests <- list()
add_test <- function(name, data, group, rho, event = "status") {
  sd <- survdiff(as.formula(paste0("Surv(time, ", event, ") ~ ", group)), data = data, rho = rho)
  df <- sum(sd$exp > 0) - 1
  tests[[paste(name, group, "rho", rho)]] <<- list(data = name, group = group, event = event, rho = rho,
    levels = sub("^[^=]*=", "", names(sd$n)), n = as.numeric(sd$n), observed = as.numeric(sd$obs),
    expected = as.numeric(sd$exp), var = unname(sd$var), chisq = sd$chisq, df = df,
    p = pchisq(sd$chisq, df, lower.tail = FALSE))
}
for (rho in c(0, 1)) {
  add_test("lung", lung, "sex", rho)
  add_test("lung", lung, "ph.ecog", rho)
  add_test("veteran", veteran, "celltype", rho)
  add_test("colon", colon, "rx", rho)
  add_test("pbc", pbc, "edema", rho, event = "dead")
}
put(list(call = "survdiff(Surv(time, status) ~ group, rho = rho)", tests = tests), "survdiff.json")

# ------------------------------------------------------------------------------------------ Cox
lungc <- na.omit(lung[, c("time", "status", "age", "sex", "ph.ecog")])
lungc$status <- as.integer(lungc$status == 2)
lungc$w <- as.numeric(sample(1:3, nrow(lungc), replace = TRUE))  # synthetic integer case weights (seeded; R uses
# the robust variance by default for non-integer weights, the model-based one for integer weights)
newlung <- data.frame(age = c(50, 62, 75), sex = c(1, 2, 1), ph.ecog = c(0, 1, 2))
pred_times <- c(100, 200, 365, 500, 700)
cox_json <- function(fit, data, covars, strata = NULL, weights = NULL, newdata = NULL) {
  zph <- cox.zph(fit, transform = "km")
  bh_u <- basehaz(fit, centered = FALSE)
  bh_c <- basehaz(fit, centered = TRUE)
  conc <- fit$concordance
  res <- list(ties = fit$method, covariates = covars, strata = if (is.null(strata)) "" else strata,
    weights = if (is.null(weights)) "" else weights,
    weight_values = if (is.null(weights)) list() else data[[weights]], n = fit$n, nevent = fit$nevent,
    coef = unname(coef(fit)), se = unname(sqrt(diag(fit$var))), var = unname(fit$var),
    means = unname(fit$means), loglik = fit$loglik, score = fit$score, wald = unname(fit$wald.test),
    iter = fit$iter, concordance = unname(conc["concordance"]),
    zph_terms = rownames(zph$table), zph_chisq = unname(zph$table[, "chisq"]),
    zph_df = unname(zph$table[, "df"]), zph_p = unname(zph$table[, "p"]),
    basehaz_time = bh_u$time, basehaz_strata = if (is.null(bh_u$strata)) rep("all", nrow(bh_u)) else
      sub("^[^=]*=", "", as.character(bh_u$strata)),
    basehaz_uncentered = bh_u$hazard, basehaz_centered = bh_c$hazard)
  if (!is.null(newdata)) {
    sf <- survfit(fit, newdata = newdata)
    sm <- summary(sf, times = pred_times)
    res$newdata <- unname(as.matrix(newdata[, covars]))
    res$newdata_strata <- if (is.null(strata)) rep("all", nrow(newdata)) else as.character(newdata[[strata]])
    res$pred_times <- sm$time
    res$pred_surv <- unname(t(as.matrix(sm$surv)))    # one row per new subject
  }
  res
}
cox <- list()
for (ties in c("efron", "breslow")) {
  f <- coxph(Surv(time, status) ~ age + sex + ph.ecog, data = lungc, ties = ties)
  cox[[paste0("lung_", ties)]] <- cox_json(f, lungc, c("age", "sex", "ph.ecog"), newdata = newlung)
  fs <- coxph(Surv(time, status) ~ age + ph.ecog + strata(sex), data = lungc, ties = ties)
  cox[[paste0("lung_strata_", ties)]] <- cox_json(fs, lungc, c("age", "ph.ecog"), strata = "sex",
                                                  newdata = newlung)
  fw <- coxph(Surv(time, status) ~ age + sex + ph.ecog, data = lungc, ties = ties, weights = w)
  cox[[paste0("lung_weighted_", ties)]] <- cox_json(fw, lungc, c("age", "sex", "ph.ecog"), weights = "w",
                                                    newdata = newlung)
  fv <- coxph(Surv(time, status) ~ trt + karno + diagtime + age + prior, data = veteran, ties = ties)
  cox[[paste0("veteran_", ties)]] <- cox_json(fv, veteran, c("trt", "karno", "diagtime", "age", "prior"))
  fp <- coxph(Surv(time, dead) ~ age + edema + bili + albumin + protime, data = pbc, ties = ties)
  cox[[paste0("pbc_", ties)]] <- cox_json(fp, pbc, c("age", "edema", "bili", "albumin", "protime"))
}
for (name in names(cox)) put(cox[[name]], paste0("cox_", name, ".json"))

# Monotone likelihood: every event of the x = 1 group happens before any event of x = 0 (seeded data).
n <- 60
mono <- data.frame(time = round(rexp(n, 0.1), 2) + 0.01, status = rbinom(n, 1, 0.7),
                   x = rep(0:1, each = n / 2), z = round(rnorm(n), 3))
mono$time[mono$x == 1] <- mono$time[mono$x == 1] / 1000   # x = 1 fails (or is censored) first ...
mono$status[mono$x == 0 & mono$time < max(mono$time[mono$x == 1])] <- 0
warn <- character(0)
fm <- withCallingHandlers(coxph(Surv(time, status) ~ z + x, data = mono),
                          warning = function(w) { warn <<- c(warn, conditionMessage(w)); invokeRestart("muffleWarning") })
flagged <- names(coef(fm))[as.integer(strsplit(sub(".*variable *([0-9, ]+);.*", "\\1", warn[1]), ",")[[1]])]
put(list(time = mono$time, status = mono$status, x = mono$x, z = mono$z, warning = warn,
         infinite = flagged, coef = unname(coef(fm))), "cox_monotone.json")

# ------------------------------------------------------------------------------------------ logistic
logit_json <- function(fit, covars) {
  s <- summary(fit)
  prof <- suppressMessages(confint(fit))           # MASS::confint.glm (profile likelihood)
  wald <- confint.default(fit)
  list(terms = names(coef(fit)), covariates = covars, coef = unname(coef(fit)),
       se = unname(s$coefficients[, 2]), z = unname(s$coefficients[, 3]), p = unname(s$coefficients[, 4]),
       or = unname(exp(coef(fit))), wald_lower = unname(wald[, 1]), wald_upper = unname(wald[, 2]),
       profile_lower = unname(prof[, 1]), profile_upper = unname(prof[, 2]), vcov = unname(vcov(fit)),
       null_deviance = fit$null.deviance, deviance = fit$deviance, df_null = fit$df.null,
       df_residual = fit$df.residual, aic = fit$aic, loglik = as.numeric(logLik(fit)), iter = fit$iter,
       converged = fit$converged, n = nrow(fit$model))
}
lungl <- lungc
fl <- glm(status ~ age + sex + ph.ecog, family = binomial, data = lungl)
colon_terms <- c("age", "sex", "obstruct", "perfor", "adhere", "nodes", "differ", "extent", "surg")
fc <- glm(as.formula(paste("status ~", paste(colon_terms, collapse = " + "))), family = binomial, data = colon)
fp <- glm(dead ~ age + bili + albumin + edema + protime, family = binomial, data = pbc)
put(logit_json(fl, c("age", "sex", "ph.ecog")), "logistic_lung.json")
put(logit_json(fc, colon_terms), "logistic_colon.json")
put(logit_json(fp, c("age", "bili", "albumin", "edema", "protime")), "logistic_pbc.json")

# Separation: x1 > 0 always has y = 1, x1 < 0 always y = 0 (complete separation in x1), seeded.
n <- 40
sep <- data.frame(x1 = round(rnorm(n), 3), x2 = round(rnorm(n), 3))
sep$y <- as.integer(sep$x1 > 0)
# quasi-complete: x3 = 1 only with y = 1, otherwise overlap
qsep <- data.frame(x2 = round(rnorm(n), 3), x3 = rep(0:1, c(30, 10)))
qsep$y <- ifelse(qsep$x3 == 1, 1L, rbinom(n, 1, plogis(0.5 * qsep$x2)))
glm_warn <- function(formula, data) {
  w <- character(0)
  f <- withCallingHandlers(glm(formula, family = binomial, data = data),
                           warning = function(e) { w <<- c(w, conditionMessage(e)); invokeRestart("muffleWarning") })
  list(fit = f, warnings = w)
}
gs <- glm_warn(y ~ x1 + x2, sep)
gq <- glm_warn(y ~ x2 + x3, qsep)

# Firth's penalised logistic regression (what logistf::logistf computes; logistf is not in Debian).
# Penalised log-likelihood l*(b) = l(b) + 0.5 log det I(b), I(b) = X'WX, W = diag(p(1-p)).
# Modified score U*(b) = X'(y - p + h (1/2 - p)), h = diag(W^1/2 X I^-1 X' W^1/2) (Firth 1993;
# Heinze & Schemper 2002). Newton steps b += I^-1 U*, largest change capped at 5, halved while l*
# decreases, until the full step's largest change is below 1e-10 (then that step is taken and the loop ends). SE = sqrt(diag(I(b)^-1)); Wald CI b +/- z sqrt(diag(I^-1)).
firth <- function(X, y, maxit = 200) {
  pl <- function(b) {
    e <- drop(X %*% b); p <- plogis(e)
    sum(y * e - log1p(exp(e))) + 0.5 * as.numeric(determinant(crossprod(X, X * (p * (1 - p))))$modulus)
  }
  b <- rep(0, ncol(X)); it <- 0
  repeat {
    it <- it + 1
    p <- plogis(drop(X %*% b)); w <- p * (1 - p)
    Iinv <- solve(crossprod(X, X * w))
    h <- rowSums((X %*% Iinv) * X) * w
    delta <- drop(Iinv %*% crossprod(X, y - p + h * (0.5 - p)))
    mx <- max(abs(delta))
    if (mx < 1e-10) { b <- b + delta; break }      # converged: the full Newton step is negligible
    if (mx > 5) delta <- delta * 5 / mx
    old <- pl(b); halv <- 0
    while (pl(b + delta) < old && halv < 30) { delta <- delta / 2; halv <- halv + 1 }
    b <- b + delta
    if (it >= maxit) break
  }
  p <- plogis(drop(X %*% b)); v <- solve(crossprod(X, X * (p * (1 - p))))
  se <- sqrt(diag(v)); z <- qnorm(0.975)
  list(coef = unname(b), se = unname(se), wald_lower = unname(b - z * se), wald_upper = unname(b + z * se),
       penalized_loglik = pl(b), loglik = sum(y * log(p) + (1 - y) * log(1 - p)), iter = it)
}
sep_json <- function(g, data, covars) {
  X <- cbind(1, as.matrix(data[, covars])); y <- data$y
  f <- g$fit
  list(covariates = covars, x = unname(as.matrix(data[, covars])), y = y, glm_warnings = g$warnings,
       glm_converged = f$converged, glm_coef = unname(coef(f)), glm_iter = f$iter,
       glm_fitted_0_or_1 = sum(f$fitted.values < 10 * .Machine$double.eps |
                               f$fitted.values > 1 - 10 * .Machine$double.eps),
       firth = firth(X, y))
}
put(list(complete = sep_json(gs, sep, c("x1", "x2")), quasi = sep_json(gq, qsep, c("x2", "x3")),
         lung = c(list(covariates = c("age", "sex", "ph.ecog")),
                  list(firth = firth(cbind(1, as.matrix(lungl[, c("age", "sex", "ph.ecog")])), lungl$status)))),
    "logistic_separation.json")

# ------------------------------------------------------------------------------------------ stepwise
step_json <- function(fit, scope_terms, direction, k, start_terms) {
  upper <- as.formula(paste("~", paste(scope_terms, collapse = " + ")))
  s <- stepAIC(fit, scope = list(lower = ~1, upper = upper), direction = direction, k = k, trace = 0)
  a <- s$anova
  final <- attr(terms(s), "term.labels")
  list(direction = direction, k = k, start = start_terms, scope = scope_terms,
       path_step = trimws(as.character(a$Step)), path_aic = a$AIC, final = if (length(final)) final else list())
}
# The calls are built with the data set's global name so that stepAIC's update() can refit them.
rhs <- function(terms) if (length(terms)) paste(terms, collapse = " + ") else "1"
fit_cox <- function(terms) eval(bquote(coxph(.(as.formula(paste("Surv(time, dead) ~", rhs(terms)))),
                                             data = pbc)))
fit_logit <- function(terms) eval(bquote(glm(.(as.formula(paste("status ~", rhs(terms)))),
                                             family = binomial, data = colon)))
pbc_terms <- c("trt", "age", "female", "ascites", "hepato", "spiders", "edema", "bili", "albumin", "copper",
               "ast", "protime", "stage")
steps <- list()
nl <- nrow(colon); nc <- sum(pbc$dead)
for (dir in c("backward", "forward", "both")) {
  start <- if (dir == "backward") colon_terms else character(0)
  steps[[length(steps) + 1]] <- c(list(model = "logistic", data = "colon", criterion = "AIC"),
    step_json(fit_logit(start), colon_terms, dir, 2, start))
  steps[[length(steps) + 1]] <- c(list(model = "logistic", data = "colon", criterion = "BIC"),
    step_json(fit_logit(start), colon_terms, dir, log(nl), start))
  start <- if (dir == "backward") pbc_terms else character(0)
  steps[[length(steps) + 1]] <- c(list(model = "cox", data = "pbc", criterion = "AIC"),
    step_json(fit_cox(start), pbc_terms, dir, 2, start))
  steps[[length(steps) + 1]] <- c(list(model = "cox", data = "pbc", criterion = "BIC"),
    step_json(fit_cox(start), pbc_terms, dir, log(nc), start))
}

# Selection by likelihood-ratio p-value (no MASS function does this; the rule, in a few lines):
# backward: drop the term with the largest LR p while it is > p_remove; forward: add the term with the
# smallest LR p while it is < p_enter; both: after each addition, drop terms with p > p_remove (largest
# first), then try the next addition. LR p of a term = pchisq(2 (l(with) - l(without)), df = 1).
loglik_of <- function(model, terms) {
  if (model == "cox") {
    f <- fit_cox(terms); f$loglik[length(f$loglik)]
  } else as.numeric(logLik(fit_logit(terms)))
}
pvalue_step <- function(model, all_terms, direction, p_enter, p_remove) {
  current <- if (direction == "backward") all_terms else character(0)
  path_step <- character(0); path_p <- numeric(0)
  drop_worst <- function() {
    if (!length(current)) return(FALSE)
    l0 <- loglik_of(model, current)
    p <- sapply(current, function(t) pchisq(2 * (l0 - loglik_of(model, setdiff(current, t))), 1, lower.tail = FALSE))
    if (max(p) > p_remove) {
      t <- current[which.max(p)]
      current <<- setdiff(current, t); path_step <<- c(path_step, paste("-", t)); path_p <<- c(path_p, max(p))
      TRUE
    } else FALSE
  }
  add_best <- function() {
    cand <- setdiff(all_terms, current)
    if (!length(cand)) return(FALSE)
    l0 <- loglik_of(model, current)
    p <- sapply(cand, function(t) pchisq(2 * (loglik_of(model, c(current, t)) - l0), 1, lower.tail = FALSE))
    if (min(p) < p_enter) {
      t <- cand[which.min(p)]
      current <<- c(current, t); path_step <<- c(path_step, paste("+", t)); path_p <<- c(path_p, min(p))
      TRUE
    } else FALSE
  }
  if (direction == "backward") {
    while (drop_worst()) {}
  } else if (direction == "forward") {
    while (add_best()) {}
  } else {
    while (add_best()) while (drop_worst()) {}
  }
  list(model = model, data = if (model == "cox") "pbc" else "colon", criterion = "P", direction = direction,
       p_enter = p_enter, p_remove = p_remove, start = if (direction == "backward") all_terms else list(),
       scope = all_terms, path_step = path_step, path_p = path_p, final = if (length(current)) current else list())
}
for (dir in c("backward", "forward", "both")) {
  steps[[length(steps) + 1]] <- pvalue_step("logistic", colon_terms, dir, 0.05, 0.10)
  steps[[length(steps) + 1]] <- pvalue_step("cox", pbc_terms, dir, 0.05, 0.10)
}
names(steps) <- sapply(steps, function(s) paste(s$model, s$data, s$criterion, s$direction))
put(list(steps = steps), "stepwise.json")

# ------------------------------------------------------------------------------------------ versions
si <- sessionInfo()
writeLines(c(R.version.string,
             paste("survival", as.character(packageVersion("survival"))),
             paste("MASS", as.character(packageVersion("MASS"))),
             paste("jsonlite", as.character(packageVersion("jsonlite"))),
             paste("platform", si$platform)), file.path(out, "VERSIONS.txt"))
