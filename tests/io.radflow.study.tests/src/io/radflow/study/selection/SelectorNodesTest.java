package io.radflow.study.selection;

import static io.radflow.study.StudyFixture.conform;
import static io.radflow.study.StudyFixture.features;
import static io.radflow.study.StudyFixture.ref;
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
import io.radflow.stats.agreement.Correlation;
import io.radflow.stats.agreement.Icc;
import io.radflow.stats.agreement.IccType;
import io.radflow.stats.survival.CoxRegression;
import io.radflow.stats.survival.SurvivalData;
import io.radflow.stats.tables.MannWhitney;
import io.radflow.study.StudyFixture;
import io.radflow.testsupport.RecordingContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SelectorNodesTest {

    private static final List<String> FEATURES = List.of("f1", "f2", "f3", "f5");

    private static Map<String, PortObject> inputs(Table features) {
        return Map.of(SelectorNode.IN_FEATURES, features, SelectorNode.IN_CLINICAL, study());
    }

    private static double cell(Table report, String feature, String column) {
        return report.column(column).number(report.findRow("feature", feature));
    }

    private static List<String> kept(Map<String, PortObject> out) {
        Table t = (Table) out.get(SelectorNode.OUT_FEATURES);
        return t.columnNames().subList(2, t.columnCount());
    }

    @Test
    void iccFilterMatchesPsychAndTheStatsCore() throws Exception {
        Map<String, PortObject> in = Map.of(SelectorNode.IN_FEATURES, features("f1", "f2", "f3", "f5"),
                SelectorNode.IN_CLINICAL, study(), IccFilterNode.IN_SECOND, StudyFixture.reader2());
        Map<String, PortObject> out = run("radflow.study.iccFilter", new IccFilterNode(), in, new RecordingContext(), "form", "ICC3",
                "threshold", "0.75");
        Table report = (Table) out.get(SelectorNode.OUT_REPORT);
        double[] a = trainingValues("f2");
        double[] b = reader2Training("f2");
        double[][] ratings = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            ratings[i] = new double[] {a[i], b[i]};
        }
        assertEquals(Icc.compute(ratings, 0.95).get(IccType.ICC3.ordinal()).icc(), cell(report, "f2", "icc"), 0);
        for (String f : FEATURES) {
            assertTrue(conform("iccFilter", "icc_" + f + "_ICC3", cell(report, f, "icc"), 1e-9));
            assertTrue(conform("iccFilter", "icc_" + f + "_ICC3_lower", cell(report, f, "lower"), 1e-9));
        }
        assertEquals(List.of("f1", "f2", "f5"), kept(out));
        Map<String, PortObject> lower = run("radflow.study.iccFilter", new IccFilterNode(), in, new RecordingContext(), "form",
                "ICC2", "bound", "lower");
        assertEquals(List.of("f1", "f5"), kept(lower), "f2's lower ICC bound is below 0.75");
    }

    private static double[] reader2Training(String column) {
        Table r2 = StudyFixture.reader2();
        Table s = study();
        List<Double> out = new ArrayList<>();
        for (int r = 0; r < s.rowCount(); r++) {
            if (s.column("Set").text(r).equals("train")) {
                out.add(r2.column(column).number(r2.findRow("PatientID", s.column("PatientID").text(r))));
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Test
    void nearZeroVarianceMatchesCaret() throws Exception {
        Map<String, PortObject> out = run("radflow.study.nearZeroVariance", new NearZeroVarianceNode(),
                inputs(features("f1", "f2", "f3", "f4", "f5")), new RecordingContext());
        Table report = (Table) out.get(SelectorNode.OUT_REPORT);
        for (String f : List.of("f1", "f2", "f3", "f4", "f5")) {
            assertTrue(conform("nearZeroVariance", "nzv_" + f + "_freqRatio", cell(report, f, "freqRatio"), 1e-12));
            assertTrue(conform("nearZeroVariance", "nzv_" + f + "_percentUnique", cell(report, f, "percentUnique"), 1e-12));
            assertEquals(ref("nzv_" + f + "_nzv"), 1 - cell(report, f, "kept"), f);
        }
        assertEquals(List.of("f1", "f2", "f3", "f5"), kept(out));
    }

    @Test
    void constantFeatureIsDroppedWithItsReason() throws Exception {
        Table f = features("f1", "f3").withColumns(List.of(Column.numeric("flat", new double[80])));
        Map<String, PortObject> out = run("radflow.study.univariateFilter", new UnivariateFilterNode(), inputs(f),
                new RecordingContext(), "outcomeType", "survival", "test", "cox", "pThreshold", "0.5");
        Table report = (Table) out.get(SelectorNode.OUT_REPORT);
        assertEquals(0, cell(report, "flat", "kept"));
        assertTrue(report.column("reason").text(report.findRow("feature", "flat")).contains("constant"), report.toString());
        assertEquals(List.of("f1", "f3"), kept(out));
    }

    @Test
    void univariateFilterPValuesMatchR() throws Exception {
        Table f = features("f1", "f2", "f3", "f5");
        Table mw = (Table) run("radflow.study.univariateFilter", new UnivariateFilterNode(), inputs(f), new RecordingContext(),
                "pThreshold", "1").get(SelectorNode.OUT_REPORT);
        Table cox = (Table) run("radflow.study.univariateFilter", new UnivariateFilterNode(), inputs(f), new RecordingContext(),
                "outcomeType", "survival", "test", "cox").get(SelectorNode.OUT_REPORT);
        double[] x = trainingValues("f1");
        double[] mvi = trainingValues("mvi");
        double[][] byClass = UnivariateTest.byClass(x, mvi);
        assertEquals(MannWhitney.test(byClass[1], byClass[0]).p(), cell(mw, "f1", "p"), 0);
        double p = new CoxRegression(CoxRegression.Ties.EFRON).fit(SurvivalData.ofNumeric(trainingValues("time_months"),
                trainingValues("event"), null), UnivariateTest.column(x), List.of("f1")).table().get(0).p();
        assertEquals(p, cell(cox, "f1", "p"), 0);
        for (String name : FEATURES) {
            assertTrue(conform("univariateFilter", "mw_p_" + name, cell(mw, name, "p"), 1e-9));
            assertTrue(conform("univariateFilter", "cox_p_" + name, cell(cox, name, "p"), 1e-6));
        }
    }

    @Test
    void keepingNoFeatureFailsWithTheBestPValue() {
        NodeExecutionException e = assertThrows(NodeExecutionException.class, () -> run("radflow.study.univariateFilter",
                new UnivariateFilterNode(), inputs(features("f2", "f5")), new RecordingContext(), "pThreshold", "0.01"));
        assertTrue(e.getMessage().contains("No feature of 2 was kept") && e.getMessage().contains("smallest mannWhitney"),
                e.getMessage());
    }

    @Test
    void correlationPruningKeepsTheMoreRelevantOfACorrelatedPair() throws Exception {
        Map<String, PortObject> out = run("radflow.study.correlationPruning", new CorrelationPruningNode(),
                inputs(features("f1", "f2", "f3", "f5")), new RecordingContext(), "outcomeType", "survival", "test", "cox",
                "method", "pearson", "threshold", "0.8");
        Table report = (Table) out.get(SelectorNode.OUT_REPORT);
        int row = report.findRow("feature", "f2");
        assertEquals("f1", report.column("correlated_with").text(row), "f1 has the smaller Cox p");
        assertEquals(Correlation.pearson(trainingValues("f2"), trainingValues("f1"), 0.95).estimate(),
                report.column("r").number(row), 1e-15);
        assertEquals(List.of("f1", "f3", "f5"), kept(out));
        Table auto = (Table) run("radflow.study.correlationPruning", new CorrelationPruningNode(),
                inputs(features("f1", "f2", "f3", "f5")), new RecordingContext(), "outcomeType", "survival", "test", "cox")
                .get(SelectorNode.OUT_REPORT);
        assertTrue(cell(auto, "f5", "shapiro_p") < 0.05, "f5 is exponential");
    }

    @Test
    void stepwiseCoxMatchesStepAicAndLogisticKeepsNothing() throws Exception {
        Map<String, PortObject> out = run("radflow.study.stepwise", new StepwiseNode(), inputs(features("f1", "f2", "f3",
                "f5")), new RecordingContext(), "outcomeType", "survival");
        for (String f : FEATURES) {
            assertEquals(ref("stepwise_cox_aic_" + f) == 1, kept(out).contains(f), f);
        }
        NodeExecutionException e = assertThrows(NodeExecutionException.class, () -> run("radflow.study.stepwise",
                new StepwiseNode(), inputs(features("f1", "f2", "f3", "f5")), new RecordingContext()));
        assertEquals(0, ref("stepwise_aic_f1"), "R's stepAIC also drops every term");
        assertTrue(e.getMessage().contains("prefers the model without covariates"), e.getMessage());
    }

    @Test
    void mrmrMatchesThePublishedFormulaInR() throws Exception {
        Map<String, PortObject> out = run("radflow.study.mrmr", new MrmrNode(), inputs(features("f1", "f2", "f3", "f5")),
                new RecordingContext(), "count", "3");
        Table report = (Table) out.get(SelectorNode.OUT_REPORT);
        for (String f : List.of("f1", "f5", "f3")) {
            assertTrue(conform("mrmr", "mrmr_relevance_" + f, cell(report, f, "relevance"), 1e-12));
            assertEquals(ref("mrmr_rank_" + f), cell(report, f, "rank"), f);
        }
        assertEquals(List.of("f1", "f3", "f5"), kept(out));
    }

    @Test
    void noEventsInTheTrainingRowsIsAClearError() {
        Table clinical = study().withColumns(List.of(Column.numeric("event", new double[80])));
        NodeExecutionException e = assertThrows(NodeExecutionException.class, () -> run("radflow.study.univariateFilter",
                new UnivariateFilterNode(), Map.of(SelectorNode.IN_FEATURES, features("f1"), SelectorNode.IN_CLINICAL,
                        clinical), new RecordingContext(), "outcomeType", "survival", "test", "cox"));
        assertTrue(e.getMessage().contains("no event") && e.getMessage().contains("all censored"), e.getMessage());
    }

    @Test
    void withoutSetColumnTheSelectorAsksForASplit() {
        NodeExecutionException e = assertThrows(NodeExecutionException.class, () -> run("radflow.study.nearZeroVariance",
                new NearZeroVarianceNode(), Map.of(SelectorNode.IN_FEATURES, features("f1")), new RecordingContext()));
        assertTrue(e.getMessage().contains("radflow.study.split"), e.getMessage());
    }

    @Test
    void selectorsLookAtTrainingRowsOnly() throws Exception {
        double[] f1 = study().column("f1").numbers();
        Table s = study();
        for (int r = 0; r < f1.length; r++) {
            if (s.column("Set").text(r).equals("test")) {
                f1[r] = 1e6 * r;
            }
        }
        Table changed = features("f1", "f2", "f3", "f5").withColumns(List.of(Column.numeric("f1", f1)));
        Table a = (Table) run("radflow.study.univariateFilter", new UnivariateFilterNode(), inputs(changed), new RecordingContext(),
                "outcomeType", "survival", "test", "cox").get(SelectorNode.OUT_REPORT);
        assertTrue(conform("univariateFilter", "cox_p_f1", cell(a, "f1", "p"), 1e-6), "test rows must not matter");
    }
}
