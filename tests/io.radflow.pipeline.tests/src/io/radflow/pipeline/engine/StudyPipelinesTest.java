package io.radflow.pipeline.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.core.data.Table;
import io.radflow.pipeline.model.Pipeline;
import io.radflow.pipeline.model.io.PipelineFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The five study pipelines of {@code examples/} (issue 8) end to end on the demo cohort with the installed node
 * types: each {@code .radflow} is the import of its {@code .yaml} (the readable source), the run succeeds, every
 * evaluation node wrote its table and figures, the numbers are sane (AUC and C-index in [0, 1], every CI contains
 * its estimate, Kaplan-Meier curves non-increasing, ROC(t) curves monotone in [0, 1], p values in [0, 1], calibration
 * points in [0, 1]), the study 2 and 5 survival comparison, calibration and decision-curve outputs exist, the run
 * report is there, and the
 * signal the demo generator plants (tumour heterogeneity h drives survival, mvi and grade) is found.
 *
 * <p>To regenerate the {@code .radflow} files after editing a YAML file, run with
 * {@code -Dtycho.testArgLine=-Dradflow.examples.write=true}. The surefire report gives each study's run time; the test
 * asserts nothing about speed (docs/study-nodes.md lists typical times).
 */
class StudyPipelinesTest {

    static NodeTypeRegistry registry;
    static Path examples;
    static Path cache;
    static Path output;

    @BeforeAll
    static void setUp() throws Exception {
        registry = NodeTypeRegistry.fromPlatform();
        examples = Path.of(System.getProperty("radflow.repo.root"), "examples");
        output = Path.of(System.getProperty("radflow.test.output")).resolve("studies");
        cache = Path.of(System.getProperty("radflow.test.output")).resolve("cache");
        Files.createDirectories(cache);
    }

    /** Figures each evaluation node type writes. */
    private static final Map<String, List<String>> FIGURES = Map.ofEntries(
            Map.entry("radflow.evaluation.roc", List.of("figure")),
            Map.entry("radflow.evaluation.timeDependentAuc", List.of("figure", "rocFigure")),
            Map.entry("radflow.evaluation.concordance", List.of("figure")),
            Map.entry("radflow.evaluation.calibration", List.of("figure")),
            Map.entry("radflow.evaluation.decisionCurve", List.of("figure")),
            Map.entry("radflow.evaluation.kaplanMeier", List.of("figure")),
            Map.entry("radflow.evaluation.ratioTable", List.of("figure")),
            Map.entry("radflow.evaluation.tableOne", List.of()),
            Map.entry("radflow.evaluation.subgroup", List.of("figure")),
            Map.entry("radflow.evaluation.radScorePlots", List.of("waterfall", "boxplot")),
            Map.entry("radflow.evaluation.correlation", List.of("figure")),
            Map.entry("radflow.validation.internal", List.of("figure")),
            Map.entry("radflow.evaluation.lassoPlots", List.of("cvPlot", "pathPlot")),
            Map.entry("radflow.evaluation.nomogramPlot", List.of("figure")));

    /** Evaluation node types that write figures only, no result table. */
    private static final List<String> FIGURES_ONLY = List.of("radflow.evaluation.lassoPlots",
            "radflow.evaluation.nomogramPlot");

    @ParameterizedTest
    @ValueSource(strings = {"study1-intra-peritumoural", "study2-liver-parenchyma-external", "study3-ct-mri-nomogram",
            "study4-resampled-filtered-grade", "study5-reproducible-combined-nomogram"})
    void studyRunsAndFindsThePlantedSignal(String study) throws Exception {
        Path xmi = examples.resolve(study + ".radflow");
        Pipeline fromYaml = PipelineFiles.load(examples.resolve(study + ".yaml"));
        if (Boolean.getBoolean("radflow.examples.write")) {
            PipelineFiles.save(fromYaml, xmi);
        }
        assertEquals(PipelineFiles.toXmiString(fromYaml), Files.readString(xmi, StandardCharsets.UTF_8),
                xmi + " is not the import of " + study + ".yaml; regenerate it");

        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int code = io.radflow.cli.RadflowCli.execute(new String[] {"validate", xmi.toString()}, () -> registry,
                new java.io.PrintStream(new java.io.ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, "radflow-cli validate " + xmi + ": " + err.toString(StandardCharsets.UTF_8));

        Path out = output.resolve(study);
        Pipeline pipeline = PipelineFiles.load(xmi);
        RunResult result = new PipelineExecutor(registry).execute(pipeline, new RunOptions(examples, cache, out, xmi),
                RunMonitor.NONE);
        assertEquals(RunStatus.SUCCEEDED, result.status(), result.nodes().stream()
                .filter(n -> n.status() != NodeStatus.SUCCEEDED).map(n -> n.nodeId() + ": " + n.error()).toList().toString());

        String report = Files.readString(out.resolve(PipelineExecutor.REPORT_FILE));
        assertTrue(report.contains("data:image/png;base64,") && report.contains("<svg"), "figures inlined in report.html");
        int evaluations = 0;
        for (var node : pipeline.getNodes()) {
            List<String> figures = FIGURES.get(node.getTypeId());
            if (figures == null) {
                continue;
            }
            evaluations++;
            Path dir = out.resolve(node.getId());
            if (!FIGURES_ONLY.contains(node.getTypeId())) {
                Table table = Table.readCsv(dir.resolve("table.csv"));
                assertTrue(table.rowCount() > 0, node.getId() + ": empty table");
            }
            for (String figure : figures) {
                assertTrue(Files.size(dir.resolve(figure + ".png")) > 1000, node.getId() + "/" + figure + ".png");
                assertTrue(Files.readString(dir.resolve(figure + ".svg")).contains("<svg"), node.getId() + "/" + figure + ".svg");
            }
            assertTrue(report.contains(node.getId()), "report lists " + node.getId());
        }
        assertTrue(evaluations >= 2, study + " has " + evaluations + " evaluation nodes");
        try (Stream<Path> files = Files.walk(out)) {
            for (Path csv : files.filter(f -> f.toString().endsWith(".csv")).toList()) {
                checkSanity(Table.readCsv(csv), out.relativize(csv).toString());
            }
        }
        plantedSignal(study, out);
        if (study.matches("study[345]-.*")) {
            assertTrue(pipeline.getNodes().stream().anyMatch(n -> n.getTypeId().equals("radflow.evaluation.lassoPlots")),
                    study + " plots its LASSO");
            assertTrue(report.contains("lassoPlots"), "report.html lists the LASSO plots");
        }
    }

    /** Estimates in range, CIs around their estimates, KM curves non-increasing, calibration points in [0, 1]. */
    private static void checkSanity(Table t, String file) {
        if (t.hasColumn("metric") && t.hasColumn("apparent") && t.hasColumn("corrected")) {
            // internal validation: AUC and C-index in [0, 1] (corrected <= apparent is not guaranteed with selection)
            for (int r = 0; r < t.rowCount(); r++) {
                String metric = t.column("metric").text(r);
                assertTrue(t.column("ok").number(r) + t.column("failed").number(r) > 0, file + ": no replicate");
                for (String q : List.of("apparent", "corrected")) {
                    double v = t.column(q).number(r);
                    if (metric.equals("auc") || metric.equals("cindex")) {
                        assertTrue(Double.isNaN(v) && q.equals("corrected") || v >= 0 && v <= 1, file + ": " + metric + " "
                                + q + " = " + v);
                    }
                }
            }
        }
        for (String unit : List.of("auc", "c_index", "auc1", "auc2")) {
            if (t.hasColumn(unit)) {
                for (double v : t.column(unit).numbers()) {
                    assertTrue(Double.isNaN(v) || v >= 0 && v <= 1, file + ": " + unit + " = " + v);
                }
            }
        }
        if (t.hasColumn("lower") && t.hasColumn("upper")) {
            String estimate = Stream.of("auc", "c_index", "hr", "or", "estimate", "difference", "delta", "survival", "icc",
                    "coefficient", "observed")
                    .filter(t::hasColumn).findFirst().orElse(null);
            if (estimate != null && t.column(estimate).isNumeric()) {
                for (int r = 0; r < t.rowCount(); r++) {
                    double e = t.column(estimate).number(r);
                    double lo = t.column("lower").number(r);
                    double hi = t.column("upper").number(r);
                    if (Double.isFinite(e) && Double.isFinite(lo) && Double.isFinite(hi)) {
                        assertTrue(lo <= e + 1e-12 && e <= hi + 1e-12, file + " row " + (r + 1) + ": " + estimate + " " + e
                                + " outside [" + lo + ", " + hi + "]");
                    }
                }
            }
        }
        if (t.hasColumn("median") && t.hasColumn("median_lower") && t.hasColumn("median_upper")) {
            for (int r = 0; r < t.rowCount(); r++) {
                double m = t.column("median").number(r);
                double lo = t.column("median_lower").number(r);
                double hi = t.column("median_upper").number(r);
                assertTrue(Double.isNaN(lo) || lo <= m, file + " row " + (r + 1) + ": median " + m + " below its lower limit " + lo);
                assertTrue(Double.isNaN(hi) || m <= hi, file + " row " + (r + 1) + ": median " + m + " above its upper limit " + hi);
            }
        }
        if (t.hasColumn("n_risk") && t.hasColumn("survival")) {
            for (int r = 1; r < t.rowCount(); r++) {
                double s = t.column("survival").number(r);
                assertTrue(Double.isNaN(s) || s >= 0 && s <= 1, file + ": S = " + s);
                if (!Double.isNaN(s) && t.column("group").text(r).equals(t.column("group").text(r - 1))) {
                    assertTrue(s <= t.column("survival").number(r - 1) + 1e-12, file + ": KM increases at row " + (r + 1));
                    assertTrue(t.column("n_risk").number(r) <= t.column("n_risk").number(r - 1), file + ": n at risk grows");
                }
            }
        }
        if (t.hasColumn("true_positive") && t.hasColumn("false_positive")) {
            for (int r = 0; r < t.rowCount(); r++) {
                double tp = t.column("true_positive").number(r);
                double fp = t.column("false_positive").number(r);
                assertTrue(tp >= 0 && tp <= 1 && fp >= 0 && fp <= 1, file + " row " + (r + 1) + ": ROC point outside [0, 1]");
                boolean sameCurve = r > 0 && t.column("score").text(r).equals(t.column("score").text(r - 1))
                        && t.column("time").number(r) == t.column("time").number(r - 1);
                if (sameCurve) {
                    assertTrue(tp <= t.column("true_positive").number(r - 1) && fp <= t.column("false_positive").number(r - 1),
                            file + " row " + (r + 1) + ": ROC(t) curve not monotone in the threshold");
                }
            }
        }
        if (t.hasColumn("p") && t.column("p").isNumeric()) {
            for (double v : t.column("p").numbers()) {
                assertTrue(Double.isNaN(v) || v >= 0 && v <= 1, file + ": p = " + v);
            }
        }
        for (String point : List.of("predicted", "observed", "apparent", "brier")) {
            if (t.hasColumn(point) && t.column(point).isNumeric() && (file.contains("calibration") || point.equals("brier"))) {
                for (double v : t.column(point).numbers()) {
                    assertTrue(Double.isNaN(v) || v >= 0 && v <= 1, file + ": " + point + " = " + v);
                }
            }
        }
    }

    /**
     * PyRadiomics' full feature set on the 20 images of study 4 (original + 19 filtered, as in the HCC studies): shape
     * (14) on the original image only, first-order 18, GLCM 24, GLRLM 16, GLSZM 16, GLDM 14 and NGTDM 5 on each image;
     * 1,874 features in all (the count HccExtractionTest states for PyRadiomics' extractor).
     */
    private static final Map<String, Integer> PYRADIOMICS_FULL_SET = Map.of("shape", 14, "firstorder", 18 * 20,
            "glcm", 24 * 20, "glrlm", 16 * 20, "glszm", 16 * 20, "gldm", 14 * 20, "ngtdm", 5 * 20);

    /**
     * Feature columns of a joined feature table by family, read from the PyRadiomics column name
     * {@code <imageType>_<family>_<feature>}; shape counts only on the original image. Every column other than
     * PatientID and Set counts, so a column of another kind shows up under its own key and fails the comparison.
     */
    private static Map<String, Integer> featureColumnsByFamily(Table features) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String name : features.columnNames()) {
            if (name.equals("PatientID") || name.equals("Set")) {
                continue;
            }
            String[] parts = name.split("_", 3);
            String family = parts.length < 3 ? name
                    : parts[1].equals("shape") && !parts[0].equals("original") ? parts[0] + "_shape" : parts[1];
            counts.merge(family, 1, Integer::sum);
        }
        return counts;
    }

    private static double cell(Path out, String file, String keyColumn, String key, String column) throws IOException {
        Table t = Table.readCsv(out.resolve(file));
        for (int r = 0; r < t.rowCount(); r++) {
            if (t.column(keyColumn).text(r).equals(key)) {
                return t.column(column).number(r);
            }
        }
        throw new AssertionError(file + " has no row " + keyColumn + " = " + key);
    }

    private static List<String> kept(Path out, String node) throws IOException {
        Table report = Table.readCsv(out.resolve(node + "/report.csv"));
        List<String> kept = new ArrayList<>();
        for (int r = 0; r < report.rowCount(); r++) {
            if (report.column("kept").number(r) == 1) {
                kept.add(report.column("feature").text(r));
            }
        }
        return kept;
    }

    /**
     * The generator drives survival, mvi and grade by the tumour's latent heterogeneity h (and radius), which scales the
     * tumour's grey-level spread (DemoCohortGenerator javadoc): tumour-derived scores must carry it.
     */
    private static void plantedSignal(String study, Path out) throws IOException {
        switch (study) {
            case "study1-intra-peritumoural" -> {
                assertTrue(kept(out, "lasso_intra").stream().allMatch(f -> f.startsWith("intra_")));
                double lower = cell(out, "roc_train/table.csv", "score", "radscore_intra", "lower");
                assertTrue(lower > 0.5, "training AUC of the intratumoural Rad-score for mvi: lower bound " + lower);
                double auc = cell(out, "roc_test/table.csv", "score", "radscore_intra", "auc");
                assertTrue(auc > 0.6, "validation AUC of the intratumoural Rad-score: " + auc);
            }
            case "study2-liver-parenchyma-external" -> {
                assertTrue(kept(out, "lasso").stream().noneMatch(f -> f.startsWith("liver_")),
                        "the liver parenchyma carries no planted signal: " + kept(out, "lasso"));
                double p = cell(out, "hazardRatios/table.csv", "variable", "radscore", "p");
                double hr = cell(out, "hazardRatios/table.csv", "variable", "radscore", "hr");
                assertTrue(hr > 1 && p < 0.05, "univariate HR of the Rad-score " + hr + ", p " + p);
                double c = cell(out, "byCentre/table.csv", "subgroup", "overall", "lower");
                assertTrue(c > 0.5, "C-index of the Rad-score over all centres: lower bound " + c);
                Table comparison = Table.readCsv(out.resolve("timeAuc/comparison.csv"));
                assertEquals(2, comparison.rowCount(), "radscore vs tumour size at 6 and 12 months");
                assertTrue(comparison.hasColumn("delta") && comparison.hasColumn("p"), "paired comparison table");
                assertTrue(Table.readCsv(out.resolve("calibration12/curve.csv")).rowCount() > 1, "calibration at 12 months");
            }
            case "study3-ct-mri-nomogram" -> {
                double lower = cell(out, "cindex/table.csv", "score", "radscore", "lower");
                assertTrue(lower > 0.5, "validation C-index of the Rad-score: lower bound " + lower);
                assertTrue(Table.readCsv(out.resolve("nomogram/points.csv")).rowCount() > 0);
            }
            case "study4-resampled-filtered-grade" -> {
                assertEquals(PYRADIOMICS_FULL_SET, featureColumnsByFamily(Table.readCsv(out.resolve("features/table.csv"))),
                        "feature columns entering the selection by family (PyRadiomics' full set on 20 images: 1,874)");
                double r = cell(out, "gradeCorrelation/table.csv", "variable1", "radscore", "r");
                double p = cell(out, "gradeCorrelation/table.csv", "variable1", "radscore", "p");
                assertTrue(r > 0.3 && p < 0.01, "Spearman of Rad-score and grade: r " + r + ", p " + p);
            }
            case "study5-reproducible-combined-nomogram" -> {
                double lower = cell(out, "cindex/table.csv", "score", "radscore", "lower");
                assertTrue(lower > 0.5, "validation C-index of the Rad-score: lower bound " + lower);
                assertTrue(Table.readCsv(out.resolve("lasso/cv.csv")).rowCount() > 5, "CV curve for the CV plot");
                assertEquals(9, Table.readCsv(out.resolve("timeAuc/comparison.csv")).rowCount(), "3 pairs x 3 horizons");
                assertTrue(Table.readCsv(out.resolve("calibration12/curve.csv")).rowCount() > 1, "calibration at 12 months");
                Table dca = Table.readCsv(out.resolve("decisionCurve12/table.csv"));
                assertTrue(dca.hasColumn("net_benefit_survival_12") && dca.hasColumn("treat_all"), "survival decision curve");
            }
            default -> throw new AssertionError(study);
        }
    }
}
