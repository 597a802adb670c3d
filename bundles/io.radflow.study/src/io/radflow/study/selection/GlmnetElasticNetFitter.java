package io.radflow.study.selection;

import io.radflow.core.data.Table;
import io.radflow.core.node.TaskRunner;
import io.radflow.stats.penalized.CrossValidatedPath;
import io.radflow.stats.penalized.CvMeasure;
import io.radflow.stats.penalized.ElasticNetCrossValidation;
import io.radflow.stats.penalized.ElasticNetOptions;
import io.radflow.stats.penalized.ElasticNetPath;
import io.radflow.stats.penalized.FeatureMatrix;
import io.radflow.stats.penalized.Folds;
import io.radflow.study.data.TableBuilder;

/**
 * {@link ElasticNetFitter} on {@code io.radflow.stats.penalized}: R's
 * {@code cv.glmnet(x, y, family = "binomial" | "cox", alpha, foldid, type.measure = "deviance")} with glmnet's
 * default lambda sequence and standardisation, folds from {@link Folds#random(int, int, long)} (seeded), and the
 * coefficients (original scale) and intercept of the full-data path at {@code lambda.min} or {@code lambda.1se}.
 * The CV curve table marks lambda.min, lambda.1se and the chosen lambda with 1 in the columns
 * {@value ElasticNetFitter#AT_LAMBDA_MIN}, {@value ElasticNetFitter#AT_LAMBDA_1SE} and {@value ElasticNetFitter#CHOSEN}.
 * The folds run as tasks of the given {@link TaskRunner}. Stateless and thread-safe.
 */
public final class GlmnetElasticNetFitter implements ElasticNetFitter {

    /** Fits with the folds run on the common fork-join pool ({@link TaskRunner#PARALLEL}). */
    @Override
    public Result fit(Request request) {
        return fit(request, TaskRunner.PARALLEL);
    }

    /** Fits with the folds run as tasks of {@code tasks} (same result as {@link #fit(Request)}, bit for bit). */
    @Override
    public Result fit(Request request, TaskRunner tasks) {
        FeatureMatrix x = FeatureMatrix.of(request.x(), request.names());
        Folds folds = Folds.random(x.rows(), request.folds(), request.seed());
        ElasticNetOptions options = ElasticNetOptions.defaults().withAlpha(request.alpha());
        boolean survival = request.outcome().event() != null;
        CrossValidatedPath cv;
        try {
            cv = survival
                    ? ElasticNetCrossValidation.cox(x, request.outcome().survival(), options, folds, CvMeasure.DEVIANCE, tasks)
                    : ElasticNetCrossValidation.binomial(x, request.outcome().y(), options, folds, CvMeasure.DEVIANCE, tasks);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException((survival ? "LASSO-Cox" : "LASSO-logistic") + " " + request.folds()
                    + "-fold cross-validation on " + x.rows() + " training rows with " + request.outcome().events()
                    + (survival ? " events" : " positives") + ": " + e.getMessage()
                    + (survival ? " (use fewer folds or more training rows)" : ""), e);
        }
        double lambda = request.oneSe() ? cv.lambda1se() : cv.lambdaMin();
        ElasticNetPath path = cv.fit();
        return new Result(lambda, survival ? 0 : path.interceptAt(lambda), cv.coefficients(lambda), cvCurve(cv, lambda),
                pathTable(path));
    }

    private static Table cvCurve(CrossValidatedPath cv, double chosen) {
        TableBuilder t = new TableBuilder().number("lambda").number("cvm").number("cvsd").number("nonzero")
                .number(AT_LAMBDA_MIN).number(AT_LAMBDA_1SE).number(CHOSEN);
        double[] lambda = cv.lambda();
        double[] cvm = cv.cvm();
        double[] cvsd = cv.cvsd();
        int[] nonzero = cv.nonzero();
        for (int i = 0; i < lambda.length; i++) {
            t.add(lambda[i], cvm[i], cvsd[i], (double) nonzero[i], indicator(lambda[i] == cv.lambdaMin()),
                    indicator(lambda[i] == cv.lambda1se()), indicator(lambda[i] == chosen));
        }
        return t.build();
    }

    private static double indicator(boolean value) {
        return value ? 1 : 0;
    }

    private static Table pathTable(ElasticNetPath path) {
        TableBuilder t = new TableBuilder().number("lambda");
        path.names().forEach(t::number);
        for (int l = 0; l < path.size(); l++) {
            double[] b = path.coefficients(l);
            Object[] row = new Object[b.length + 1];
            row[0] = path.lambda(l);
            for (int j = 0; j < b.length; j++) {
                row[j + 1] = b[j];
            }
            t.add(row);
        }
        return t.build();
    }
}
