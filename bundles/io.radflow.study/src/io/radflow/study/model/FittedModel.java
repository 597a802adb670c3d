package io.radflow.study.model;

import io.radflow.core.io.AtomicFiles;
import io.radflow.core.port.PortObject;
import io.radflow.stats.survival.CoxFit;
import io.radflow.core.io.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A fitted linear-predictor model, the data of port type {@value #PORT_TYPE}: a logistic or Cox model, a Rad-score
 * (e.g. from LASSO coefficients) or a combined clinical + Rad-score model. Immutable.
 *
 * <p>The linear predictor of a subject is {@code lp = intercept + sum_j b_j v_j}, where the term value
 * {@code v_j} is {@code (x - center_j) / scale_j} for a numeric column {@code x} (center 0 and scale 1 when the model
 * was fitted on the raw values) and the indicator {@code [x = level_j]} for a level of a categorical column
 * (treatment coding, reference = the first level in sorted order, as R's default contrasts). Logistic risk is
 * {@code 1/(1 + exp(-lp))}; Cox survival {@code S(t) = exp(-H_0(t) exp(lp))} with the cumulative baseline hazard
 * {@code H_0} at {@code lp = 0} (R {@code basehaz(fit, centered = FALSE)}) kept in {@link #baseline()}.
 *
 * <p>{@link #write} writes {@code <base>.json} (everything; {@link ModelPortType} reads it back) and {@code <base>.txt}
 * (the formula, {@link #formula()}).
 *
 * @param kind      what the model is: {@code logistic}, {@code cox}, {@code radscore}, {@code combined}
 * @param family    the outcome family
 * @param outcome   a description of the outcome columns
 * @param scoreName the name of the linear predictor in formulas and tables (e.g. {@code radscore}, {@code lp})
 * @param intercept the intercept (0 for Cox models)
 * @param terms     the terms with their coefficients
 * @param cutpoints cut-points of the linear predictor by method (e.g. {@code maxstat}), fitted on training rows
 * @param baseline  the Cox baseline hazard at lp = 0, or {@code null}
 * @param n         training rows used in the fit
 * @param events    events (Cox) or positives (logistic) among them
 */
public record FittedModel(String kind, Family family, String outcome, String scoreName, double intercept,
        List<Term> terms, Map<String, Double> cutpoints, Baseline baseline, int n, int events) implements PortObject {

    /** Port type id. */
    public static final String PORT_TYPE = "radflow.model";
    /** Format tag of the JSON file. */
    public static final String FORMAT = "radflow-model/1";

    /** Outcome family. */
    public enum Family {
        LOGISTIC, COX
    }

    /**
     * One term of the linear predictor.
     *
     * @param name        the term name (the column, or {@code column=level})
     * @param column      the source column
     * @param level       the level of a categorical column, or {@code null} for a numeric term
     * @param coefficient the coefficient
     * @param center      subtracted before scaling (numeric terms)
     * @param scale       divisor after centring (numeric terms), &gt; 0
     */
    public record Term(String name, String column, String level, double coefficient, double center, double scale) {
        public Term {
            if (!(scale > 0)) {
                throw new IllegalArgumentException("term '" + name + "': scale must be > 0, got " + scale);
            }
        }

        /** A numeric term on the raw scale. */
        public static Term numeric(String column, double coefficient) {
            return new Term(column, column, null, coefficient, 0, 1);
        }

        public boolean isCategorical() {
            return level != null;
        }

        /** The term value for a numeric cell ({@code (x - center)/scale}). */
        public double value(double x) {
            return (x - center) / scale;
        }

        /** The term value for a text cell ({@code 1} when it equals the level, {@code NaN} when empty). */
        public double value(String cell) {
            return cell == null || cell.isEmpty() ? Double.NaN : cell.equals(level) ? 1 : 0;
        }

        /** A copy with another coefficient. */
        public Term withCoefficient(double value) {
            return new Term(name, column, level, value, center, scale);
        }
    }

    /**
     * The cumulative baseline hazard step function at {@code lp = 0}.
     *
     * @param times            event times, increasing
     * @param cumulativeHazard {@code H_0} at those times
     * @param lastFollowUp     the largest follow-up time of the training data; survival beyond it is undefined
     */
    public record Baseline(double[] times, double[] cumulativeHazard, double lastFollowUp) {
        public Baseline {
            times = times.clone();
            cumulativeHazard = cumulativeHazard.clone();
        }

        @Override
        public double[] times() {
            return times.clone();
        }

        @Override
        public double[] cumulativeHazard() {
            return cumulativeHazard.clone();
        }

        /** {@code H_0(t)}, NaN after the last follow-up time. */
        public double at(double t) {
            return t > lastFollowUp ? Double.NaN : new CoxFit.BaselineHazard("all", times, cumulativeHazard).at(t);
        }
    }

    public FittedModel {
        terms = List.copyOf(terms);
        cutpoints = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(cutpoints));
        if (family == Family.COX && intercept != 0) {
            throw new IllegalArgumentException("a Cox model has no intercept, got " + intercept);
        }
    }

    /** The linear predictor for term values in term order (NaN when one is NaN). */
    public double linearPredictor(double[] termValues) {
        if (termValues.length != terms.size()) {
            throw new IllegalArgumentException(termValues.length + " term values for " + terms.size() + " terms");
        }
        double lp = intercept;
        for (int j = 0; j < termValues.length; j++) {
            lp += terms.get(j).coefficient() * termValues[j];
        }
        return lp;
    }

    /** Logistic risk {@code 1/(1+exp(-lp))}. */
    public static double logisticRisk(double lp) {
        return 1 / (1 + Math.exp(-lp));
    }

    /** Cox survival {@code exp(-H_0(t) exp(lp))} at time {@code t} (NaN without a baseline or after follow-up). */
    public double survival(double lp, double t) {
        if (baseline == null) {
            return Double.NaN;
        }
        return Math.exp(-baseline.at(t) * Math.exp(lp));
    }

    /** The columns the terms read, each once, in term order. */
    public List<String> columns() {
        return terms.stream().map(Term::column).distinct().toList();
    }

    /** A copy with a cut-point added or replaced. */
    public FittedModel withCutpoint(String method, double value) {
        Map<String, Double> c = new LinkedHashMap<>(cutpoints);
        c.put(method, value);
        return new FittedModel(kind, family, outcome, scoreName, intercept, terms, c, baseline, n, events);
    }

    /** A copy with another kind and score name (e.g. a model used as Rad-score). */
    public FittedModel as(String newKind, String newScoreName) {
        return new FittedModel(newKind, family, outcome, newScoreName, intercept, terms, cutpoints, baseline, n, events);
    }

    /**
     * The formula as text, e.g. {@code radscore = -0.42 + 1.3 * tumour_Variance - 0.8 * [bclc = B]}, with the scaling of
     * standardised terms written out ({@code ((x - m) / s)}); coefficients with 6 significant digits.
     */
    public String formula() {
        StringBuilder s = new StringBuilder(scoreName).append(" = ");
        boolean first = true;
        if (family != Family.COX) {
            s.append(g(intercept));
            first = false;
        }
        for (Term t : terms) {
            double b = t.coefficient();
            if (first) {
                s.append(b < 0 ? "-" : "");
            } else {
                s.append(b < 0 ? " - " : " + ");
            }
            first = false;
            s.append(g(Math.abs(b))).append(" * ");
            if (t.isCategorical()) {
                s.append('[').append(t.column()).append(" = ").append(t.level()).append(']');
            } else if (t.center() == 0 && t.scale() == 1) {
                s.append(t.column());
            } else {
                s.append("((").append(t.column()).append(" - ").append(g(t.center())).append(") / ").append(g(t.scale()))
                        .append(')');
            }
        }
        if (first) {
            s.append('0');
        }
        return s.toString();
    }

    private static String g(double v) {
        return String.format(Locale.ROOT, "%.6g", v).replaceFirst("(\\.\\d*?)0+(e|$)", "$1$2").replace(".e", "e")
                .replaceFirst("\\.$", "");
    }

    @Override
    public String portTypeId() {
        return PORT_TYPE;
    }

    @Override
    public String summary() {
        return kind + " model, " + terms.size() + " terms, n=" + n + ", " + (family == Family.COX ? "events" : "positives")
                + "=" + events;
    }

    @Override
    public List<Path> write(Path directory, String baseName) throws IOException {
        Files.createDirectories(directory);
        Path json = directory.resolve(baseName + ".json");
        Path text = directory.resolve(baseName + ".txt");
        AtomicFiles.writeString(json, toJson());
        AtomicFiles.writeString(text, formula() + "\n");
        return List.of(json, text);
    }

    /** The model as JSON ({@value #FORMAT}). */
    public String toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        root.put("kind", kind);
        root.put("family", family.name().toLowerCase(Locale.ROOT));
        root.put("outcome", outcome);
        root.put("scoreName", scoreName);
        root.put("formula", formula());
        root.put("intercept", intercept);
        List<Object> t = new ArrayList<>();
        for (Term term : terms) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", term.name());
            m.put("column", term.column());
            m.put("level", term.level());
            m.put("coefficient", term.coefficient());
            m.put("center", term.center());
            m.put("scale", term.scale());
            t.add(m);
        }
        root.put("terms", t);
        root.put("cutpoints", new LinkedHashMap<>(cutpoints));
        if (baseline != null) {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("times", boxed(baseline.times()));
            b.put("cumulativeHazard", boxed(baseline.cumulativeHazard()));
            b.put("lastFollowUp", baseline.lastFollowUp());
            root.put("baseline", b);
        }
        root.put("n", n);
        root.put("events", events);
        return Json.write(root);
    }

    private static List<Double> boxed(double[] v) {
        List<Double> out = new ArrayList<>(v.length);
        for (double d : v) {
            out.add(d);
        }
        return out;
    }

    private static double[] unboxed(Object list) {
        List<?> l = (List<?>) list;
        double[] out = new double[l.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Json.number(l.get(i));
        }
        return out;
    }

    /**
     * Reads a model written by {@link #toJson()}.
     *
     * @throws IllegalArgumentException when the text is not such a model (the message says what is wrong)
     */
    public static FittedModel fromJson(String json) {
        Object parsed = Json.parse(json);
        if (!(parsed instanceof Map<?, ?> root) || !FORMAT.equals(root.get("format"))) {
            throw new IllegalArgumentException("not a Radflow model file (format " + FORMAT + " expected)");
        }
        List<Term> terms = new ArrayList<>();
        for (Object o : (List<?>) root.get("terms")) {
            Map<?, ?> m = (Map<?, ?>) o;
            terms.add(new Term((String) m.get("name"), (String) m.get("column"), (String) m.get("level"),
                    Json.number(m.get("coefficient")), Json.number(m.get("center")),
                    Json.number(m.get("scale"))));
        }
        Map<String, Double> cuts = new LinkedHashMap<>();
        ((Map<?, ?>) root.get("cutpoints")).forEach((k, v) -> cuts.put((String) k, Json.number(v)));
        Baseline baseline = null;
        if (root.get("baseline") instanceof Map<?, ?> b) {
            baseline = new Baseline(unboxed(b.get("times")), unboxed(b.get("cumulativeHazard")),
                    Json.number(b.get("lastFollowUp")));
        }
        return new FittedModel((String) root.get("kind"), Family.valueOf(((String) root.get("family")).toUpperCase(Locale.ROOT)),
                (String) root.get("outcome"), (String) root.get("scoreName"), Json.number(root.get("intercept")), terms,
                cuts, baseline, (int) Json.number(root.get("n")), (int) Json.number(root.get("events")));
    }
}
