package io.radflow.stats.penalized;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Assignment of rows to cross-validation folds, 1-based as glmnet's {@code foldid}. Immutable.
 *
 * @param ids fold number (1..K) of each row; every fold non-empty, K >= 3 (as {@code cv.glmnet})
 */
public record Folds(int[] ids) implements java.io.Serializable {

    public Folds {
        ids = ids.clone();
        int k = Arrays.stream(ids).max().orElse(0);
        if (k < 3) {
            throw new IllegalArgumentException("Cross-validation needs at least 3 folds, got " + k);
        }
        int[] sizes = new int[k + 1];
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] < 1) {
                throw new IllegalArgumentException("row " + (i + 1) + ": fold id must be >= 1, got " + ids[i]);
            }
            sizes[ids[i]]++;
        }
        for (int f = 1; f <= k; f++) {
            if (sizes[f] == 0) {
                throw new IllegalArgumentException("Fold " + f + " of " + k + " has no rows");
            }
        }
    }

    /**
     * Seeded random folds as {@code cv.glmnet} draws them: {@code rep(1:k, length = n)} shuffled (here with
     * {@link SplittableRandom}(seed), so the folds differ from R's but are reproducible).
     */
    public static Folds random(int n, int k, long seed) {
        if (k < 3 || k > n) {
            throw new IllegalArgumentException("Need 3 <= folds <= rows, got " + k + " folds for " + n + " rows");
        }
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) {
            ids[i] = i % k + 1;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = ids[i];
            ids[i] = ids[j];
            ids[j] = t;
        }
        return new Folds(ids);
    }

    @Override
    public int[] ids() {
        return ids.clone();
    }

    public int size() {
        return ids.length;
    }

    /** Number of folds K. */
    public int count() {
        return Arrays.stream(ids).max().getAsInt();
    }

    /** Rows (0-based, increasing) of fold {@code fold} (1-based), or of all other folds if {@code out}. */
    int[] rows(int fold, boolean out) {
        return java.util.stream.IntStream.range(0, ids.length).filter(i -> (ids[i] == fold) != out).toArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Folds other && Arrays.equals(ids, other.ids);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ids);
    }

    @Override
    public String toString() {
        return "Folds[" + count() + " folds, " + ids.length + " rows]";
    }
}
