package io.radflow.charts.data;

import java.util.Locale;

/**
 * One row of a forest plot: a ratio estimate (hazard or odds ratio) with its confidence interval and
 * p value ({@code NaN} when not known). All three ratios must be positive (they are drawn on a log axis).
 */
public record ForestRow(String label, double estimate, double lower, double upper, double pValue) {

    public ForestRow {
        Checks.name("forest plot row", label);
        if (!(estimate > 0 && lower > 0 && upper > 0) || Double.isInfinite(upper)) {
            throw new IllegalArgumentException("forest plot row '" + label + "': ratio and CI must be positive and finite, got "
                    + estimate + " [" + lower + ", " + upper + "]");
        }
        if (lower > estimate || estimate > upper) {
            throw new IllegalArgumentException("forest plot row '" + label + "': the estimate " + estimate
                    + " lies outside its interval [" + lower + ", " + upper + "]");
        }
    }

    /** "1.52 (1.10-2.10)". */
    public String text() {
        return String.format(Locale.ROOT, "%.2f (%.2f-%.2f)", estimate, lower, upper);
    }
}
