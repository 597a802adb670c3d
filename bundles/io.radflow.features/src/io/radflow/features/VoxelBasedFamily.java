package io.radflow.features;

import java.util.Collection;

/**
 * A family that can also compute its features on a region whose intensities were discretised beforehand: the
 * kernel around each voxel in voxel-based extraction ({@link io.radflow.features.extraction.VoxelBasedExtractor}),
 * where PyRadiomics discretises the whole ROI once and builds every kernel's matrix from those grey levels.
 * Implemented by first order (which uses the raw intensities of the kernel and the ROI's bins for Entropy and
 * Uniformity) and by the texture families (which reuse their matrix code). Stateless and thread-safe.
 */
public interface VoxelBasedFamily extends FeatureFamily {

    /**
     * Computes the named features of {@code region} as {@link #compute(Roi, FeatureSettings, Collection)}
     * computes them for an ROI made of the region's voxels, except that the grey levels are the region's (not
     * discretised again).
     *
     * @throws IllegalArgumentException when the region cannot be used (e.g. no voxel has a neighbour), with
     *                                  a message saying why, or for an unknown name
     */
    FeatureValues compute(DiscretisedRegion region, FeatureSettings settings, Collection<String> names);
}
