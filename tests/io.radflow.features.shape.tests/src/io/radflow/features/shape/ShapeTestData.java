package io.radflow.features.shape;

import io.radflow.features.FeatureDefinition;
import io.radflow.features.FeatureValues;
import io.radflow.image.Image3D;
import io.radflow.image.Mask;
import io.radflow.image.io.ImageFiles;
import io.radflow.testsupport.ReferenceData;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Reading the shared reference images and PyRadiomics baseline columns for the shape tests. */
final class ShapeTestData {

    private ShapeTestData() {
    }

    static Image3D read(String relative) throws IOException {
        return ImageFiles.read(ReferenceData.file(relative));
    }

    /** The settings dict of a baseline column. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> settings(Map<String, Map<String, String>> baseline, String column) {
        return (Map<String, Object>) ReferenceData.parsePython(
                baseline.get("diagnostics_Configuration_Settings").get(column));
    }

    /** The feature names with a baseline row {@code original_<family>_<name>}. */
    static Set<String> baselineNames(Map<String, Map<String, String>> baseline, String family) {
        Set<String> names = new TreeSet<>();
        String prefix = FeatureValues.key("original", family, "");
        for (String row : baseline.keySet()) {
            if (row.startsWith(prefix)) {
                names.add(row.substring(prefix.length()));
            }
        }
        return names;
    }

    static Set<String> nonDeprecated(List<FeatureDefinition> definitions) {
        Set<String> names = new TreeSet<>();
        definitions.stream().filter(d -> !d.deprecated()).forEach(d -> names.add(d.name()));
        return names;
    }

    /** PyRadiomics' test rule: |value / reference - 1| < 3 %, exact for a reference of 0. */
    static boolean withinThreePercent(double value, double reference) {
        return reference == 0 ? value == 0 : Math.abs(value / reference - 1) < 0.03;
    }

    /** The voxels of {@code mask} in slice {@code z}. */
    static Mask slice(Mask mask, int z) {
        io.radflow.image.ImageGeometry g = mask.geometry();
        boolean[] inside = new boolean[g.voxelCount()];
        for (int y = 0; y < g.sizeY(); y++) {
            for (int x = 0; x < g.sizeX(); x++) {
                inside[g.index(x, y, z)] = mask.contains(g.index(x, y, z));
            }
        }
        return new Mask(g, inside);
    }

    /**
     * The IBSI-1 CT phantom ROI (configuration A): intensities rounded to integers, morphological mask = the
     * ROI, intensity mask = ROI voxels within [{@code low}, {@code high}].
     */
    static io.radflow.features.Roi ctPhantomRoi(double low, double high) throws IOException {
        Image3D raw = read("ibsi/ibsi_1_ct_radiomics_phantom/nifti/image/phantom.nii.gz");
        double[] voxels = raw.voxels();
        for (int i = 0; i < voxels.length; i++) {
            voxels[i] = Math.rint(voxels[i]);
        }
        Image3D image = Image3D.wrap(raw.geometry(), voxels);
        Mask roi = mask("ibsi/ibsi_1_ct_radiomics_phantom/nifti/mask/mask.nii.gz", 1);
        boolean[] inRange = new boolean[voxels.length];
        for (int i = 0; i < voxels.length; i++) {
            inRange[i] = roi.contains(i) && voxels[i] >= low && voxels[i] <= high;
        }
        return new io.radflow.features.Roi(image, roi, new Mask(roi.geometry(), inRange));
    }

    static Mask mask(String relative, int label) throws IOException {
        return Mask.ofLabel(read(relative), label);
    }
}
