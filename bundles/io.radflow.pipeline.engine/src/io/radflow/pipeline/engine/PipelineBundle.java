package io.radflow.pipeline.engine;

import io.radflow.core.io.AtomicFiles;
import io.radflow.pipeline.model.Node;
import io.radflow.pipeline.model.Pipeline;
import io.radflow.pipeline.model.io.PipelineFormatException;
import io.radflow.pipeline.model.io.PipelineYaml;
import io.radflow.core.io.Json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A pipeline bundle: one zip that carries a pipeline to another lab, with everything needed to check it there.
 *
 * <pre>
 * radflow-bundle.json        format, name, creating program, the node types and versions the pipeline needs
 * pipeline.yaml              the pipeline (readable YAML, docs/pipeline-format.md)
 * parameters/...             derived parameter files, e.g. parameters/pyradiomics.yaml
 * models/...                 trained models, one folder per node id ({@link TrainedPipeline}: the trained state of
 *                            scalers, selectors, models, cut-points and nomograms, applied by radflow-cli apply)
 * SHA256SUMS                 SHA-256 of every other entry, in the format of sha256sum (verifiable with sha256sum -c)
 * </pre>
 *
 * <p>Entries are written in name order with a fixed time stamp, so the same content gives the same bytes.
 * {@link #verify} reports, without extracting anything: entries with unsafe names (absolute, {@code ..}),
 * duplicates, files missing from or not covered by {@code SHA256SUMS}, checksum mismatches (tampered or damaged
 * content), an unreadable pipeline, node types that are not installed and version differences.
 * {@link #extract} refuses a bundle with errors other than missing node types, and never overwrites files.
 */
public final class PipelineBundle {

    /** Entry names of the fixed parts. */
    public static final String MANIFEST = "radflow-bundle.json";
    public static final String PIPELINE = "pipeline.yaml";
    public static final String CHECKSUMS = "SHA256SUMS";
    public static final String MODELS = "models/";
    /** Format id written to the manifest. */
    public static final String FORMAT = "radflow-bundle/1.0";

    private static final long FIXED_TIME = 315532800000L + 86_400_000L; // 1980-01-02, valid in every zip time zone
    private static final int MAX_ENTRIES = 10_000;
    private static final long MAX_ENTRY_BYTES = 2L << 30;

    /** Outcome of {@link #verify}: errors make the bundle unusable, warnings do not. */
    public record Report(List<String> errors, List<String> warnings, List<String> missingNodeTypes) {
        public Report {
            errors = List.copyOf(errors);
            warnings = List.copyOf(warnings);
            missingNodeTypes = List.copyOf(missingNodeTypes);
        }

        public boolean ok() {
            return errors.isEmpty();
        }

        /** Whether the only errors are node types that are not installed (the files themselves are intact). */
        public boolean intact() {
            return errors.size() == missingNodeTypes.size();
        }
    }

    private PipelineBundle() {
    }

    /**
     * Writes a bundle (atomically: an existing file is replaced only when the new one is complete).
     *
     * @param files  further entries by name ({@code parameters/...} or {@code models/...}), in any order
     */
    public static void create(Path zip, Pipeline pipeline, NodeTypeRegistry registry, Map<String, byte[]> files,
            String createdBy) throws IOException {
        Map<String, byte[]> entries = new TreeMap<>();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            String name = file.getKey();
            if (!(name.startsWith("parameters/") || name.startsWith(MODELS)) || unsafe(name)) {
                throw new IllegalArgumentException("bundle entry '" + name + "': extra files go under parameters/ or "
                        + MODELS + " and may not contain '..'");
            }
            entries.put(name, file.getValue());
        }
        entries.put(PIPELINE, PipelineYaml.toYaml(pipeline).getBytes(StandardCharsets.UTF_8));
        entries.put(MANIFEST, Json.write(manifest(pipeline, registry, entries, createdBy)).getBytes(StandardCharsets.UTF_8));
        StringBuilder sums = new StringBuilder();
        entries.forEach((name, bytes) -> sums.append(sha256(bytes)).append("  ").append(name).append('\n'));
        entries.put(CHECKSUMS, sums.toString().getBytes(StandardCharsets.UTF_8));
        Path target = zip.toAbsolutePath();
        Files.createDirectories(target.getParent());
        AtomicFiles.write(target, stream -> {
            ZipOutputStream out = new ZipOutputStream(stream);
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                ZipEntry e = new ZipEntry(entry.getKey());
                e.setTime(FIXED_TIME);
                out.putNextEntry(e);
                out.write(entry.getValue());
                out.closeEntry();
            }
            out.finish();
        });
    }

    private static Map<String, Object> manifest(Pipeline pipeline, NodeTypeRegistry registry, Map<String, byte[]> entries,
            String createdBy) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        root.put("name", pipeline.getName());
        root.put("createdBy", createdBy);
        root.put("pipeline", PIPELINE);
        List<Object> types = new ArrayList<>();
        Map<String, String> seen = new TreeMap<>();
        for (Node node : pipeline.getNodes()) {
            seen.putIfAbsent(node.getTypeId(), node.getTypeVersion());
        }
        seen.forEach((id, version) -> {
            Map<String, Object> type = new LinkedHashMap<>();
            type.put("id", id);
            type.put("version", version);
            type.put("contributor", registry.nodeType(id).map(NodeType::contributor).orElse(null));
            types.add(type);
        });
        root.put("nodeTypes", types);
        root.put("parameters", entries.keySet().stream().filter(n -> n.startsWith("parameters/")).toList());
        root.put("models", entries.keySet().stream().filter(n -> n.startsWith(MODELS)).toList());
        return root;
    }

    /** Checks a bundle against its checksums and the installed node types; reads, never writes. */
    public static Report verify(Path zip, NodeTypeRegistry registry) {
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        Map<String, byte[]> entries;
        try {
            entries = read(zip, errors);
        } catch (IOException e) {
            errors.add(zip.getFileName() + ": not a readable zip file: " + e.getMessage());
            return new Report(errors, warnings, missing);
        }
        byte[] sums = entries.get(CHECKSUMS);
        if (sums == null) {
            errors.add(zip.getFileName() + ": no " + CHECKSUMS + " entry; the content cannot be checked");
        } else {
            Map<String, String> expected = checksums(new String(sums, StandardCharsets.UTF_8), errors, zip);
            expected.forEach((name, hash) -> {
                byte[] bytes = entries.get(name);
                if (bytes == null) {
                    errors.add(zip.getFileName() + ": " + name + " is listed in " + CHECKSUMS + " but missing");
                } else if (!sha256(bytes).equals(hash)) {
                    errors.add(zip.getFileName() + ": " + name + ": SHA-256 mismatch (expected " + hash + ", found "
                            + sha256(bytes) + "); the file was changed or damaged after the bundle was made");
                }
            });
            entries.keySet().stream().filter(n -> !n.equals(CHECKSUMS) && !expected.containsKey(n))
                    .forEach(n -> errors.add(zip.getFileName() + ": " + n + " is not covered by " + CHECKSUMS));
        }
        byte[] yaml = entries.get(PIPELINE);
        if (yaml == null) {
            errors.add(zip.getFileName() + ": no " + PIPELINE + " entry");
            return new Report(errors, warnings, missing);
        }
        Pipeline pipeline;
        try {
            pipeline = PipelineYaml.fromYaml(new String(yaml, StandardCharsets.UTF_8), zip.getFileName() + "!" + PIPELINE);
        } catch (PipelineFormatException e) {
            errors.add(e.getMessage());
            return new Report(errors, warnings, missing);
        }
        for (Node node : pipeline.getNodes()) {
            if (registry.nodeType(node.getTypeId()).isEmpty()) {
                String message = zip.getFileName() + ": node '" + node.getId() + "' needs node type " + node.getTypeId()
                        + " " + node.getTypeVersion() + ", which is not installed";
                if (!missing.contains(node.getTypeId())) {
                    missing.add(node.getTypeId());
                    errors.add(message);
                }
            }
        }
        new PipelineMigration(registry).migrate(pipeline)
                .forEach(m -> warnings.add(zip.getFileName() + ": " + m + " when the pipeline is loaded"));
        for (ValidationProblem problem : new PipelineValidator(registry).validate(pipeline)) {
            if (problem.message().startsWith("unknown node type")) {
                continue; // reported above
            }
            (problem.isError() ? errors : warnings).add(zip.getFileName() + "!" + PIPELINE + ": " + problem);
        }
        return new Report(errors, warnings, missing);
    }

    /**
     * Writes the bundle's files into {@code folder} after {@link #verify}; a bundle whose content fails its checks
     * is refused and nothing is written. Missing node types do not stop the extraction (install them, then run).
     *
     * @throws IOException naming the problems when the bundle is not intact, or an existing file would be overwritten
     */
    public static Report extract(Path zip, NodeTypeRegistry registry, Path folder) throws IOException {
        Report report = verify(zip, registry);
        if (!report.intact()) {
            throw new IOException(zip.getFileName() + " is not extracted: " + String.join("; ", report.errors()));
        }
        Map<String, byte[]> entries = read(zip, new ArrayList<>());
        for (String name : entries.keySet()) {
            if (Files.exists(folder.resolve(name))) {
                throw new IOException(zip.getFileName() + " is not extracted: " + folder.resolve(name)
                        + " exists and is never overwritten");
            }
        }
        for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
            Path file = folder.resolve(entry.getKey());
            Files.createDirectories(file.getParent());
            AtomicFiles.write(file, out -> out.write(entry.getValue()));
        }
        return report;
    }

    /** The file entries by name; unsafe or duplicate names are reported in {@code errors} and left out. */
    static Map<String, byte[]> read(Path zip, List<String> errors) throws IOException {
        Map<String, byte[]> entries = new TreeMap<>();
        try (InputStream file = Files.newInputStream(zip); ZipInputStream in = new ZipInputStream(file)) {
            ZipEntry entry;
            int count = 0;
            while ((entry = in.getNextEntry()) != null) {
                if (++count > MAX_ENTRIES) {
                    throw new ZipException("more than " + MAX_ENTRIES + " entries");
                }
                String name = entry.getName();
                if (entry.isDirectory()) {
                    continue;
                }
                if (unsafe(name)) {
                    errors.add(zip.getFileName() + ": entry '" + name + "' has an unsafe name (absolute or with '..')");
                    continue;
                }
                byte[] bytes = readLimited(in, name);
                if (entries.put(name, bytes) != null) {
                    errors.add(zip.getFileName() + ": entry '" + name + "' appears twice");
                }
            }
            if (count == 0) {
                throw new ZipException("no entries");
            }
        }
        return entries;
    }

    private static byte[] readLimited(InputStream in, String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[65536];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > MAX_ENTRY_BYTES) {
                throw new ZipException("entry " + name + " is larger than " + MAX_ENTRY_BYTES + " bytes");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static Map<String, String> checksums(String text, List<String> errors, Path zip) {
        Map<String, String> sums = new LinkedHashMap<>();
        int line = 0;
        for (String row : text.split("\n")) {
            line++;
            if (row.isBlank()) {
                continue;
            }
            if (!row.matches("[0-9a-f]{64} [ *].+")) {
                errors.add(zip.getFileName() + ": " + CHECKSUMS + " line " + line + " is not '<sha256>  <file>': " + row);
                continue;
            }
            sums.put(row.substring(66), row.substring(0, 64));
        }
        return sums;
    }

    private static boolean unsafe(String name) {
        return name.startsWith("/") || name.contains("\\") || name.contains(":")
                || Stream.of(name.split("/")).anyMatch(part -> part.equals("..") || part.isEmpty());
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
