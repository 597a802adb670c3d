package io.radflow.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.image.Image3D;
import io.radflow.image.Mask;
import io.radflow.image.io.ImageFiles;
import io.radflow.testsupport.ReferenceData;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * First-order properties: the features that claim an IBSI id agree with IBSI's digital phantom, the deprecated
 * feature on request, the voxel-array shift. The values against IBSI and PyRadiomics references (all families,
 * every data set) are compared by the texture tests' {@code FeatureConformanceTest} ({@code conformance-features}).
 */
class FirstOrderConformanceTest {

    private static Image3D read(String relative) throws IOException {
        return ImageFiles.read(ReferenceData.file(relative));
    }

    /** The first-order features that claim an IBSI id agree with IBSI's phantom values (shift 0). */
    @Test
    void firstOrderFeaturesWithIbsiIdsMatchIbsi() throws IOException {
        Image3D image = read("ibsi/ibsi_1_digital_phantom/nifti/image/phantom.nii.gz");
        Mask mask = Mask.ofLabel(read("ibsi/ibsi_1_digital_phantom/nifti/mask/mask.nii.gz"), 1);
        FirstOrderFeatures family = new FirstOrderFeatures();
        FeatureValues values = family.compute(Roi.of(image, mask), FeatureSettings.defaults());
        int checked = 0;
        for (ReferenceData.IbsiRow row : ReferenceData.ibsiRows("digital_phantom", "Statistics")) {
            for (FeatureDefinition d : family.features()) {
                if (d.ibsiId().equals(row.ibsiId())) {
                    assertEquals(row.reference(), values.get(d.name()), row.effectiveTolerance(), d.name());
                    checked++;
                }
            }
        }
        long claimed = family.features().stream().filter(d -> !d.ibsiId().isEmpty()).count();
        assertEquals(claimed, checked, "every IBSI id claimed by a first-order feature has a reference row");
    }

    /** The deprecated StandardDeviation is computed only on request and equals sqrt(Variance). */
    @Test
    void deprecatedStandardDeviationOnRequest() throws IOException {
        Image3D image = read("pyradiomics/breast1_image.nrrd");
        Mask mask = Mask.ofLabel(read("pyradiomics/breast1_label.nrrd"), 1);
        FirstOrderFeatures family = new FirstOrderFeatures();
        assertFalse(family.compute(Roi.of(image, mask), FeatureSettings.defaults()).has("StandardDeviation"));
        FeatureValues v = family.compute(Roi.of(image, mask), FeatureSettings.defaults(), List.of("StandardDeviation", "Variance"));
        assertEquals(List.of("StandardDeviation", "Variance"), v.names());
        assertEquals(Math.sqrt(v.get("Variance")), v.get("StandardDeviation"), 1e-12);
        assertTrue(family.features().stream().filter(FeatureDefinition::deprecated).map(FeatureDefinition::name)
                .toList().equals(List.of("StandardDeviation")));
    }

    /** The voxel-array shift moves Energy exactly as sum((x + c)^2) = E0 + 2c sum(x) + N c^2. */
    @Test
    void voxelArrayShiftEnergyIdentity() throws IOException {
        Image3D image = read("pyradiomics/breast1_image.nrrd");
        Mask mask = Mask.ofLabel(read("pyradiomics/breast1_label.nrrd"), 1);
        FirstOrderFeatures family = new FirstOrderFeatures();
        FeatureValues v0 = family.compute(Roi.of(image, mask), FeatureSettings.defaults());
        FeatureValues v1 = family.compute(Roi.of(image, mask), FeatureSettings.defaults().withVoxelArrayShift(2000));
        double n = mask.count();
        double expected = v0.get("Energy") + 2 * 2000 * v0.get("Mean") * n + n * 2000 * 2000;
        assertEquals(expected, v1.get("Energy"), 1e-9 * expected);
        assertEquals(v0.get("Entropy"), v1.get("Entropy"), 0.0, "the shift does not touch the histogram");
    }
}
