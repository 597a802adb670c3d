package io.radflow.stats.nodes;

import io.radflow.core.data.Column;
import io.radflow.core.data.Csv;
import io.radflow.core.io.AtomicFiles;
import io.radflow.core.port.PortObject;
import io.radflow.core.port.PortTypes;
import io.radflow.stats.survival.KaplanMeierCurve;
import io.radflow.stats.survival.LogRankTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kaplan-Meier curves of several groups with the log-rank test between them (immutable), the data
 * of port type {@code radflow.survivalCurves}.
 *
 * <p>{@link #write} writes {@code <base>.csv} (columns group, time, n_risk, n_event, n_censor,
 * survival, lower, upper; one row per curve time) and {@code <base>.json} ({@code timeUnit},
 * {@code logRank} with chi2, df and p, and per group n, events, observed, expected and median;
 * NaN as {@code null}).
 */
public final class SurvivalCurves implements PortObject {

    private final List<KaplanMeierCurve> curves;
    private final LogRankTest logRank;
    private final String timeUnit;

    /**
     * @param curves   one curve per group, in display order
     * @param logRank  the log-rank test between the groups, or {@code null} for a single curve
     * @param timeUnit label of the time axis, e.g. "months" or the time column's name
     */
    public SurvivalCurves(List<KaplanMeierCurve> curves, LogRankTest logRank, String timeUnit) {
        if (curves.isEmpty()) {
            throw new IllegalArgumentException("SurvivalCurves needs at least one curve");
        }
        this.curves = List.copyOf(curves);
        this.logRank = logRank;
        this.timeUnit = timeUnit == null ? "" : timeUnit;
    }

    public List<KaplanMeierCurve> curves() {
        return curves;
    }

    /** Group names, in the order of {@link #curves()}. */
    public List<String> groups() {
        List<String> names = new ArrayList<>();
        for (KaplanMeierCurve curve : curves) {
            names.add(curve.group());
        }
        return List.copyOf(names);
    }

    /** The log-rank test, or {@code null} when there is a single curve without test. */
    public LogRankTest logRank() {
        return logRank;
    }

    public String timeUnit() {
        return timeUnit;
    }

    @Override
    public String portTypeId() {
        return PortTypes.SURVIVAL_CURVES;
    }

    /** {@code .logRank.chi2} and {@code .logRank.p} (when groups are compared) and {@code [group].median}. */
    @Override
    public Map<String, Double> metrics() {
        Map<String, Double> out = new LinkedHashMap<>();
        if (logRank != null && logRank.df() > 0) {
            out.put(".logRank.chi2", logRank.chiSquare());
            out.put(".logRank.p", logRank.pValue());
        }
        for (KaplanMeierCurve curve : curves) {
            out.put("[" + curve.group() + "].median", curve.median());
        }
        return out;
    }

    @Override
    public String summary() {
        StringBuilder s = new StringBuilder();
        s.append(curves.size()).append(curves.size() == 1 ? " curve" : " curves");
        for (KaplanMeierCurve c : curves) {
            s.append(", ").append(c.group()).append(": n=").append(c.n()).append(" median=")
                    .append(Column.formatNumber(c.median()));
        }
        if (logRank != null && logRank.df() > 0) {
            s.append(String.format(java.util.Locale.ROOT, ", log-rank p=%.4g", logRank.pValue()));
        }
        return s.toString();
    }

    @Override
    public List<Path> write(Path directory, String baseName) throws IOException {
        Files.createDirectories(directory);
        StringBuilder csv = new StringBuilder();
        csv.append(Csv.formatRow(List.of("group", "time", "n_risk", "n_event", "n_censor", "survival", "lower",
                "upper"))).append('\n');
        for (KaplanMeierCurve c : curves) {
            double[] t = c.times();
            int[] risk = c.nRisk();
            int[] ev = c.nEvent();
            int[] cens = c.nCensor();
            double[] s = c.survival();
            double[] lo = c.lower();
            double[] hi = c.upper();
            for (int i = 0; i < t.length; i++) {
                csv.append(Csv.formatRow(List.of(c.group(), Column.formatNumber(t[i]), Integer.toString(risk[i]),
                        Integer.toString(ev[i]), Integer.toString(cens[i]), Column.formatNumber(s[i]),
                        Column.formatNumber(lo[i]), Column.formatNumber(hi[i])))).append('\n');
            }
        }
        StringBuilder json = new StringBuilder();
        json.append("{\n  \"timeUnit\": ").append(quote(timeUnit)).append(",\n  \"logRank\": ");
        if (logRank == null) {
            json.append("null");
        } else {
            json.append("{\"chi2\": ").append(number(logRank.chiSquare())).append(", \"df\": ").append(logRank.df())
                    .append(", \"p\": ").append(number(logRank.pValue())).append('}');
        }
        json.append(",\n  \"groups\": [");
        for (int g = 0; g < curves.size(); g++) {
            KaplanMeierCurve c = curves.get(g);
            json.append(g == 0 ? "\n" : ",\n").append("    {\"group\": ").append(quote(c.group()))
                    .append(", \"n\": ").append(c.n()).append(", \"events\": ").append(c.events())
                    .append(", \"median\": ").append(number(c.median()));
            int k = logRank == null ? -1 : logRank.groups().indexOf(c.group());
            if (k >= 0) {
                json.append(", \"observed\": ").append(number(logRank.observed()[k])).append(", \"expected\": ")
                        .append(number(logRank.expected()[k]));
            }
            json.append('}');
        }
        json.append("\n  ]\n}\n");
        Path csvFile = directory.resolve(baseName + ".csv");
        Path jsonFile = directory.resolve(baseName + ".json");
        AtomicFiles.writeString(csvFile, csv.toString());
        AtomicFiles.writeString(jsonFile, json.toString());
        return List.of(csvFile, jsonFile);
    }


    private static String number(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "null";
    }

    static String quote(String text) {
        StringBuilder s = new StringBuilder("\"");
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        s.append(String.format("\\u%04x", (int) ch));
                    } else {
                        s.append(ch);
                    }
                }
            }
        }
        return s.append('"').toString();
    }
}
