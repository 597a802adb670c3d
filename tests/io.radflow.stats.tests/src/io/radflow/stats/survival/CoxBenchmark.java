package io.radflow.stats.survival;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import io.radflow.testsupport.TestOutput;

/**
 * Benchmark (tag "benchmark", run by {@code scripts/bench.sh io.radflow.stats.tests CoxBenchmark}): time per Cox
 * fit (Efron ties) with n = 322 subjects and p = 10 covariates (synthetic, seeded), against a baseline measured in
 * the same run, one pass computing {@code X beta} over the same data. Prints and writes
 * {@code ${radflow.test.output}/../bench/cox-fit.md}; asserts nothing about speed.
 */
@Tag("benchmark")
class CoxBenchmark {

    @Test
    void coxFitVersusLinearPredictorPass() throws IOException {
        int n = 322;
        int p = 10;
        Random random = new Random(20240607L);
        double[][] x = new double[n][p];
        double[] beta = new double[p];
        for (int j = 0; j < p; j++) {
            beta[j] = 0.3 * random.nextGaussian();
        }
        double[] time = new double[n];
        boolean[] event = new boolean[n];
        for (int i = 0; i < n; i++) {
            double eta = 0;
            for (int j = 0; j < p; j++) {
                x[i][j] = random.nextGaussian();
                eta += x[i][j] * beta[j];
            }
            time[i] = Math.round(-Math.log(random.nextDouble()) / Math.exp(eta) * 365);
            event[i] = random.nextDouble() < 0.7;
        }
        List<String> names = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            names.add("x" + (j + 1));
        }
        SurvivalData data = SurvivalData.of(time, event);
        CoxRegression cox = new CoxRegression(CoxRegression.Ties.EFRON);

        double sink = 0;
        for (int w = 0; w < 200; w++) { // warm-up
            sink += cox.fit(data, x, names).loglik();
            sink += linearPredictorPass(x, beta);
        }
        int fits = 500;
        long t0 = System.nanoTime();
        for (int r = 0; r < fits; r++) {
            sink += cox.fit(data, x, names).loglik();
        }
        double fitMicros = (System.nanoTime() - t0) / 1e3 / fits;
        int passes = 200_000;
        t0 = System.nanoTime();
        for (int r = 0; r < passes; r++) {
            sink += linearPredictorPass(x, beta);
        }
        double passMicros = (System.nanoTime() - t0) / 1e3 / passes;
        String report = String.format(Locale.ROOT, "# Cox fit benchmark%n%n"
                + "n = %d, p = %d, Efron ties, synthetic seeded data (checksum %.3g)%n%n"
                + "| what | time per call (us) | ratio to baseline |%n| --- | --- | --- |%n"
                + "| baseline: one pass X beta | %.3f | 1 |%n| Cox fit (coxph equivalent) | %.1f | %.0f |%n",
                n, p, sink, passMicros, fitMicros, fitMicros / passMicros);
        System.out.println(report);
        TestOutput.writeBenchReport("cox-fit.md", report);
    }

    private static double linearPredictorPass(double[][] x, double[] beta) {
        double total = 0;
        for (double[] row : x) {
            double e = 0;
            for (int j = 0; j < beta.length; j++) {
                e += row[j] * beta[j];
            }
            total += e;
        }
        return total;
    }
}
