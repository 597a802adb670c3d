package io.radflow.pipeline.engine;

import static io.radflow.pipeline.engine.TestNodeTypes.connect;
import static io.radflow.pipeline.engine.TestNodeTypes.node;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.cli.RadflowCli;
import io.radflow.core.data.Table;
import io.radflow.image.Image3D;
import io.radflow.image.ImageGeometry;
import io.radflow.image.io.ImageFiles;
import io.radflow.pipeline.model.Node;
import io.radflow.pipeline.model.Pipeline;
import io.radflow.pipeline.model.io.PipelineFiles;
import io.radflow.testsupport.TestOutput;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.eclipse.emf.ecore.util.EcoreUtil;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo pipeline end to end on the installed node types (as contributed by the bundles'
 * plugin.xml), bad input isolated per patient, and the CLI's commands and exit codes.
 */
class DemoPipelineTest {

    static final List<String> DEMO_TYPES = List.of("radflow.io.cohort", "radflow.features.firstOrder",
            "radflow.stats.univariateCox", "radflow.stats.cutpoint", "radflow.stats.kaplanMeier",
            "radflow.charts.kaplanMeierPlot");

    static NodeTypeRegistry registry;
    static Path demo;
    static Path cache;

    @TempDir
    Path temp;

    @BeforeAll
    static void setUp() throws Exception {
        registry = NodeTypeRegistry.fromPlatform();
        demo = Path.of(System.getProperty("radflow.repo.root"), "examples", "demo.radflow");
        cache = TestOutput.folder("cache");
        Files.createDirectories(cache);
    }

    private int cli(ByteArrayOutputStream out, ByteArrayOutputStream err, String... args) {
        return RadflowCli.execute(args, () -> registry, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void registryHasTheDemoNodeTypesAndNoBrokenContributions() {
        assertEquals(List.of(), registry.problems());
        for (String id : DEMO_TYPES) {
            assertTrue(registry.nodeType(id).isPresent(), id + " is not registered");
        }
        assertTrue(registry.portType("radflow.survivalCurves").isPresent());
        assertTrue(registry.portType("radflow.figure").isPresent());
    }

    @Test
    void demoRunsEndToEndAndWritesTheDocumentedFiles() throws Exception {
        Path out = temp.resolve("demo-run");
        RunResult result = new PipelineExecutor(registry).execute(PipelineFiles.load(demo),
                new RunOptions(demo.getParent(), cache, out, demo), RunMonitor.NONE);
        assertEquals(RunStatus.SUCCEEDED, result.status(), result.nodes().toString());
        Table features = Table.readCsv(out.resolve("firstorder/features.csv"));
        assertEquals(60, features.rowCount());
        assertTrue(features.hasColumn("original_firstorder_Entropy"));
        Table cox = Table.readCsv(out.resolve("cox/table.csv"));
        assertEquals(features.columnCount() - 1, cox.rowCount(), "one Cox row per feature");
        double bestP = cox.column("p_wald").number(0);
        for (int i = 1; i < cox.rowCount(); i++) {
            double p = cox.column("p_wald").number(i);
            assertTrue(Double.isNaN(p) || p >= bestP, "Cox table sorted by p");
        }
        // The split is on the best feature and the curves separate (the cohort links texture to survival).
        String km = Files.readString(out.resolve("km/curves.json"));
        Matcher m = Pattern.compile("\"p\"\\s*:\\s*([0-9.eE-]+)").matcher(km);
        assertTrue(m.find(), km);
        assertTrue(Double.parseDouble(m.group(1)) < 0.01, "log-rank p of the median split: " + m.group(1));
        BufferedImage png = ImageIO.read(out.resolve("kmplot/figure.png").toFile());
        assertEquals(800, png.getWidth());
        assertEquals(600, png.getHeight());
        assertTrue(Files.readString(out.resolve("kmplot/figure.svg")).contains("<svg"));
        String manifest = Files.readString(out.resolve("manifest.json"));
        int hashes = manifest.split("\"sha256\"", -1).length - 1;
        assertTrue(hashes >= 60 * io.radflow.demo.DemoCohortGenerator.FILE_COLUMNS.size() + 1, "inputs with hashes in the manifest: " + hashes);
        for (String id : DEMO_TYPES) {
            assertTrue(manifest.contains("\"type\": \"" + id + "\""), id);
        }
        assertTrue(manifest.contains("\"durationMillis\""));
        String report = Files.readString(out.resolve(PipelineExecutor.REPORT_FILE));
        assertTrue(report.contains("data:image/png;base64,") && report.contains("<svg"), "figures inlined");
        assertTrue(report.contains("<th>original_firstorder_Entropy</th>"), "tables as HTML tables");
        assertTrue(report.contains("radflow-run-manifest/1") && report.contains("binWidth = 25"), "manifest and parameters");
        assertTrue(!report.contains("src=\"http") && !report.contains("href=\"http") && !report.contains("src=\"file"),
                "self-contained");
    }

    @Test
    void badPatientsAreIsolatedAndListed() throws Exception {
        Path cohortDir = temp.resolve("bad-cohort");
        Files.createDirectories(cohortDir);
        Path demoCohort = cache.resolve(io.radflow.demo.CohortLoaderNode.DEMO_FOLDER);
        new PipelineExecutor(registry).executeSingle("radflow.io.cohort", java.util.Map.of(), java.util.Map.of(),
                new RunOptions(temp, cache, null), RunMonitor.NONE);
        for (String id : List.of("P001", "P002", "P003")) {
            for (String kind : List.of("portal", "mask")) {
                Files.copy(demoCohort.resolve(id + "_" + kind + ".nii.gz"), cohortDir.resolve(id + "_" + kind + ".nii.gz"));
            }
        }
        // P002: truncated image; P003: mask on another grid; P004: no mask at all
        byte[] bytes = Files.readAllBytes(cohortDir.resolve("P002_portal.nii.gz"));
        Files.write(cohortDir.resolve("P002_portal.nii.gz"), java.util.Arrays.copyOf(bytes, bytes.length / 3));
        ImageFiles.write(new Image3D(ImageGeometry.of(10, 10, 10, new double[3], new double[] {1, 1, 1}), new double[1000]),
                cohortDir.resolve("P003_mask.nii.gz"));
        Files.copy(demoCohort.resolve("P004_portal.nii.gz"), cohortDir.resolve("P004_portal.nii.gz"));
        Files.writeString(cohortDir.resolve("cohort.csv"), "PatientID,portal,mask\nP001,P001_portal.nii.gz,P001_mask.nii.gz\n"
                + "P002,P002_portal.nii.gz,P002_mask.nii.gz\nP003,P003_portal.nii.gz,P003_mask.nii.gz\nP004,P004_portal.nii.gz,\n");
        Pipeline p = TestNodeTypes.pipeline("bad");
        Node cohort = node(p, "cohort", "radflow.io.cohort", "manifest", "bad-cohort/cohort.csv");
        Node firstOrder = node(p, "firstorder", "radflow.features.firstOrder", "label", "2");
        connect(p, cohort, "cohort", firstOrder, "cohort");
        Path pipelineFile = temp.resolve("bad.radflow");
        PipelineFiles.save(p, pipelineFile);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = cli(out, err, "run", pipelineFile.toString(), "--out", temp.resolve("bad-run").toString(), "--cache",
                cache.toString());
        String errors = err.toString(StandardCharsets.UTF_8);
        assertEquals(3, code, out + "\n" + errors);
        assertTrue(errors.contains("patient P002") && errors.contains("P002_portal.nii.gz"), errors);
        assertTrue(errors.contains("patient P003") && errors.contains("P003_mask.nii.gz"), errors);
        assertTrue(errors.contains("patient P004"), errors);
        assertEquals(1, Table.readCsv(temp.resolve("bad-run/firstorder/features.csv")).rowCount());
        String manifest = Files.readString(temp.resolve("bad-run/manifest.json"));
        assertTrue(manifest.contains("\"patient\": \"P003\""), manifest);
    }

    @Test
    void cliValidateListExportImport() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(0, cli(out, err, "validate", demo.toString()), err.toString());

        Path unknown = temp.resolve("unknown.radflow");
        Pipeline p = TestNodeTypes.pipeline("unknown");
        node(p, "x", "lab.not.installed");
        PipelineFiles.save(p, unknown);
        err.reset();
        assertEquals(2, cli(out, err, "validate", unknown.toString()));
        assertTrue(err.toString().contains("unknown node type 'lab.not.installed'"), err.toString());
        err.reset();
        assertEquals(2, cli(out, err, "run", unknown.toString(), "--out", temp.resolve("u").toString()));

        out.reset();
        assertEquals(0, cli(out, err, "list-nodes", "--format", "json"));
        for (String id : DEMO_TYPES) {
            assertTrue(out.toString().contains("\"id\": \"" + id + "\""), id);
        }

        Path yaml = temp.resolve("demo.yaml");
        Path back = temp.resolve("back.radflow");
        assertEquals(0, cli(out, err, "export", demo.toString(), "-o", yaml.toString()));
        assertEquals(0, cli(out, err, "import", yaml.toString(), "-o", back.toString()));
        assertTrue(EcoreUtil.equals(PipelineFiles.load(demo), PipelineFiles.load(back)), "XMI -> YAML -> XMI is lossless");
    }

    @Test
    void cliNodeRunsOneNodeOnFiles() throws Exception {
        Path clinical = temp.resolve("clinical.csv");
        Path features = temp.resolve("features.csv");
        Files.writeString(clinical, "PatientID,time_months,event\nA,5,1\nB,8,0\nC,12,1\nD,20,1\nE,25,0\nF,30,1\n");
        Files.writeString(features, "PatientID,f\nA,4.1\nB,3.0\nC,3.3\nD,1.5\nE,2.0\nF,0.7\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = cli(out, err, "node", "radflow.stats.univariateCox", "--input", "features=" + features,
                "--input", "clinical=" + clinical, "--param", "ties=breslow", "--out", temp.resolve("n").toString());
        assertEquals(0, code, err.toString());
        Table table = Table.readCsv(temp.resolve("n/table.csv"));
        assertEquals("f", table.column("feature").text(0));
        assertTrue(table.column("hr").number(0) > 1, "higher f, shorter survival in this toy data");
        err.reset();
        assertEquals(2, cli(out, err, "node", "radflow.stats.univariateCox", "--param", "ties=exact", "--out", temp.toString()));
        assertTrue(err.toString().contains("ties"), err.toString());
    }
}
