package io.radflow.stats.penalized;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.radflow.stats.survival.SurvivalData;
import io.radflow.testsupport.TestOutput;

/**
 * Speed of the penalised fits against R's glmnet 4.1 on the same data and folds, measured in the same run:
 * 10-fold CV LASSO-Cox (default 100-lambda path) on n = 322, p = 1,874 block-correlated features; a single
 * Cox path with p = 10; 10-fold binomial CV with p = 1,874. The data are generated here (seeded) and
 * written to a temporary CSV that an R script reads when {@code Rscript} is on the PATH (single-threaded
 * BLAS). Reports times, ratios and whether lambda.min agrees; asserts nothing about speed.
 */
@Tag("benchmark")
class GlmnetBenchmark {

    private static final int N = 322;
    private static final int P = 1874;
    private static final int BLOCK = 20;

    private record Data(FeatureMatrix x, SurvivalData surv, double[] ybin, Folds folds) {
    }

    private static Data generate(int p) {
        SplittableRandom random = new SplittableRandom(20240607L);
        double[][] x = new double[N][p];
        for (int b = 0; b * BLOCK < p; b++) {
            for (int i = 0; i < N; i++) {
                double z = random.nextGaussian();
                for (int j = b * BLOCK; j < Math.min(p, (b + 1) * BLOCK); j++) {
                    x[i][j] = Math.round((Math.sqrt(0.5) * z + Math.sqrt(0.5) * random.nextGaussian()) * 1e6) / 1e6;
                }
            }
        }
        double[] time = new double[N];
        boolean[] event = new boolean[N];
        double[] ybin = new double[N];
        for (int i = 0; i < N; i++) {
            double eta = 0.7 * x[i][0] - 0.5 * x[i][Math.min(p - 1, 20)] + 0.4 * x[i][Math.min(p - 1, 40)]
                    + 0.3 * x[i][Math.min(p - 1, 60)];
            double t = -Math.log(random.nextDouble()) / (0.1 * Math.exp(eta));
            double c = -Math.log(random.nextDouble()) / 0.05;
            time[i] = Math.max(0.1, Math.round(Math.min(t, c) * 10) / 10.0);
            event[i] = t <= c;
            ybin[i] = random.nextDouble() < 1 / (1 + Math.exp(-1.5 * eta)) ? 1 : 0;
        }
        return new Data(FeatureMatrix.of(x), SurvivalData.of(time, event), ybin, Folds.random(N, 10, 7));
    }

    private static double seconds(Supplier<?> task, int repeats) {
        task.get();
        double best = Double.MAX_VALUE;
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            task.get();
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        return best;
    }

    @Test
    void crossValidatedLassoCoxAgainstR() throws Exception {
        Data big = generate(P);
        Data small = generate(10);
        Executor sequential = Runnable::run;
        ElasticNetOptions defaults = ElasticNetOptions.defaults();
        ElasticNetOptions loose = defaults.withThreshold(1e-7);
        CrossValidatedPath[] cox = new CrossValidatedPath[1];
        double coxSeq = seconds(() -> cox[0] = ElasticNetCrossValidation.cox(big.x, big.surv, defaults, big.folds,
                CvMeasure.DEVIANCE, sequential), 2);
        double coxLoose = seconds(() -> ElasticNetCrossValidation.cox(big.x, big.surv, loose, big.folds,
                CvMeasure.DEVIANCE, sequential), 2);
        double coxPool = seconds(() -> ElasticNetCrossValidation.cox(big.x, big.surv, defaults, big.folds,
                CvMeasure.DEVIANCE, ForkJoinPool.commonPool()), 2);
        double single = seconds(() -> ElasticNet.cox(small.x, small.surv, defaults), 20);
        CrossValidatedPath[] bin = new CrossValidatedPath[1];
        double binSeq = seconds(() -> bin[0] = ElasticNetCrossValidation.binomial(big.x, big.ybin, defaults,
                big.folds, CvMeasure.DEVIANCE, sequential), 2);

        RResult r = runR(big, small);
        List<String> lines = new ArrayList<>();
        lines.add("# Benchmark: penalised regression (io.radflow.stats.penalized) vs R glmnet");
        lines.add("");
        lines.add("Data: n = " + N + ", p = " + P + " block-correlated (blocks of " + BLOCK
                + ", correlation 0.5), seeded; 10 folds (same foldid in R). Radflow: best of 2 after a warm-up"
                + " (single Cox fit: best of 20), threshold 1e-10 unless noted; R: default thresh 1e-7, one run, "
                + "single-threaded. Cores available: " + Runtime.getRuntime().availableProcessors() + ".");
        lines.add("");
        lines.add("| task | Radflow s | R s | R / Radflow | lambda.min Radflow | lambda.min R | agree |");
        lines.add("|---|---|---|---|---|---|---|");
        lines.add(row("cv LASSO-Cox p=1874, 1 thread", coxSeq, r.coxCv, cox[0].lambdaMin(), r.coxLambdaMin));
        lines.add(row("cv LASSO-Cox p=1874, 1 thread, thresh 1e-7", coxLoose, r.coxCv, Double.NaN, Double.NaN));
        lines.add(row("cv LASSO-Cox p=1874, common pool", coxPool, r.coxCv, Double.NaN, Double.NaN));
        lines.add(row("Cox path p=10", single, r.coxSingle, Double.NaN, Double.NaN));
        lines.add(row("cv LASSO-binomial p=1874, 1 thread", binSeq, r.binCv, bin[0].lambdaMin(), r.binLambdaMin));
        lines.add("");
        lines.add(r.note);
        String text = String.join("\n", lines) + "\n";
        System.out.println(text);
        TestOutput.writeBenchReport("glmnet.md", text);
    }

    private static String row(String task, double mine, double r, double lambdaMine, double lambdaR) {
        String agree = Double.isNaN(lambdaMine) || Double.isNaN(lambdaR) ? ""
                : (Math.abs(lambdaMine - lambdaR) <= 1e-6 * lambdaR ? "yes" : "no");
        return String.format(Locale.ROOT, "| %s | %.3f | %s | %s | %s | %s | %s |", task, mine,
                Double.isNaN(r) ? "-" : String.format(Locale.ROOT, "%.3f", r),
                Double.isNaN(r) ? "-" : String.format(Locale.ROOT, "%.1f", r / mine),
                Double.isNaN(lambdaMine) ? "" : String.format(Locale.ROOT, "%.6g", lambdaMine),
                Double.isNaN(lambdaR) ? "" : String.format(Locale.ROOT, "%.6g", lambdaR), agree);
    }

    private record RResult(double coxCv, double coxLambdaMin, double coxSingle, double binCv, double binLambdaMin,
            String note) {
    }

    private static RResult runR(Data big, Data small) throws IOException, InterruptedException {
        RResult none = new RResult(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                "R baseline not run: Rscript with glmnet not found on PATH.");
        Path dir = Files.createTempDirectory("radflow-glmnet-bench");
        writeCsv(big, dir.resolve("big.csv"));
        writeCsv(small, dir.resolve("small.csv"));
        String script = String.join("\n",
                "suppressPackageStartupMessages({library(survival); library(glmnet)})",
                "rd <- function(f) { d <- read.csv(f, check.names = FALSE); list(x = as.matrix(d[, -(1:4)]),"
                        + " y = Surv(d$time, d$status), b = d$ybin, fold = d$fold) }",
                "big <- rd('big.csv'); small <- rd('small.csv')",
                "t1 <- system.time(cv <- cv.glmnet(big$x, big$y, family = 'cox', foldid = big$fold))[['elapsed']]",
                "t2 <- system.time(for (i in 1:20) glmnet(small$x, small$y, family = 'cox'))[['elapsed']] / 20",
                "t3 <- system.time(cb <- cv.glmnet(big$x, big$b, family = 'binomial', foldid = big$fold))[['elapsed']]",
                "cat(sprintf('RESULT %.17g %.17g %.17g %.17g %.17g\\n', t1, cv$lambda.min, t2, t3, cb$lambda.min))",
                "");
        Files.writeString(dir.resolve("bench.R"), script);
        ProcessBuilder pb = new ProcessBuilder("Rscript", "bench.R").directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("OMP_NUM_THREADS", "1");
        pb.environment().put("OPENBLAS_NUM_THREADS", "1");
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            return none;
        }
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
            return new RResult(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    "R baseline failed: " + output.strip());
        }
        String line = output.lines().filter(l -> l.startsWith("RESULT ")).findFirst().orElseThrow();
        String[] v = line.split(" ");
        return new RResult(Double.parseDouble(v[1]), Double.parseDouble(v[2]), Double.parseDouble(v[3]),
                Double.parseDouble(v[4]), Double.parseDouble(v[5]),
                "R: " + output.lines().filter(l -> l.startsWith("R ") || l.contains("glmnet")).findFirst()
                        .orElse("Rscript") + " (cv.glmnet defaults: thresh 1e-7, type.measure deviance).");
    }

    private static void writeCsv(Data d, Path file) throws IOException {
        StringBuilder sb = new StringBuilder("time,status,ybin,fold");
        for (String name : d.x.names()) {
            sb.append(',').append(name);
        }
        sb.append('\n');
        int[] fold = d.folds.ids();
        for (int i = 0; i < d.x.rows(); i++) {
            sb.append(d.surv.time(i)).append(',').append(d.surv.event(i) ? 1 : 0).append(',').append((int) d.ybin[i])
                    .append(',').append(fold[i]);
            for (int j = 0; j < d.x.columns(); j++) {
                sb.append(',').append(d.x.value(i, j));
            }
            sb.append('\n');
        }
        Files.writeString(file, sb);
    }
}
