package io.radflow.features.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.core.data.Cohort;
import io.radflow.core.data.Table;
import io.radflow.core.node.CanceledExecutionException;
import io.radflow.core.node.NodeExecutionException;
import io.radflow.core.node.NodeInputs;
import io.radflow.core.node.ParameterDescriptor;
import io.radflow.core.node.ParameterType;
import io.radflow.core.node.Parameters;
import io.radflow.core.port.PortObject;
import io.radflow.features.FeatureDefinition;
import io.radflow.features.FeatureValues;
import io.radflow.features.FirstOrderFeatures;
import io.radflow.testsupport.ReferenceData;
import io.radflow.image.Image3D;
import io.radflow.image.ImageGeometry;
import io.radflow.image.io.NiftiImageIO;
import io.radflow.testsupport.RecordingContext;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The node on a small NIfTI cohort with broken patients, parameters taken from plugin.xml. */
class FirstOrderNodeTest {

    @TempDir
    Path dir;

    /** The node element of plugin.xml (from the bundle, else from the repository). */
    private static Element nodeElement() throws Exception {
        InputStream in = FirstOrderNode.class.getClassLoader().getResourceAsStream("plugin.xml");
        if (in == null) {
            in = Files.newInputStream(Path.of(System.getProperty("radflow.repo.root", "."),
                    "bundles/io.radflow.features/plugin.xml"));
        }
        try (InputStream stream = in) {
            NodeList nodes = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(stream)
                    .getElementsByTagName("node");
            for (int i = 0; i < nodes.getLength(); i++) {
                Element e = (Element) nodes.item(i);
                if (e.getAttribute("id").equals("radflow.features.firstOrder")) {
                    return e;
                }
            }
        }
        throw new AssertionError("plugin.xml declares no node radflow.features.firstOrder");
    }

    private static Parameters parameters(Map<String, String> set) throws Exception {
        Element node = nodeElement();
        List<ParameterDescriptor> descriptors = new ArrayList<>();
        NodeList params = node.getElementsByTagName("parameter");
        for (int i = 0; i < params.getLength(); i++) {
            Element p = (Element) params.item(i);
            descriptors.add(new ParameterDescriptor(p.getAttribute("key"), p.getAttribute("label"),
                    ParameterType.valueOf(p.getAttribute("type").toUpperCase(Locale.ROOT)),
                    p.hasAttribute("default") ? p.getAttribute("default") : null,
                    Boolean.parseBoolean(p.getAttribute("required")),
                    p.hasAttribute("min") ? Double.valueOf(p.getAttribute("min")) : null,
                    p.hasAttribute("max") ? Double.valueOf(p.getAttribute("max")) : null, null,
                    p.getAttribute("help")));
        }
        for (ParameterDescriptor d : descriptors) {
            assertNull(d.check(d.defaultValue()), "default of " + d.key());
        }
        return Parameters.resolve("firstOrder", descriptors, set);
    }

    @Test
    void pluginXmlDeclaresTheNodeAsSpecified() throws Exception {
        Element node = nodeElement();
        assertEquals("1.0.0", node.getAttribute("version"));
        assertEquals("Features/Original", node.getAttribute("category"));
        assertEquals(FirstOrderNode.class.getName(), node.getAttribute("class"));
        Element input = (Element) node.getElementsByTagName("input").item(0);
        assertEquals("cohort", input.getAttribute("name"));
        assertEquals("radflow.cohort", input.getAttribute("type"));
        Element output = (Element) node.getElementsByTagName("output").item(0);
        assertEquals("features", output.getAttribute("name"));
        assertEquals("radflow.table", output.getAttribute("type"));
        Parameters p = parameters(Map.of());
        assertEquals("portal", p.getString("image"));
        assertEquals("mask", p.getString("mask"));
        assertEquals(1, p.getInt("label"));
        assertEquals(25, p.getDouble("binWidth"), 0.0);
        assertEquals(0, p.getDouble("voxelArrayShift"), 0.0);
    }

    private Path writeCohort(boolean withGoodPatients) throws IOException {
        NiftiImageIO nifti = new NiftiImageIO();
        Image3D phantom = nifti.read(ReferenceData.file("ibsi/ibsi_1_digital_phantom/nifti/image/phantom.nii.gz"));
        Image3D mask = nifti.read(ReferenceData.file("ibsi/ibsi_1_digital_phantom/nifti/mask/mask.nii.gz"));
        double[] scaled = phantom.voxels();
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] = 10 * scaled[i] + 5;
        }
        double[] label2 = mask.voxels();
        for (int i = 0; i < label2.length; i++) {
            label2[i] *= 2;
        }
        ImageGeometry g = mask.geometry();
        double[] o = g.origin();
        ImageGeometry shifted = new ImageGeometry(g.size(), new double[] {o[0] + 1, o[1], o[2]}, g.spacing(), g.direction());
        StringBuilder csv = new StringBuilder("PatientID,portal,mask,age\n");
        if (withGoodPatients) {
            nifti.write(phantom, dir.resolve("p1_image.nii.gz"));
            nifti.write(mask, dir.resolve("p1_mask.nii.gz"));
            nifti.write(new Image3D(phantom.geometry(), scaled), dir.resolve("p2_image.nii.gz"));
            nifti.write(mask, dir.resolve("p2_mask.nii.gz"));
            csv.append("P1,p1_image.nii.gz,p1_mask.nii.gz,61\nP2,p2_image.nii.gz,p2_mask.nii.gz,70\n");
        }
        Files.write(dir.resolve("p3_image.nii.gz"), "this is not an image".repeat(30).getBytes());
        nifti.write(mask, dir.resolve("p3_mask.nii.gz"));
        nifti.write(phantom, dir.resolve("p4_image.nii.gz"));
        nifti.write(new Image3D(g, label2), dir.resolve("p4_mask.nii.gz"));
        nifti.write(phantom, dir.resolve("p5_image.nii.gz"));
        nifti.write(new Image3D(shifted, mask.voxels()), dir.resolve("p5_mask.nii.gz"));
        csv.append("P3,p3_image.nii.gz,p3_mask.nii.gz,55\nP4,p4_image.nii.gz,p4_mask.nii.gz,48\n")
                .append("P5,p5_image.nii.gz,p5_mask.nii.gz,80\n");
        Path manifest = dir.resolve("cohort.csv");
        Files.writeString(manifest, csv);
        return manifest;
    }

    @Test
    void failedPatientsAreReportedAndLeftOut() throws Exception {
        Cohort cohort = Cohort.read(writeCohort(true));
        RecordingContext context = new RecordingContext();
        Map<String, PortObject> out = new FirstOrderNode().execute(new NodeInputs("fo", Map.of("cohort", cohort)),
                parameters(Map.of()), context);
        Table table = (Table) out.get("features");

        List<String> expectedColumns = new ArrayList<>(List.of(Cohort.PATIENT_ID));
        for (FeatureDefinition d : new FirstOrderFeatures().features()) {
            if (!d.deprecated()) {
                expectedColumns.add(FeatureValues.key("original", "firstorder", d.name()));
            }
        }
        assertEquals(expectedColumns, table.columnNames());
        assertEquals(2, table.rowCount());
        assertEquals("P1", table.column(Cohort.PATIENT_ID).text(0));
        assertEquals("P2", table.column(Cohort.PATIENT_ID).text(1));

        // P1 is the IBSI digital phantom: its mean and variance are IBSI reference values
        for (ReferenceData.IbsiRow row : ReferenceData.ibsiRows("digital_phantom", "Statistics")) {
            String column = switch (row.ibsiId()) {
                case "Q4LE" -> "original_firstorder_Mean";
                case "ECT3" -> "original_firstorder_Variance";
                case "N8CA" -> "original_firstorder_Energy";
                default -> null;
            };
            if (column != null) {
                assertEquals(row.reference(), table.column(column).number(0), row.effectiveTolerance(), column);
            }
        }
        // P2 = 10 * P1 + 5
        double mean1 = table.column("original_firstorder_Mean").number(0);
        assertEquals(10 * mean1 + 5, table.column("original_firstorder_Mean").number(1), 1e-9);
        assertEquals(100 * table.column("original_firstorder_Variance").number(0),
                table.column("original_firstorder_Variance").number(1), 1e-9);
        assertEquals(table.column("original_firstorder_Skewness").number(0),
                table.column("original_firstorder_Skewness").number(1), 1e-9);

        assertEquals(3, context.failures.size());
        RecordingContext.Failure corrupt = context.failures.get(0);
        assertEquals("P3", corrupt.patient());
        assertEquals(dir.resolve("p3_image.nii.gz").toString(), corrupt.field());
        assertTrue(corrupt.message().contains("p3_image.nii.gz"), corrupt.message());
        RecordingContext.Failure noLabel = context.failures.get(1);
        assertEquals("P4", noLabel.patient());
        assertEquals(dir.resolve("p4_mask.nii.gz").toString(), noLabel.field());
        assertTrue(noLabel.message().contains("label 1") && noLabel.message().contains("[2]"), noLabel.message());
        RecordingContext.Failure grid = context.failures.get(2);
        assertEquals("P5", grid.patient());
        assertEquals(dir.resolve("p5_mask.nii.gz").toString(), grid.field());
        assertTrue(grid.message().contains("origin"), grid.message());

        assertTrue(context.inputs.contains(dir.resolve("p1_image.nii.gz")));
        assertTrue(context.inputs.contains(dir.resolve("p2_mask.nii.gz")));
        for (int i = 1; i < context.progress.size(); i++) {
            assertTrue(context.progress.get(i) >= context.progress.get(i - 1), "progress never goes back");
        }
        assertEquals(1.0, context.progress.get(context.progress.size() - 1), 0.0);
    }

    @Test
    void nodeFailsWhenEveryPatientFails() throws Exception {
        Cohort cohort = Cohort.read(writeCohort(false));
        RecordingContext context = new RecordingContext();
        NodeExecutionException e = assertThrows(NodeExecutionException.class, () -> new FirstOrderNode().execute(
                new NodeInputs("fo", Map.of("cohort", cohort)), parameters(Map.of()), context));
        assertTrue(e.getMessage().contains("all 3 patients"), e.getMessage());
        assertEquals(3, context.failures.size());
    }

    @Test
    void labelAndBinWidthParametersAreUsed() throws Exception {
        Cohort cohort = Cohort.read(writeCohort(true));
        RecordingContext context = new RecordingContext();
        Table table = (Table) new FirstOrderNode().execute(new NodeInputs("fo", Map.of("cohort", cohort)),
                parameters(Map.of("label", "2", "binWidth", "1")), context).get("features");
        // with label 2 only P4 has a ROI; binWidth 1 separates the levels {1,3,4,6}
        assertEquals(1, table.rowCount());
        assertEquals("P4", table.column(Cohort.PATIENT_ID).text(0));
        assertTrue(table.column("original_firstorder_Entropy").number(0) > 1.0);
        assertNotNull(context.failures.stream().filter(f -> f.patient().equals("P1")).findFirst().orElse(null));
    }

    @Test
    void cancellationStopsTheNode() throws Exception {
        Cohort cohort = Cohort.read(writeCohort(true));
        RecordingContext context = new RecordingContext();
        context.cancel();
        assertThrows(CanceledExecutionException.class, () -> new FirstOrderNode().execute(
                new NodeInputs("fo", Map.of("cohort", cohort)), parameters(Map.of()), context));
    }
}
