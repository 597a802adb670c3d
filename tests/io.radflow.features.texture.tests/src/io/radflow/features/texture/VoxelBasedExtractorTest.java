package io.radflow.features.texture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.features.Discretisation;
import io.radflow.features.FeatureFamily;
import io.radflow.features.FeatureSettings;
import io.radflow.features.FeatureValues;
import io.radflow.features.FirstOrderFeatures;
import io.radflow.features.IbsiStatistics;
import io.radflow.features.Roi;
import io.radflow.features.VoxelBasedFamily;
import io.radflow.features.extraction.FeatureMaps;
import io.radflow.features.extraction.VoxelBasedExtractor;
import io.radflow.features.extraction.VoxelSettings;
import io.radflow.image.Image3D;
import io.radflow.image.ImageGeometry;
import io.radflow.image.Mask;
import io.radflow.image.io.ImageFiles;
import io.radflow.testsupport.ReferenceData;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Voxel-based maps against segment-based features computed independently on explicit kernel masks: the value at a
 * voxel is the feature of the ROI made of its kernel (with the whole ROI's discretisation), kernels covering the ROI
 * give the segment-based value, and maskedKernel changes exactly what it should.
 */
class VoxelBasedExtractorTest {

    private static final List<VoxelBasedFamily> FAMILIES = List.of(new FirstOrderFeatures(), new GlcmFeatures(),
            new GlrlmFeatures(), new GlszmFeatures(), new GldmFeatures(), new NgtdmFeatures(), new GldzmFeatures(),
            new NgldmFeatures());

    private static Image3D brain;
    private static Mask brainMask;

    /** brain1 cropped to its ROI's bounding box padded by 3 voxels (kernels of radius 2 stay inside). */
    @BeforeAll
    static void load() throws Exception {
        Image3D image = ImageFiles.read(ReferenceData.file("pyradiomics/brain1_image.nrrd"));
        Mask mask = Mask.ofLabel(ImageFiles.read(ReferenceData.file("pyradiomics/brain1_label.nrrd")), 1);
        ImageGeometry g = image.geometry();
        int[] lo = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE};
        int[] hi = {-1, -1, -1};
        for (int z = 0; z < g.sizeZ(); z++) {
            for (int y = 0; y < g.sizeY(); y++) {
                for (int x = 0; x < g.sizeX(); x++) {
                    if (mask.contains(g.index(x, y, z))) {
                        int[] p = {x, y, z};
                        for (int a = 0; a < 3; a++) {
                            lo[a] = Math.min(lo[a], p[a]);
                            hi[a] = Math.max(hi[a], p[a]);
                        }
                    }
                }
            }
        }
        int[] size = new int[3];
        for (int a = 0; a < 3; a++) {
            lo[a] = Math.max(0, lo[a] - 3);
            size[a] = Math.min(g.size()[a] - 1, hi[a] + 3) - lo[a] + 1;
        }
        ImageGeometry cropped = ImageGeometry.of(size[0], size[1], size[2], g.origin(), g.spacing());
        double[] voxels = new double[cropped.voxelCount()];
        boolean[] inside = new boolean[voxels.length];
        for (int z = 0; z < size[2]; z++) {
            for (int y = 0; y < size[1]; y++) {
                for (int x = 0; x < size[0]; x++) {
                    int i = g.index(x + lo[0], y + lo[1], z + lo[2]);
                    voxels[cropped.index(x, y, z)] = image.get(i);
                    inside[cropped.index(x, y, z)] = mask.contains(i);
                }
            }
        }
        brain = new Image3D(cropped, voxels);
        brainMask = new Mask(cropped, inside);
    }

    private static Map<VoxelBasedFamily, List<String>> all() {
        Map<VoxelBasedFamily, List<String>> out = new LinkedHashMap<>();
        FAMILIES.forEach(f -> out.put(f, List.of()));
        return out;
    }

    /** The cube of radius r around (x, y, z), clipped to the image, intersected with the mask when masked. */
    private static Mask kernel(Mask mask, int x, int y, int z, int r, boolean masked) {
        ImageGeometry g = mask.geometry();
        boolean[] inside = new boolean[g.voxelCount()];
        for (int k = Math.max(0, z - r); k <= Math.min(g.sizeZ() - 1, z + r); k++) {
            for (int j = Math.max(0, y - r); j <= Math.min(g.sizeY() - 1, y + r); j++) {
                for (int i = Math.max(0, x - r); i <= Math.min(g.sizeX() - 1, x + r); i++) {
                    int index = g.index(i, j, k);
                    inside[index] = !masked || mask.contains(index);
                }
            }
        }
        return new Mask(g, inside);
    }

    /** Every {@code step}-th ROI voxel as (x, y, z), the first and last included. */
    private static List<int[]> roiVoxels(Mask mask, int step) {
        ImageGeometry g = mask.geometry();
        List<int[]> all = new ArrayList<>();
        for (int z = 0; z < g.sizeZ(); z++) {
            for (int y = 0; y < g.sizeY(); y++) {
                for (int x = 0; x < g.sizeX(); x++) {
                    if (mask.contains(g.index(x, y, z))) {
                        all.add(new int[] {x, y, z});
                    }
                }
            }
        }
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += step) {
            out.add(all.get(i));
        }
        out.add(all.get(all.size() - 1));
        return out;
    }

    private static void assertClose(double expected, double actual, String what) {
        if (Double.isNaN(expected) || Double.isNaN(actual)) {
            assertEquals(expected, actual, what);
            return;
        }
        assertEquals(expected, actual, 1e-9 * Math.max(1, Math.abs(expected)), what);
    }

    /**
     * (a) At sampled brain1 voxels, kernel radius 1 and 2, every feature of every family equals the family's normal
     * computation on the ROI formed by the kernel. IBSI fixed bin size from a fixed lower bound gives the kernel
     * and the ROI the same bin edges, so the normal path's own discretisation reproduces the ROI's grey levels.
     * Kernels a family rejects hold the init value (NaN here).
     */
    @Test
    void mapEqualsSegmentBasedFeaturesOfTheKernel() {
        double min = Double.POSITIVE_INFINITY;
        for (double v : Roi.of(brain, brainMask).intensities()) {
            min = Math.min(min, v);
        }
        FeatureSettings settings = FeatureSettings.defaults().with(FeatureSettings.CONVENTION, "ibsi").withBinWidth(25)
                .with(FeatureSettings.RESEGMENT_RANGE, List.of(Math.floor(min)));
        int checked = 0;
        int rejected = 0;
        for (int r : new int[] {1, 2}) {
            FeatureMaps maps = new VoxelBasedExtractor(all(), settings, new VoxelSettings(r, true, Double.NaN, -1), 2)
                    .compute(brain, brainMask, null, null);
            for (int[] v : roiVoxels(brainMask, 397)) {
                Roi kernelRoi = Roi.of(brain, kernel(brainMask, v[0], v[1], v[2], r, true));
                for (VoxelBasedFamily family : FAMILIES) {
                    FeatureValues expected = null;
                    try {
                        expected = family.compute(kernelRoi, settings);
                    } catch (IllegalArgumentException e) {
                        rejected++;
                    }
                    for (String name : family.featureNames(settings)) {
                        double value = maps.value(family.key(), name, v[0], v[1], v[2]);
                        assertClose(expected == null ? Double.NaN : expected.get(name), value,
                                family.key() + " " + name + " r=" + r + " at " + v[0] + "," + v[1] + "," + v[2]);
                        checked++;
                    }
                }
            }
        }
        assertTrue(checked > 2000, "values checked: " + checked);
        assertTrue(rejected < checked / 10, "kernels rejected: " + rejected);
    }

    /**
     * First order discretises once: with PyRadiomics' fixed bin count, a kernel's Entropy and Uniformity come from
     * the whole ROI's 16 bins (computed here from {@link Discretisation} directly), not from bins of the kernel's own
     * range; the moments come from the kernel's raw intensities.
     */
    @Test
    void firstOrderUsesTheRoiBins() {
        FeatureSettings settings = FeatureSettings.defaults().withBinCount(16);
        FirstOrderFeatures firstOrder = new FirstOrderFeatures();
        FeatureMaps maps = new VoxelBasedExtractor(Map.of(firstOrder, List.of("Entropy", "Uniformity", "Mean")),
                settings, VoxelSettings.defaults(), 1).compute(brain, brainMask, null, null);
        ImageGeometry g = brain.geometry();
        double[] roiValues = Roi.of(brain, brainMask).intensities();
        int[] roiBins = Discretisation.discretise(roiValues, settings);
        Map<Integer, Integer> binOfIndex = new LinkedHashMap<>();
        int next = 0;
        for (int i = 0; i < g.voxelCount(); i++) {
            if (brainMask.contains(i)) {
                binOfIndex.put(i, roiBins[next++]);
            }
        }
        int differsFromOwnBins = 0;
        for (int[] v : roiVoxels(brainMask, 211)) {
            Mask k = kernel(brainMask, v[0], v[1], v[2], 1, true);
            List<Integer> bins = new ArrayList<>();
            double sum = 0;
            for (int i = 0; i < g.voxelCount(); i++) {
                if (k.contains(i)) {
                    bins.add(binOfIndex.get(i));
                    sum += brain.get(i);
                }
            }
            double[] p = Discretisation.occupiedBinProbabilities(bins.stream().mapToInt(Integer::intValue).toArray());
            double entropy = 0;
            double uniformity = 0;
            for (double pi : p) {
                entropy -= pi * Math.log(pi + Math.ulp(1.0)) / Math.log(2);
                uniformity += pi * pi;
            }
            assertClose(entropy, maps.value("firstorder", "Entropy", v[0], v[1], v[2]), "Entropy");
            assertClose(uniformity, maps.value("firstorder", "Uniformity", v[0], v[1], v[2]), "Uniformity");
            assertClose(sum / bins.size(), maps.value("firstorder", "Mean", v[0], v[1], v[2]), "Mean");
            double ownBins = firstOrder.compute(Roi.of(brain, k), settings).get("Entropy");
            if (Math.abs(ownBins - entropy) > 1e-6) {
                differsFromOwnBins++;
            }
        }
        assertTrue(differsFromOwnBins > 0, "re-discretising the kernel would give other entropies");
    }

    /**
     * (b) On the IBSI digital phantom (5 x 4 x 4 voxels) a kernel of radius 5 covers the ROI from every voxel, so
     * every map equals the segment-based value at every ROI voxel (the central one included), for every family;
     * outside the ROI the maps hold the init value.
     */
    @Test
    void kernelCoveringTheRoiGivesTheSegmentBasedValue() throws Exception {
        Image3D image = ImageFiles.read(ReferenceData.file("ibsi/ibsi_1_digital_phantom/nifti/image/phantom.nii.gz"));
        Mask mask = Mask.ofLabel(ImageFiles.read(ReferenceData.file("ibsi/ibsi_1_digital_phantom/nifti/mask/mask.nii.gz")), 1);
        FeatureSettings settings = FeatureSettings.defaults().withBinWidth(1);
        FeatureMaps maps = new VoxelBasedExtractor(all(), settings, new VoxelSettings(5, true, -7, 10), 2)
                .compute(image, mask, null, null);
        Roi roi = Roi.of(image, mask);
        ImageGeometry g = image.geometry();
        int checked = 0;
        for (VoxelBasedFamily family : FAMILIES) {
            FeatureValues segment = family.compute(roi, settings);
            for (String name : family.featureNames(settings)) {
                Image3D map = maps.image(family.key(), name);
                for (int i = 0; i < g.voxelCount(); i++) {
                    assertClose(mask.contains(i) ? segment.get(name) : -7, map.get(i), family.key() + " " + name);
                }
                checked++;
            }
        }
        assertEquals(FAMILIES.stream().mapToInt(f -> f.featureNames(settings).size()).sum(), checked);
        assertEquals(maps.entries().size(), checked);
    }

    /**
     * (c) maskedKernel: at an interior voxel (its whole kernel in the ROI) both modes agree; at a border voxel the
     * masked kernel averages only its ROI voxels and the unmasked one all 27, as computed here directly.
     */
    @Test
    void maskedKernelCountsOnlyRoiVoxels() {
        FirstOrderFeatures firstOrder = new FirstOrderFeatures();
        Map<FirstOrderFeatures, List<String>> mean = Map.of(firstOrder, List.of("Mean", "Entropy"));
        FeatureMaps masked = new VoxelBasedExtractor(mean, FeatureSettings.defaults(), VoxelSettings.defaults(), 2)
                .compute(brain, brainMask, null, null);
        FeatureMaps unmasked = new VoxelBasedExtractor(mean, FeatureSettings.defaults(), new VoxelSettings(1, false, 0, -1), 2)
                .compute(brain, brainMask, null, null);
        ImageGeometry g = brain.geometry();
        int interior = 0;
        int border = 0;
        for (int[] v : roiVoxels(brainMask, 23)) {
            Mask cube = kernel(brainMask, v[0], v[1], v[2], 1, false);
            Mask inRoi = kernel(brainMask, v[0], v[1], v[2], 1, true);
            double maskedValue = masked.value("firstorder", "Mean", v[0], v[1], v[2]);
            double unmaskedValue = unmasked.value("firstorder", "Mean", v[0], v[1], v[2]);
            assertClose(mean(brain, inRoi), maskedValue, "masked Mean");
            assertClose(mean(brain, cube), unmaskedValue, "unmasked Mean");
            if (inRoi.count() == cube.count()) {
                interior++;
                assertClose(masked.value("firstorder", "Entropy", v[0], v[1], v[2]),
                        unmasked.value("firstorder", "Entropy", v[0], v[1], v[2]), "Entropy inside");
            } else if (mean(brain, inRoi) != mean(brain, cube)) {
                border++;
                assertNotEquals(maskedValue, unmaskedValue);
            }
        }
        assertTrue(interior > 10 && border > 10, "interior " + interior + ", border " + border);
        assertEquals(0, masked.image("firstorder", "Mean").get(0), "init value outside the ROI");
        assertEquals(g.voxelCount(), masked.image("firstorder", "Mean").voxelCount());
    }

    private static double mean(Image3D image, Mask mask) {
        double sum = 0;
        for (double v : mask.valuesOf(image)) {
            sum += v;
        }
        return sum / mask.count();
    }

    /** Parallel batches give the same maps as one thread; progress ends at 1; cancellation stops the run. */
    @Test
    void parallelProgressAndCancellation() {
        Map<GlcmFeatures, List<String>> glcm = Map.of(new GlcmFeatures(), List.of("Contrast", "JointEntropy"));
        AtomicReference<Double> last = new AtomicReference<>(0.0);
        FeatureMaps one = new VoxelBasedExtractor(glcm, FeatureSettings.defaults(), VoxelSettings.defaults(), 1)
                .compute(brain, brainMask, last::set, () -> false);
        assertEquals(1.0, last.get(), 1e-12);
        FeatureMaps two = new VoxelBasedExtractor(glcm, FeatureSettings.defaults(), new VoxelSettings(1, true, 0, 100), 2)
                .compute(brain, brainMask, null, () -> false);
        for (FeatureMaps.Entry e : one.entries()) {
            assertArrayEquals(one.image(e).voxels(), two.image(e).voxels(), 0, e.feature());
        }
        assertThrows(CancellationException.class, () -> new VoxelBasedExtractor(glcm, FeatureSettings.defaults(),
                VoxelSettings.defaults(), 2).compute(brain, brainMask, null, () -> true));
    }

    /** Bad input is named: the radius, a family without voxel-based computation, an unknown feature. */
    @Test
    void badInputGivesClearErrors() {
        IllegalArgumentException radius = assertThrows(IllegalArgumentException.class,
                () -> VoxelSettings.of(Map.of("kernelRadius", 0)));
        assertTrue(radius.getMessage().contains("kernelRadius must be at least 1"), radius.getMessage());
        Map<FeatureFamily, List<String>> statistics = Map.of(new IbsiStatistics(), List.of());
        IllegalArgumentException family = assertThrows(IllegalArgumentException.class,
                () -> new VoxelBasedExtractor(statistics, FeatureSettings.defaults(), VoxelSettings.defaults(), 1));
        assertTrue(family.getMessage().contains("statistics has no voxel-based computation"), family.getMessage());
        IllegalArgumentException feature = assertThrows(IllegalArgumentException.class,
                () -> new VoxelBasedExtractor(Map.of(new GlcmFeatures(), List.of("Contrasts")), FeatureSettings.defaults(),
                        VoxelSettings.defaults(), 1));
        assertTrue(feature.getMessage().contains("no feature 'Contrasts'"), feature.getMessage());
        assertTrue(Double.isNaN(VoxelSettings.of(Map.of("initValue", "nan")).initValue()));
    }
}
