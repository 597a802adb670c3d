package io.radflow.stats.survival;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Right-censored survival data: one follow-up time and one event flag per subject (row), and
 * optionally a group label per subject. Immutable; arrays are copied in and out.
 *
 * <p>Validation (errors name the 1-based row): time must be finite and non-negative, the event
 * indicator must be 0 (censored) or 1 (event), group labels must not be null.
 */
public final class SurvivalData implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private final double[] time;
    private final boolean[] event;
    private final String[] group;

    private SurvivalData(double[] time, boolean[] event, String[] group) {
        if (time.length != event.length) {
            throw new IllegalArgumentException("time has " + time.length + " rows but event has " + event.length);
        }
        if (group != null && group.length != time.length) {
            throw new IllegalArgumentException("time has " + time.length + " rows but group has " + group.length);
        }
        for (int i = 0; i < time.length; i++) {
            checkTime(time[i], i);
            if (group != null && group[i] == null) {
                throw new IllegalArgumentException("row " + (i + 1) + ": group label is missing");
            }
        }
        this.time = time.clone();
        this.event = event.clone();
        this.group = group == null ? null : group.clone();
    }

    private static void checkTime(double t, int row) {
        if (Double.isNaN(t)) {
            throw new IllegalArgumentException("row " + (row + 1) + ": time is NaN (missing)");
        }
        if (Double.isInfinite(t)) {
            throw new IllegalArgumentException("row " + (row + 1) + ": time is infinite");
        }
        if (t < 0) {
            throw new IllegalArgumentException("row " + (row + 1) + ": time is negative (" + t + ")");
        }
    }

    /** Ungrouped data with boolean event flags ({@code true} = event, {@code false} = censored). */
    public static SurvivalData of(double[] time, boolean[] event) {
        return new SurvivalData(time, event, null);
    }

    /** Grouped data with boolean event flags; {@code group} may be {@code null} for one group. */
    public static SurvivalData of(double[] time, boolean[] event, String[] group) {
        return new SurvivalData(time, event, group);
    }

    /**
     * Data with a numeric event indicator, 1 = event and 0 = censored (R's {@code Surv(time, status)}
     * with 0/1 status); {@code group} may be {@code null}.
     *
     * @throws IllegalArgumentException naming the row of a NaN or non-0/1 event or a bad time
     */
    public static SurvivalData ofNumeric(double[] time, double[] event, String[] group) {
        if (time.length != event.length) {
            throw new IllegalArgumentException("time has " + time.length + " rows but event has " + event.length);
        }
        boolean[] flags = new boolean[event.length];
        for (int i = 0; i < event.length; i++) {
            checkTime(time[i], i);
            if (Double.isNaN(event[i])) {
                throw new IllegalArgumentException("row " + (i + 1) + ": event is NaN (missing)");
            }
            if (event[i] != 0 && event[i] != 1) {
                throw new IllegalArgumentException("row " + (i + 1) + ": event must be 0 (censored) or 1 (event), got "
                        + event[i]);
            }
            flags[i] = event[i] == 1;
        }
        return new SurvivalData(time, flags, group);
    }

    public int size() {
        return time.length;
    }

    public double[] time() {
        return time.clone();
    }

    public boolean[] event() {
        return event.clone();
    }

    public double time(int row) {
        return time[row];
    }

    public boolean event(int row) {
        return event[row];
    }

    public boolean hasGroups() {
        return group != null;
    }

    /** The group labels, or {@code null} for ungrouped data. */
    public String[] groups() {
        return group == null ? null : group.clone();
    }

    /** Number of events. */
    public int eventCount() {
        int d = 0;
        for (boolean e : event) {
            if (e) {
                d++;
            }
        }
        return d;
    }

    /**
     * Distinct group labels in R's factor order: numerically ascending when every label parses
     * as a number, else in lexical order. An ungrouped data set has the single level "all".
     */
    public List<String> groupLevels() {
        if (group == null) {
            return List.of("all");
        }
        TreeSet<String> distinct = new TreeSet<>(Arrays.asList(group));
        List<String> levels = new ArrayList<>(distinct);
        boolean numeric = true;
        for (String level : levels) {
            try {
                Double.parseDouble(level);
            } catch (NumberFormatException e) {
                numeric = false;
                break;
            }
        }
        if (numeric) {
            levels.sort((a, b) -> Double.compare(Double.parseDouble(a), Double.parseDouble(b)));
        }
        return List.copyOf(levels);
    }

    /** The rows of one group as ungrouped data. */
    public SurvivalData subset(String level) {
        if (group == null) {
            if (!level.equals("all")) {
                throw new IllegalArgumentException("No group '" + level + "' in ungrouped data");
            }
            return of(time, event);
        }
        int n = 0;
        for (String g : group) {
            if (g.equals(level)) {
                n++;
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("No group '" + level + "'; groups are " + groupLevels());
        }
        double[] t = new double[n];
        boolean[] e = new boolean[n];
        int k = 0;
        for (int i = 0; i < group.length; i++) {
            if (group[i].equals(level)) {
                t[k] = time[i];
                e[k++] = event[i];
            }
        }
        return of(t, e);
    }
}
