package io.radflow.features.extraction;

import io.radflow.features.FeatureValues;
import io.radflow.image.Image3D;
import io.radflow.image.ImageGeometry;
import io.radflow.image.io.ImageFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The result of voxel-based extraction: one map per feature on the image grid, with the feature of each ROI
 * voxel's kernel at that voxel and {@link VoxelSettings#initValue()} elsewhere. Values are kept for the ROI
 * voxels only (in image order); {@link #image} builds a full image on request. Immutable.
 */
public final class FeatureMaps {

    /** One map: a feature of a family. */
    public record Entry(String family, String feature) {

        /** The PyRadiomics output key, e.g. {@code original_glcm_Contrast} for image type {@code original}. */
        public String key(String imageType) {
            return FeatureValues.key(imageType, family, feature);
        }
    }

    private final ImageGeometry geometry;
    private final int[] roiIndices;
    private final List<Entry> entries;
    private final double[][] values;
    private final double initValue;
    private final Map<String, Integer> failedKernels;
    private final Map<String, String> firstFailures;

    FeatureMaps(ImageGeometry geometry, int[] roiIndices, List<Entry> entries, double[][] values, double initValue,
            Map<String, Integer> failedKernels, Map<String, String> firstFailures) {
        this.geometry = geometry;
        this.roiIndices = roiIndices;
        this.entries = List.copyOf(entries);
        this.values = values;
        this.initValue = initValue;
        this.failedKernels = Map.copyOf(failedKernels);
        this.firstFailures = Map.copyOf(firstFailures);
    }

    /** The maps, family by family in extraction order, features in declaration order. */
    public List<Entry> entries() {
        return entries;
    }

    /** The grid of the maps (the image's). */
    public ImageGeometry geometry() {
        return geometry;
    }

    /** Number of ROI voxels (map voxels with a computed value, unless their kernel failed). */
    public int roiVoxelCount() {
        return roiIndices.length;
    }

    /** The value used outside the ROI and for failed kernels. */
    public double initValue() {
        return initValue;
    }

    /**
     * The map of {@code family}'s {@code feature} on the image grid.
     *
     * @throws IllegalArgumentException when there is no such map (the message lists the maps)
     */
    public Image3D image(String family, String feature) {
        return image(new Entry(family, feature));
    }

    /** The map of {@code entry} on the image grid. */
    public Image3D image(Entry entry) {
        int k = indexOf(entry);
        double[] voxels = new double[geometry.voxelCount()];
        Arrays.fill(voxels, initValue);
        for (int i = 0; i < roiIndices.length; i++) {
            voxels[roiIndices[i]] = values[k][i];
        }
        return Image3D.wrap(geometry, voxels);
    }

    /** The value of the map of {@code family}'s {@code feature} at voxel (x, y, z), without building the image. */
    public double value(String family, String feature, int x, int y, int z) {
        int k = indexOf(new Entry(family, feature));
        int roi = Arrays.binarySearch(roiIndices, geometry.index(x, y, z));
        return roi >= 0 ? values[k][roi] : initValue;
    }

    private int indexOf(Entry entry) {
        int k = entries.indexOf(entry);
        if (k < 0) {
            throw new IllegalArgumentException("No map of " + entry.family() + " " + entry.feature() + "; maps: "
                    + entries.stream().map(e -> e.family() + "_" + e.feature()).toList());
        }
        return k;
    }

    /** How many kernels of {@code family} failed (their voxels hold the init value), e.g. NGTDM without neighbours. */
    public int failedKernels(String family) {
        return failedKernels.getOrDefault(family, 0);
    }

    /** The message of the first failed kernel of {@code family}, if any failed. */
    public Optional<String> firstFailure(String family) {
        return Optional.ofNullable(firstFailures.get(family));
    }

    /**
     * Writes every map as gzip NRRD {@code <imageType>_<family>_<Feature>.nrrd} into {@code directory} (created
     * when missing).
     *
     * @return the files by output key, in map order
     */
    public Map<String, Path> write(Path directory, String imageType) throws IOException {
        Files.createDirectories(directory);
        Map<String, Path> out = new LinkedHashMap<>();
        for (Entry entry : entries) {
            String key = entry.key(imageType);
            Path file = directory.resolve(key.replaceAll("[^A-Za-z0-9._-]", "_") + ".nrrd");
            ImageFiles.write(image(entry), file);
            out.put(key, file);
        }
        return out;
    }
}
