package io.radflow.features.texture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.radflow.features.FeatureSettings;
import io.radflow.features.Roi;
import io.radflow.image.Image3D;
import io.radflow.image.Mask;
import io.radflow.image.io.ImageFiles;
import io.radflow.testsupport.ReferenceData;

import java.io.IOException;

import org.junit.jupiter.api.Test;

class GreyLevelVolumeTest {

    /**
     * The IBSI-1 digital phantom (5 x 4 x 4, 74 ROI voxels, grey levels {1, 3, 4, 6} inside the ROI per the
     * data README) discretised with fixed bin size 1 from the lower bound 1 keeps its grey levels.
     */
    @Test
    void digitalPhantomKeepsItsGreyLevels() throws IOException {
        Image3D image = ImageFiles.read(ReferenceData.file("ibsi/ibsi_1_digital_phantom/nifti/image/phantom.nii.gz"));
        Mask mask = Mask.ofLabel(ImageFiles.read(ReferenceData.file("ibsi/ibsi_1_digital_phantom/nifti/mask/mask.nii.gz")), 1);
        FeatureSettings ibsiFbs1 = FeatureSettings.defaults().with(FeatureSettings.CONVENTION, "ibsi")
                .withBinWidth(1).with(FeatureSettings.RESEGMENT_RANGE, "[1]");
        GreyLevelVolume volume = GreyLevelVolume.of(Roi.of(image, mask), ibsiFbs1);
        assertEquals(74, volume.voxelCount());
        assertArrayEquals(new int[] {1, 3, 4, 6}, volume.greyLevels());
        for (int z = 0; z < volume.sizeZ(); z++) {
            for (int y = 0; y < volume.sizeY(); y++) {
                for (int x = 0; x < volume.sizeX(); x++) {
                    int[] o = volume.origin();
                    int index = image.geometry().index(x + o[0], y + o[1], z + o[2]);
                    int expected = mask.contains(index) ? (int) image.get(index) : 0;
                    assertEquals(expected, volume.level(x, y, z), "voxel " + x + "," + y + "," + z);
                }
            }
        }
        assertEquals(0, volume.level(-1, 0, 0), "outside the box is outside the ROI");
    }

    /** Every texture family label of the IBSI reference table parses to an aggregation with that label. */
    @Test
    void ibsiFamilyLabelsParse() throws IOException {
        java.util.Set<String> labels = new java.util.TreeSet<>();
        for (String dataset : new String[] {"digital_phantom", "config_A", "config_C"}) {
            for (ReferenceData.IbsiRow row : ReferenceData.ibsiRows(dataset, null)) {
                int open = row.family().indexOf('(');
                if (open > 0 && !row.family().startsWith("Diagnostics")) {
                    labels.add(row.family().substring(open + 1, row.family().length() - 1));
                }
            }
        }
        assertEquals(9, labels.size(), "aggregation labels in the IBSI table: " + labels);
        for (String label : labels) {
            assertEquals(label, TextureAggregation.parse(label).ibsiLabel());
        }
    }
}
