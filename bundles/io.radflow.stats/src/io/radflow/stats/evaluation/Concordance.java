package io.radflow.stats.evaluation;

import io.radflow.stats.survival.SurvivalData;

/**
 * Concordance indices for a risk score against right-censored survival (a higher score predicts a
 * shorter survival, as a Cox linear predictor; R's {@code concordance(..., reverse = TRUE)}).
 *
 * <p>A pair {@code (i, j)} is comparable when subject {@code i} has an event at {@code T_i} and
 * {@code T_j > T_i}, or {@code T_j = T_i} with {@code j} censored (still at risk). It is concordant when
 * {@code r_i > r_j}, discordant when {@code r_i < r_j}, tied in risk when equal. With pair weights
 * {@code w(T_i)}: {@code C = (conc + tied/2) / (conc + disc + tied)}.
 * <ul>
 * <li>Harrell: {@code w = 1} (Harrell FE et al., JAMA 247:2543-2546, 1982).</li>
 * <li>Uno: {@code w = 1/G(T_i-)^2} for {@code T_i <= tau}, 0 after, with {@code G} the Kaplan-Meier
 * estimate of the censoring distribution in which events at a tied time precede censorings (as survival's
 * {@code fastkm1}) (Uno H et al., Stat Med 30:1105-1117, 2011; R
 * {@code concordance(timewt = "n/G2", ymax = tau)}).</li>
 * </ul>
 * Variance: the infinitesimal jackknife of survival 3.x ({@code concordancefit}): with
 * {@code I_k^c, I_k^d, I_k^t} the weighted concordant, discordant and risk-tied comparable pairs that
 * involve subject {@code k}, {@code N = conc + disc + tied} and Somers' {@code D = (conc - disc)/N},
 * {@code dfbeta_k = (I_k^c - I_k^d)/N - D (I_k^c + I_k^d + I_k^t)/N} and {@code Var(C) = sum_k dfbeta_k^2/4}
 * (the weights are held fixed). Pairs are enumerated directly: O(n^2) time. Thread-safe, stateless.
 */
public final class Concordance {

    private Concordance() {
    }

    /** Harrell's C with the infinitesimal-jackknife variance (R {@code concordance(Surv(t, d) ~ r, reverse = TRUE)}). */
    public static ConcordanceResult harrell(SurvivalData data, double[] risk) {
        return compute(data, risk, null, Double.POSITIVE_INFINITY);
    }

    /**
     * Uno's C truncated at {@code tau} (R {@code concordance(..., reverse = TRUE, timewt = "n/G2",
     * ymax = tau)}); {@code tau = +Inf} for no truncation.
     */
    public static ConcordanceResult uno(SurvivalData data, double[] risk, double tau) {
        if (Double.isNaN(tau) || tau <= 0) {
            throw new IllegalArgumentException("tau must be a positive time, got " + tau);
        }
        return compute(data, risk, new CensoringDistribution(data, true), tau);
    }

    private static ConcordanceResult compute(SurvivalData data, double[] risk, CensoringDistribution g,
            double tau) {
        Checks.finite("risk", risk, 2);
        Checks.sameLength("risk", risk.length, "survival data", data.size());
        int n = data.size();
        if (data.eventCount() == 0) {
            throw new IllegalArgumentException("all " + n + " subjects are censored: no comparable pairs");
        }
        double[] t = data.time();
        boolean[] d = data.event();
        double[] ic = new double[n];
        double[] id = new double[n];
        double[] it = new double[n];
        double conc = 0;
        double disc = 0;
        double tiedRisk = 0;
        double tiedTime = 0;
        double tiedBoth = 0;
        for (int i = 0; i < n; i++) {
            if (!d[i] || t[i] > tau) {
                continue;
            }
            double w = 1;
            if (g != null) {
                double gi = g.before(t[i]);
                w = 1 / (gi * gi);
            }
            for (int j = 0; j < n; j++) {
                if (j == i) {
                    continue;
                }
                if (t[j] > t[i] || (t[j] == t[i] && !d[j])) {
                    if (risk[i] > risk[j]) {
                        conc += w;
                        ic[i] += w;
                        ic[j] += w;
                    } else if (risk[i] < risk[j]) {
                        disc += w;
                        id[i] += w;
                        id[j] += w;
                    } else {
                        tiedRisk += w;
                        it[i] += w;
                        it[j] += w;
                    }
                } else if (t[j] == t[i] && d[j] && j > i) {
                    if (risk[i] == risk[j]) {
                        tiedBoth += w;
                    } else {
                        tiedTime += w;
                    }
                }
            }
        }
        double pairs = conc + disc + tiedRisk;
        if (pairs == 0) {
            throw new IllegalArgumentException("no comparable pairs (every event time is tied or after tau="
                    + tau + ")");
        }
        double somers = (conc - disc) / pairs;
        double sum = 0;
        for (int k = 0; k < n; k++) {
            double dfbeta = (ic[k] - id[k]) / pairs - somers * (ic[k] + id[k] + it[k]) / pairs;
            sum += dfbeta * dfbeta;
        }
        return new ConcordanceResult((somers + 1) / 2, sum / 4, conc, disc, tiedRisk, tiedTime, tiedBoth);
    }
}
