package io.radflow.evaluation;

import io.radflow.charts.BoxPlotChart;
import io.radflow.charts.data.GroupedValues;
import io.radflow.core.data.Cohort;
import io.radflow.core.data.Column;
import io.radflow.core.data.Table;
import io.radflow.core.node.CanceledExecutionException;
import io.radflow.core.node.ChainRunner;
import io.radflow.core.node.ExecutionContext;
import io.radflow.core.node.NodeExecutionException;
import io.radflow.core.node.NodeImplementation;
import io.radflow.core.node.NodeInputs;
import io.radflow.core.node.Parameters;
import io.radflow.core.port.PortObject;
import io.radflow.stats.bootstrap.Bootstrap;
import io.radflow.stats.evaluation.Calibration;
import io.radflow.stats.evaluation.Concordance;
import io.radflow.stats.evaluation.RocAnalysis;
import io.radflow.stats.regression.LogisticRegression;
import io.radflow.stats.survival.SurvivalData;
import io.radflow.study.data.Outcome;
import io.radflow.study.data.StudyData;
import io.radflow.study.model.FittedModel;
import io.radflow.study.models.ModelDesign;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Node {@code radflow.validation.internal}: internal validation of the <em>whole</em> selection and fitting chain
 * between the node's {@value #IN_TABLE} input (the training table the chain starts from) and its {@value #IN_MODEL}
 * input (the model the chain ends in). Every bootstrap sample or cross-validation fold re-runs the chain (feature
 * selection included) through the engine's {@link ChainRunner}, so the estimate includes the optimism of selection
 * (Harrell FE, Regression Modeling Strategies, 2nd ed., 2015, 5.3.5; Steyerberg EW, Clinical Prediction Models, 2nd
 * ed., 2019, ch. 17); validating only the final model would not.
 *
 * <p>The rows are the training rows of {@value #IN_TABLE} ({@code Set = train}, read from {@value #IN_TABLE}, else
 * from {@value #IN_DATA} through the patient id, as {@link StudyData} does). Predictors and the outcome are read from {@value #IN_TABLE}, else from {@value #IN_DATA} (optional, joined
 * on the patient id: e.g. the clinical table with the outcome, or the table of every candidate feature a refitted
 * model may choose); the outcome parameters are those of the study nodes ({@code outcomeType}, {@code outcome} or
 * {@code time}/{@code event}). Steps that transform the predictors (z-score) belong before the table input, since the
 * refitted models are applied to the columns as they are there.
 * <ul>
 * <li>{@code bootstrap} (Efron-Gong optimism bootstrap as {@code rms::validate}): for {@code b = 1..B} draw n rows
 * with replacement ({@link Bootstrap#resamples}, seeded), refit the chain on them (a patient drawn k times appears k
 * times, renamed {@code <id>#boot<k>} for k &gt; 1), and take {@code optimism_b = perf(model_b, sample_b) -
 * perf(model_b, original rows)}; {@code optimism = mean_b optimism_b}, {@code corrected = apparent - optimism}, with
 * {@code apparent = perf(model, original rows)}.</li>
 * <li>{@code repeatedCv}: {@code repeats} times, split the rows into {@code folds} folds (stratified by the binary
 * outcome or the event indicator), refit the chain on all folds but one and measure on the held-out fold; {@code
 * cvMean} and {@code cvSD} over folds x repeats, {@code corrected = cvMean}, {@code optimism = apparent -
 * cvMean}.</li>
 * </ul>
 * Metrics: {@code auc} (Mann-Whitney AUC of the linear predictor, pROC {@code auc}), {@code brier} (mean squared
 * error of the logistic risk), {@code slope} (calibration slope, the coefficient of {@code glm(y ~ lp, binomial)});
 * {@code cindex} (Harrell's C of the Cox linear predictor, {@code survival::concordance(reverse = TRUE)}). A replicate
 * whose chain fails (no events, no feature kept, ...) or whose metric cannot be computed (one class in a fold) is
 * counted in {@code failed} and listed with its reason in {@value #OUT_FAILURES}; the run goes on. Outputs
 * {@value #OUT_TABLE} (metric, apparent, optimism, corrected, cvMean, cvSD, ok, failed), {@value #OUT_FAILURES} and
 * {@value #OUT_FIGURE} (box plots of the per-replicate optimism, or of the per-fold performance).
 */
public final class InternalValidationNode implements NodeImplementation {

    public static final String IN_TABLE = "table";
    public static final String IN_MODEL = "model";
    public static final String IN_DATA = "data";
    public static final String OUT_TABLE = "table";
    public static final String OUT_FAILURES = "failures";
    public static final String OUT_FIGURE = "figure";
    public static final String P_METHOD = "method";
    public static final String P_REPLICATES = "replicates";
    public static final String P_FOLDS = "folds";
    public static final String P_REPEATS = "repeats";
    public static final String P_SEED = "seed";
    public static final String P_METRICS = "metrics";
    /** Id suffix of the k-th copy (k &gt; 1) of a patient in a bootstrap sample. */
    public static final String COPY_MARK = "#boot";

    private static final String LABEL = "Internal validation";

    /** A performance measure of a linear predictor. */
    enum Metric {
        AUC("auc", false), BRIER("brier", false), SLOPE("slope", false), CINDEX("cindex", true);

        final String key;
        final boolean survival;

        Metric(String key, boolean survival) {
            this.key = key;
            this.survival = survival;
        }

        /** The metric of linear predictors {@code lp} against the outcome ({@code y}, {@code event}). */
        double of(double[] lp, double[] y, double[] event) {
            return switch (this) {
                case AUC -> RocAnalysis.of(lp, y).auc();
                case BRIER -> {
                    double[] p = new double[lp.length];
                    for (int i = 0; i < p.length; i++) {
                        p[i] = FittedModel.logisticRisk(lp[i]);
                    }
                    yield Calibration.brier(p, y);
                }
                case SLOPE -> {
                    double[][] x = new double[lp.length][];
                    for (int i = 0; i < lp.length; i++) {
                        x[i] = new double[] {lp[i]};
                    }
                    yield new LogisticRegression().fit(y, x, List.of("lp")).coefficients()[1];
                }
                case CINDEX -> Concordance.harrell(SurvivalData.ofNumeric(y, event, null), lp).concordance();
            };
        }
    }

    @Override
    public void validate(Parameters parameters) {
        Outcome outcome = Outcome.from(parameters);
        metrics(parameters, outcome);
        String method = parameters.getString(P_METHOD, "bootstrap");
        if (!method.equals("bootstrap") && !method.equals("repeatedCv")) {
            throw new IllegalArgumentException("parameter '" + P_METHOD + "' must be bootstrap or repeatedCv, got '" + method
                    + "'");
        }
    }

    @Override
    public Map<String, PortObject> execute(NodeInputs inputs, Parameters parameters, ExecutionContext context)
            throws NodeExecutionException, CanceledExecutionException {
        validate(parameters);
        ChainRunner chain = context.chain().orElseThrow(() -> new NodeExecutionException(LABEL + ": no chain to refit;"
                + " the node runs in the pipeline engine with its inputs '" + IN_TABLE + "' and '" + IN_MODEL
                + "' connected to the start and the end of the selection and fitting chain"));
        Outcome outcome = Outcome.from(parameters);
        List<Metric> metrics = metrics(parameters, outcome);
        Table source = inputs.get(IN_TABLE, Table.class);
        FittedModel model = inputs.get(IN_MODEL, FittedModel.class);
        FittedModel.Family expected = outcome.isSurvival() ? FittedModel.Family.COX : FittedModel.Family.LOGISTIC;
        if (model.family() != expected) {
            throw new NodeExecutionException(LABEL + ": the model is a " + model.family() + " model but the outcome is "
                    + outcome.describe() + "; a " + expected + " model is needed");
        }
        Rows rows = Rows.of(source, inputs.has(IN_DATA) ? inputs.get(IN_DATA, Table.class) : null, outcome,
                context);
        context.log("refitting the chain " + chain.nodeIds() + " on " + rows.size() + " training rows");
        double[] apparent = new double[metrics.size()];
        double[] lp = rows.linearPredictors(model);
        for (int m = 0; m < metrics.size(); m++) {
            try {
                apparent[m] = rows.metric(metrics.get(m), lp, rows.all());
            } catch (IllegalArgumentException e) {
                throw new NodeExecutionException(LABEL + ": apparent " + metrics.get(m).key + " of the model: "
                        + e.getMessage(), e);
            }
        }
        Replicates result = parameters.getString(P_METHOD, "bootstrap").equals("bootstrap")
                ? bootstrap(chain, rows, metrics, parameters, context)
                : repeatedCv(chain, rows, metrics, outcome, parameters, context);
        return outputs(metrics, apparent, result, parameters, context);
    }

    private static List<Metric> metrics(Parameters parameters, Outcome outcome) {
        List<Metric> out = new ArrayList<>();
        String list = parameters.getString(P_METRICS, "");
        for (String part : list.split(",")) {
            String key = part.trim().toLowerCase(Locale.ROOT);
            if (key.isEmpty()) {
                continue;
            }
            Metric metric = Arrays.stream(Metric.values()).filter(m -> m.key.equals(key)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("parameter '" + P_METRICS + "': unknown metric '" + key
                            + "' (auc, brier, slope for a binary outcome; cindex for survival)"));
            if (metric.survival != outcome.isSurvival()) {
                throw new IllegalArgumentException("parameter '" + P_METRICS + "': metric '" + key + "' does not apply to a "
                        + outcome.describe());
            }
            out.add(metric);
        }
        if (out.isEmpty()) {
            Arrays.stream(Metric.values()).filter(m -> m.survival == outcome.isSurvival()).forEach(out::add);
        }
        return out;
    }

    /** Harrell's optimism bootstrap. */
    private static Replicates bootstrap(ChainRunner chain, Rows rows, List<Metric> metrics, Parameters parameters,
            ExecutionContext context) throws NodeExecutionException, CanceledExecutionException {
        int replicates = parameters.getInt(P_REPLICATES);
        int[][] samples = Bootstrap.resamples(rows.size(), replicates, parameters.getInt(P_SEED));
        Replicates result = new Replicates(metrics.size());
        for (int b = 0; b < replicates; b++) {
            context.checkCanceled();
            context.progress((double) b / replicates, "bootstrap replicate " + (b + 1) + " of " + replicates);
            String name = "bootstrap " + (b + 1);
            FittedModel refitted = refit(chain, rows.sample(samples[b]), rows, result, name);
            if (refitted == null) {
                continue;
            }
            double[] lp = rows.linearPredictors(refitted);
            for (int m = 0; m < metrics.size(); m++) {
                try {
                    double onSample = rows.metric(metrics.get(m), lp, samples[b]);
                    double onOriginal = rows.metric(metrics.get(m), lp, rows.all());
                    result.ok(m, onSample - onOriginal);
                } catch (IllegalArgumentException e) {
                    result.failed(m, name, metrics.get(m).key, e.getMessage());
                }
            }
        }
        return result;
    }

    /** Repeated (stratified) k-fold cross-validation. */
    private static Replicates repeatedCv(ChainRunner chain, Rows rows, List<Metric> metrics, Outcome outcome,
            Parameters parameters, ExecutionContext context) throws NodeExecutionException, CanceledExecutionException {
        int folds = parameters.getInt(P_FOLDS);
        int repeats = parameters.getInt(P_REPEATS);
        if (folds < 2 || folds > rows.size()) {
            throw new NodeExecutionException(LABEL + ": parameter '" + P_FOLDS + "' must be between 2 and the " + rows.size()
                    + " training rows, got " + folds);
        }
        SplittableRandom random = new SplittableRandom(parameters.getInt(P_SEED));
        Replicates result = new Replicates(metrics.size());
        for (int r = 0; r < repeats; r++) {
            int[] fold = rows.stratifiedFolds(folds, random.split(), outcome.isSurvival());
            for (int f = 0; f < folds; f++) {
                context.checkCanceled();
                context.progress((double) (r * folds + f) / (repeats * folds), "repeat " + (r + 1) + ", fold " + (f + 1));
                String name = "repeat " + (r + 1) + " fold " + (f + 1);
                List<Integer> train = new ArrayList<>();
                List<Integer> test = new ArrayList<>();
                for (int i = 0; i < fold.length; i++) {
                    (fold[i] == f ? test : train).add(i);
                }
                int[] trainRows = train.stream().mapToInt(Integer::intValue).toArray();
                int[] testRows = test.stream().mapToInt(Integer::intValue).toArray();
                FittedModel refitted = refit(chain, rows.sample(trainRows), rows, result, name);
                if (refitted == null) {
                    continue;
                }
                double[] lp = rows.linearPredictors(refitted);
                for (int m = 0; m < metrics.size(); m++) {
                    try {
                        result.ok(m, rows.metric(metrics.get(m), lp, testRows));
                    } catch (IllegalArgumentException e) {
                        result.failed(m, name, metrics.get(m).key, e.getMessage());
                    }
                }
            }
        }
        return result;
    }

    /** The refitted model, or {@code null} after recording the failure of the replicate. */
    private static FittedModel refit(ChainRunner chain, Sample sample, Rows rows, Replicates result, String name)
            throws NodeExecutionException, CanceledExecutionException {
        PortObject refitted;
        try {
            refitted = chain.refit(sample.table(), sample.copies());
        } catch (NodeExecutionException e) {
            result.failedAll(name, e.getMessage());
            return null;
        }
        if (!(refitted instanceof FittedModel model)) {
            throw new NodeExecutionException(LABEL + ": the chain ends in " + refitted.portTypeId() + ", not a model");
        }
        rows.checkColumns(model);
        return model;
    }

    private static Map<String, PortObject> outputs(List<Metric> metrics, double[] apparent, Replicates result,
            Parameters parameters, ExecutionContext context) {
        boolean bootstrap = parameters.getString(P_METHOD, "bootstrap").equals("bootstrap");
        ResultTable table = new ResultTable();
        List<GroupedValues.Group> groups = new ArrayList<>();
        for (int m = 0; m < metrics.size(); m++) {
            double[] values = result.values(m);
            double mean = Arrays.stream(values).average().orElse(Double.NaN);
            double sd = sd(values, mean);
            ResultTable.Row row = table.row().put("metric", metrics.get(m).key).put("method", bootstrap ? "bootstrap"
                    : "repeatedCv").put("apparent", apparent[m]);
            if (bootstrap) {
                row.put("optimism", mean).put("corrected", apparent[m] - mean).put("cvMean", Double.NaN)
                        .put("cvSD", Double.NaN);
            } else {
                row.put("optimism", apparent[m] - mean).put("corrected", mean).put("cvMean", mean).put("cvSD", sd);
            }
            row.put("ok", values.length).put("failed", result.failedCount(m));
            if (values.length > 0) {
                groups.add(new GroupedValues.Group(metrics.get(m).key, values));
            }
            context.log(metrics.get(m).key + ": apparent " + apparent[m] + ", " + (bootstrap ? "optimism " + mean
                    + ", corrected " + (apparent[m] - mean) : "cross-validated " + mean + " (SD " + sd + ")") + "; "
                    + values.length + " ok, " + result.failedCount(m) + " failed");
        }
        if (!result.failures.isEmpty()) {
            context.log(result.failures.size() + " replicate failures, e.g. " + result.failures.get(0)[0] + ": "
                    + result.failures.get(0)[2]);
        }
        String title = parameters.getString(EvaluationNode.P_TITLE, "");
        if (title.isEmpty()) {
            title = bootstrap ? "Bootstrap optimism per replicate" : "Cross-validated performance per fold";
        }
        if (groups.isEmpty()) {
            groups.add(new GroupedValues.Group("no successful replicate", new double[] {0}));
        }
        Map<String, PortObject> out = new LinkedHashMap<>();
        out.put(OUT_TABLE, table.build());
        out.put(OUT_FAILURES, result.failureTable());
        out.put(OUT_FIGURE, EvaluationNode.figure(BoxPlotChart.create(title, new GroupedValues(bootstrap ? "optimism"
                : "performance", groups)), parameters));
        return out;
    }

    private static double sd(double[] values, double mean) {
        if (values.length < 2) {
            return Double.NaN;
        }
        double s = 0;
        for (double v : values) {
            s += (v - mean) * (v - mean);
        }
        return Math.sqrt(s / (values.length - 1));
    }

    /** Per-metric replicate values and the failures. */
    private static final class Replicates {
        private final List<List<Double>> values = new ArrayList<>();
        private final int[] failed;
        private final List<String[]> failures = new ArrayList<>();

        Replicates(int metrics) {
            for (int m = 0; m < metrics; m++) {
                values.add(new ArrayList<>());
            }
            failed = new int[metrics];
        }

        void ok(int metric, double value) {
            values.get(metric).add(value);
        }

        void failed(int metric, String replicate, String what, String reason) {
            failed[metric]++;
            failures.add(new String[] {replicate, what, reason});
        }

        void failedAll(String replicate, String reason) {
            for (int m = 0; m < failed.length; m++) {
                failed[m]++;
            }
            failures.add(new String[] {replicate, "all", reason});
        }

        double[] values(int metric) {
            return values.get(metric).stream().mapToDouble(Double::doubleValue).toArray();
        }

        int failedCount(int metric) {
            return failed[metric];
        }

        Table failureTable() {
            String[][] cells = new String[3][failures.size()];
            for (int i = 0; i < failures.size(); i++) {
                for (int c = 0; c < 3; c++) {
                    cells[c][i] = failures.get(i)[c];
                }
            }
            return new Table(List.of(Column.text("replicate", cells[0]), Column.text("metric", cells[1]),
                    Column.text("reason", cells[2])));
        }
    }

    /** The rows of one refit: a table for the chain's source and the copies in it. */
    private record Sample(Table table, Map<String, String> copies) {
    }

    /**
     * The training rows of the source table with what evaluation needs: their positions in the source, the data the
     * predictors are read from, and the outcome. Immutable.
     */
    private static final class Rows {
        private final Table source;
        private final int[] sourceRows;
        private final String[] ids;
        private final StudyData data;
        private final boolean[] valid;
        private final double[] y;
        private final double[] event;

        private Rows(Table source, int[] sourceRows, String[] ids, StudyData data, boolean[] valid, double[] y,
                double[] event) {
            this.source = source;
            this.sourceRows = sourceRows;
            this.ids = ids;
            this.data = data;
            this.valid = valid;
            this.y = y;
            this.event = event;
        }

        static Rows of(Table source, Table extra, Outcome outcome, ExecutionContext context)
                throws NodeExecutionException {
            StudyData data = StudyData.of(source, extra, context);
            int[] sourceRows = data.trainingRows();
            if (sourceRows.length < 2) {
                throw new NodeExecutionException(LABEL + ": input '" + IN_TABLE + "' has " + sourceRows.length
                        + " training rows; internal validation needs the training table the chain starts from");
            }
            int n = sourceRows.length;
            String[] ids = data.ids(sourceRows);
            Outcome.Values values = outcome.values(data, sourceRows, "training rows of the internal validation", context);
            double[] y = new double[n];
            double[] event = outcome.isSurvival() ? new double[n] : null;
            boolean[] valid = new boolean[n];
            Map<Integer, Integer> position = new HashMap<>();
            for (int i = 0; i < n; i++) {
                position.put(sourceRows[i], i);
            }
            for (int k = 0; k < values.rows().length; k++) {
                int i = position.get(values.rows()[k]);
                valid[i] = true;
                y[i] = values.y()[k];
                if (event != null) {
                    event[i] = values.event()[k];
                }
            }
            return new Rows(source, sourceRows, ids, data, valid, y, event);
        }

        int size() {
            return ids.length;
        }

        int[] all() {
            return java.util.stream.IntStream.range(0, ids.length).toArray();
        }

        /** The source rows at {@code positions} (repeats allowed), copies renamed {@code <id>#boot<k>}. */
        Sample sample(int[] positions) {
            List<Integer> rows = new ArrayList<>();
            String[] newIds = new String[positions.length];
            Map<String, Integer> seen = new HashMap<>();
            Map<String, String> copies = new LinkedHashMap<>();
            for (int j = 0; j < positions.length; j++) {
                String id = ids[positions[j]];
                int k = seen.merge(id, 1, Integer::sum);
                newIds[j] = k == 1 ? id : id + COPY_MARK + k;
                if (k > 1) {
                    copies.put(newIds[j], id);
                }
                rows.add(sourceRows[positions[j]]);
            }
            Table table = source.rows(rows);
            if (!copies.isEmpty()) {
                table = table.withColumns(List.of(Column.text(Cohort.PATIENT_ID, newIds)));
            }
            return new Sample(table, copies);
        }

        /** Linear predictors of {@code model} at every position (NaN where a predictor is missing). */
        double[] linearPredictors(FittedModel model) throws NodeExecutionException {
            return ModelDesign.linearPredictors(model, data, sourceRows);
        }

        void checkColumns(FittedModel model) throws NodeExecutionException {
            for (String column : model.columns()) {
                if (!data.hasColumn(column)) {
                    throw new NodeExecutionException(LABEL + ": a refitted model uses '" + column + "', which neither input '"
                            + IN_TABLE + "' nor '" + IN_DATA + "' has; connect the table of every candidate feature to '"
                            + IN_DATA + "'");
                }
            }
        }

        /** The metric over {@code positions} (repeats count repeatedly), leaving out rows without outcome or lp. */
        double metric(Metric metric, double[] lp, int[] positions) {
            List<Integer> used = new ArrayList<>();
            for (int i : positions) {
                if (valid[i] && Double.isFinite(lp[i])) {
                    used.add(i);
                }
            }
            double[] l = new double[used.size()];
            double[] yy = new double[used.size()];
            double[] ee = event == null ? null : new double[used.size()];
            for (int k = 0; k < l.length; k++) {
                int i = used.get(k);
                l[k] = lp[i];
                yy[k] = y[i];
                if (ee != null) {
                    ee[k] = event[i];
                }
            }
            return metric.of(l, yy, ee);
        }

        /** Fold (0-based) of every position: classes (outcome or event) shuffled and dealt in turn. */
        int[] stratifiedFolds(int folds, SplittableRandom random, boolean survival) {
            int[] fold = new int[size()];
            List<Integer> positives = new ArrayList<>();
            List<Integer> negatives = new ArrayList<>();
            for (int i = 0; i < size(); i++) {
                double flag = survival ? event[i] : y[i];
                (valid[i] && flag == 1 ? positives : negatives).add(i);
            }
            int next = 0;
            for (List<Integer> group : List.of(positives, negatives)) {
                for (int j = group.size() - 1; j > 0; j--) {
                    int k = random.nextInt(j + 1);
                    Integer t = group.get(j);
                    group.set(j, group.get(k));
                    group.set(k, t);
                }
                for (int i : group) {
                    fold[i] = next++ % folds;
                }
            }
            return fold;
        }
    }
}
