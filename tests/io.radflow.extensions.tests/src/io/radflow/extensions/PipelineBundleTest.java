package io.radflow.extensions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.cli.RadflowCli;
import io.radflow.pipeline.engine.NodeTypeRegistry;
import io.radflow.pipeline.engine.PipelineBundle;
import io.radflow.pipeline.model.Pipeline;
import io.radflow.pipeline.model.io.PipelineFiles;
import io.radflow.pipeline.model.io.PipelineYaml;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pipeline bundles: made by {@code radflow-cli bundle create}, checked by {@code verify}, unpacked by
 * {@code extract}; tampered content, a missing node type and unsafe entries are reported clearly and nothing is
 * written or overwritten.
 */
class PipelineBundleTest {

    private final NodeTypeRegistry registry = NodeTypeRegistry.fromPlatform();

    @TempDir
    Path temp;

    private Path demo;
    private Path bundle;
    private String out;
    private String err;

    @BeforeEach
    void createBundle() throws Exception {
        demo = ExchangeTest.repo().resolve("examples/demo.radflow");
        Path models = Files.createDirectories(temp.resolve("models/cox"));
        Files.writeString(models.resolve("coefficients.csv"), "term,estimate\nfeature,0.25\n");
        bundle = temp.resolve("demo.zip");
        assertEquals(0, cli("bundle", "create", demo.toString(), "-o", bundle.toString(), "--models",
                temp.resolve("models").toString()), err);
    }

    @Test
    void createdBundleVerifiesExtractsAndIsReproducible() throws Exception {
        Map<String, byte[]> entries = entries(bundle);
        assertEquals(List.of("SHA256SUMS", "models/cox/coefficients.csv", "parameters/pyradiomics.yaml",
                "pipeline.yaml", "radflow-bundle.json"), List.copyOf(entries.keySet()));
        String manifest = new String(entries.get("radflow-bundle.json"), StandardCharsets.UTF_8);
        assertTrue(manifest.contains("\"format\": \"radflow-bundle/1.0\""), manifest);
        assertTrue(manifest.contains("\"id\": \"radflow.stats.univariateCox\""), manifest);
        assertTrue(manifest.contains("\"models/cox/coefficients.csv\""), manifest);
        String sums = new String(entries.get("SHA256SUMS"), StandardCharsets.UTF_8);
        assertTrue(sums.contains(io.radflow.core.io.AtomicFiles.sha256(
                temp.resolve("models/cox/coefficients.csv")) + "  models/cox/coefficients.csv"), sums);

        assertEquals(0, cli("bundle", "verify", bundle.toString()), err);
        assertTrue(out.contains(": OK"), out);

        Path again = temp.resolve("again.zip");
        assertEquals(0, cli("bundle", "create", demo.toString(), "-o", again.toString(), "--models",
                temp.resolve("models").toString()));
        assertArrayEquals(Files.readAllBytes(bundle), Files.readAllBytes(again), "same content, same bytes");

        Path folder = temp.resolve("unpacked");
        assertEquals(0, cli("bundle", "extract", bundle.toString(), "-o", folder.toString()), err);
        Pipeline unpacked = PipelineFiles.load(folder.resolve("pipeline.yaml"));
        assertEquals(PipelineYaml.toYaml(PipelineFiles.load(demo)), PipelineYaml.toYaml(unpacked));
        assertEquals("term,estimate\nfeature,0.25\n", Files.readString(folder.resolve("models/cox/coefficients.csv")));

        // a second extraction would overwrite: refused, the files stay as they are
        Files.writeString(folder.resolve("pipeline.yaml"), "edited by the user");
        assertEquals(2, cli("bundle", "extract", bundle.toString(), "-o", folder.toString()));
        assertTrue(err.contains("exists and is never overwritten"), err);
        assertEquals("edited by the user", Files.readString(folder.resolve("pipeline.yaml")));
    }

    @Test
    void tamperedModelFileIsReportedAndNotExtracted() throws Exception {
        Path tampered = rewrite(bundle, "tampered.zip", Map.of("models/cox/coefficients.csv",
                text -> text.replace("0.25", "2.5")));
        assertEquals(2, cli("bundle", "verify", tampered.toString()));
        assertTrue(err.contains("tampered.zip: models/cox/coefficients.csv: SHA-256 mismatch (expected "), err);
        assertTrue(err.contains("the file was changed or damaged after the bundle was made"), err);
        assertTrue(out.contains("NOT OK (1 error(s))"), out);
        Path folder = temp.resolve("never");
        assertEquals(2, cli("bundle", "extract", tampered.toString(), "-o", folder.toString()));
        assertTrue(err.contains("tampered.zip is not extracted"), err);
        assertFalse(Files.exists(folder), "nothing is written");
    }

    @Test
    void missingNodeTypeIsNamedAndTheFilesStillExtract() throws Exception {
        Path resigned = resign(rewrite(bundle, "missing.zip", Map.of(
                "pipeline.yaml", text -> text.replace("radflow.stats.univariateCox", "org.lab.coxnet"))));
        PipelineBundle.Report report = PipelineBundle.verify(resigned, registry);
        assertEquals(List.of("org.lab.coxnet"), report.missingNodeTypes());
        assertTrue(report.intact());
        assertEquals(2, cli("bundle", "verify", resigned.toString()));
        assertTrue(err.contains("node 'cox' needs node type org.lab.coxnet 1.0.0, which is not installed"), err);
        assertTrue(out.contains("missing node types: org.lab.coxnet"), out);
        assertEquals(0, cli("bundle", "extract", resigned.toString(), "-o", temp.resolve("x").toString()));
        assertTrue(out.contains("install the missing node types"), out);
    }

    @Test
    void unsafeEntriesUnlistedFilesAndNonZipsAreRejected() throws Exception {
        Map<String, byte[]> entries = entries(bundle);
        entries.put("../escape.txt", "x".getBytes(StandardCharsets.UTF_8));
        entries.put("models/extra.bin", new byte[] {1, 2, 3});
        Path bad = write(temp.resolve("bad.zip"), entries);
        PipelineBundle.Report report = PipelineBundle.verify(bad, registry);
        assertTrue(report.errors().contains("bad.zip: entry '../escape.txt' has an unsafe name (absolute or with '..')"),
                report.errors().toString());
        assertTrue(report.errors().contains("bad.zip: models/extra.bin is not covered by SHA256SUMS"),
                report.errors().toString());
        IOException e = assertThrows(IOException.class,
                () -> PipelineBundle.extract(bad, registry, temp.resolve("bad")));
        assertTrue(e.getMessage().startsWith("bad.zip is not extracted: "), e.getMessage());
        assertFalse(Files.exists(temp.resolve("escape.txt")));

        Path notZip = Files.writeString(temp.resolve("notes.zip"), "just text");
        assertTrue(PipelineBundle.verify(notZip, registry).errors().get(0).startsWith("notes.zip: not a readable zip file"));
    }

    /** Rewrites entries of {@code zip} (keeping SHA256SUMS as it was unless edited). */
    private Path rewrite(Path zip, String name, Map<String, UnaryOperator<String>> edits) throws IOException {
        Map<String, byte[]> entries = entries(zip);
        edits.forEach((entry, edit) -> entries.put(entry, edit.apply(new String(entries.get(entry),
                StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)));
        return write(temp.resolve(name), entries);
    }

    /** Recomputes SHA256SUMS, as someone would who edits a bundle on purpose. */
    private Path resign(Path zip) throws Exception {
        Map<String, byte[]> entries = entries(zip);
        StringBuilder sums = new StringBuilder();
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            if (!e.getKey().equals("SHA256SUMS")) {
                Path f = Files.write(temp.resolve("sum.tmp"), e.getValue());
                sums.append(io.radflow.core.io.AtomicFiles.sha256(f)).append("  ").append(e.getKey()).append('\n');
            }
        }
        entries.put("SHA256SUMS", sums.toString().getBytes(StandardCharsets.UTF_8));
        return write(temp.resolve("resigned-" + zip.getFileName()), entries);
    }

    static Map<String, byte[]> entries(Path zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (InputStream file = Files.newInputStream(zip); ZipInputStream in = new ZipInputStream(file)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    static Path write(Path zip, Map<String, byte[]> entries) throws IOException {
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return zip;
    }

    private int cli(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = RadflowCli.execute(args, () -> registry, new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8));
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return code;
    }
}
