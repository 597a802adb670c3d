package io.radflow.features.texture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.features.FeatureSettings;
import io.radflow.features.Roi;
import io.radflow.image.Image3D;
import io.radflow.image.Mask;
import io.radflow.testsupport.ReferenceData;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * GLSZM, GLDM and NGTDM matrices against PyRadiomics' {@code .npy} baselines (default configuration, within 1e-3);
 * rows go to {@code conformance-texture-matrices}. The feature values of these families are compared in
 * {@link FeatureConformanceTest}.
 */
class ZonesConformanceTest {

    @AfterAll
    static void writeReport() {
        GlcmGlrlmTestData.REPORT.write();
    }

    @Test
    void pyradiomicsMatrices() throws IOException {
        List<String> failures = new ArrayList<>();
        for (String testCase : new String[] {"brain1", "breast1"}) {
            Image3D image = GlcmGlrlmTestData.read("pyradiomics/" + testCase + "_image.nrrd");
            Mask mask = Mask.ofLabel(GlcmGlrlmTestData.read("pyradiomics/" + testCase + "_label.nrrd"), 1);
            GreyLevelVolume volume = GreyLevelVolume.of(Roi.of(image, mask), FeatureSettings.defaults());
            Neighbourhood.Scope scope = Neighbourhood.Scope.of(FeatureSettings.defaults());
            Map<String, double[][]> computed = new LinkedHashMap<>();
            computed.put("glszm", GlszmFeatures.matrices(volume, scope).get(0).toArray());
            computed.put("gldm", NgldmFeatures.matrices(volume, scope, List.of(1), 0).get(0).toArray());
            computed.put("ngtdm", NgtdmFeatures.matrices(volume, scope, List.of(1), true).get(0).toArray());
            for (Map.Entry<String, double[][]> e : computed.entrySet()) {
                double[][] reference = NpyZonesReader.read(
                        ReferenceData.file("pyradiomics/baseline/" + testCase + "_" + e.getKey() + ".npy"));
                double[][] value = e.getValue();
                String shape = value.length + "x" + (value.length == 0 ? 0 : value[0].length);
                String referenceShape = reference.length + "x" + (reference.length == 0 ? 0 : reference[0].length);
                double maxDifference = shape.equals(referenceShape) ? 0 : Double.POSITIVE_INFINITY;
                for (int r = 0; r < reference.length && maxDifference < Double.POSITIVE_INFINITY; r++) {
                    for (int c = 0; c < reference[r].length; c++) {
                        maxDifference = Math.max(maxDifference, Math.abs(reference[r][c] - value[r][c]));
                    }
                }
                boolean pass = maxDifference < 1e-3;
                GlcmGlrlmTestData.REPORT.add(testCase + " matrix", e.getKey(), "P_" + e.getKey() + " " + shape, "", maxDifference, 0,
                        "max |diff| < 1e-3", pass, shape.equals(referenceShape) ? "" : "shape differs from " + referenceShape);
                if (!pass) {
                    failures.add(testCase + " " + e.getKey() + " matrix: shape " + shape + " vs " + referenceShape
                            + ", max difference " + maxDifference);
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }
}
