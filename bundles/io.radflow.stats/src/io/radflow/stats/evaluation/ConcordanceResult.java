package io.radflow.stats.evaluation;

/**
 * A concordance index with its infinitesimal-jackknife variance.
 *
 * @param concordance the C index
 * @param variance its variance
 * @param concordant weighted number of concordant comparable pairs
 * @param discordant weighted number of discordant comparable pairs
 * @param tiedRisk comparable pairs with equal risk (counted 1/2 in C)
 * @param tiedTime pairs with equal event times and different risk (not comparable)
 * @param tiedBoth pairs with equal event times and equal risk (not comparable)
 */
public record ConcordanceResult(double concordance, double variance, double concordant, double discordant,
        double tiedRisk, double tiedTime, double tiedBoth) {

    /** Standard error {@code sqrt(variance)}. */
    public double standardError() {
        return Math.sqrt(variance);
    }

    /** Normal confidence interval {@code C -/+ z sqrt(variance)} (not clipped). */
    public ConfidenceInterval confidenceInterval(double level) {
        Checks.level("level", level);
        double z = Probabilities.normalQuantile(0.5 + level / 2);
        double se = standardError();
        return new ConfidenceInterval(concordance, concordance - z * se, concordance + z * se, level);
    }
}
