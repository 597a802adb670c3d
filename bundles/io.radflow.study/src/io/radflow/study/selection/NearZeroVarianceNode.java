package io.radflow.study.selection;

import io.radflow.core.node.CanceledExecutionException;
import io.radflow.core.node.ExecutionContext;
import io.radflow.core.node.NodeExecutionException;
import io.radflow.core.node.NodeInputs;
import io.radflow.core.node.Parameters;
import io.radflow.study.data.StudyData;
import io.radflow.study.data.TableBuilder;

import java.util.ArrayList;
import java.util.List;

/**
 * Node {@code radflow.study.nearZeroVariance}: drops the features that are near-zero variance in the training rows by
 * the rule of {@code caret::nearZeroVar} ({@link NearZeroVariance}; parameters {@value #P_FREQ_CUT} [95/5 = 19] and
 * {@value #P_UNIQUE_CUT} [10]). Unsupervised (no outcome); the clinical input only supplies the marks. Report:
 * feature, freqRatio, percentUnique, zeroVar, kept, reason.
 */
public final class NearZeroVarianceNode extends SelectorNode {

    public static final String P_FREQ_CUT = "freqCut";
    public static final String P_UNIQUE_CUT = "uniqueCut";

    @Override
    protected Selection select(StudyData data, List<String> candidates, int[] train, NodeInputs inputs,
            Parameters parameters, ExecutionContext context) throws NodeExecutionException, CanceledExecutionException {
        double freqCut = parameters.getDouble(P_FREQ_CUT);
        double uniqueCut = parameters.getDouble(P_UNIQUE_CUT);
        TableBuilder report = new TableBuilder().text("feature").number("freqRatio").number("percentUnique")
                .number("zeroVar").number("kept").text("reason");
        List<String> kept = new ArrayList<>();
        for (String name : candidates) {
            context.checkCanceled();
            NearZeroVariance.Metrics m = NearZeroVariance.of(data.numbers(name, train), freqCut, uniqueCut);
            if (!m.nzv()) {
                kept.add(name);
            }
            report.add(name, m.freqRatio(), m.percentUnique(), m.zeroVar() ? 1 : 0, m.nzv() ? 0 : 1,
                    m.zeroVar() ? "zero variance" : m.nzv() ? "near-zero variance" : "");
        }
        return new Selection(kept, report.build(), "every feature is (near-)zero variance in the training rows");
    }
}
