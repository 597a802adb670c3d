package io.radflow.charts.data;

/** Argument checks shared by the chart data records; messages name the record and field. */
final class Checks {

    private Checks() {
    }

    static double[] finite(String where, double[] values) {
        if (values == null) {
            throw new IllegalArgumentException(where + " is missing");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(where + "[" + i + "] is not a finite number: " + values[i]);
            }
        }
        return values.clone();
    }

    static void sameLength(String where, double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException(where + ": lengths differ (" + a.length + " vs " + b.length + ")");
        }
    }

    static void probability(String where, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(where + " must lie in [0, 1], got " + value);
        }
    }

    static String name(String where, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(where + " needs a non-blank name");
        }
        return value;
    }
}
