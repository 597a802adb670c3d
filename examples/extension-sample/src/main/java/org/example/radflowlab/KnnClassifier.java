package org.example.radflowlab;

import java.util.Arrays;

/**
 * Leave-one-out k-nearest-neighbour classification of a binary outcome, as R's {@code class::knn.cv(train, cl, k)}:
 * each case is classified by the k cases nearest to it in Euclidean distance, itself left out; when several cases
 * tie with the k-th distance, all of them vote (as in R). The probability of class 1 is the share of class-1 votes.
 * With {@code standardise}, every column is first centred and divided by its standard deviation over all cases
 * (n - 1 denominator, as R's {@code scale}). Stateless and thread-safe.
 */
public final class KnnClassifier {

    /** Leave-one-out results, one entry per case. */
    public record Result(double[] probability, int[] predicted) {
        public Result {
            probability = probability.clone();
            predicted = predicted.clone();
        }

        @Override
        public double[] probability() {
            return probability.clone();
        }

        @Override
        public int[] predicted() {
            return predicted.clone();
        }
    }

    private KnnClassifier() {
    }

    /**
     * @param x           cases by row, features by column (finite values)
     * @param y           outcome per case, 0 or 1
     * @param k           number of neighbours, 1 to n - 1
     * @param standardise whether to scale every column to mean 0 and SD 1 first
     * @param names       column names, for messages
     * @return probability of class 1 and the predicted class (1 when the probability exceeds 0.5, 0 below; a tie
     *         predicts the class of the nearest neighbour)
     * @throws IllegalArgumentException naming the problem (too few cases, k out of range, a constant column ...)
     */
    public static Result leaveOneOut(double[][] x, int[] y, int k, boolean standardise, String[] names) {
        int n = x.length;
        if (n < 2 || y.length != n) {
            throw new IllegalArgumentException("k-NN needs at least 2 cases with an outcome, got " + n);
        }
        if (k < 1 || k > n - 1) {
            throw new IllegalArgumentException("k must be 1 to " + (n - 1) + " (cases - 1), got " + k);
        }
        int p = x[0].length;
        double[][] z = new double[n][];
        for (int i = 0; i < n; i++) {
            z[i] = x[i].clone();
        }
        if (standardise) {
            for (int c = 0; c < p; c++) {
                double mean = 0;
                for (double[] row : z) {
                    mean += row[c];
                }
                mean /= n;
                double ss = 0;
                for (double[] row : z) {
                    ss += (row[c] - mean) * (row[c] - mean);
                }
                double sd = Math.sqrt(ss / (n - 1));
                if (!(sd > 0)) {
                    throw new IllegalArgumentException("feature '" + names[c] + "' is constant: it cannot be standardised");
                }
                for (double[] row : z) {
                    row[c] = (row[c] - mean) / sd;
                }
            }
        }
        double[] probability = new double[n];
        int[] predicted = new int[n];
        double[] distance = new double[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double d = 0;
                for (int c = 0; c < p; c++) {
                    d += (z[i][c] - z[j][c]) * (z[i][c] - z[j][c]);
                }
                distance[j] = j == i ? Double.POSITIVE_INFINITY : d;
                order[j] = j;
            }
            Arrays.sort(order, (a, b) -> Double.compare(distance[a], distance[b]));
            double kth = distance[order[k - 1]];
            int votes = 0;
            int ones = 0;
            for (int r = 0; r < n - 1 && distance[order[r]] <= kth; r++) {
                votes++;
                ones += y[order[r]];
            }
            probability[i] = (double) ones / votes;
            predicted[i] = probability[i] > 0.5 ? 1 : probability[i] < 0.5 ? 0 : y[order[0]];
        }
        return new Result(probability, predicted);
    }
}
