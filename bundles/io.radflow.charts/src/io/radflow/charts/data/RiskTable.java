package io.radflow.charts.data;

import java.util.List;

/**
 * Numbers at risk per group at chosen times, printed under a Kaplan-Meier plot (as
 * {@code survminer::ggsurvplot(risk.table = TRUE)}): the number of subjects still under observation
 * (time >= t) at each time t.
 *
 * @param atRisk {@code atRisk[g][k]}: group g at {@code times[k]}
 */
public record RiskTable(List<String> groups, double[] times, int[][] atRisk) {

    public RiskTable {
        groups = List.copyOf(groups);
        times = Checks.finite("risk table times", times);
        if (atRisk.length != groups.size()) {
            throw new IllegalArgumentException("risk table: " + atRisk.length + " rows for " + groups.size() + " groups");
        }
        int[][] copy = new int[atRisk.length][];
        for (int g = 0; g < atRisk.length; g++) {
            if (atRisk[g].length != times.length) {
                throw new IllegalArgumentException("risk table group '" + groups.get(g) + "' has " + atRisk[g].length
                        + " numbers for " + times.length + " times");
            }
            copy[g] = atRisk[g].clone();
        }
        atRisk = copy;
    }

    @Override
    public double[] times() {
        return times.clone();
    }

    public int atRisk(int group, int timeIndex) {
        return atRisk[group][timeIndex];
    }

    /**
     * The number at risk at {@code t} from a Kaplan-Meier table (distinct observed times ascending, number
     * at risk at each): the number at risk at the first observed time >= t, 0 after the last time.
     */
    public static int atRisk(double[] observedTimes, int[] nRisk, double t) {
        for (int i = 0; i < observedTimes.length; i++) {
            if (observedTimes[i] >= t) {
                return nRisk[i];
            }
        }
        return 0;
    }

    /**
     * Round times from 0 to {@code maxTime}: steps of 1, 2 or 5 times a power of ten, the smallest such step
     * that needs at most {@code maxIntervals} intervals.
     */
    public static double[] niceTimes(double maxTime, int maxIntervals) {
        if (!(maxTime > 0) || Double.isInfinite(maxTime) || maxIntervals < 1) {
            throw new IllegalArgumentException("risk table times need a positive finite maximum and intervals, got "
                    + maxTime + ", " + maxIntervals);
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(maxTime / maxIntervals)));
        double step = magnitude;
        for (double factor : new double[] {1, 2, 5, 10}) {
            step = factor * magnitude;
            if (Math.floor(maxTime / step + 1e-9) <= maxIntervals) {
                break;
            }
        }
        int count = (int) Math.floor(maxTime / step + 1e-9) + 1;
        double[] times = new double[count];
        for (int i = 0; i < count; i++) {
            times[i] = i * step;
        }
        return times;
    }
}
