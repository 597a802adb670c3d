package io.radflow.charts.data;

import java.util.List;

/**
 * Rad-scores per patient with a binary outcome, for a waterfall plot: the bar of a patient is
 * {@code score - cutoff}; bars are coloured by outcome ({@code true} = the event / positive class).
 */
public record RadScores(List<String> patients, double[] scores, boolean[] outcome, double cutoff, String positiveLabel,
        String negativeLabel) {

    public RadScores {
        patients = List.copyOf(patients);
        scores = Checks.finite("rad-scores", scores);
        outcome = outcome.clone();
        if (scores.length != patients.size() || outcome.length != patients.size()) {
            throw new IllegalArgumentException("rad-scores: " + patients.size() + " patients, " + scores.length
                    + " scores, " + outcome.length + " outcomes");
        }
        if (!Double.isFinite(cutoff)) {
            throw new IllegalArgumentException("rad-score cutoff must be finite, got " + cutoff);
        }
        Checks.name("rad-score positive label", positiveLabel);
        Checks.name("rad-score negative label", negativeLabel);
    }

    @Override
    public double[] scores() {
        return scores.clone();
    }

    @Override
    public boolean[] outcome() {
        return outcome.clone();
    }
}
