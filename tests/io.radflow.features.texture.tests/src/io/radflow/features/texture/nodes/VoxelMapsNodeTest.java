package io.radflow.features.texture.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.core.data.Cohort;
import io.radflow.core.node.ExecutionContext;
import io.radflow.core.node.NodeExecutionException;
import io.radflow.core.node.NodeInputs;
import io.radflow.core.node.ParameterDescriptor;
import io.radflow.core.node.ParameterType;
import io.radflow.core.node.Parameters;
import io.radflow.features.FeatureSettings;
import io.radflow.features.FeatureValues;
import io.radflow.features.Roi;
import io.radflow.features.texture.GlcmFeatures;
import io.radflow.image.Image3D;
import io.radflow.image.Mask;
import io.radflow.image.io.ImageFiles;
import io.radflow.image.io.NiftiImageIO;
import io.radflow.testsupport.ReferenceData;

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

/** The voxel-map node as plugin.xml declares it, on a cohort of the IBSI digital phantom and a broken patient. */
class VoxelMapsNodeTest {

    @TempDir
    Path dir;

    private final List<String> failures = new ArrayList<>();

    private ExecutionContext context() {
        return new ExecutionContext() {
            @Override
            public void progress(double fraction, String message) {
            }

            @Override
            public boolean isCanceled() {
                return false;
            }

            @Override
            public void reportPatientFailure(String patientId, String field, String message) {
                failures.add(patientId + " " + field + " " + message);
            }

            @Override
            public void recordInput(Path file) {
            }

            @Override
            public void log(String message) {
            }

            @Override
            public Path baseDirectory() {
                return dir;
            }

            @Override
            public Path cacheDirectory() {
                return dir;
            }

            @Override
            public Path workDirectory() {
                return dir.resolve("work");
            }
        };
    }

    private static Parameters parameters(Map<String, String> set) throws Exception {
        InputStream in = VoxelMapsNode.class.getClassLoader().getResourceAsStream("plugin.xml");
        if (in == null) {
            in = Files.newInputStream(Path.of(System.getProperty("radflow.repo.root", "."),
                    "bundles/io.radflow.features.texture/plugin.xml"));
        }
        List<ParameterDescriptor> descriptors = new ArrayList<>();
        try (InputStream stream = in) {
            NodeList nodes = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(stream)
                    .getElementsByTagName("node");
            for (int i = 0; i < nodes.getLength(); i++) {
                Element node = (Element) nodes.item(i);
                if (!node.getAttribute("id").equals("radflow.features.voxelMaps")) {
                    continue;
                }
                assertEquals(VoxelMapsNode.class.getName(), node.getAttribute("class"));
                NodeList params = node.getElementsByTagName("parameter");
                for (int k = 0; k < params.getLength(); k++) {
                    Element p = (Element) params.item(k);
                    descriptors.add(new ParameterDescriptor(p.getAttribute("key"), p.getAttribute("label"),
                            ParameterType.valueOf(p.getAttribute("type").toUpperCase(Locale.ROOT)),
                            p.hasAttribute("default") ? p.getAttribute("default") : null,
                            Boolean.parseBoolean(p.getAttribute("required")),
                            p.hasAttribute("min") ? Double.valueOf(p.getAttribute("min")) : null,
                            p.hasAttribute("max") ? Double.valueOf(p.getAttribute("max")) : null,
                            p.hasAttribute("choices") ? List.of(p.getAttribute("choices").split(",")) : null,
                            p.getAttribute("help")));
                }
            }
        }
        assertTrue(!descriptors.isEmpty(), "plugin.xml declares radflow.features.voxelMaps");
        return Parameters.resolve("radflow.features.voxelMaps", descriptors, set);
    }

    /**
     * A kernel of radius 5 covers the phantom's ROI, so the written GLCM maps hold the segment-based GLCM features
     * at every ROI voxel and 0 elsewhere; the patient without a mask file is reported and left out.
     */
    @Test
    void writesOneMapPerFeatureAndReportsBrokenPatients() throws Exception {
        NiftiImageIO nifti = new NiftiImageIO();
        Image3D image = nifti.read(ReferenceData.file("ibsi/ibsi_1_digital_phantom/nifti/image/phantom.nii.gz"));
        Image3D labels = nifti.read(ReferenceData.file("ibsi/ibsi_1_digital_phantom/nifti/mask/mask.nii.gz"));
        nifti.write(image, dir.resolve("image.nii.gz"));
        nifti.write(labels, dir.resolve("mask.nii.gz"));
        Files.writeString(dir.resolve("cohort.csv"),
                "PatientID,portal,mask,age\nP1,image.nii.gz,mask.nii.gz,60\nP2,image.nii.gz,missing.nii.gz,70\n");
        Cohort cohort = Cohort.read(dir.resolve("cohort.csv"));
        Cohort out = (Cohort) new VoxelMapsNode().execute(new NodeInputs("maps", Map.of("cohort", cohort)),
                parameters(Map.of("family", "glcm", "features", "[Contrast, JointEntropy]", "kernelRadius", "5",
                        "binWidth", "1")), context()).get("cohort");
        assertEquals(1, failures.size(), failures.toString());
        assertTrue(failures.get(0).startsWith("P2 ") && failures.get(0).contains("missing.nii.gz"), failures.get(0));
        assertEquals(List.of("P1"), out.patients().stream().map(Cohort.Patient::id).toList());
        assertEquals(List.of("portal", "mask", "original_glcm_Contrast", "original_glcm_JointEntropy"), out.fileColumns());
        assertEquals(60, out.clinical().column("age").number(0));
        Mask mask = Mask.ofLabel(labels, 1);
        FeatureValues segment = new GlcmFeatures().compute(Roi.of(image, mask), FeatureSettings.defaults().withBinWidth(1));
        for (String feature : List.of("Contrast", "JointEntropy")) {
            Path file = out.patients().get(0).file("original_glcm_" + feature);
            assertEquals(dir.resolve("work/P1_original_glcm_" + feature + ".nrrd"), file);
            Image3D map = ImageFiles.read(file);
            for (int i = 0; i < map.voxelCount(); i++) {
                assertEquals(mask.contains(i) ? segment.get(feature) : 0, map.get(i), 1e-9, feature + " at " + i);
            }
        }
    }

    /** A family without maps and a radius below 1 fail before any patient, naming the parameter. */
    @Test
    void badParametersAreNamed() throws Exception {
        Files.writeString(dir.resolve("cohort.csv"), "PatientID,portal,mask\nP1,a.nii.gz,b.nii.gz\n");
        Cohort cohort = Cohort.read(dir.resolve("cohort.csv"));
        NodeExecutionException family = assertThrows(NodeExecutionException.class, () -> new VoxelMapsNode()
                .execute(new NodeInputs("maps", Map.of("cohort", cohort)), parameters(Map.of("family", "shape")), context()));
        assertTrue(family.getMessage().contains("'shape' has no voxel-based maps"), family.getMessage());
        IllegalArgumentException radius = assertThrows(IllegalArgumentException.class,
                () -> VoxelMapsNode.extractor(Parameters.resolve("n", List.of(), Map.of("family", "glcm", "kernelRadius", "0"))));
        assertTrue(radius.getMessage().contains("kernelRadius"), radius.getMessage());
    }
}
