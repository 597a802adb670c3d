package io.radflow.stats.survival;

import io.radflow.core.data.Table;
import io.radflow.stats.Conformance;
import io.radflow.stats.GoldenJson;

import java.util.List;
import java.util.Map;

/**
 * Compares Kaplan-Meier curves (all three interval types, median with CI, restricted mean, summary at times)
 * and the G-rho tests with R's {@code survfit}, {@code summary.survfit} and {@code survdiff}
 * ({@code golden/models/km_*.json}, {@code survdiff.json}, written by {@code r/golden-models.R}).
 */
public final class KaplanMeierGolden {

    /** Closed forms: 1e-9 relative. */
    static final double CLOSED = 1e-9;

    private KaplanMeierGolden() {
    }

    /** A data set of the golden folder by name, with its event code. */
    record DataSet(Table table, double eventCode) {
        static DataSet of(String name) {
            return switch (name) {
                case "lung" -> new DataSet(Golden.lung(), 2);
                case "veteran" -> new DataSet(Golden.veteran(), 1);
                case "colon" -> new DataSet(Golden.table("colon.csv"), 1);
                case "pbc" -> new DataSet(Golden.table("pbc.csv"), 2);
                default -> throw new IllegalArgumentException(name);
            };
        }

        SurvivalData survival(String group) {
            return Golden.survival(table, Golden.allRows(table), eventCode, group);
        }
    }

    public static void compareCurves(Conformance c) {
        Map<String, String[]> files = Map.of("km_lung.json", new String[] {"lung", null},
                "km_lung_sex.json", new String[] {"lung", "sex"}, "km_veteran_trt.json", new String[] {"veteran", "trt"},
                "km_colon_rx.json", new String[] {"colon", "rx"});
        for (Map.Entry<String, String[]> file : new java.util.TreeMap<>(files).entrySet()) {
            String dataName = file.getValue()[0];
            String group = file.getValue()[1];
            SurvivalData data = DataSet.of(dataName).survival(group);
            String dataset = dataName + (group == null ? "" : " by " + group);
            for (GoldenJson curve : objects(GoldenJson.load("models/" + file.getKey()), "curves")) {
                ConfidenceType type = ConfidenceType.parse(curve.string("conf_type"));
                String level = curve.string("group");
                KaplanMeierCurve km;
                if (group == null) {
                    km = KaplanMeier.fit(data, type, 0.95);
                } else {
                    List<KaplanMeierCurve> curves = KaplanMeier.fitByGroup(data, type, 0.95);
                    km = curves.get(indexOf(curves.stream().map(KaplanMeierCurve::group).toList(), level));
                }
                String method = "survfit conf.type=" + curve.string("conf_type");
                String ds = dataset + (group == null ? "" : " = " + level);
                c.check(method, ds, "time", km.times(), curve.numbers("time"), 0);
                c.check(method, ds, "n.risk", toDouble(km.nRisk()), curve.numbers("n_risk"), 0);
                c.check(method, ds, "n.event", toDouble(km.nEvent()), curve.numbers("n_event"), 0);
                c.check(method, ds, "n.censor", toDouble(km.nCensor()), curve.numbers("n_censor"), 0);
                c.check(method, ds, "surv", km.survival(), curve.numbers("surv"), CLOSED);
                c.check(method, ds, "std.err", km.stdErrLogSurvival(), curve.numbers("std_err"), CLOSED);
                c.check(method, ds, "lower", km.lower(), curve.numbers("lower"), CLOSED);
                c.check(method, ds, "upper", km.upper(), curve.numbers("upper"), CLOSED);
                c.check(method, ds, "median", km.median(), curve.number("median"), CLOSED);
                c.check(method, ds, "median 0.95LCL", km.medianLower(), curve.number("median_lower"), CLOSED);
                c.check(method, ds, "median 0.95UCL", km.medianUpper(), curve.number("median_upper"), CLOSED);
                KaplanMeierCurve.RestrictedMean rm = km.restrictedMean(curve.number("rmean_tau"));
                c.check(method, ds, "rmean(tau=" + rm.tau() + ")", rm.mean(), curve.number("rmean"), CLOSED);
                c.check(method, ds, "se(rmean)", rm.se(), curve.number("rmean_se"), CLOSED);
                List<KaplanMeierCurve.TimePoint> at = km.at(curve.numbers("at_time"));
                double[][] got = new double[7][at.size()];
                for (int i = 0; i < at.size(); i++) {
                    KaplanMeierCurve.TimePoint p = at.get(i);
                    double[] row = {p.time(), p.nRisk(), p.nEvent(), p.survival(), p.stdErr(), p.lower(), p.upper()};
                    for (int k = 0; k < 7; k++) {
                        got[k][i] = row[k];
                    }
                }
                String[] keys = {"at_time", "at_n_risk", "at_n_event", "at_surv", "at_std_err", "at_lower", "at_upper"};
                for (int k = 0; k < keys.length; k++) {
                    c.check(method, ds, "summary(times) " + keys[k].substring(3), got[k], curve.numbers(keys[k]),
                            k < 3 ? 0 : CLOSED);
                }
            }
        }
    }

    public static void compareSurvdiff(Conformance c) {
        for (GoldenJson t : objects(GoldenJson.load("models/survdiff.json"), "tests")) {
            String dataName = t.string("data");
            String group = t.string("group");
            DataSet set = DataSet.of(dataName);
            int[] rows = set.table().column(group).isNumeric() ? Golden.completeRows(set.table(), group)
                    : Golden.allRows(set.table());
            SurvivalData data = Golden.survival(set.table(), rows, set.eventCode(), group);
            double rho = t.number("rho");
            LogRankTest test = LogRankTest.of(data, rho);
            String method = "survdiff rho=" + (int) rho;
            String ds = dataName + " by " + group;
            List<String> levels = t.strings("levels");
            int[] idx = new int[levels.size()];
            for (int a = 0; a < idx.length; a++) {
                idx[a] = indexOf(test.groups(), levels.get(a));
            }
            c.check(method, ds, "n", permute(toDouble(test.n()), idx), t.numbers("n"), 0);
            c.check(method, ds, "obs", permute(test.observed(), idx), t.numbers("observed"), CLOSED);
            c.check(method, ds, "exp", permute(test.expected(), idx), t.numbers("expected"), CLOSED);
            double[][] var = t.matrix("var");
            double[][] v = test.variance();
            for (int a = 0; a < var.length; a++) {
                c.check(method, ds, "var[" + levels.get(a) + ",]", permute(v[idx[a]], idx), var[a], CLOSED);
            }
            c.check(method, ds, "chisq", test.chiSquare(), t.number("chisq"), CLOSED);
            c.check(method, ds, "df", test.df(), t.number("df"), 0);
            c.check(method, ds, "p", test.pValue(), t.number("p"), CLOSED);
        }
    }

    /** The members of a JSON object whose values are objects (R named lists), in file order. */
    static List<GoldenJson> objects(GoldenJson parent, String key) {
        GoldenJson holder = parent.object(key);
        return holder.asMap().keySet().stream().map(holder::object).toList();
    }

    /** Index of an R level among Radflow's group labels, comparing numbers numerically ("1" = "1.0"). */
    static int indexOf(List<String> labels, String level) {
        return indexOf(labels, level, true);
    }

    private static int indexOf(List<String> labels, String level, boolean required) {
        for (int i = 0; i < labels.size(); i++) {
            String label = labels.get(i);
            if (label.equals(level)) {
                return i;
            }
            try {
                if (Double.parseDouble(label) == Double.parseDouble(level)) {
                    return i;
                }
            } catch (NumberFormatException e) {
                // not numeric: compare as text only
            }
        }
        if (required) {
            throw new IllegalStateException("R level '" + level + "' not among " + labels);
        }
        return -1;
    }

    /** Whether a Radflow label and an R label name the same level ("1" = "1.0"). */
    static boolean sameLabel(String label, String level) {
        return indexOf(List.of(label), level, false) == 0;
    }

    static double[] permute(double[] values, int[] idx) {
        double[] out = new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = values[idx[i]];
        }
        return out;
    }

    static double[] toDouble(int[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
