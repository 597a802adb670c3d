package io.radflow.charts.data;

import java.util.List;

/** A square matrix of correlation coefficients in [-1, 1] between named variables ({@code NaN} allowed). */
public record CorrelationMatrix(List<String> names, double[][] values) {

    public CorrelationMatrix {
        names = List.copyOf(names);
        if (values == null || values.length != names.size()) {
            throw new IllegalArgumentException("correlation matrix: " + (values == null ? 0 : values.length)
                    + " rows for " + names.size() + " names");
        }
        double[][] copy = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            if (values[i].length != names.size()) {
                throw new IllegalArgumentException("correlation matrix row '" + names.get(i) + "' has "
                        + values[i].length + " values for " + names.size() + " names");
            }
            copy[i] = values[i].clone();
            for (int j = 0; j < copy[i].length; j++) {
                double r = copy[i][j];
                if (!Double.isNaN(r) && !(r >= -1 && r <= 1)) {
                    throw new IllegalArgumentException("correlation matrix [" + names.get(i) + ", " + names.get(j)
                            + "] = " + r + " lies outside [-1, 1]");
                }
            }
        }
        values = copy;
    }

    public double get(int row, int column) {
        return values[row][column];
    }

    @Override
    public double[][] values() {
        double[][] copy = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            copy[i] = values[i].clone();
        }
        return copy;
    }
}
