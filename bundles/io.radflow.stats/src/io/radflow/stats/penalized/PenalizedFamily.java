package io.radflow.stats.penalized;

/** The model a penalised path is fitted for. */
public enum PenalizedFamily {
    /** Cox proportional hazards, Breslow ties (glmnet {@code family = "cox"}). */
    COX,
    /** Logistic regression with an intercept (glmnet {@code family = "binomial"}). */
    BINOMIAL
}
