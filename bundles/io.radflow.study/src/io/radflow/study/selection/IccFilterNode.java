package io.radflow.study.selection;

import io.radflow.core.data.Table;
import io.radflow.core.node.CanceledExecutionException;
import io.radflow.core.node.ExecutionContext;
import io.radflow.core.node.NodeExecutionException;
import io.radflow.core.node.NodeInputs;
import io.radflow.core.node.Parameters;
import io.radflow.stats.agreement.Icc;
import io.radflow.stats.agreement.IccResult;
import io.radflow.stats.agreement.IccType;
import io.radflow.study.data.StudyData;
import io.radflow.study.data.TableBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Node {@code radflow.study.iccFilter}: keeps the features that two readings agree on. Input {@value #IN_FEATURES}
 * holds the first reading (reader 1 or test), {@value #IN_SECOND} the second (reader 2 or retest, same column names,
 * joined on {@code PatientID}). For each feature the {@code n x 2} table of the training patients present in both
 * with two finite values goes to {@link Icc#compute} ({@code psych::ICC}); the form is {@value #P_FORM} (ICC1, ICC2,
 * ICC3, ICC1k, ICC2k, ICC3k, psych's names) and a feature is kept when its ICC ({@value #P_BOUND} = estimate) or the
 * lower bound of its {@value #P_LEVEL} confidence interval ({@value #P_BOUND} = lower) exceeds {@value #P_THRESHOLD}.
 * Features absent from the second reading or whose ICC is undefined (constant ratings) are dropped with the reason.
 * Report: feature, n, icc, lower, upper, p, kept, reason.
 */
public final class IccFilterNode extends SelectorNode {

    public static final String IN_SECOND = "secondReading";
    public static final String P_FORM = "form";
    public static final String P_THRESHOLD = "threshold";
    public static final String P_LEVEL = "level";
    public static final String P_BOUND = "bound";

    @Override
    public void validate(Parameters parameters) {
        form(parameters.getString(P_FORM));
    }

    static IccType form(String text) {
        try {
            return IccType.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("parameter '" + P_FORM + "' must be one of ICC1, ICC2, ICC3, ICC1k, ICC2k,"
                    + " ICC3k, got '" + text + "'");
        }
    }

    @Override
    protected Selection select(StudyData data, List<String> candidates, int[] train, NodeInputs inputs,
            Parameters parameters, ExecutionContext context) throws NodeExecutionException, CanceledExecutionException {
        Table second = inputs.get(IN_SECOND, Table.class);
        Map<String, Integer> secondRows = StudyData.index(second, IN_SECOND);
        IccType form = form(parameters.getString(P_FORM));
        double threshold = parameters.getDouble(P_THRESHOLD);
        double level = parameters.getDouble(P_LEVEL);
        boolean lower = parameters.getString(P_BOUND).equals("lower");
        List<Integer> paired = new ArrayList<>();
        for (int row : train) {
            if (secondRows.containsKey(data.id(row))) {
                paired.add(row);
            }
        }
        if (paired.size() < 2) {
            throw new NodeExecutionException("Only " + paired.size() + " training patients have a second reading in input '"
                    + IN_SECOND + "'; the ICC needs at least 2");
        }
        TableBuilder report = new TableBuilder().text("feature").number("n").number("icc").number("lower").number("upper")
                .number("p").number("kept").text("reason");
        List<String> kept = new ArrayList<>();
        double best = Double.NaN;
        for (int f = 0; f < candidates.size(); f++) {
            context.checkCanceled();
            String name = candidates.get(f);
            if (!second.hasColumn(name) || !second.column(name).isNumeric()) {
                report.add(name, 0, null, null, null, null, 0, "no numeric column '" + name + "' in the second reading");
                continue;
            }
            double[] first = data.numbers(name, paired.stream().mapToInt(Integer::intValue).toArray());
            List<double[]> ratings = new ArrayList<>();
            for (int i = 0; i < first.length; i++) {
                double b = second.column(name).number(secondRows.get(data.id(paired.get(i))));
                if (Double.isFinite(first[i]) && Double.isFinite(b)) {
                    ratings.add(new double[] {first[i], b});
                }
            }
            try {
                IccResult r = Icc.compute(ratings.toArray(new double[0][]), level).stream().filter(x -> x.type() == form)
                        .findFirst().orElseThrow();
                double value = lower ? r.lower() : r.icc();
                boolean keep = value > threshold;
                if (keep) {
                    kept.add(name);
                }
                best = Double.isNaN(best) ? value : Math.max(best, value);
                report.add(name, ratings.size(), r.icc(), r.lower(), r.upper(), r.p(), keep ? 1 : 0,
                        (lower ? "lower bound " : form.name() + " ") + (keep ? "> " : "<= ") + threshold);
            } catch (IllegalArgumentException e) {
                report.add(name, ratings.size(), null, null, null, null, 0, reason(e));
            }
            context.progress((f + 1.0) / candidates.size(), "ICC " + (f + 1) + " of " + candidates.size());
        }
        return new Selection(kept, report.build(), "the largest " + (lower ? "lower bound of the " : "") + form.name()
                + " is " + best + ", not above " + threshold);
    }
}
