package io.radflow.charts.data;

import java.util.List;

/**
 * A nomogram of a linear model (Harrell, Regression Modeling Strategies, 2nd ed., sect. 10.7; R's
 * {@code rms::nomogram}): linear predictor lp = intercept + sum_i beta_i x_i, and a link from lp to the
 * risk, logistic (risk = 1 / (1 + exp(-lp))) or Cox (risk of the event by the horizon =
 * 1 - S0^exp(lp), with S0 the baseline survival at the horizon for the same centring as lp).
 *
 * <p>Points: with effect range e_i = |beta_i| (max_i - min_i) and E = max_i e_i, a predictor value x
 * scores {@code points_i(x) = 100 (beta_i x - min(beta_i min_i, beta_i max_i)) / E}, so the predictor
 * with the widest effect spans 0-100 points. Total points T = sum_i points_i map back to
 * lp(T) = lp0 + T E / 100 with lp0 = intercept + sum_i min(beta_i min_i, beta_i max_i).
 */
public record Nomogram(List<Predictor> predictors, double intercept, Link link, double baselineSurvival,
        String riskLabel, double[] riskTicks) {

    /** How the linear predictor maps to the risk. */
    public enum Link {
        LOGISTIC, COX
    }

    /** A continuous predictor with its coefficient, plotted range and labelled values. */
    public record Predictor(String name, double coefficient, double min, double max, double[] ticks) {
        public Predictor {
            Checks.name("nomogram predictor", name);
            if (!Double.isFinite(coefficient) || !(max > min) || Double.isInfinite(max) || Double.isInfinite(min)) {
                throw new IllegalArgumentException("nomogram predictor '" + name + "': needs a finite coefficient and "
                        + "min < max, got beta " + coefficient + ", range [" + min + ", " + max + "]");
            }
            ticks = Checks.finite("nomogram predictor '" + name + "' ticks", ticks);
        }

        @Override
        public double[] ticks() {
            return ticks.clone();
        }

        double effectRange() {
            return Math.abs(coefficient) * (max - min);
        }

        double lowestContribution() {
            return Math.min(coefficient * min, coefficient * max);
        }
    }

    public Nomogram {
        predictors = List.copyOf(predictors);
        if (predictors.isEmpty()) {
            throw new IllegalArgumentException("nomogram: no predictors");
        }
        if (predictors.stream().allMatch(p -> p.coefficient() == 0)) {
            throw new IllegalArgumentException("nomogram: every coefficient is 0, nothing to scale");
        }
        if (link == Link.COX && !(baselineSurvival > 0 && baselineSurvival < 1)) {
            throw new IllegalArgumentException("nomogram: a Cox link needs a baseline survival in (0, 1), got "
                    + baselineSurvival);
        }
        Checks.name("nomogram risk label", riskLabel);
        riskTicks = Checks.finite("nomogram risk ticks", riskTicks);
        for (double r : riskTicks) {
            if (!(r > 0 && r < 1)) {
                throw new IllegalArgumentException("nomogram risk ticks must lie in (0, 1), got " + r);
            }
        }
    }

    @Override
    public double[] riskTicks() {
        return riskTicks.clone();
    }

    /** E: the widest effect range over the predictors. */
    public double maxEffectRange() {
        return predictors.stream().mapToDouble(Predictor::effectRange).max().orElseThrow();
    }

    /** Points of predictor {@code index} at value {@code x}. */
    public double points(int index, double x) {
        Predictor p = predictors.get(index);
        return 100 * (p.coefficient() * x - p.lowestContribution()) / maxEffectRange();
    }

    /** The largest total points (every predictor at its highest-scoring end). */
    public double maxTotalPoints() {
        double total = 0;
        for (Predictor p : predictors) {
            total += 100 * p.effectRange() / maxEffectRange();
        }
        return total;
    }

    /** lp0 + T E / 100. */
    public double linearPredictor(double totalPoints) {
        double lp0 = intercept;
        for (Predictor p : predictors) {
            lp0 += p.lowestContribution();
        }
        return lp0 + totalPoints * maxEffectRange() / 100;
    }

    /** The risk at total points {@code totalPoints}. */
    public double risk(double totalPoints) {
        double lp = linearPredictor(totalPoints);
        return link == Link.LOGISTIC ? 1 / (1 + Math.exp(-lp)) : 1 - Math.pow(baselineSurvival, Math.exp(lp));
    }

    /** The total points giving {@code risk}: the inverse of {@link #risk(double)}. */
    public double totalPointsForRisk(double risk) {
        double lp = link == Link.LOGISTIC ? Math.log(risk / (1 - risk))
                : Math.log(Math.log(1 - risk) / Math.log(baselineSurvival));
        return (lp - linearPredictor(0)) * 100 / maxEffectRange();
    }
}
