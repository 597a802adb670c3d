package io.radflow.image.nodes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.core.data.Cohort;
import io.radflow.core.node.CanceledExecutionException;
import io.radflow.core.node.NodeExecutionException;
import io.radflow.core.node.NodeImplementation;
import io.radflow.core.node.NodeInputs;
import io.radflow.core.node.ParameterDescriptor;
import io.radflow.core.node.ParameterType;
import io.radflow.core.node.Parameters;
import io.radflow.image.Image3D;
import io.radflow.image.ImageGeometry;
import io.radflow.image.Mask;
import io.radflow.image.io.ImageFiles;
import io.radflow.image.mask.BoundingBox;
import io.radflow.image.mask.LabelMaps;
import io.radflow.testsupport.RecordingContext;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The preprocessing nodes on a small NIfTI cohort: P1 is good (liver = 1 with a tumour = 2), P2's image is not an
 * image, P3's mask lies on a grid shifted by 1 mm, P4's mask has no tumour. Parameters come from plugin.xml.
 */
class PreprocessingNodesTest {

    private static final List<String> NODE_IDS = List.of("radflow.image.resample", "radflow.image.resegment",
            "radflow.image.normalise", "radflow.image.roi", "radflow.image.alignMask");

    @TempDir
    Path dir;

    private Path work;
    private Cohort cohort;
    private Image3D image;
    private Image3D labels;

    /** A context that records what the node reports; its work folder is under the test folder. */
    private RecordingContext context() {
        return new RecordingContext(dir, dir, work);
    }

    @BeforeEach
    void writeCohort() throws IOException {
        work = dir.resolve("work");
        ImageGeometry g = ImageGeometry.of(20, 16, 8, new double[] {-10, 5, 2}, new double[] {1, 1, 2.5});
        double[] v = new double[g.voxelCount()];
        double[] l = new double[g.voxelCount()];
        double[] noTumour = new double[g.voxelCount()];
        for (int z = 0; z < 8; z++) {
            for (int y = 0; y < 16; y++) {
                for (int x = 0; x < 20; x++) {
                    int i = g.index(x, y, z);
                    v[i] = 3 * x + 2 * y + 10 * z - 40;
                    if (x >= 3 && x < 17 && y >= 2 && y < 14 && z >= 1 && z < 7) {
                        l[i] = (x >= 8 && x < 11 && y >= 6 && y < 9 && z >= 3 && z < 5) ? 2 : 1;
                        noTumour[i] = 1;
                    }
                }
            }
        }
        image = new Image3D(g, v);
        labels = new Image3D(g, l);
        ImageGeometry shifted = ImageGeometry.of(20, 16, 8, new double[] {-9, 5, 2}, new double[] {1, 1, 2.5});
        ImageFiles.write(image, dir.resolve("p1_image.nii.gz"));
        ImageFiles.write(labels, dir.resolve("p1_mask.nii.gz"));
        Files.write(dir.resolve("p2_image.nii.gz"), "not an image".repeat(40).getBytes());
        ImageFiles.write(labels, dir.resolve("p2_mask.nii.gz"));
        ImageFiles.write(image, dir.resolve("p3_image.nii.gz"));
        ImageFiles.write(new Image3D(shifted, l), dir.resolve("p3_mask.nii.gz"));
        ImageFiles.write(image, dir.resolve("p4_image.nii.gz"));
        ImageFiles.write(new Image3D(g, noTumour), dir.resolve("p4_mask.nii.gz"));
        Path manifest = dir.resolve("cohort.csv");
        Files.writeString(manifest, "PatientID,image,mask,age\n" + "P1,p1_image.nii.gz,p1_mask.nii.gz,61\n"
                + "P2,p2_image.nii.gz,p2_mask.nii.gz,70\n" + "P3,p3_image.nii.gz,p3_mask.nii.gz,55\n"
                + "P4,p4_image.nii.gz,p4_mask.nii.gz,48\n");
        cohort = Cohort.read(manifest);
    }

    private static Element nodeElement(String id) throws Exception {
        InputStream in = ResampleNode.class.getClassLoader().getResourceAsStream("plugin.xml");
        if (in == null) {
            in = Files.newInputStream(Path.of(System.getProperty("radflow.repo.root", "."),
                    "bundles/io.radflow.image/plugin.xml"));
        }
        try (InputStream stream = in) {
            NodeList nodes = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(stream)
                    .getElementsByTagName("node");
            for (int i = 0; i < nodes.getLength(); i++) {
                Element e = (Element) nodes.item(i);
                if (e.getAttribute("id").equals(id)) {
                    return e;
                }
            }
        }
        throw new AssertionError("plugin.xml declares no node " + id);
    }

    private static Parameters parameters(String id, Map<String, String> set) throws Exception {
        List<ParameterDescriptor> descriptors = new ArrayList<>();
        NodeList params = nodeElement(id).getElementsByTagName("parameter");
        for (int i = 0; i < params.getLength(); i++) {
            Element p = (Element) params.item(i);
            String choices = p.getAttribute("choices");
            descriptors.add(new ParameterDescriptor(p.getAttribute("key"), p.getAttribute("label"),
                    ParameterType.valueOf(p.getAttribute("type").toUpperCase(Locale.ROOT)),
                    p.hasAttribute("default") ? p.getAttribute("default") : null,
                    Boolean.parseBoolean(p.getAttribute("required")),
                    p.hasAttribute("min") ? Double.valueOf(p.getAttribute("min")) : null,
                    p.hasAttribute("max") ? Double.valueOf(p.getAttribute("max")) : null,
                    choices.isEmpty() ? null : List.of(choices.split(",")), p.getAttribute("help")));
        }
        for (ParameterDescriptor d : descriptors) {
            assertNull(d.check(d.defaultValue()), id + ": default of " + d.key());
            if (set.containsKey(d.key())) {
                assertNull(d.check(set.get(d.key())), id + ": value of " + d.key());
            }
        }
        return Parameters.resolve(id, descriptors, set);
    }

    private Cohort run(NodeImplementation node, String id, Map<String, String> set, RecordingContext context)
            throws Exception {
        Parameters p = parameters(id, set);
        node.validate(p);
        return (Cohort) node.execute(new NodeInputs(id, Map.of("cohort", cohort)), p, context).get("cohort");
    }

    private static Cohort.Patient patient(Cohort c, String id) {
        return c.patients().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    private RecordingContext.Failure failure(RecordingContext context, String patient) {
        return context.failures.stream().filter(f -> f.patient().equals(patient)).findFirst()
                .orElseThrow(() -> new AssertionError("no failure reported for " + patient));
    }

    @Test
    void pluginXmlDeclaresTheFiveNodes() throws Exception {
        for (String id : NODE_IDS) {
            Element node = nodeElement(id);
            assertEquals("Preprocessing", node.getAttribute("category"), id);
            assertEquals("1.0.0", node.getAttribute("version"), id);
            Object implementation = Class.forName(node.getAttribute("class")).getDeclaredConstructor().newInstance();
            assertTrue(implementation instanceof CohortImageNode, id);
            Element input = (Element) node.getElementsByTagName("input").item(0);
            Element output = (Element) node.getElementsByTagName("output").item(0);
            assertEquals("cohort", input.getAttribute("name"));
            assertEquals("radflow.cohort", input.getAttribute("type"));
            assertEquals("cohort", output.getAttribute("name"));
            assertEquals("radflow.cohort", output.getAttribute("type"));
            ((NodeImplementation) implementation).validate(parameters(id, Map.of()));
        }
    }

    @Test
    void resampleWritesNrrdOnTheNewGridAndReportsBadPatients() throws Exception {
        RecordingContext context = context();
        Cohort out = run(new ResampleNode(), "radflow.image.resample", Map.of("resampledPixelSpacing", "2,2,2",
                "interpolator", "linear"), context);
        assertEquals(List.of("P1", "P4"), out.patients().stream().map(Cohort.Patient::id).toList());
        assertEquals(List.of(61.0, 48.0), List.of(out.clinical().column("age").number(0), out.clinical().column("age").number(1)));
        Path resampledImage = patient(out, "P1").file("image");
        assertTrue(resampledImage.startsWith(work) && resampledImage.toString().endsWith(".nrrd"), resampledImage.toString());
        Image3D r = ImageFiles.read(resampledImage);
        // IBSI grid: ceil(20 * 1 / 2) = 10, ceil(16 / 2) = 8, ceil(8 * 2.5 / 2) = 10 voxels of 2 mm, centres aligned
        assertArrayEquals(new int[] {10, 8, 10}, r.geometry().size());
        assertArrayEquals(new double[] {2, 2, 2}, r.geometry().spacing(), 0.0);
        double[] o = r.geometry().origin();
        assertArrayEquals(new double[] {-10 + 0.5, 5 + 0.5, 2 + (2.5 * 7 - 2 * 9) / 2}, o, 1e-9);
        // linear interpolation of the ramp is exact inside the original grid
        double[] p = r.geometry().indexToWorld(4, 3, 5);
        double[] c = {p[0] + 10, p[1] - 5, (p[2] - 2) / 2.5};
        assertEquals(3 * c[0] + 2 * c[1] + 10 * c[2] - 40, r.get(4, 3, 5), 1e-9);
        Image3D mask = ImageFiles.read(patient(out, "P1").file("mask"));
        assertEquals(r.geometry(), mask.geometry());
        assertEquals(Set.of(1, 2), LabelMaps.labels(mask));

        RecordingContext.Failure corrupt = failure(context, "P2");
        assertEquals(dir.resolve("p2_image.nii.gz").toString(), corrupt.field());
        assertTrue(corrupt.message().contains("p2_image.nii.gz"), corrupt.message());
        RecordingContext.Failure grid = failure(context, "P3");
        assertEquals(dir.resolve("p3_mask.nii.gz").toString(), grid.field());
        assertTrue(grid.message().contains("origin") && grid.message().contains("1.00000 mm") && grid.message().contains("p3_mask"), grid.message());
        for (int i = 1; i < context.progress.size(); i++) {
            assertTrue(context.progress.get(i) >= context.progress.get(i - 1));
        }
        assertEquals(1.0, context.progress.get(context.progress.size() - 1), 0.0);
    }

    @Test
    void pyRadiomicsGridCropsToTheRoi() throws Exception {
        RecordingContext context = context();
        Cohort out = run(new ResampleNode(), "radflow.image.resample", Map.of("resampledPixelSpacing", "2,2,2",
                "grid", "pyradiomics", "label", "2", "padDistance", "1"), context);
        Image3D r = ImageFiles.read(patient(out, "P1").file("image"));
        // tumour box x 8..10, y 6..8, z 3..4: x l = floor(7.5 / 2 - 1) = 2, u = ceil(10.5 / 2 + 1) = 7 -> 6 voxels
        assertEquals(6, r.geometry().sizeX());
        assertEquals(6, r.geometry().sizeY());
        // z (ratio 1.25): l = floor(2.5 * 1.25 - 1) = 2, u = ceil(4.5 * 1.25 + 1) = 7 -> 6 voxels
        assertEquals(6, r.geometry().sizeZ());
        RecordingContext.Failure noTumour = failure(context, "P4");
        assertTrue(noTumour.message().contains("label 2") && noTumour.message().contains("[1]"), noTumour.message());
    }

    @Test
    void resegmentWritesTheIntensityMaskAndKeepsTheMask() throws Exception {
        RecordingContext context = context();
        Cohort out = run(new ResegmentNode(), "radflow.image.resegment", Map.of("resegmentRange", "0,50",
                "label", "1"), context);
        Cohort.Patient p1 = patient(out, "P1");
        assertEquals(dir.resolve("p1_mask.nii.gz"), p1.file("mask"));
        assertTrue(out.fileColumns().contains("intensityMask"));
        Mask intensity = LabelMaps.select(ImageFiles.read(p1.file("intensityMask")), 1);
        Mask roi = LabelMaps.select(labels, 1);
        int expected = 0;
        for (int i = 0; i < image.voxelCount(); i++) {
            if (roi.contains(i) && image.get(i) >= 0 && image.get(i) <= 50) {
                expected++;
                assertTrue(intensity.contains(i));
            }
        }
        assertEquals(expected, intensity.count());
        assertEquals(Set.of("P2", "P3"), Set.of(context.failures.get(0).patient(), context.failures.get(1).patient()));
    }

    @Test
    void normaliseGivesZScoresTimesTheScale() throws Exception {
        RecordingContext context = context();
        Cohort out = run(new NormaliseNode(), "radflow.image.normalise", Map.of("normalizeScale", "100"), context);
        double[] v = ImageFiles.read(patient(out, "P1").file("image")).voxels();
        double mean = 0;
        for (double x : v) {
            mean += x;
        }
        mean /= v.length;
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        assertEquals(0, mean, 1e-3);
        assertEquals(100, Math.sqrt(ss / (v.length - 1)), 1e-3);
        assertEquals(List.of("P2"), context.failures.stream().map(RecordingContext.Failure::patient).toList());
    }

    @Test
    void ringAroundTheTumourClippedToTheLiver() throws Exception {
        RecordingContext context = context();
        Cohort out = run(new RoiNode(), "radflow.image.roi", Map.of("operation", "ring", "labels", "2",
                "otherLabels", "1,2", "distance", "2", "output", "ring"), context);
        Cohort.Patient p1 = patient(out, "P1");
        assertEquals(dir.resolve("p1_mask.nii.gz"), p1.file("mask"));
        Mask ring = LabelMaps.select(ImageFiles.read(p1.file("ring")), 1);
        Mask tumour = LabelMaps.select(labels, 2);
        ImageGeometry g = labels.geometry();
        assertTrue(ring.count() > 0);
        for (int i = 0; i < g.voxelCount(); i++) {
            assertEquals(ring.contains(i), !tumour.contains(i) && labels.get(i) != 0 && withinMm(g, tumour, i, 2.0),
                    "voxel " + i);
        }
        RecordingContext.Failure noTumour = failure(context, "P4");
        assertEquals(dir.resolve("p4_mask.nii.gz").toString(), noTumour.field());
        assertTrue(noTumour.message().contains("label 2 is not present") && noTumour.message().contains("[1]"), noTumour.message());
    }

    private static boolean withinMm(ImageGeometry g, Mask mask, int voxel, double mm) {
        int nx = g.sizeX();
        int ny = g.sizeY();
        double[] s = g.spacing();
        for (int j = 0; j < g.voxelCount(); j++) {
            if (mask.contains(j)) {
                double dx = (voxel % nx - j % nx) * s[0];
                double dy = ((voxel / nx) % ny - (j / nx) % ny) * s[1];
                double dz = (voxel / (nx * ny) - j / (nx * ny)) * s[2];
                if (dx * dx + dy * dy + dz * dz <= mm * mm + 1e-9) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void parenchymaAndCrop() throws Exception {
        Cohort out = run(new RoiNode(), "radflow.image.roi", Map.of("operation", "subtract", "labels", "1,2",
                "otherLabels", "2"), context());
        Mask parenchyma = LabelMaps.select(ImageFiles.read(patient(out, "P1").file("mask")), 1);
        assertEquals(LabelMaps.select(labels, 1).count(), parenchyma.count());

        Cohort cropped = run(new RoiNode(), "radflow.image.roi", Map.of("operation", "crop", "labels", "2",
                "padding", "1"), context());
        Image3D croppedImage = ImageFiles.read(patient(cropped, "P1").file("image"));
        Image3D croppedMask = ImageFiles.read(patient(cropped, "P1").file("mask"));
        assertArrayEquals(new int[] {5, 5, 4}, croppedImage.geometry().size());
        assertEquals(croppedImage.geometry(), croppedMask.geometry());
        assertEquals(9 * 2, LabelMaps.select(croppedMask, 2).count());
        assertArrayEquals(labels.geometry().indexToWorld(7, 5, 2), croppedImage.geometry().origin(), 1e-9);
        assertEquals(image.get(7, 5, 2), croppedImage.get(0, 0, 0), 0.0);
    }

    @Test
    void alignMaskResamplesOnlyMasksOnAnotherGrid() throws Exception {
        RecordingContext context = context();
        Cohort out = run(new AlignMaskNode(), "radflow.image.alignMask", Map.of(), context);
        assertEquals(dir.resolve("p1_mask.nii.gz"), patient(out, "P1").file("mask"), "a mask on the image grid is kept");
        Image3D aligned = ImageFiles.read(patient(out, "P3").file("mask"));
        assertEquals(image.geometry(), aligned.geometry());
        // the P3 mask's origin is 1 mm further in x: its voxel x is the image's voxel x + 1
        for (int z = 0; z < 8; z++) {
            for (int y = 0; y < 16; y++) {
                for (int x = 1; x < 20; x++) {
                    assertEquals(labels.get(x - 1, y, z), aligned.get(x, y, z), 0.0);
                }
                assertEquals(0, aligned.get(0, y, z), 0.0);
            }
        }
        assertEquals(List.of("P2"), context.failures.stream().map(RecordingContext.Failure::patient).toList());
        assertFalse(BoundingBox.of(LabelMaps.select(aligned, 2)).equals(BoundingBox.of(LabelMaps.select(labels, 2))));
    }

    @Test
    void failsWhenEveryPatientFailsAndStopsWhenCanceled() throws Exception {
        NodeExecutionException all = assertThrows(NodeExecutionException.class, () -> run(new RoiNode(),
                "radflow.image.roi", Map.of("labels", "7"), context()));
        assertTrue(all.getMessage().contains("all 4 patients"), all.getMessage());
        RecordingContext canceled = context();
        canceled.cancel();
        assertThrows(CanceledExecutionException.class, () -> run(new NormaliseNode(), "radflow.image.normalise",
                Map.of(), canceled));
        IllegalArgumentException badSpacing = assertThrows(IllegalArgumentException.class,
                () -> new ResampleNode().validate(parameters("radflow.image.resample", Map.of("resampledPixelSpacing", "2,2"))));
        assertTrue(badSpacing.getMessage().contains("resampledPixelSpacing"), badSpacing.getMessage());
    }
}
