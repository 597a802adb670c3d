package io.radflow.study.selection;

import io.radflow.core.node.CanceledExecutionException;
import io.radflow.core.node.ExecutionContext;
import io.radflow.core.node.NodeExecutionException;
import io.radflow.core.node.NodeInputs;
import io.radflow.core.node.Parameters;
import io.radflow.core.port.PortObject;
import io.radflow.study.data.Outcome;
import io.radflow.study.data.StudyData;
import io.radflow.study.data.TableBuilder;
import io.radflow.study.model.FittedModel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Node {@code radflow.study.lasso}: LASSO / elastic-net selection with cross-validation (binomial or Cox,
 * {@value #P_ALPHA}, {@value #P_FOLDS}-fold CV seeded with {@value #P_SEED}, lambda.min or lambda.1se by
 * {@value #P_LAMBDA}) on the complete training rows, through an {@link ElasticNetFitter}. Keeps the features with a
 * non-zero coefficient. Extra outputs: {@value #OUT_MODEL} (the coefficients as a {@link FittedModel}, ready for the
 * Rad-score node), {@value #OUT_CV} (CV curve) and {@value #OUT_PATH} (coefficient path). Report: feature,
 * coefficient, kept. The cross-validation folds run as tasks of the context's
 * {@link ExecutionContext#taskRunner()} (in parallel on a cluster under the Spark runner).
 */
public final class ElasticNetSelectorNode extends SelectorNode {

    public static final String OUT_MODEL = "model";
    public static final String OUT_CV = "cv";
    public static final String OUT_PATH = "path";
    public static final String P_ALPHA = "alpha";
    public static final String P_FOLDS = "folds";
    public static final String P_SEED = "seed";
    public static final String P_LAMBDA = "lambda";

    private final ElasticNetFitter fitter;

    /** The node as registered: fitted by {@link GlmnetElasticNetFitter}. */
    public ElasticNetSelectorNode() {
        this(new GlmnetElasticNetFitter());
    }

    public ElasticNetSelectorNode(ElasticNetFitter fitter) {
        this.fitter = fitter;
    }

    @Override
    public void validate(Parameters parameters) {
        Outcome.from(parameters);
    }

    @Override
    protected List<String> extraOutputs() {
        return List.of(OUT_MODEL, OUT_CV, OUT_PATH);
    }

    @Override
    protected Selection select(StudyData data, List<String> candidates, int[] train, NodeInputs inputs,
            Parameters parameters, ExecutionContext context) throws NodeExecutionException, CanceledExecutionException {
        Outcome outcome = Outcome.from(parameters);
        Matrix m = Matrix.completeCases(data, candidates, outcome.values(data, train, "training rows", context), context);
        ElasticNetFitter.Result r = fitter.fit(new ElasticNetFitter.Request(m.x(), m.names(), m.outcome(),
                parameters.getDouble(P_ALPHA), parameters.getInt(P_FOLDS), parameters.getInt(P_SEED),
                parameters.getString(P_LAMBDA).equals("1se")), context.taskRunner());
        double[] b = r.coefficients();
        TableBuilder report = new TableBuilder().text("feature").number("coefficient").number("kept");
        List<String> kept = new ArrayList<>();
        List<FittedModel.Term> terms = new ArrayList<>();
        for (int j = 0; j < b.length; j++) {
            report.add(m.names().get(j), b[j], b[j] != 0 ? 1 : 0);
            if (b[j] != 0) {
                kept.add(m.names().get(j));
                terms.add(FittedModel.Term.numeric(m.names().get(j), b[j]));
            }
        }
        FittedModel model = new FittedModel("lasso", outcome.isSurvival() ? FittedModel.Family.COX
                : FittedModel.Family.LOGISTIC, outcome.describe(), "radscore", outcome.isSurvival() ? 0 : r.intercept(),
                terms, Map.of(), null, m.x().length, m.outcome().events());
        Map<String, PortObject> extra = new LinkedHashMap<>();
        extra.put(OUT_MODEL, model);
        extra.put(OUT_CV, r.cvCurve());
        extra.put(OUT_PATH, r.path());
        return new Selection(kept, report.build(), "every coefficient is 0 at lambda = " + r.lambda(), extra);
    }
}
