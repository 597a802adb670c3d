package io.radflow.stats.survival;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealVector;

import java.util.ArrayList;
import java.util.List;

/**
 * The k-group log-rank test (Mantel 1966) and its G-rho family (Harrington and Fleming 1982), equal to R's
 * {@code survdiff(Surv(time, status) ~ group, rho = rho)}: {@code rho = 0} is the log-rank test,
 * {@code rho = 1} the Peto-Peto modification of the Gehan-Wilcoxon test (Peto and Peto 1972). Immutable
 * result.
 *
 * <p>At each distinct event time {@code t} with {@code n} subjects at risk ({@code n_k} in group
 * {@code k}), {@code d} events and weight {@code w = S(t-)^rho} ({@code S} the Kaplan-Meier estimate of
 * all groups pooled, just before {@code t}):
 * <ul>
 * <li>{@code O_k = sum w d_k}, {@code E_k = sum w d n_k / n};</li>
 * <li>{@code V_kl = sum w^2 d (n - d) / (n - 1) * (n_k / n) * (delta_kl - n_l / n)} (terms with n = 1 are 0);</li>
 * <li>{@code chi2 = (O - E)' V^- (O - E)}, computed like R by dropping the first group among those
 * with {@code E_k > 0} and solving with the remaining sub-matrix; {@code df} = (number of groups
 * with {@code E_k > 0}) - 1; {@code p = P(chi2_df > chi2)}.</li>
 * </ul>
 */
public final class LogRankTest {

    private final List<String> groups;
    private final int[] n;
    private final double[] observed;
    private final double[] expected;
    private final double[][] variance;
    private final double chiSquare;
    private final int df;
    private final double pValue;
    private final double rho;

    private LogRankTest(List<String> groups, int[] n, double[] observed, double[] expected, double[][] variance,
            double chiSquare, int df, double pValue, double rho) {
        this.rho = rho;
        this.groups = List.copyOf(groups);
        this.n = n;
        this.observed = observed;
        this.expected = expected;
        this.variance = variance;
        this.chiSquare = chiSquare;
        this.df = df;
        this.pValue = pValue;
    }

    /**
     * Tests equality of the survival curves of the groups of {@code data}, in
     * {@link SurvivalData#groupLevels()} order.
     *
     * @throws IllegalArgumentException when the data has no groups
     */
    public static LogRankTest of(SurvivalData data) {
        return of(data, 0);
    }

    /**
     * The G-rho test of the groups of {@code data} (R {@code survdiff(..., rho = rho)}); {@code rho = 1} is the
     * Peto-Peto test.
     *
     * @throws IllegalArgumentException when the data has no groups or rho is negative or not finite
     */
    public static LogRankTest of(SurvivalData data, double rho) {
        if (!(rho >= 0) || Double.isInfinite(rho)) {
            throw new IllegalArgumentException("rho must be finite and >= 0, got " + rho);
        }
        if (!data.hasGroups()) {
            throw new IllegalArgumentException("The log-rank test needs group labels");
        }
        List<String> levels = data.groupLevels();
        int k = levels.size();
        int size = data.size();
        String[] labels = data.groups();
        int[] g = new int[size];
        int[] count = new int[k];
        for (int i = 0; i < size; i++) {
            g[i] = levels.indexOf(labels[i]);
            count[g[i]]++;
        }
        double[] time = data.time();
        boolean[] event = data.event();
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(time[a], time[b]));
        int[] atRisk = count.clone();
        int total = size;
        double[] obs = new double[k];
        double[] exp = new double[k];
        double[][] var = new double[k][k];
        double km = 1.0;
        int i = 0;
        while (i < size) {
            double t = time[order[i]];
            int start = i;
            int[] dk = new int[k];
            int[] leaving = new int[k];
            int d = 0;
            while (i < size && time[order[i]] == t) {
                int grp = g[order[i]];
                leaving[grp]++;
                if (event[order[i]]) {
                    dk[grp]++;
                    d++;
                }
                i++;
            }
            if (d > 0) {
                double nn = total;
                double w = rho == 0 ? 1.0 : Math.pow(km, rho);
                double factor = nn > 1 ? w * w * d * (nn - d) / (nn - 1) : 0.0;
                for (int a = 0; a < k; a++) {
                    obs[a] += w * dk[a];
                    exp[a] += w * d * atRisk[a] / nn;
                    for (int b = 0; b < k; b++) {
                        double delta = a == b ? 1.0 : 0.0;
                        var[a][b] += factor * (atRisk[a] / nn) * (delta - atRisk[b] / nn);
                    }
                }
            }
            km *= (total - d) / (double) total;
            for (int a = 0; a < k; a++) {
                atRisk[a] -= leaving[a];
            }
            total -= i - start;
        }
        List<Integer> used = new ArrayList<>();
        for (int a = 0; a < k; a++) {
            if (exp[a] > 0) {
                used.add(a);
            }
        }
        double chi;
        int df = used.size() - 1;
        if (used.size() < 2) {
            chi = 0.0;
        } else {
            int m = used.size() - 1;
            double[][] vv = new double[m][m];
            double[] diff = new double[m];
            for (int a = 0; a < m; a++) {
                int ga = used.get(a + 1);
                diff[a] = obs[ga] - exp[ga];
                for (int b = 0; b < m; b++) {
                    vv[a][b] = var[ga][used.get(b + 1)];
                }
            }
            RealVector rhs = new ArrayRealVector(diff);
            RealVector solved = new LUDecomposition(new Array2DRowRealMatrix(vv, false)).getSolver().solve(rhs);
            chi = solved.dotProduct(rhs);
        }
        double p = df > 0 ? Distributions.chiSquareUpper(chi, df) : Double.NaN;
        return new LogRankTest(levels, count, obs, exp, var, chi, df, p, rho);
    }

    /** The weight exponent: 0 log-rank, 1 Peto-Peto. */
    public double rho() {
        return rho;
    }

    /** Group labels, in the order of all per-group arrays. */
    public List<String> groups() {
        return groups;
    }

    /** Subjects per group. */
    public int[] n() {
        return n.clone();
    }

    /** Observed events per group (weighted by {@code S(t-)^rho}). */
    public double[] observed() {
        return observed.clone();
    }

    /** Expected events per group under the null hypothesis (weighted by {@code S(t-)^rho}). */
    public double[] expected() {
        return expected.clone();
    }

    /** The k x k variance matrix of O - E (R {@code survdiff()$var}). */
    public double[][] variance() {
        double[][] copy = new double[variance.length][];
        for (int a = 0; a < copy.length; a++) {
            copy[a] = variance[a].clone();
        }
        return copy;
    }

    public double chiSquare() {
        return chiSquare;
    }

    public int df() {
        return df;
    }

    /** Upper-tail chi-square p value; NaN when df = 0. */
    public double pValue() {
        return pValue;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "LogRankTest[rho=%s, chi2=%.4f, df=%d, p=%.4g]", rho, chiSquare, df, pValue);
    }
}
