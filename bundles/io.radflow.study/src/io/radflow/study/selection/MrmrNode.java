package io.radflow.study.selection;

import io.radflow.core.node.CanceledExecutionException;
import io.radflow.core.node.ExecutionContext;
import io.radflow.core.node.NodeExecutionException;
import io.radflow.core.node.NodeInputs;
import io.radflow.core.node.Parameters;
import io.radflow.study.data.Outcome;
import io.radflow.study.data.StudyData;
import io.radflow.study.data.TableBuilder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Node {@code radflow.study.mrmr}: keeps the {@value #P_COUNT} features chosen by minimum-redundancy
 * maximum-relevance ({@link Mrmr}: equal-frequency discretisation into {@value #P_BINS} bins, plug-in mutual
 * information, MID criterion) against a binary outcome, on the complete training rows. Report: feature, relevance
 * (mutual information with the outcome, nats), rank (selection order), score, kept.
 */
public final class MrmrNode extends SelectorNode {

    public static final String P_COUNT = "count";
    public static final String P_BINS = "bins";

    @Override
    public void validate(Parameters parameters) {
        if (Outcome.from(parameters).isSurvival()) {
            throw new IllegalArgumentException("mRMR needs a binary outcome (parameter '" + Outcome.P_TYPE + "' = binary)");
        }
    }

    @Override
    protected Selection select(StudyData data, List<String> candidates, int[] train, NodeInputs inputs,
            Parameters parameters, ExecutionContext context) throws NodeExecutionException, CanceledExecutionException {
        Outcome outcome = Outcome.from(parameters);
        Matrix m = Matrix.completeCases(data, candidates, outcome.values(data, train, "training rows", context), context);
        int[] klass = new int[m.x().length];
        for (int i = 0; i < klass.length; i++) {
            klass[i] = (int) m.outcome().y()[i];
        }
        List<Mrmr.Pick> picks = Mrmr.select(m.x(), klass, parameters.getInt(P_BINS), parameters.getInt(P_COUNT));
        Map<String, Integer> rank = new HashMap<>();
        Map<String, Mrmr.Pick> byName = new HashMap<>();
        for (int k = 0; k < picks.size(); k++) {
            String name = m.names().get(picks.get(k).index());
            rank.put(name, k + 1);
            byName.put(name, picks.get(k));
        }
        TableBuilder report = new TableBuilder().text("feature").number("relevance").number("rank").number("score")
                .number("kept");
        List<String> kept = new ArrayList<>();
        for (String name : candidates) {
            Mrmr.Pick pick = byName.get(name);
            if (pick != null) {
                kept.add(name);
            }
            report.add(name, pick == null ? null : pick.relevance(), rank.get(name), pick == null ? null : pick.score(),
                    pick == null ? 0 : 1);
        }
        return new Selection(kept, report.build(), "no training row is complete");
    }
}
