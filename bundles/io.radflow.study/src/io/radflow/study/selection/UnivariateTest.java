package io.radflow.study.selection;

import io.radflow.stats.regression.LogisticRegression;
import io.radflow.stats.survival.CoxRegression;
import io.radflow.stats.survival.SurvivalData;
import io.radflow.stats.tables.MannWhitney;
import io.radflow.stats.tables.TTest;
import io.radflow.study.data.Outcome;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The univariate association of one feature with the outcome, as a p-value from the statistics core: Welch's or
 * Student's t test and the Mann-Whitney test between the two outcome classes (R {@code t.test}, {@code wilcox.test}),
 * the Wald p of a one-covariate logistic regression ({@code glm(y ~ x, binomial)}) or Cox model
 * ({@code coxph(Surv(time, event) ~ x)}, Efron ties). Rows with a missing feature value are left out (complete
 * cases per feature).
 */
public enum UnivariateTest {
    WELCH("welch"), STUDENT("student"), MANN_WHITNEY("mannWhitney"), LOGISTIC("logistic"), COX("cox");

    private final String key;

    UnivariateTest(String key) {
        this.key = key;
    }

    /** The parameter value naming this test. */
    public String key() {
        return key;
    }

    /** The test named {@code key} (welch, student, mannWhitney, logistic, cox). */
    public static UnivariateTest parse(String key) {
        for (UnivariateTest t : values()) {
            if (t.key.equals(key)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown test '" + key + "'; tests are welch, student, mannWhitney, logistic, cox");
    }

    /** Whether the test suits the outcome type (Cox for survival, the others for binary outcomes). */
    public boolean fits(Outcome.Type type) {
        return (this == COX) == (type == Outcome.Type.SURVIVAL);
    }

    /**
     * The p-value of {@code x} (aligned with {@code outcome.rows()}) against the outcome.
     *
     * @throws IllegalArgumentException when the statistic is undefined (e.g. constant x, fewer than 2 values per class)
     */
    public double pValue(String name, double[] x, Outcome.Values outcome) {
        List<Integer> complete = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i])) {
                complete.add(i);
            }
        }
        Outcome.Values v = outcome.subset(complete.stream().mapToInt(Integer::intValue).toArray());
        double[] xs = complete.stream().mapToDouble(i -> x[i]).toArray();
        if (isConstant(xs)) {
            throw new IllegalArgumentException("'" + name + "' is constant in the " + xs.length + " training rows");
        }
        return switch (this) {
            case WELCH, STUDENT, MANN_WHITNEY -> {
                double[][] groups = byClass(xs, v.y());
                if (groups[0].length < 2 || groups[1].length < 2) {
                    throw new IllegalArgumentException("'" + name + "' needs at least 2 values in each outcome class, got "
                            + groups[0].length + " and " + groups[1].length);
                }
                yield this == MANN_WHITNEY ? MannWhitney.test(groups[1], groups[0]).p()
                        : this == WELCH ? TTest.welch(groups[1], groups[0], 0.95).p()
                        : TTest.student(groups[1], groups[0], 0.95).p();
            }
            case LOGISTIC -> new LogisticRegression().fit(v.y(), column(xs), List.of(name)).table().get(1).p();
            case COX -> {
                SurvivalData s = v.survival();
                if (s.eventCount() == 0) {
                    throw new IllegalArgumentException("no event among the rows with a value of '" + name + "'");
                }
                yield new CoxRegression(CoxRegression.Ties.EFRON).fit(s, column(xs), List.of(name)).table().get(0).p();
            }
        };
    }

    static double[][] column(double[] x) {
        double[][] out = new double[x.length][1];
        for (int i = 0; i < x.length; i++) {
            out[i][0] = x[i];
        }
        return out;
    }

    /** Values of class 0 and class 1. */
    static double[][] byClass(double[] x, double[] y) {
        List<Double> zero = new ArrayList<>();
        List<Double> one = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            (y[i] == 1 ? one : zero).add(x[i]);
        }
        return new double[][] {zero.stream().mapToDouble(Double::doubleValue).toArray(),
                one.stream().mapToDouble(Double::doubleValue).toArray()};
    }

    static boolean isConstant(double[] x) {
        for (double v : x) {
            if (v != x[0]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return key.toLowerCase(Locale.ROOT);
    }
}
