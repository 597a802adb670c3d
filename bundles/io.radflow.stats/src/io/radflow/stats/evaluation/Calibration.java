package io.radflow.stats.evaluation;

/**
 * Overall calibration of predicted probabilities of a binary outcome: Brier score and the
 * Hosmer-Lemeshow test. Thread-safe, stateless.
 */
public final class Calibration {

    /**
     * A Hosmer-Lemeshow test.
     *
     * @param statistic {@code C = sum_k [(O_k - E_k)^2/E_k + (n_k - O_k - (n_k - E_k))^2/(n_k - E_k)]}
     * @param df {@code g - 2}
     * @param p upper-tail chi-square p value
     * @param observed observed events per group
     * @param expected expected events (sum of predictions) per group
     * @param sizes subjects per group
     */
    public record HosmerLemeshow(double statistic, int df, double p, double[] observed, double[] expected,
            int[] sizes) {

        public HosmerLemeshow {
            observed = observed.clone();
            expected = expected.clone();
            sizes = sizes.clone();
        }

        @Override
        public double[] observed() {
            return observed.clone();
        }

        @Override
        public double[] expected() {
            return expected.clone();
        }

        @Override
        public int[] sizes() {
            return sizes.clone();
        }
    }

    private Calibration() {
    }

    /**
     * Brier score {@code (1/n) sum (p_i - y_i)^2} (Brier GW, Mon Weather Rev 78:1-3, 1950).
     *
     * @throws IllegalArgumentException for different lengths, a probability outside [0, 1] or an outcome
     *         other than 0/1 (named by position)
     */
    public static double brier(double[] predicted, double[] outcome) {
        boolean[] y = check(predicted, outcome);
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            double d = predicted[i] - (y[i] ? 1 : 0);
            s += d * d;
        }
        return s / y.length;
    }

    /**
     * Hosmer-Lemeshow goodness-of-fit test with {@code g} groups cut at the type-7 quantiles of the
     * predictions (Hosmer DW, Lemeshow S, Commun Stat A9:1043-1069, 1980; the formula of R's
     * {@code ResourceSelection::hoslem.test(y, p, g)}), chi-square on {@code g - 2} df.
     *
     * @throws IllegalArgumentException as {@link #brier}, for {@code g < 3}, or when ties make quantile
     *         breaks repeat
     */
    public static HosmerLemeshow hosmerLemeshow(double[] predicted, double[] outcome, int groups) {
        boolean[] y = check(predicted, outcome);
        if (groups < 3) {
            throw new IllegalArgumentException("Hosmer-Lemeshow needs at least 3 groups, got " + groups);
        }
        ProbabilityBins bins = new ProbabilityBins(predicted, groups);
        double[] obs = new double[groups];
        double[] exp = new double[groups];
        int[] size = new int[groups];
        for (int i = 0; i < y.length; i++) {
            int k = bins.of(predicted[i]);
            obs[k] += y[i] ? 1 : 0;
            exp[k] += predicted[i];
            size[k]++;
        }
        double c = 0;
        for (int k = 0; k < groups; k++) {
            c += (obs[k] - exp[k]) * (obs[k] - exp[k]) / exp[k];
            double nonEvents = size[k] - exp[k];
            c += (obs[k] - exp[k]) * (obs[k] - exp[k]) / nonEvents;
        }
        int df = groups - 2;
        return new HosmerLemeshow(c, df, Probabilities.chiSquareUpper(c, df), obs, exp, size);
    }

    static boolean[] check(double[] predicted, double[] outcome) {
        Checks.probabilities("predicted", predicted);
        Checks.sameLength("predicted", predicted.length, "outcome", outcome.length);
        return Checks.binary("outcome", outcome);
    }
}
