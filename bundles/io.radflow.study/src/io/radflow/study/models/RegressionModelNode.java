package io.radflow.study.models;

import io.radflow.core.data.Table;
import io.radflow.core.node.ExecutionContext;
import io.radflow.core.node.NodeExecutionException;
import io.radflow.core.node.NodeInputs;
import io.radflow.core.node.Parameters;
import io.radflow.core.node.TrainedNode;
import io.radflow.core.port.PortObject;
import io.radflow.stats.regression.LogisticFit;
import io.radflow.stats.regression.LogisticRegression;
import io.radflow.stats.survival.CoxFit;
import io.radflow.stats.survival.CoxRegression;
import io.radflow.study.data.Outcome;
import io.radflow.study.data.StudyData;
import io.radflow.study.data.TableBuilder;
import io.radflow.study.data.TrainTestSplitNode;
import io.radflow.study.model.FittedModel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Template of the model nodes: fits a logistic ({@link LogisticRegression}, R {@code glm(binomial)}) or Cox
 * ({@link CoxRegression}, R {@code coxph}) model on the complete training rows and applies it to every row.
 *
 * <p>Covariates are named columns of the {@value #IN_FEATURES} table or, failing that, of the {@value #IN_CLINICAL}
 * table ({@link ModelDesign}: categorical columns are treatment-coded). Training rows with a missing covariate or
 * outcome are left out of the fit and reported as patient failures; rows of any set with a missing covariate get no
 * prediction (empty cell).
 *
 * <p>Outputs: {@value #OUT_MODEL} ({@link FittedModel}, with the Cox baseline hazard at lp = 0, R
 * {@code basehaz(fit, centered = FALSE)}), {@value #OUT_COEFFICIENTS} (term, coef, se, z, p, ratio = OR or HR, lower,
 * upper: the Wald 95 % interval of the ratio) and {@value #OUT_PREDICTIONS} (PatientID, Set, lp and, for logistic
 * models, probability).
 *
 * <p>Trained state ({@link TrainedNode}): {@value #OUT_MODEL} and {@value #OUT_COEFFICIENTS}; applied to new rows, the
 * stored model gives the {@value #OUT_PREDICTIONS}.
 */
public abstract class RegressionModelNode implements TrainedNode {

    public static final String IN_FEATURES = "features";
    public static final String IN_CLINICAL = "clinical";
    public static final String OUT_MODEL = "model";
    public static final String OUT_COEFFICIENTS = "coefficients";
    public static final String OUT_PREDICTIONS = "predictions";
    public static final String P_COVARIATES = "covariates";
    public static final String P_TIES = "ties";

    /** The outcome named by the parameters. */
    protected abstract Outcome outcome(Parameters parameters);

    /** The model's kind in its file ({@code logistic}, {@code cox}, {@code combined}). */
    protected abstract String kind(Outcome outcome);

    /** The covariate columns; by default {@value #P_COVARIATES} or, when empty, every feature column. */
    protected List<String> covariates(StudyData data, Parameters parameters) {
        List<String> named = TrainTestSplitNode.list(parameters.getString(P_COVARIATES, ""));
        return named.isEmpty() ? data.featureNames() : named;
    }

    /** The table the covariates come from first. */
    protected String featuresPort() {
        return IN_FEATURES;
    }

    @Override
    public void validate(Parameters parameters) {
        outcome(parameters);
    }

    @Override
    public Map<String, PortObject> execute(NodeInputs inputs, Parameters parameters, ExecutionContext context)
            throws NodeExecutionException {
        Outcome outcome = outcome(parameters);
        StudyData data = StudyData.of(inputs.get(featuresPort(), Table.class), inputs, IN_CLINICAL, context);
        int[] train = data.trainingRows();
        if (train.length == 0) {
            throw new NodeExecutionException("No training rows: models are fitted on rows marked '" + StudyData.TRAIN + "'");
        }
        List<String> covariates = covariates(data, parameters);
        if (covariates.isEmpty()) {
            throw new NodeExecutionException("No covariate: the features input has no numeric column and '" + P_COVARIATES
                    + "' is empty");
        }
        Outcome.Values values = outcome.values(data, train, "training rows", context);
        List<FittedModel.Term> terms = ModelDesign.terms(data, covariates, train);
        double[][] x = ModelDesign.values(data, terms, values.rows());
        List<Integer> complete = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (ModelDesign.complete(x[i])) {
                complete.add(i);
            } else {
                context.reportPatientFailure(data.id(values.rows()[i]), ModelDesign.firstMissing(terms, x[i]),
                        "missing covariate; left out of the model fit");
            }
        }
        int[] keep = complete.stream().mapToInt(Integer::intValue).toArray();
        Outcome.Values fitValues = values.subset(keep);
        double[][] fitX = new double[keep.length][];
        for (int k = 0; k < keep.length; k++) {
            fitX[k] = x[keep[k]];
        }
        if (fitValues.events() == 0 || !outcome.isSurvival() && fitValues.events() == keep.length) {
            throw new NodeExecutionException("The " + keep.length + " complete training rows have "
                    + (outcome.isSurvival() ? "no event" : "a single outcome class") + ": the model cannot be fitted");
        }
        List<String> names = terms.stream().map(FittedModel.Term::name).toList();
        TableBuilder table = new TableBuilder().text("term").number("coef").number("se").number("z").number("p")
                .number(outcome.isSurvival() ? "hr" : "or").number("lower").number("upper");
        FittedModel model;
        try {
            model = outcome.isSurvival() ? fitCox(fitValues, fitX, terms, names, parameters, table, outcome, context)
                    : fitLogistic(fitValues, fitX, terms, names, table, outcome, context);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new NodeExecutionException("The " + kind(outcome) + " model cannot be fitted on " + keep.length
                    + " training rows: " + e.getMessage(), e);
        }
        context.log(model.formula());
        Map<String, PortObject> out = new LinkedHashMap<>();
        out.put(OUT_MODEL, model);
        out.put(OUT_COEFFICIENTS, table.build());
        out.put(OUT_PREDICTIONS, predictions(model, data, context));
        return out;
    }

    @Override
    public List<String> stateOutputs() {
        return List.of(OUT_MODEL, OUT_COEFFICIENTS);
    }

    @Override
    public List<String> predictionOutputs() {
        return List.of(OUT_PREDICTIONS);
    }

    /** Predictions of the stored model for every row. */
    @Override
    public Map<String, PortObject> apply(NodeInputs inputs, Map<String, PortObject> state, Parameters parameters,
            ExecutionContext context) throws NodeExecutionException {
        StudyData data = StudyData.of(inputs.get(featuresPort(), Table.class), inputs, IN_CLINICAL, context);
        FittedModel model = (FittedModel) state.get(OUT_MODEL);
        Map<String, PortObject> out = new LinkedHashMap<>();
        out.put(OUT_MODEL, model);
        out.put(OUT_COEFFICIENTS, state.get(OUT_COEFFICIENTS));
        out.put(OUT_PREDICTIONS, predictions(model, data, context));
        return out;
    }

    private FittedModel fitLogistic(Outcome.Values v, double[][] x, List<FittedModel.Term> terms, List<String> names,
            TableBuilder table, Outcome outcome, ExecutionContext context) {
        LogisticFit fit = new LogisticRegression().fit(v.y(), x, names);
        if (fit.separation().detected()) {
            context.log("warning: " + fit.separation().message());
        }
        if (!fit.converged()) {
            context.log("warning: the logistic fit did not converge in " + fit.iterations() + " iterations");
        }
        for (LogisticFit.Coefficient c : fit.table()) {
            table.add(c.name(), c.coef(), c.se(), c.z(), c.p(), c.oddsRatio(), c.oddsRatioLower(), c.oddsRatioUpper());
        }
        double[] b = fit.coefficients();
        List<FittedModel.Term> fitted = new ArrayList<>();
        for (int j = 0; j < terms.size(); j++) {
            fitted.add(terms.get(j).withCoefficient(b[j + 1]));
        }
        return new FittedModel(kind(outcome), FittedModel.Family.LOGISTIC, outcome.describe(), "lp", b[0], fitted, Map.of(),
                null, v.rows().length, v.events());
    }

    private FittedModel fitCox(Outcome.Values v, double[][] x, List<FittedModel.Term> terms, List<String> names,
            Parameters parameters, TableBuilder table, Outcome outcome, ExecutionContext context) {
        CoxFit fit = new CoxRegression(CoxRegression.Ties.parse(parameters.getString(P_TIES, "efron")))
                .fit(v.survival(), x, names);
        if (!fit.infiniteCoefficients().isEmpty()) {
            context.log("warning: coefficients tending to infinity (monotone likelihood): " + fit.infiniteCoefficients());
        }
        for (CoxFit.Coefficient c : fit.table()) {
            table.add(c.name(), c.coef(), c.se(), c.z(), c.p(), c.hr(), c.hrLower(), c.hrUpper());
        }
        double[] b = fit.coefficients();
        List<FittedModel.Term> fitted = new ArrayList<>();
        for (int j = 0; j < terms.size(); j++) {
            fitted.add(terms.get(j).withCoefficient(b[j]));
        }
        CoxFit.BaselineHazard h = fit.baselineHazard(false).get(0);
        double last = java.util.Arrays.stream(v.y()).max().orElse(0);
        return new FittedModel(kind(outcome), FittedModel.Family.COX, outcome.describe(), "lp", 0, fitted, Map.of(),
                new FittedModel.Baseline(h.times(), h.cumulativeHazard(), last), v.rows().length, v.events());
    }

    /** PatientID, Set, the linear predictor and (logistic) the probability for every row. */
    static Table predictions(FittedModel model, StudyData data, ExecutionContext context) throws NodeExecutionException {
        int[] all = data.allRows();
        double[] lp = ModelDesign.linearPredictors(model, data, all);
        TableBuilder b = new TableBuilder().text(io.radflow.core.data.Cohort.PATIENT_ID).text(StudyData.SET)
                .number(model.scoreName());
        boolean logistic = model.family() == FittedModel.Family.LOGISTIC;
        if (logistic) {
            b.number("probability");
        }
        int missing = 0;
        for (int i = 0; i < all.length; i++) {
            missing += Double.isNaN(lp[i]) ? 1 : 0;
            if (logistic) {
                b.add(data.id(i), data.mark(i), lp[i], FittedModel.logisticRisk(lp[i]));
            } else {
                b.add(data.id(i), data.mark(i), lp[i]);
            }
        }
        if (missing > 0) {
            context.log(missing + " rows have a missing covariate and no prediction");
        }
        return b.build();
    }
}
