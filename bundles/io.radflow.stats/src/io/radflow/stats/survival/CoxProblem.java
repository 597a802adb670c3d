package io.radflow.stats.survival;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * The validated data of one Cox fit (immutable, package-private): covariates centred at their weighted means,
 * times, events, case weights, stratum of each subject and the order (by stratum, then time descending) that the
 * risk-set sums walk. It evaluates the partial likelihood and holds what {@link CoxFit} needs afterwards
 * (baseline hazard, Schoenfeld-residual test, concordance).
 */
record CoxProblem(double[][] x, double[] means, double[] time, boolean[] event, double[] weight, int[] stratum,
        List<String> strataLabels, int[] order, boolean efron, List<String> names) {

    /** Log-likelihood, score and information at one beta. */
    record Step(double loglik, double[] score, double[][] information) {
    }

    static CoxProblem of(SurvivalData data, double[][] covariates, List<String> names, String[] strata,
            double[] weights, boolean efron) {
        int n = data.size();
        int p = names.size();
        if (n == 0) {
            throw new IllegalArgumentException("Cox regression: no rows");
        }
        if (p == 0) {
            throw new IllegalArgumentException("Cox regression: no covariates");
        }
        if (covariates.length != n) {
            throw new IllegalArgumentException("Cox regression: " + covariates.length + " covariate rows but "
                    + n + " survival rows");
        }
        if (n < p) {
            throw new IllegalArgumentException("Cox regression: " + n + " subjects but " + p + " covariates " + names
                    + " (n < p: the coefficients are not identifiable)");
        }
        if (data.eventCount() == 0) {
            throw new IllegalArgumentException("Cox regression: no events (all " + n + " subjects are censored)");
        }
        double[] w = new double[n];
        if (weights == null) {
            Arrays.fill(w, 1.0);
        } else {
            if (weights.length != n) {
                throw new IllegalArgumentException("Cox regression: " + weights.length + " weights but " + n + " rows");
            }
            for (int i = 0; i < n; i++) {
                if (!(weights[i] > 0) || Double.isInfinite(weights[i])) {
                    throw new IllegalArgumentException("Cox regression: row " + (i + 1) + ": case weight must be "
                            + "positive and finite, got " + weights[i]);
                }
                w[i] = weights[i];
            }
        }
        if (strata != null && strata.length != n) {
            throw new IllegalArgumentException("Cox regression: " + strata.length + " strata labels but " + n + " rows");
        }
        double totalWeight = 0;
        for (double wi : w) {
            totalWeight += wi;
        }
        double[] mean = new double[p];
        for (int i = 0; i < n; i++) {
            if (covariates[i].length != p) {
                throw new IllegalArgumentException("Cox regression: row " + (i + 1) + " has " + covariates[i].length
                        + " covariates, expected " + p + " " + names);
            }
            if (strata != null && strata[i] == null) {
                throw new IllegalArgumentException("Cox regression: row " + (i + 1) + ": stratum is missing");
            }
            for (int j = 0; j < p; j++) {
                double v = covariates[i][j];
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("Cox regression: row " + (i + 1) + ", column '" + names.get(j)
                            + "': value is " + (Double.isNaN(v) ? "NaN (missing)" : "infinite"));
                }
                mean[j] += w[i] * v;
            }
        }
        double[][] x = new double[n][p];
        for (int j = 0; j < p; j++) {
            mean[j] /= totalWeight;
            boolean constant = true;
            for (int i = 0; i < n; i++) {
                x[i][j] = covariates[i][j] - mean[j];
                if (covariates[i][j] != covariates[0][j]) {
                    constant = false;
                }
            }
            if (constant) {
                throw new IllegalArgumentException("Cox regression: column '" + names.get(j) + "' is constant ("
                        + covariates[0][j] + " in all " + n + " rows)");
            }
        }
        List<String> labels = strata == null ? List.of("all") : List.copyOf(new TreeSet<>(Arrays.asList(strata)));
        if (strata != null && labels.stream().allMatch(CoxProblem::isNumber)) {
            labels = labels.stream().sorted((a, b) -> Double.compare(Double.parseDouble(a), Double.parseDouble(b)))
                    .toList();
        }
        int[] stratum = new int[n];
        for (int i = 0; i < n; i++) {
            stratum[i] = strata == null ? 0 : labels.indexOf(strata[i]);
        }
        double[] time = data.time();
        Integer[] boxed = new Integer[n];
        for (int i = 0; i < n; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, (a, b) -> stratum[a] != stratum[b] ? Integer.compare(stratum[a], stratum[b])
                : Double.compare(time[b], time[a]));
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = boxed[i];
        }
        return new CoxProblem(x, mean, time, data.event(), w, stratum, labels, order, efron, List.copyOf(names));
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    int n() {
        return x.length;
    }

    double[] linearPredictor(double[] beta) {
        double[] eta = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double e = 0;
            for (int j = 0; j < beta.length; j++) {
                e += x[i][j] * beta[j];
            }
            eta[i] = e;
        }
        return eta;
    }

    /**
     * One pass over the tied-time groups of every stratum, from the latest time to the earliest: the risk-set
     * sums {@code s0 = sum w r}, {@code s1 = sum w r x}, {@code s2 = sum w r x x'} include the group; the events of
     * the group give {@code d0, d1, d2} (same sums over events only), their count {@code d} and weight sum.
     */
    interface TieGroupVisitor {
        void visit(int stratum, double time, int[] members, int deaths, double deathWeight, double s0, double[] s1,
                double[][] s2, double d0, double[] d1, double[][] d2);
    }

    void walk(double[] beta, TieGroupVisitor visitor) {
        int n = x.length;
        int p = beta.length;
        double[] eta = linearPredictor(beta);
        double s0 = 0;
        double[] s1 = new double[p];
        double[][] s2 = new double[p][p];
        double[] d1 = new double[p];
        double[][] d2 = new double[p][p];
        int k = 0;
        int currentStratum = -1;
        int[] members = new int[n];
        while (k < n) {
            int first = order[k];
            if (stratum[first] != currentStratum) {
                currentStratum = stratum[first];
                s0 = 0;
                Arrays.fill(s1, 0);
                for (double[] row : s2) {
                    Arrays.fill(row, 0);
                }
            }
            double t = time[first];
            int deaths = 0;
            int size = 0;
            double deathWeight = 0;
            double d0 = 0;
            Arrays.fill(d1, 0);
            for (double[] row : d2) {
                Arrays.fill(row, 0);
            }
            while (k < n && time[order[k]] == t && stratum[order[k]] == currentStratum) {
                int i = order[k];
                members[size++] = i;
                double r = weight[i] * Math.exp(eta[i]);
                double[] xi = x[i];
                s0 += r;
                for (int a = 0; a < p; a++) {
                    s1[a] += r * xi[a];
                    for (int b = 0; b <= a; b++) {
                        s2[a][b] += r * xi[a] * xi[b];
                    }
                }
                if (event[i]) {
                    deaths++;
                    deathWeight += weight[i];
                    d0 += r;
                    for (int a = 0; a < p; a++) {
                        d1[a] += r * xi[a];
                        for (int b = 0; b <= a; b++) {
                            d2[a][b] += r * xi[a] * xi[b];
                        }
                    }
                }
                k++;
            }
            visitor.visit(currentStratum, t, Arrays.copyOf(members, size), deaths, deathWeight, s0, s1, s2, d0, d1, d2);
        }
    }

    /** Partial log-likelihood, score and information (Efron or Breslow; R {@code coxfit6}). */
    Step evaluate(double[] beta) {
        int p = beta.length;
        double[] eta = linearPredictor(beta);
        double[] loglik = {0};
        double[] u = new double[p];
        double[][] imat = new double[p][p];
        double[] mean = new double[p];
        walk(beta, (st, t, members, deaths, deathWeight, s0, s1, s2, d0, d1, d2) -> {
            if (deaths == 0) {
                return;
            }
            for (int i : members) {
                if (event[i]) {
                    loglik[0] += weight[i] * eta[i];
                    for (int a = 0; a < p; a++) {
                        u[a] += weight[i] * x[i][a];
                    }
                }
            }
            double meanWeight = deathWeight / deaths;
            for (int m = 0; m < deaths; m++) {
                double f = efron ? (double) m / deaths : 0.0;
                double denom = s0 - f * d0;
                loglik[0] -= meanWeight * Math.log(denom);
                for (int a = 0; a < p; a++) {
                    mean[a] = (s1[a] - f * d1[a]) / denom;
                    u[a] -= meanWeight * mean[a];
                }
                for (int a = 0; a < p; a++) {
                    for (int b = 0; b <= a; b++) {
                        imat[a][b] += meanWeight * ((s2[a][b] - f * d2[a][b]) / denom - mean[a] * mean[b]);
                    }
                }
            }
        });
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < a; b++) {
                imat[b][a] = imat[a][b];
            }
        }
        return new Step(loglik[0], u, imat);
    }

    /**
     * Harrell's concordance of the linear predictor with survival within strata, weighted by {@code w_i w_j}, as
     * R's {@code coxph()$concordance}: a pair is comparable when the shorter time is an event (an event and a
     * censoring at the same time count, two events at the same time do not); concordant when the subject with the
     * event has the higher predictor. {@code C = (concordant + tied/2) / (concordant + discordant + tied)}.
     */
    double concordance(double[] beta) {
        double[] lp = linearPredictor(beta);
        int n = lp.length;
        double concordant = 0;
        double discordant = 0;
        double tied = 0;
        for (int i = 0; i < n; i++) {
            if (!event[i]) {
                continue;
            }
            for (int j = 0; j < n; j++) {
                if (j == i || stratum[j] != stratum[i]) {
                    continue;
                }
                boolean comparable = time[j] > time[i] || (time[j] == time[i] && !event[j]);
                if (!comparable) {
                    continue;
                }
                double pair = weight[i] * weight[j];
                if (lp[i] > lp[j]) {
                    concordant += pair;
                } else if (lp[i] < lp[j]) {
                    discordant += pair;
                } else {
                    tied += pair;
                }
            }
        }
        double total = concordant + discordant + tied;
        return total == 0 ? Double.NaN : (concordant + tied / 2) / total;
    }

    /** Per stratum: distinct times ascending and the cumulative hazard at {@code x = means} (R ctype 1 / 2). */
    List<CoxFit.BaselineHazard> centredBaselineHazard(double[] beta) {
        List<List<double[]>> perStratum = new ArrayList<>();
        for (int s = 0; s < strataLabels.size(); s++) {
            perStratum.add(new ArrayList<>());
        }
        walk(beta, (st, t, members, deaths, deathWeight, s0, s1, s2, d0, d1, d2) -> {
            double dh = 0;
            if (deaths > 0) {
                double meanWeight = deathWeight / deaths;
                for (int m = 0; m < deaths; m++) {
                    double f = efron ? (double) m / deaths : 0.0;
                    dh += meanWeight / (s0 - f * d0);
                }
            }
            perStratum.get(st).add(new double[] {t, dh});
        });
        List<CoxFit.BaselineHazard> out = new ArrayList<>();
        for (int s = 0; s < perStratum.size(); s++) {
            List<double[]> rows = perStratum.get(s);
            int m = rows.size();
            double[] times = new double[m];
            double[] hazard = new double[m];
            double cumulative = 0;
            for (int k = 0; k < m; k++) {
                double[] r = rows.get(m - 1 - k);
                cumulative += r[1];
                times[k] = r[0];
                hazard[k] = cumulative;
            }
            out.add(new CoxFit.BaselineHazard(strataLabels.get(s), times, hazard));
        }
        return out;
    }

    /**
     * The score vector for the time-varying coefficients {@code beta_j g(t)} and the full 2p x 2p information at
     * {@code (beta, 0)}, R's {@code zph1} ({@code cox.zph}); {@code g} is given per subject.
     */
    double[][][] zphScoreAndInformation(double[] beta, double[] g) {
        int p = beta.length;
        double[] u = new double[2 * p];
        double[][] imat = new double[2 * p][2 * p];
        double[] mean = new double[p];
        walk(beta, (st, t, members, deaths, deathWeight, s0, s1, s2, d0, d1, d2) -> {
            if (deaths == 0) {
                return;
            }
            double gt = g[members[0]];
            for (int i : members) {
                if (event[i]) {
                    for (int a = 0; a < p; a++) {
                        u[a] += weight[i] * x[i][a];
                        u[a + p] += gt * weight[i] * x[i][a];
                    }
                }
            }
            double meanWeight = deathWeight / deaths;
            for (int m = 0; m < deaths; m++) {
                double f = efron ? (double) m / deaths : 0.0;
                double denom = s0 - f * d0;
                for (int a = 0; a < p; a++) {
                    mean[a] = (s1[a] - f * d1[a]) / denom;
                    u[a] -= meanWeight * mean[a];
                    u[a + p] -= gt * meanWeight * mean[a];
                }
                for (int a = 0; a < p; a++) {
                    for (int b = 0; b <= a; b++) {
                        double v = meanWeight * ((s2[a][b] - f * d2[a][b]) / denom - mean[a] * mean[b]);
                        imat[a][b] += v;
                        imat[a + p][b] += gt * v;
                        imat[a + p][b + p] += gt * gt * v;
                    }
                }
            }
        });
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < a; b++) {
                imat[b][a] = imat[a][b];
                imat[b + p][a + p] = imat[a + p][b + p];
                imat[b + p][a] = imat[a + p][b];
            }
        }
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                imat[a][b + p] = imat[b + p][a];
            }
        }
        return new double[][][] {{u}, imat};
    }
}
