package io.radflow.study.models;

import static io.radflow.study.StudyFixture.conform;
import static io.radflow.study.StudyFixture.features;
import static io.radflow.study.StudyFixture.run;
import static io.radflow.study.StudyFixture.study;
import static io.radflow.study.StudyFixture.trainingValues;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.core.data.Column;
import io.radflow.core.data.Table;
import io.radflow.core.node.NodeExecutionException;
import io.radflow.core.port.PortObject;
import io.radflow.stats.evaluation.Cutpoints;
import io.radflow.stats.nomogram.Nomogram;
import io.radflow.stats.survival.CoxFit;
import io.radflow.stats.survival.CoxRegression;
import io.radflow.stats.survival.SurvivalData;
import io.radflow.study.model.FittedModel;
import io.radflow.study.model.ModelPortType;
import io.radflow.testsupport.RecordingContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelNodesTest {

    private static Map<String, PortObject> inputs(Table features) {
        return Map.of(RegressionModelNode.IN_FEATURES, features, RegressionModelNode.IN_CLINICAL, study());
    }

    private static double coef(Table coefficients, String term) {
        return coefficients.column("coef").number(coefficients.findRow("term", term));
    }

    @Test
    void logisticModelWithACategoricalCovariateMatchesGlm() throws Exception {
        Map<String, PortObject> out = run("radflow.study.logisticModel", new LogisticModelNode(), inputs(features("f1", "f3")),
                new RecordingContext(), "covariates", "f1,f3,grade");
        Table c = (Table) out.get(RegressionModelNode.OUT_COEFFICIENTS);
        assertTrue(conform("logisticModel", "logistic_coef_(Intercept)", coef(c, "(Intercept)"), 1e-6));
        assertTrue(conform("logisticModel", "logistic_coef_f1", coef(c, "f1"), 1e-6));
        assertTrue(conform("logisticModel", "logistic_coef_f3", coef(c, "f3"), 1e-6));
        assertTrue(conform("logisticModel", "logistic_coef_gradeG2", coef(c, "grade=G2"), 1e-6));
        assertTrue(conform("logisticModel", "logistic_coef_gradeG3", coef(c, "grade=G3"), 1e-6));
        FittedModel model = (FittedModel) out.get(RegressionModelNode.OUT_MODEL);
        Table p = (Table) out.get(RegressionModelNode.OUT_PREDICTIONS);
        assertEquals(80, p.rowCount(), "test rows are predicted too");
        Table s = study();
        int row = 70;
        double lp = model.intercept() + coef(c, "f1") * s.column("f1").number(row) + coef(c, "f3") * s.column("f3").number(row)
                + (s.column("grade").text(row).equals("G2") ? coef(c, "grade=G2") : 0)
                + (s.column("grade").text(row).equals("G3") ? coef(c, "grade=G3") : 0);
        assertEquals(lp, p.column("lp").number(row), 1e-12);
        assertEquals("test", p.column("Set").text(row));
    }

    @Test
    void coxModelMatchesCoxphAndBasehaz() throws Exception {
        Map<String, PortObject> out = run("radflow.study.coxModel", new CoxModelNode(), inputs(features("f1", "f3")),
                new RecordingContext());
        Table c = (Table) out.get(RegressionModelNode.OUT_COEFFICIENTS);
        FittedModel model = (FittedModel) out.get(RegressionModelNode.OUT_MODEL);
        assertTrue(conform("coxModel", "cox_coef_f1", coef(c, "f1"), 1e-6));
        assertTrue(conform("coxModel", "cox_coef_f3", coef(c, "f3"), 1e-6));
        assertTrue(conform("coxModel", "cox_H0_12", model.baseline().at(12), 1e-6));
        assertTrue(conform("coxModel", "cox_H0_24", model.baseline().at(24), 1e-6));
        CoxFit fit = new CoxRegression(CoxRegression.Ties.EFRON).fit(SurvivalData.ofNumeric(trainingValues("time_months"),
                trainingValues("event"), null), columns(trainingValues("f1"), trainingValues("f3")), List.of("f1", "f3"));
        double[] x = {0.3, -1.1};
        double lp = model.linearPredictor(x);
        assertEquals(fit.predictSurvival(x, null, 24)[0], model.survival(lp, 24), 1e-12);
    }

    @Test
    void modelJsonRoundTripsThroughThePortType(@TempDir Path dir) throws Exception {
        FittedModel model = (FittedModel) run("radflow.study.coxModel", new CoxModelNode(), inputs(features("f1", "f3")),
                new RecordingContext()).get(RegressionModelNode.OUT_MODEL);
        List<Path> files = model.write(dir, "model");
        FittedModel back = (FittedModel) new ModelPortType().read(files.get(0));
        assertEquals(model.terms(), back.terms());
        assertEquals(model.formula(), back.formula());
        assertEquals(model.baseline().at(30), back.baseline().at(30), 0);
        assertTrue(Files.readString(files.get(1)).startsWith("lp = "), Files.readString(files.get(1)));
    }

    @Test
    void missingClinicalCovariateRowsAreLeftOutAndReported() throws Exception {
        Table s = study();
        String[] grade = new String[s.rowCount()];
        for (int r = 0; r < grade.length; r++) {
            grade[r] = r < 5 ? null : s.column("grade").text(r);
        }
        RecordingContext context = new RecordingContext();
        Map<String, PortObject> out = run("radflow.study.coxModel", new CoxModelNode(),
                Map.of(RegressionModelNode.IN_FEATURES, features("f1"), RegressionModelNode.IN_CLINICAL,
                        s.withColumns(List.of(Column.text("grade", grade)))), context, "covariates", "f1,grade");
        assertEquals(51, ((FittedModel) out.get(RegressionModelNode.OUT_MODEL)).n());
        assertEquals(5, context.failures.size(), context.failures.toString());
        assertTrue(context.failures.get(0).toString().contains("grade"), context.failures.toString());
        Table p = (Table) out.get(RegressionModelNode.OUT_PREDICTIONS);
        assertTrue(Double.isNaN(p.column("lp").number(0)));
    }

    @Test
    void radScoreRiskGroupsAndMaxstatCutpoint() throws Exception {
        Map<String, PortObject> cox = run("radflow.study.coxModel", new CoxModelNode(), inputs(features("f1", "f3")),
                new RecordingContext());
        Map<String, PortObject> rad = run("radflow.study.radScore", new RadScoreNode(), Map.of(RadScoreNode.IN_MODEL,
                cox.get(RegressionModelNode.OUT_MODEL), RadScoreNode.IN_FEATURES, features("f1", "f3"),
                RadScoreNode.IN_CLINICAL, study()), new RecordingContext());
        Table scores = (Table) rad.get(RadScoreNode.OUT_SCORES);
        Table lp = (Table) cox.get(RegressionModelNode.OUT_PREDICTIONS);
        assertEquals(Arrays.toString(lp.column("lp").numbers()), Arrays.toString(scores.column("radscore").numbers()));
        FittedModel radModel = (FittedModel) rad.get(RadScoreNode.OUT_MODEL);
        assertTrue(radModel.formula().matches("radscore = [0-9.e-]+ \\* f1 [+-] [0-9.e-]+ \\* f3"), radModel.formula());
        Map<String, PortObject> groups = run("radflow.study.riskGroups", new RiskGroupNode(), Map.of(RiskGroupNode.IN_MODEL,
                radModel, RiskGroupNode.IN_FEATURES, features("f1", "f3"), RiskGroupNode.IN_CLINICAL, study()), new RecordingContext(),
                "method", "maxstat");
        Table cut = (Table) groups.get(RiskGroupNode.OUT_CUTPOINT);
        assertTrue(conform("riskGroups", "maxstat_cut", cut.column("cutpoint").number(0), 1e-6));
        assertTrue(conform("riskGroups", "maxstat_stat", cut.column("statistic").number(0), 1e-6));
        double c = cut.column("cutpoint").number(0);
        Table g = (Table) groups.get(RiskGroupNode.OUT_GROUPS);
        for (int r = 0; r < g.rowCount(); r++) {
            assertEquals(g.column("radscore").number(r) > c ? "high" : "low", g.column("group").text(r));
        }
        assertEquals(c, ((FittedModel) groups.get(RiskGroupNode.OUT_MODEL)).cutpoints().get("maxstat"), 0);
        Table median = (Table) run("radflow.study.riskGroups", new RiskGroupNode(), Map.of(RiskGroupNode.IN_MODEL, radModel,
                RiskGroupNode.IN_FEATURES, features("f1", "f3"), RiskGroupNode.IN_CLINICAL, study()), new RecordingContext())
                .get(RiskGroupNode.OUT_CUTPOINT);
        double[] train = Arrays.copyOf(scores.column("radscore").numbers(), 56);
        assertEquals(Cutpoints.median(train), median.column("cutpoint").number(0), 0, "training rows are the first 56");
    }

    @Test
    void nomogramPointsEqualTheStatsNomogram() throws Exception {
        FittedModel model = (FittedModel) run("radflow.study.logisticModel", new LogisticModelNode(),
                inputs(features("f1", "f3")), new RecordingContext()).get(RegressionModelNode.OUT_MODEL);
        Map<String, PortObject> out = run("radflow.study.nomogram", new NomogramNode(), Map.of(NomogramNode.IN_MODEL, model,
                NomogramNode.IN_FEATURES, features("f1", "f3"), NomogramNode.IN_CLINICAL, study()), new RecordingContext());
        double[] f1 = trainingValues("f1");
        double[] f3 = trainingValues("f3");
        Nomogram reference = Nomogram.of(model.intercept(), List.of(
                new Nomogram.Predictor("f1", model.terms().get(0).coefficient(), min(f1), max(f1)),
                new Nomogram.Predictor("f3", model.terms().get(1).coefficient(), min(f3), max(f3))), 100);
        Table points = (Table) out.get(NomogramNode.OUT_POINTS);
        for (int r = 0; r < points.rowCount(); r++) {
            String axis = points.column("axis").text(r);
            double value = points.column("value").number(r);
            if (axis.equals("f1")) {
                assertEquals(reference.points(0, value), points.column("points").number(r), 1e-12);
            } else if (axis.equals("Risk")) {
                assertEquals(reference.totalPointsForLogisticRisk(value), points.column("points").number(r), 1e-9);
            }
        }
        Table scores = (Table) out.get(NomogramNode.OUT_SCORES);
        Table s = study();
        assertEquals(reference.totalPoints(s.column("f1").number(3), s.column("f3").number(3)),
                scores.column("total_points").number(3), 1e-9);
    }

    @Test
    void noEventsAmongTrainingRowsIsAClearError() {
        Table clinical = study().withColumns(List.of(Column.numeric("event", new double[80])));
        NodeExecutionException e = assertThrows(NodeExecutionException.class, () -> run("radflow.study.coxModel",
                new CoxModelNode(), Map.of(RegressionModelNode.IN_FEATURES, features("f1"), RegressionModelNode.IN_CLINICAL,
                        clinical), new RecordingContext()));
        assertTrue(e.getMessage().contains("no event"), e.getMessage());
    }

    private static double[][] columns(double[] a, double[] b) {
        double[][] x = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            x[i] = new double[] {a[i], b[i]};
        }
        return x;
    }

    private static double min(double[] x) {
        return Arrays.stream(x).min().orElseThrow();
    }

    private static double max(double[] x) {
        return Arrays.stream(x).max().orElseThrow();
    }
}
