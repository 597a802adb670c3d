package io.radflow.stats.penalized;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

import io.radflow.stats.survival.SurvivalData;

/** Bad input gives a clear error; documented behaviour (constant columns, folds, executors) holds. */
class ElasticNetInputTest {

    private static final List<String> LUNG = List.of("age", "sex", "ph.ecog", "ph.karno", "pat.karno", "meal.cal",
            "wt.loss");

    private static SurvivalData lungSurvival(GlmnetData d) {
        return SurvivalData.ofNumeric(d.column("time"), d.column("status"), null);
    }

    @Test
    void nanInFeaturesNamesRowAndColumn() {
        double[][] x = {{1, 2}, {3, Double.NaN}, {5, 6}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FeatureMatrix.of(x, List.of("a", "radiomics_b")));
        assertTrue(e.getMessage().contains("row 2") && e.getMessage().contains("radiomics_b"), e.getMessage());
    }

    @Test
    void allCensoredCoxIsRejected() {
        GlmnetData d = GlmnetData.load("lung_cc.csv.gz");
        double[] none = new double[d.rows().length];
        SurvivalData censored = SurvivalData.ofNumeric(d.column("time"), none, null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ElasticNet.cox(d.features(LUNG), censored, ElasticNetOptions.defaults()));
        assertTrue(e.getMessage().contains("censored"), e.getMessage());
    }

    @Test
    void singleClassBinomialIsRejected() {
        GlmnetData d = GlmnetData.load("lung_cc.csv.gz");
        double[] ones = new double[d.rows().length];
        Arrays.fill(ones, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ElasticNet.binomial(d.features(LUNG), ones, ElasticNetOptions.defaults()));
        assertTrue(e.getMessage().contains("0 zeros"), e.getMessage());
        double[] bad = ones.clone();
        bad[3] = 2;
        e = assertThrows(IllegalArgumentException.class,
                () -> ElasticNet.binomial(d.features(LUNG), bad, ElasticNetOptions.defaults()));
        assertTrue(e.getMessage().contains("row 4"), e.getMessage());
    }

    @Test
    void constantColumnGetsZeroAndChangesNothingElse() {
        GlmnetData d = GlmnetData.load("lung_cc.csv.gz");
        List<String> withConst = new java.util.ArrayList<>(LUNG);
        withConst.add("const");
        ElasticNetPath a = ElasticNet.cox(d.features(LUNG), lungSurvival(d), ElasticNetOptions.defaults());
        ElasticNetPath b = ElasticNet.cox(d.features(withConst), lungSurvival(d),
                ElasticNetOptions.defaults().withPenaltyFactor(new double[] {1, 1, 1, 1, 1, 1, 1, 1}));
        // penalty factors are rescaled to sum to p, so the extra (excluded) column changes nothing
        assertEquals(a.size(), b.size());
        for (int k = 0; k < a.size(); k++) {
            assertEquals(0.0, b.coefficients(k)[7]);
            assertArrayEquals(a.coefficients(k), Arrays.copyOf(b.coefficients(k), 7), 1e-9);
        }
    }

    @Test
    void allConstantFeaturesAreRejected() {
        double[][] x = {{1}, {1}, {1}, {1}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ElasticNet.binomial(
                FeatureMatrix.of(x), new double[] {0, 1, 0, 1}, ElasticNetOptions.defaults()));
        assertTrue(e.getMessage().contains("constant"), e.getMessage());
    }

    @Test
    void foldsAreValidatedAndSeededFoldsAreBalancedAndReproducible() {
        assertThrows(IllegalArgumentException.class, () -> new Folds(new int[] {1, 2, 1, 2}));
        assertThrows(IllegalArgumentException.class, () -> new Folds(new int[] {1, 2, 4, 4}));
        Folds f = Folds.random(103, 10, 42);
        assertEquals(f, Folds.random(103, 10, 42));
        int[] sizes = new int[11];
        for (int id : f.ids()) {
            sizes[id]++;
        }
        for (int k = 1; k <= 10; k++) {
            assertTrue(sizes[k] == 10 || sizes[k] == 11, "fold " + k + " has " + sizes[k]);
        }
    }

    @Test
    void parallelFoldsGiveTheSameResultAsSequential() {
        GlmnetData d = GlmnetData.load("lung_cc.csv.gz");
        FeatureMatrix x = d.features(LUNG);
        Folds folds = Folds.random(x.rows(), 5, 1);
        CrossValidatedPath sequential = ElasticNetCrossValidation.cox(x, lungSurvival(d), ElasticNetOptions.defaults(),
                folds, CvMeasure.DEVIANCE, Runnable::run);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            CrossValidatedPath parallel = ElasticNetCrossValidation.cox(x, lungSurvival(d),
                    ElasticNetOptions.defaults(), folds, CvMeasure.DEVIANCE, pool);
            assertArrayEquals(sequential.cvm(), parallel.cvm(), 0);
            assertArrayEquals(sequential.cvsd(), parallel.cvsd(), 0);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void measuresMustFitTheFamily() {
        GlmnetData d = GlmnetData.load("lung_cc.csv.gz");
        FeatureMatrix x = d.features(LUNG);
        Folds folds = Folds.random(x.rows(), 5, 1);
        assertThrows(IllegalArgumentException.class, () -> ElasticNetCrossValidation.cox(x, lungSurvival(d),
                ElasticNetOptions.defaults(), folds, CvMeasure.AUC));
        assertThrows(IllegalArgumentException.class, () -> ElasticNetCrossValidation.binomial(x,
                d.column("status"), ElasticNetOptions.defaults(), folds, CvMeasure.C_INDEX));
    }
}
