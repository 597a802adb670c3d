package io.radflow.stats.bootstrap;

import io.radflow.stats.evaluation.Checks;
import io.radflow.stats.evaluation.ConfidenceInterval;
import io.radflow.stats.evaluation.Probabilities;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToDoubleFunction;

/**
 * Nonparametric bootstrap with percentile and BCa confidence intervals (formulas of R's {@code boot}
 * package: Davison AC, Hinkley DV, Bootstrap Methods and their Application, 1997, ch. 5; Efron B, JASA
 * 82:171-185, 1987).
 *
 * <p>Reproducibility: replicate b draws its n row indices from its own {@link SplittableRandom} seeded by
 * the b-th value of a sequence started from the caller's seed, so the replicates are identical whatever
 * the number of threads. Stateless; the statistic must be thread-safe when {@code threads > 1}.
 */
public final class Bootstrap {

    private Bootstrap() {
    }

    /**
     * {@code replicates} resamples of {@code n} rows drawn with replacement (0-based indices).
     *
     * @throws IllegalArgumentException for {@code n < 1} or {@code replicates < 1}
     */
    public static int[][] resamples(int n, int replicates, long seed) {
        if (n < 1 || replicates < 1) {
            throw new IllegalArgumentException("need n >= 1 and replicates >= 1, got n=" + n + ", replicates="
                    + replicates);
        }
        long[] seeds = replicateSeeds(replicates, seed);
        int[][] out = new int[replicates][];
        for (int b = 0; b < replicates; b++) {
            out[b] = resample(n, seeds[b]);
        }
        return out;
    }

    private static long[] replicateSeeds(int replicates, long seed) {
        SplittableRandom root = new SplittableRandom(seed);
        long[] seeds = new long[replicates];
        for (int b = 0; b < replicates; b++) {
            seeds[b] = root.nextLong();
        }
        return seeds;
    }

    private static int[] resample(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = random.nextInt(n);
        }
        return rows;
    }

    /**
     * Evaluates {@code statistic} on {@code replicates} resamples of {@code n} rows using {@code threads}
     * threads; the result does not depend on {@code threads}.
     *
     * @param statistic receives the 0-based rows of one resample (with repeats) and returns the statistic
     * @throws IllegalArgumentException for bad sizes or {@code threads < 1}
     * @throws IllegalStateException wrapping a checked exception of the statistic; runtime exceptions are
     *         rethrown as they are
     */
    public static double[] replicates(int n, int replicates, long seed, ToDoubleFunction<int[]> statistic,
            int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        if (n < 1 || replicates < 1) {
            throw new IllegalArgumentException("need n >= 1 and replicates >= 1, got n=" + n + ", replicates="
                    + replicates);
        }
        long[] seeds = replicateSeeds(replicates, seed);
        double[] out = new double[replicates];
        if (threads == 1) {
            for (int b = 0; b < replicates; b++) {
                out[b] = statistic.applyAsDouble(resample(n, seeds[b]));
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            int chunk = (replicates + threads - 1) / threads;
            for (int start = 0; start < replicates; start += chunk) {
                int from = start;
                int to = Math.min(replicates, start + chunk);
                futures.add(pool.submit(() -> {
                    for (int b = from; b < to; b++) {
                        out[b] = statistic.applyAsDouble(resample(n, seeds[b]));
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("bootstrap interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("bootstrap statistic failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return out;
    }

    /**
     * Jackknife empirical influence values {@code L_i = (n-1)(mean_k t_(-k) - t_(-i))}, {@code t_(-i)} the
     * statistic without row i (R {@code boot::empinf(type = "jack")}).
     */
    public static double[] jackknifeInfluence(int n, ToDoubleFunction<int[]> statistic) {
        if (n < 2) {
            throw new IllegalArgumentException("the jackknife needs at least 2 rows, got " + n);
        }
        double[] leaveOut = new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            int[] rows = new int[n - 1];
            for (int k = 0, j = 0; k < n; k++) {
                if (k != i) {
                    rows[j++] = k;
                }
            }
            leaveOut[i] = statistic.applyAsDouble(rows);
            mean += leaveOut[i] / n;
        }
        double[] l = new double[n];
        for (int i = 0; i < n; i++) {
            l[i] = (n - 1) * (mean - leaveOut[i]);
        }
        return l;
    }

    /**
     * Percentile interval: the {@code (1 -/+ level)/2} quantiles of the replicates by boot's
     * {@code norm.inter} (R {@code boot.ci(type = "perc")}).
     *
     * @throws IllegalArgumentException for NaN replicates (named) or fewer than 2 replicates
     */
    public static ConfidenceInterval percentile(double estimate, double[] replicates, double level) {
        Checks.level("level", level);
        double[] t = sortedFinite(replicates);
        double alpha = (1 - level) / 2;
        return new ConfidenceInterval(estimate, normInter(t, alpha), normInter(t, 1 - alpha), level);
    }

    /**
     * Bias-corrected and accelerated interval (R {@code boot.ci(type = "bca", L = influence)}):
     * {@code w = Phi^{-1}(#{t_b < t_0}/B)}, acceleration {@code a = sum L^3 / (6 (sum L^2)^{3/2})},
     * adjusted levels {@code Phi(w + (w + z_alpha)/(1 - a (w + z_alpha)))} read from the replicates by
     * {@code norm.inter}.
     *
     * @param influence empirical influence values, e.g. {@link #jackknifeInfluence}
     * @throws IllegalArgumentException for NaN replicates, all replicates on one side of the estimate
     *         (infinite bias correction) or all influence values 0
     */
    public static ConfidenceInterval bca(double estimate, double[] replicates, double[] influence, double level) {
        Checks.level("level", level);
        Checks.finite("influence", influence, 2);
        double[] t = sortedFinite(replicates);
        int below = 0;
        for (double v : t) {
            if (v < estimate) {
                below++;
            }
        }
        double w = Probabilities.normalQuantile((double) below / t.length);
        if (Double.isInfinite(w)) {
            throw new IllegalArgumentException("bias correction is infinite: " + below + " of " + t.length
                    + " replicates lie below the estimate");
        }
        double s2 = 0;
        double s3 = 0;
        for (double l : influence) {
            s2 += l * l;
            s3 += l * l * l;
        }
        if (s2 == 0) {
            throw new IllegalArgumentException("all influence values are 0: the acceleration is undefined");
        }
        double a = s3 / (6 * Math.pow(s2, 1.5));
        double[] bounds = new double[2];
        double[] alphas = {(1 - level) / 2, (1 + level) / 2};
        for (int k = 0; k < 2; k++) {
            double z = Probabilities.normalQuantile(alphas[k]);
            double adjusted = Probabilities.normalCdf(w + (w + z) / (1 - a * (w + z)));
            bounds[k] = normInter(t, adjusted);
        }
        return new ConfidenceInterval(estimate, bounds[0], bounds[1], level);
    }

    private static double[] sortedFinite(double[] replicates) {
        Checks.finite("replicates", replicates, 2);
        double[] t = replicates.clone();
        Arrays.sort(t);
        return t;
    }

    /**
     * boot's {@code norm.inter}: with {@code r = (B+1) alpha}, the r-th order statistic when r is an
     * integer, else interpolation on the normal quantile scale between order statistics
     * {@code k = floor(r)} and {@code k+1}:
     * {@code t_k + (Phi^{-1}(alpha) - Phi^{-1}(k/(B+1))) / (Phi^{-1}((k+1)/(B+1)) - Phi^{-1}(k/(B+1))) (t_{k+1} - t_k)};
     * the extreme order statistic when {@code k = 0} or {@code k = B}.
     */
    static double normInter(double[] sorted, double alpha) {
        int b = sorted.length;
        double rk = (b + 1) * alpha;
        int k = (int) rk;
        if (k == rk) {
            return sorted[Math.max(0, Math.min(b - 1, k - 1))];
        }
        if (k <= 0) {
            return sorted[0];
        }
        if (k >= b) {
            return sorted[b - 1];
        }
        double qk = Probabilities.normalQuantile((double) k / (b + 1));
        double qk1 = Probabilities.normalQuantile((k + 1.0) / (b + 1));
        return sorted[k - 1] + (Probabilities.normalQuantile(alpha) - qk) / (qk1 - qk) * (sorted[k] - sorted[k - 1]);
    }
}
