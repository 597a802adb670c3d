package io.radflow.stats.nomogram;

import io.radflow.stats.evaluation.Checks;

import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * Points scales of a nomogram for a model with a linear predictor {@code lp = b_0 + sum_j b_j x_j}
 * (continuous predictors entering linearly), the construction of R's {@code rms::nomogram}.
 *
 * <p>Each predictor j has a displayed range {@code [lo_j, hi_j]}; its effect {@code b_j x_j} then spans
 * {@code [min_j, max_j]} and the range {@code R_j = max_j - min_j}. The scale factor
 * {@code s = maxPoints / max_j R_j} gives the most influential predictor {@code maxPoints} (100) points.
 * Points {@code P_j(x) = s (b_j x - min_j)}; total points {@code T = sum_j P_j(x_j)} map back to
 * {@code lp = b_0 + sum_j min_j + T/s}, and any risk is a function of lp (e.g. logistic {@code 1/(1+e^-lp)},
 * or {@code S_0(t)^{exp(lp)}} for a Cox model). References: Harrell FE, Regression Modeling Strategies,
 * 2nd ed., 2015; R {@code rms::nomogram}. Coefficients and ranges come from any fitted model. Immutable.
 */
public final class Nomogram {

    /**
     * One predictor axis.
     *
     * @param name predictor name
     * @param coefficient its coefficient {@code b_j}
     * @param low lower end of the displayed range
     * @param high upper end of the displayed range
     */
    public record Predictor(String name, double coefficient, double low, double high) {

        public Predictor {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("predictor name is missing");
            }
            if (!Double.isFinite(coefficient)) {
                throw new IllegalArgumentException("predictor '" + name + "': coefficient is " + coefficient);
            }
            if (!(Double.isFinite(low) && Double.isFinite(high) && low < high)) {
                throw new IllegalArgumentException("predictor '" + name + "': range [" + low + ", " + high
                        + "] must be finite with low < high");
            }
        }

        double minEffect() {
            return Math.min(coefficient * low, coefficient * high);
        }

        double effectRange() {
            return Math.abs(coefficient) * (high - low);
        }
    }

    private final double intercept;
    private final List<Predictor> predictors;
    private final double scale;
    private final double offset;

    private Nomogram(double intercept, List<Predictor> predictors, double maxPoints) {
        this.intercept = intercept;
        this.predictors = List.copyOf(predictors);
        double largest = 0;
        double minSum = 0;
        for (Predictor p : predictors) {
            largest = Math.max(largest, p.effectRange());
            minSum += p.minEffect();
        }
        if (largest == 0) {
            throw new IllegalArgumentException("all coefficients are 0: no points scale");
        }
        this.scale = maxPoints / largest;
        this.offset = intercept + minSum;
    }

    /**
     * @param intercept {@code b_0} (0 for a Cox model's relative linear predictor)
     * @param predictors the axes
     * @param maxPoints points of the most influential predictor (rms default 100)
     */
    public static Nomogram of(double intercept, List<Predictor> predictors, double maxPoints) {
        if (!Double.isFinite(intercept)) {
            throw new IllegalArgumentException("intercept is " + intercept);
        }
        if (predictors.isEmpty()) {
            throw new IllegalArgumentException("a nomogram needs at least one predictor");
        }
        if (!(maxPoints > 0)) {
            throw new IllegalArgumentException("maxPoints must be positive, got " + maxPoints);
        }
        return new Nomogram(intercept, predictors, maxPoints);
    }

    public List<Predictor> predictors() {
        return predictors;
    }

    /** Points per unit of linear predictor, {@code s}. */
    public double scale() {
        return scale;
    }

    /** Points {@code P_j(x) = s (b_j x - min_j)} of predictor {@code j} (0-based) at value {@code x}. */
    public double points(int predictor, double x) {
        Predictor p = predictors.get(predictor);
        return scale * (p.coefficient() * x - p.minEffect());
    }

    /** Total points of one subject (values in predictor order). */
    public double totalPoints(double... values) {
        Checks.finite("values", values, predictors.size());
        Checks.sameLength("values", values.length, "predictors", predictors.size());
        double t = 0;
        for (int j = 0; j < values.length; j++) {
            t += points(j, values[j]);
        }
        return t;
    }

    /** Linear predictor for total points: {@code b_0 + sum_j min_j + T/s}. */
    public double linearPredictor(double totalPoints) {
        return offset + totalPoints / scale;
    }

    /** Total points at which the linear predictor equals {@code lp}: {@code s (lp - b_0 - sum_j min_j)}. */
    public double totalPointsForLinearPredictor(double lp) {
        return scale * (lp - offset);
    }

    /** Risk for total points through the model's link, e.g. {@code lp -> 1/(1+exp(-lp))}. */
    public double risk(double totalPoints, DoubleUnaryOperator riskOfLinearPredictor) {
        return riskOfLinearPredictor.applyAsDouble(linearPredictor(totalPoints));
    }

    /**
     * Total points at which the logistic risk equals {@code risk} (the "risk" axis of a logistic
     * nomogram): {@code lp = log(risk/(1 - risk))}.
     */
    public double totalPointsForLogisticRisk(double risk) {
        if (!(risk > 0 && risk < 1)) {
            throw new IllegalArgumentException("risk must lie strictly between 0 and 1, got " + risk);
        }
        return totalPointsForLinearPredictor(Math.log(risk / (1 - risk)));
    }
}
