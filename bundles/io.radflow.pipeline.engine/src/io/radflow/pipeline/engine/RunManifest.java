package io.radflow.pipeline.engine;

import io.radflow.core.io.AtomicFiles;
import io.radflow.pipeline.model.Pipeline;
import io.radflow.core.io.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run manifest ({@code manifest.json}): what ran, on which inputs (with SHA-256), with which node
 * versions and parameters, how long each node took, what it wrote and which patients failed, so a
 * run can be reproduced and audited.
 */
final class RunManifest {

    static final String FORMAT = "radflow-run-manifest/1";

    private RunManifest() {
    }

    static void write(Path file, Pipeline pipeline, RunOptions options, RunStatus status, Instant started,
            Instant finished, List<NodeRunRecord> nodes, List<Path> inputs) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", pipeline.getName());
        if (options.pipelineFile() != null) {
            p.put("file", options.pipelineFile().toAbsolutePath().toString());
            p.put("sha256", AtomicFiles.sha256(options.pipelineFile()));
        }
        root.put("pipeline", p);
        root.put("status", status.name());
        root.put("startedAt", started.toString());
        root.put("finishedAt", finished.toString());
        root.put("durationMillis", finished.toEpochMilli() - started.toEpochMilli());
        Map<String, Object> environment = new LinkedHashMap<>();
        environment.put("java", System.getProperty("java.version"));
        environment.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        root.put("environment", environment);
        List<Object> inputList = new ArrayList<>();
        for (Path input : inputs.stream().sorted().toList()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("path", input.toString());
            if (Files.isRegularFile(input)) {
                entry.put("bytes", Files.size(input));
                entry.put("sha256", AtomicFiles.sha256(input));
            } else {
                entry.put("missing", true);
            }
            inputList.add(entry);
        }
        root.put("inputs", inputList);
        List<Object> nodeList = new ArrayList<>();
        List<Object> failures = new ArrayList<>();
        for (NodeRunRecord record : nodes) {
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("id", record.nodeId());
            n.put("type", record.typeId());
            n.put("version", record.typeVersion());
            n.put("contributor", record.contributor());
            n.put("parameters", new java.util.TreeMap<>(record.parameters()));
            n.put("status", record.status().name());
            n.put("durationMillis", record.durationMillis());
            if (record.error() != null) {
                n.put("error", record.error());
            }
            List<Object> outputs = new ArrayList<>();
            for (Map.Entry<String, List<Path>> e : record.files().entrySet()) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("port", e.getKey());
                o.put("type", record.outputs().get(e.getKey()).portTypeId());
                o.put("summary", record.outputs().get(e.getKey()).summary());
                List<Object> files = new ArrayList<>();
                for (Path f : e.getValue()) {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("path", file.toAbsolutePath().getParent().relativize(f.toAbsolutePath()).toString());
                    entry.put("sha256", AtomicFiles.sha256(f));
                    files.add(entry);
                }
                o.put("files", files);
                outputs.add(o);
            }
            n.put("outputs", outputs);
            n.put("patientFailures", record.patientFailures().size());
            nodeList.add(n);
            for (PatientFailure f : record.patientFailures()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("node", f.nodeId());
                m.put("patient", f.patientId());
                m.put("field", f.field());
                m.put("message", f.message());
                failures.add(m);
            }
        }
        root.put("nodes", nodeList);
        root.put("patientFailures", failures);
        Json.writeFile(root, file);
    }
}
