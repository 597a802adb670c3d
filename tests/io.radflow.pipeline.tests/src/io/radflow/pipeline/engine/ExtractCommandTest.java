package io.radflow.pipeline.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.cli.RadflowCli;
import io.radflow.core.data.Csv;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code radflow-cli extract} on the PyRadiomics test cases, single and as a cohort with a broken patient. */
class ExtractCommandTest {

    static NodeTypeRegistry registry;
    static Path data;

    @TempDir
    Path temp;

    @BeforeAll
    static void setUp() {
        registry = NodeTypeRegistry.fromPlatform();
        data = Path.of(System.getProperty("radflow.shared.data"), "pyradiomics");
    }

    private int cli(ByteArrayOutputStream err, String... args) {
        return RadflowCli.execute(args, () -> registry, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static Map<String, Map<String, String>> baseline() throws Exception {
        List<List<String>> rows = Csv.read(data.resolve("baseline/baseline_firstorder.csv"));
        Map<String, Map<String, String>> out = new java.util.HashMap<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            Map<String, String> cells = new java.util.HashMap<>();
            for (int c = 1; c < rows.get(0).size(); c++) {
                cells.put(rows.get(0).get(c), row.get(c));
            }
            out.put(row.get(0), cells);
        }
        return out;
    }

    /** A single case with the default test settings of PyRadiomics' baseline gives its first-order values. */
    @Test
    void singleCaseMatchesPyRadiomicsBaseline() throws Exception {
        Path params = temp.resolve("params.yaml");
        Files.writeString(params, "featureClass:\n  firstorder:\nsetting:\n  binWidth: 25\n  voxelArrayShift: 2000\n  label: 1\n");
        Path out = temp.resolve("brain1.csv");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = cli(err, "extract", "--image", data.resolve("brain1_image.nrrd").toString(), "--mask",
                data.resolve("brain1_label.nrrd").toString(), "--params", params.toString(), "--out", out.toString());
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        List<List<String>> rows = Csv.read(out);
        assertEquals(2, rows.size());
        List<String> header = rows.get(0);
        assertEquals(List.of("PatientID", "Image", "Mask"), header.subList(0, 3));
        Map<String, Map<String, String>> baseline = baseline();
        int features = 0;
        for (int c = 0; c < header.size(); c++) {
            if (header.get(c).startsWith("original_firstorder_")) {
                double reference = Double.parseDouble(baseline.get(header.get(c)).get("brain1"));
                double value = Double.parseDouble(rows.get(1).get(c));
                assertTrue(Math.abs(value / reference - 1) < 0.03, header.get(c) + ": " + value + " vs " + reference);
                features++;
            }
        }
        assertEquals(18, features, "PyRadiomics' 18 non-deprecated first-order features");
        assertEquals("4137", rows.get(1).get(header.indexOf("diagnostics_Mask-original_VoxelNum")));
    }

    /** A cohort run goes on past a patient whose mask is missing and reports it, with exit code 3. */
    @Test
    void cohortRunReportsBadPatientsAndGoesOn() throws Exception {
        Path manifest = temp.resolve("cohort.csv");
        Files.writeString(manifest, "PatientID,image,mask,age\n"
                + "brain1," + data.resolve("brain1_image.nrrd") + "," + data.resolve("brain1_label.nrrd") + ",50\n"
                + "broken," + data.resolve("breast1_image.nrrd") + "," + temp.resolve("missing_label.nrrd") + ",61\n"
                + "breast1," + data.resolve("breast1_image.nrrd") + "," + data.resolve("breast1_label.nrrd") + ",44\n");
        Path out = temp.resolve("cohort-features.csv");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = cli(err, "extract", "--cohort", manifest.toString(), "--jobs", "2", "--out", out.toString());
        String messages = err.toString(StandardCharsets.UTF_8);
        assertEquals(3, code, messages);
        assertTrue(messages.contains("patient broken") && messages.contains("missing_label.nrrd"), messages);
        assertTrue(messages.contains("3/3"), "progress bar reaches the end: " + messages);
        List<List<String>> rows = Csv.read(out);
        assertEquals(List.of("brain1", "breast1"), rows.subList(1, rows.size()).stream().map(r -> r.get(0)).toList());
    }

    @Test
    void unknownFeatureClassIsRejectedBeforeAnyWork() throws Exception {
        Path params = temp.resolve("params.yaml");
        Files.writeString(params, "featureClass:\n  glcmm:\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = cli(err, "extract", "--image", data.resolve("brain1_image.nrrd").toString(), "--mask",
                data.resolve("brain1_label.nrrd").toString(), "--params", params.toString(), "--out",
                temp.resolve("x.csv").toString());
        assertEquals(2, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("featureClass 'glcmm'"), err.toString(StandardCharsets.UTF_8));
        assertTrue(!Files.exists(temp.resolve("x.csv")));
    }
}
