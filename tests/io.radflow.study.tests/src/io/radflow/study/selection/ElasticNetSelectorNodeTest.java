package io.radflow.study.selection;

import static io.radflow.study.StudyFixture.features;
import static io.radflow.study.StudyFixture.run;
import static io.radflow.study.StudyFixture.study;
import static io.radflow.study.StudyFixture.trainingValues;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.core.data.Column;
import io.radflow.core.data.Table;
import io.radflow.core.node.NodeExecutionException;
import io.radflow.core.port.PortObject;
import io.radflow.stats.penalized.CrossValidatedPath;
import io.radflow.stats.penalized.CvMeasure;
import io.radflow.stats.penalized.ElasticNetCrossValidation;
import io.radflow.stats.penalized.ElasticNetOptions;
import io.radflow.stats.penalized.FeatureMatrix;
import io.radflow.stats.penalized.Folds;
import io.radflow.stats.survival.SurvivalData;
import io.radflow.testsupport.RecordingContext;
import io.radflow.study.model.FittedModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The registered LASSO node against a direct {@code io.radflow.stats.penalized} cross-validated fit. */
class ElasticNetSelectorNodeTest {

    private static final List<String> FEATURES = List.of("f1", "f2", "f3", "f5");

    private static double[][] trainingMatrix() {
        double[][] columns = FEATURES.stream().map(f -> trainingValues(f)).toArray(double[][]::new);
        double[][] x = new double[columns[0].length][FEATURES.size()];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < columns.length; j++) {
                x[i][j] = columns[j][i];
            }
        }
        return x;
    }

    private static Map<String, PortObject> runLasso(Table clinical, String... parameters) throws Exception {
        return run("radflow.study.lasso", new ElasticNetSelectorNode(), Map.of(SelectorNode.IN_FEATURES,
                features(FEATURES.toArray(String[]::new)), SelectorNode.IN_CLINICAL, clinical), new RecordingContext(), parameters);
    }

    private static void assertSameSelection(CrossValidatedPath direct, double lambda, Map<String, PortObject> out) {
        double[] b = direct.coefficients(lambda);
        Table report = (Table) out.get(SelectorNode.OUT_REPORT);
        List<String> expected = new ArrayList<>();
        for (int j = 0; j < b.length; j++) {
            assertEquals(b[j], report.column("coefficient").number(report.findRow("feature", FEATURES.get(j))), 0,
                    FEATURES.get(j));
            if (b[j] != 0) {
                expected.add(FEATURES.get(j));
            }
        }
        assertFalse(expected.isEmpty(), "the planted signal gives at least one non-zero coefficient");
        Table selected = (Table) out.get(SelectorNode.OUT_FEATURES);
        assertEquals(expected, selected.columnNames().subList(2, selected.columnCount()));
        FittedModel model = (FittedModel) out.get(ElasticNetSelectorNode.OUT_MODEL);
        assertEquals(expected, model.terms().stream().map(FittedModel.Term::name).toList());
        Table cv = (Table) out.get(ElasticNetSelectorNode.OUT_CV);
        assertEquals(direct.lambda().length, cv.rowCount());
        assertEquals(direct.cvm()[direct.indexMin()], cv.column("cvm").number(direct.indexMin()), 0);
        for (int i = 0; i < cv.rowCount(); i++) {
            double l = cv.column("lambda").number(i);
            assertEquals(l == direct.lambdaMin() ? 1 : 0, cv.column(ElasticNetFitter.AT_LAMBDA_MIN).number(i), "row " + i);
            assertEquals(l == direct.lambda1se() ? 1 : 0, cv.column(ElasticNetFitter.AT_LAMBDA_1SE).number(i), "row " + i);
            assertEquals(l == lambda ? 1 : 0, cv.column(ElasticNetFitter.CHOSEN).number(i), "row " + i);
        }
        assertEquals(1, java.util.Arrays.stream(cv.column(ElasticNetFitter.CHOSEN).numbers()).sum(), "exactly one chosen lambda");
        Table path = (Table) out.get(ElasticNetSelectorNode.OUT_PATH);
        assertEquals(direct.fit().size(), path.rowCount());
    }

    @Test
    void lassoCoxKeepsTheFeaturesOfADirectCrossValidatedFitAtLambda1se() throws Exception {
        double[][] x = trainingMatrix();
        CrossValidatedPath direct = ElasticNetCrossValidation.cox(FeatureMatrix.of(x, FEATURES),
                SurvivalData.ofNumeric(trainingValues("time_months"), trainingValues("event"), null),
                ElasticNetOptions.defaults(), Folds.random(x.length, 5, 7), CvMeasure.DEVIANCE);
        Map<String, PortObject> out = runLasso(study(), "outcomeType", "survival", "lambda", "1se", "folds", "5",
                "seed", "7");
        assertSameSelection(direct, direct.lambda1se(), out);
        assertEquals(FittedModel.Family.COX, ((FittedModel) out.get(ElasticNetSelectorNode.OUT_MODEL)).family());
    }

    @Test
    void elasticNetLogisticWithoutSignalKeepsNothingAndSaysAtWhichLambda() {
        double[][] x = trainingMatrix();
        CrossValidatedPath direct = ElasticNetCrossValidation.binomial(FeatureMatrix.of(x, FEATURES),
                trainingValues("mvi"), ElasticNetOptions.defaults().withAlpha(0.5), Folds.random(x.length, 5, 11),
                CvMeasure.DEVIANCE);
        for (double b : direct.coefficients(direct.lambdaMin())) {
            assertEquals(0, b, "f1..f5 of the fixture carry no mvi signal: the direct fit keeps nothing either");
        }
        NodeExecutionException e = assertThrows(NodeExecutionException.class,
                () -> runLasso(study(), "alpha", "0.5", "folds", "5", "seed", "11"));
        assertEquals("No feature of 4 was kept: every coefficient is 0 at lambda = " + direct.lambdaMin(), e.getMessage());
    }

    @Test
    void lassoLogisticKeepsTheFeaturesAndInterceptOfADirectCrossValidatedFit() throws Exception {
        Table s = study();
        double[] f1 = s.column("f1").numbers();
        double[] high = new double[f1.length];
        for (int r = 0; r < f1.length; r++) {
            high[r] = f1[r] + 0.5 * s.column("f3").number(r) > 0 ? 1 : 0;
        }
        Table clinical = s.withColumns(List.of(Column.numeric("high", high)));
        double[][] x = trainingMatrix();
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i][0] + 0.5 * x[i][2] > 0 ? 1 : 0;
        }
        CrossValidatedPath direct = ElasticNetCrossValidation.binomial(FeatureMatrix.of(x, FEATURES), y,
                ElasticNetOptions.defaults(), Folds.random(x.length, 5, 3), CvMeasure.DEVIANCE);
        Map<String, PortObject> out = runLasso(clinical, "outcome", "high", "folds", "5", "seed", "3");
        assertSameSelection(direct, direct.lambdaMin(), out);
        FittedModel model = (FittedModel) out.get(ElasticNetSelectorNode.OUT_MODEL);
        assertEquals(FittedModel.Family.LOGISTIC, model.family());
        assertEquals(direct.fit().interceptAt(direct.lambdaMin()), model.intercept(), 0);
    }

    @Test
    void aFoldWithoutEventsIsAClearError() {
        Table s = study();
        double[] event = new double[s.rowCount()];
        int kept = 0;
        for (int r = 0; r < s.rowCount() && kept < 2; r++) {
            if (s.column("Set").text(r).equals("train") && s.column("event").number(r) == 1) {
                event[r] = 1;
                kept++;
            }
        }
        Table twoEvents = s.withColumns(List.of(Column.numeric("event", event)));
        NodeExecutionException e = assertThrows(NodeExecutionException.class,
                () -> runLasso(twoEvents, "outcomeType", "survival", "folds", "10"));
        assertTrue(e.getMessage().contains("LASSO-Cox 10-fold cross-validation") && e.getMessage().contains("2 events")
                && e.getMessage().contains("has no events") && e.getMessage().contains("fewer folds"), e.getMessage());
    }
}
