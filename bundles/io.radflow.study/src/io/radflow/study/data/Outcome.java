package io.radflow.study.data;

import io.radflow.core.node.ExecutionContext;
import io.radflow.core.node.NodeExecutionException;
import io.radflow.core.node.Parameters;
import io.radflow.stats.survival.SurvivalData;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome a supervised node is fitted to: a binary column (0/1, e.g. microvascular invasion) or follow-up time
 * and event (1 = event, 0 = censored), read through {@link StudyData} (feature table first, then clinical).
 * Parameters (declared in plugin.xml): {@value #P_TYPE} ({@code binary} or {@code survival}), {@value #P_OUTCOME},
 * {@value #P_TIME}, {@value #P_EVENT}.
 *
 * @param type     binary or survival
 * @param binary   the binary column (binary outcomes)
 * @param time     the time column (survival)
 * @param event    the event column (survival)
 */
public record Outcome(Type type, String binary, String time, String event) {

    public static final String P_TYPE = "outcomeType";
    public static final String P_OUTCOME = "outcome";
    public static final String P_TIME = "time";
    public static final String P_EVENT = "event";

    /** Kind of outcome. */
    public enum Type {
        BINARY, SURVIVAL
    }

    /** The outcome named by a node's parameters. */
    public static Outcome from(Parameters parameters) {
        String type = parameters.getString(P_TYPE, "binary");
        return switch (type) {
            case "binary" -> new Outcome(Type.BINARY, parameters.getString(P_OUTCOME), null, null);
            case "survival" -> new Outcome(Type.SURVIVAL, null, parameters.getString(P_TIME), parameters.getString(P_EVENT));
            default -> throw new IllegalArgumentException("parameter '" + P_TYPE + "' must be binary or survival, got '"
                    + type + "'");
        };
    }

    public boolean isSurvival() {
        return type == Type.SURVIVAL;
    }

    /** Column names for messages. */
    public String describe() {
        return isSurvival() ? "survival (" + time + ", " + event + ")" : "binary outcome '" + binary + "'";
    }

    /**
     * The outcome at {@code rows}, keeping the rows whose outcome is complete and valid; the others are reported as
     * patient failures and left out.
     *
     * @param what what the rows are used for, for messages (e.g. "training rows")
     * @throws NodeExecutionException when no row is left, a binary outcome has a single class, or survival data have no
     *         event (the message names the rows' purpose and the columns)
     */
    public Values values(StudyData data, int[] rows, String what, ExecutionContext context) throws NodeExecutionException {
        List<Integer> kept = new ArrayList<>();
        double[] a = data.numbers(isSurvival() ? time : binary, rows);
        double[] b = isSurvival() ? data.numbers(event, rows) : null;
        for (int i = 0; i < rows.length; i++) {
            String problem = problem(a[i], b == null ? 0 : b[i]);
            if (problem == null) {
                kept.add(i);
            } else {
                context.reportPatientFailure(data.id(rows[i]), isSurvival() ? time + "/" + event : binary, problem
                        + "; left out of the " + what);
            }
        }
        int[] keptRows = new int[kept.size()];
        double[] y = new double[kept.size()];
        double[] e = isSurvival() ? new double[kept.size()] : null;
        int positives = 0;
        for (int k = 0; k < keptRows.length; k++) {
            int i = kept.get(k);
            keptRows[k] = rows[i];
            y[k] = a[i];
            if (e != null) {
                e[k] = b[i];
                positives += b[i] == 1 ? 1 : 0;
            } else {
                positives += a[i] == 1 ? 1 : 0;
            }
        }
        if (keptRows.length == 0) {
            throw new NodeExecutionException("No " + what + " with a complete " + describe());
        }
        if (isSurvival() && positives == 0) {
            throw new NodeExecutionException("The " + keptRows.length + " " + what + " have no event in '" + event
                    + "' (all censored): a survival model cannot be fitted");
        }
        if (!isSurvival() && (positives == 0 || positives == keptRows.length)) {
            throw new NodeExecutionException("The " + keptRows.length + " " + what + " all have " + binary + " = "
                    + (positives == 0 ? 0 : 1) + ": a binary outcome needs both classes");
        }
        return new Values(this, keptRows, y, e);
    }

    private String problem(double a, double b) {
        if (isSurvival()) {
            if (Double.isNaN(a) || Double.isNaN(b)) {
                return "missing " + (Double.isNaN(a) ? time : event);
            }
            if (a < 0 || Double.isInfinite(a)) {
                return time + " must be finite and >= 0, got " + a;
            }
            return b == 0 || b == 1 ? null : event + " must be 0 or 1, got " + b;
        }
        if (Double.isNaN(a)) {
            return "missing " + binary;
        }
        return a == 0 || a == 1 ? null : binary + " must be 0 or 1, got " + a;
    }

    /**
     * The outcome at the kept rows.
     *
     * @param rows  feature-table rows with a complete outcome
     * @param y     the binary outcome, or the follow-up time
     * @param event the event indicator (survival), else {@code null}
     */
    public record Values(Outcome outcome, int[] rows, double[] y, double[] event) {

        /** Number of events (survival) or positives (binary). */
        public int events() {
            double[] flags = event != null ? event : y;
            int count = 0;
            for (double f : flags) {
                count += f == 1 ? 1 : 0;
            }
            return count;
        }

        /** Survival data of the kept rows (survival outcomes only). */
        public SurvivalData survival() {
            if (event == null) {
                throw new IllegalStateException("not a survival outcome");
            }
            return SurvivalData.ofNumeric(y, event, null);
        }

        /** The values restricted to positions {@code keep} (indices into {@link #rows()}). */
        public Values subset(int[] keep) {
            int[] r = new int[keep.length];
            double[] yy = new double[keep.length];
            double[] ee = event == null ? null : new double[keep.length];
            for (int k = 0; k < keep.length; k++) {
                r[k] = rows[keep[k]];
                yy[k] = y[keep[k]];
                if (ee != null) {
                    ee[k] = event[keep[k]];
                }
            }
            return new Values(outcome, r, yy, ee);
        }
    }
}
