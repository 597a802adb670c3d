package io.radflow.stats.evaluation;

import io.radflow.stats.survival.SurvivalData;

/**
 * Argument checks shared by the evaluation, agreement, tables, nomogram and bootstrap packages. Every
 * message names the argument (and the 1-based position of a bad value) so that a caller can report it.
 */
public final class Checks {

    private Checks() {
    }

    /** Fails when {@code values} is null, shorter than {@code min}, or holds a NaN or infinite value. */
    public static double[] finite(String name, double[] values, int min) {
        if (values == null) {
            throw new IllegalArgumentException(name + " is missing (null)");
        }
        if (values.length < min) {
            throw new IllegalArgumentException(name + " has " + values.length + " values; at least " + min
                    + " are needed");
        }
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                throw new IllegalArgumentException(name + "[" + (i + 1) + "] is NaN (missing)");
            }
            if (Double.isInfinite(values[i])) {
                throw new IllegalArgumentException(name + "[" + (i + 1) + "] is infinite");
            }
        }
        return values;
    }

    /** Fails when the two arrays differ in length. */
    public static void sameLength(String a, int lengthA, String b, int lengthB) {
        if (lengthA != lengthB) {
            throw new IllegalArgumentException(a + " has " + lengthA + " values but " + b + " has " + lengthB);
        }
    }

    /** Fails unless every value is 0 or 1; returns them as flags. */
    public static boolean[] binary(String name, double[] values) {
        finite(name, values, 1);
        boolean[] out = new boolean[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] != 0 && values[i] != 1) {
                throw new IllegalArgumentException(name + "[" + (i + 1) + "] must be 0 or 1, got " + values[i]);
            }
            out[i] = values[i] == 1;
        }
        return out;
    }

    /** Fails unless every value lies in [0, 1]. */
    public static double[] probabilities(String name, double[] values) {
        finite(name, values, 1);
        for (int i = 0; i < values.length; i++) {
            if (values[i] < 0 || values[i] > 1) {
                throw new IllegalArgumentException(name + "[" + (i + 1) + "] = " + values[i]
                        + " is not a probability in [0, 1]");
            }
        }
        return values;
    }

    /** Fails unless {@code level} lies strictly between 0 and 1. */
    public static double level(String name, double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException(name + " must lie strictly between 0 and 1, got " + level);
        }
        return level;
    }

    /**
     * Fails unless {@code horizon} is a positive finite time within the follow-up of {@code data} (not after its
     * last time) with at least one event at or before it; the message names the horizon.
     */
    public static double horizon(SurvivalData data, double horizon) {
        if (!(horizon > 0) || Double.isInfinite(horizon)) {
            throw new IllegalArgumentException("horizon must be a positive finite time, got " + horizon);
        }
        double last = 0;
        boolean event = false;
        for (int i = 0; i < data.size(); i++) {
            last = Math.max(last, data.time(i));
            event |= data.event(i) && data.time(i) <= horizon;
        }
        if (horizon > last) {
            throw new IllegalArgumentException("horizon t=" + horizon + " is beyond the last follow-up time " + last);
        }
        if (!event) {
            throw new IllegalArgumentException("no event at or before horizon t=" + horizon);
        }
        return horizon;
    }

    /** Number of true flags. */
    public static int count(boolean[] flags) {
        int n = 0;
        for (boolean f : flags) {
            if (f) {
                n++;
            }
        }
        return n;
    }
}
