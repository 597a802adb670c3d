package io.radflow.pipeline.engine;

import io.radflow.core.data.Csv;
import io.radflow.core.io.AtomicFiles;
import io.radflow.pipeline.model.Pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The run report ({@code report.html}): one self-contained HTML file with the pipeline (nodes, status, timings and
 * parameters), every output of every node in execution order (CSV tables as HTML tables of their first
 * {@value #MAX_ROWS} rows, PNG figures inlined as base64, SVG figures inline, JSON and text files as preformatted
 * text), the patient failures and the run manifest. It references no other file, so it can be mailed or archived
 * alone.
 */
final class RunReport {

    /** Rows of a CSV table shown in the report. */
    static final int MAX_ROWS = 50;
    private static final int MAX_TEXT = 20_000;

    private RunReport() {
    }

    static void write(Path file, Pipeline pipeline, RunStatus status, List<NodeRunRecord> nodes, Path manifest)
            throws IOException {
        StringBuilder h = new StringBuilder();
        String title = pipeline.getName() == null ? "Radflow run" : pipeline.getName();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(esc(title))
                .append("</title>\n<style>body{font-family:sans-serif;margin:2em;max-width:1200px}"
                        + "table{border-collapse:collapse;font-size:12px;margin:0.5em 0}td,th{border:1px solid #bbb;"
                        + "padding:2px 6px;text-align:left}th{background:#eee}.FAILED,.SKIPPED,.CANCELED{color:#b00}"
                        + "pre{background:#f6f6f6;padding:0.5em;overflow:auto;max-height:30em}"
                        + ".scroll{overflow:auto;max-height:40em}img,svg{max-width:100%;height:auto}</style></head><body>\n");
        h.append("<h1>").append(esc(title)).append("</h1>\n<p>Status: <b class=\"").append(status.name()).append("\">")
                .append(status.name()).append("</b></p>\n");
        if (pipeline.getDescription() != null && !pipeline.getDescription().isBlank()) {
            h.append("<p>").append(esc(pipeline.getDescription())).append("</p>\n");
        }
        h.append("<h2>Pipeline</h2>\n<table><tr><th>node</th><th>type</th><th>version</th><th>status</th>"
                + "<th>ms</th><th>parameters</th></tr>\n");
        for (NodeRunRecord r : nodes) {
            StringBuilder params = new StringBuilder();
            new TreeMap<>(r.parameters()).forEach((k, v) -> params.append(esc(k)).append(" = ").append(esc(v)).append("<br>"));
            h.append("<tr><td><a href=\"#node-").append(esc(r.nodeId())).append("\">").append(esc(r.nodeId()))
                    .append("</a></td><td>").append(esc(r.typeId())).append("</td><td>").append(esc(r.typeVersion()))
                    .append("</td><td class=\"").append(r.status().name()).append("\">").append(r.status().name())
                    .append(r.error() == null ? "" : ": " + esc(r.error())).append("</td><td>").append(r.durationMillis())
                    .append("</td><td>").append(params).append("</td></tr>\n");
        }
        h.append("</table>\n<h2>Outputs</h2>\n");
        for (NodeRunRecord r : nodes) {
            h.append("<h3 id=\"node-").append(esc(r.nodeId())).append("\">").append(esc(r.nodeId())).append(" <small>(")
                    .append(esc(r.typeId())).append(")</small></h3>\n");
            if (r.files().isEmpty()) {
                h.append("<p>No outputs").append(r.error() == null ? "" : ": " + esc(r.error())).append("</p>\n");
            }
            for (Map.Entry<String, List<Path>> e : new TreeMap<>(r.files()).entrySet()) {
                h.append("<h4>").append(esc(e.getKey())).append(" <small>")
                        .append(r.outputs().containsKey(e.getKey()) ? esc(r.outputs().get(e.getKey()).summary()) : "")
                        .append("</small></h4>\n");
                for (Path f : e.getValue()) {
                    embed(f, h);
                }
            }
        }
        List<PatientFailure> failures = nodes.stream().flatMap(n -> n.patientFailures().stream()).toList();
        h.append("<h2>Patient failures (").append(failures.size()).append(")</h2>\n");
        if (!failures.isEmpty()) {
            h.append("<div class=\"scroll\"><table><tr><th>node</th><th>patient</th><th>field</th><th>message</th></tr>\n");
            for (PatientFailure f : failures) {
                h.append("<tr><td>").append(esc(f.nodeId())).append("</td><td>").append(esc(f.patientId()))
                        .append("</td><td>").append(esc(f.field())).append("</td><td>").append(esc(f.message()))
                        .append("</td></tr>\n");
            }
            h.append("</table></div>\n");
        }
        if (manifest != null && Files.isRegularFile(manifest)) {
            h.append("<h2>Run manifest</h2>\n<pre>").append(esc(Files.readString(manifest, StandardCharsets.UTF_8)))
                    .append("</pre>\n");
        }
        h.append("</body></html>\n");
        AtomicFiles.writeString(file, h.toString());
    }

    private static void embed(Path f, StringBuilder h) throws IOException {
        String name = f.getFileName().toString();
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        h.append("<p><code>").append(esc(name)).append("</code></p>\n");
        if (lower.endsWith(".csv")) {
            List<List<String>> rows = Csv.read(f);
            h.append("<div class=\"scroll\"><table>\n");
            for (int i = 0; i < rows.size() && i <= MAX_ROWS; i++) {
                String cell = i == 0 ? "th" : "td";
                h.append("<tr>");
                for (String c : rows.get(i)) {
                    h.append('<').append(cell).append('>').append(esc(c)).append("</").append(cell).append('>');
                }
                h.append("</tr>\n");
            }
            h.append("</table></div>\n");
            if (rows.size() - 1 > MAX_ROWS) {
                h.append("<p>First ").append(MAX_ROWS).append(" of ").append(rows.size() - 1).append(" rows.</p>\n");
            }
        } else if (lower.endsWith(".png")) {
            h.append("<img alt=\"").append(esc(name)).append("\" src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(Files.readAllBytes(f))).append("\">\n");
        } else if (lower.endsWith(".svg")) {
            String svg = Files.readString(f, StandardCharsets.UTF_8);
            int start = svg.indexOf("<svg");
            h.append("<div>").append(start < 0 ? esc(svg) : svg.substring(start)).append("</div>\n");
        } else if (lower.endsWith(".json") || lower.endsWith(".txt")) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            h.append("<pre>").append(esc(text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "\n..." : text))
                    .append("</pre>\n");
        }
    }

    private static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
