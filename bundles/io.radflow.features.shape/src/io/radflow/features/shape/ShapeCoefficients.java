package io.radflow.features.shape;

import io.radflow.image.Mask;

/**
 * What the 3D shape features share, computed once per ROI: the surface mesh (with its lazily computed
 * diameters and hull), the voxel count and volume, and the principal-axis eigenvalues (ascending, mm^2).
 */
record ShapeCoefficients(SurfaceMesh mesh, int voxelCount, double voxelVolume, double[] eigenvalues) {

    /**
     * @param sampleCovariance principal axes from the sample covariance (N - 1, IBSI) instead of the population
     *                         covariance (N, PyRadiomics)
     * @throws IllegalArgumentException when the mask is empty or has a single voxel (no principal axes)
     */
    static ShapeCoefficients of(Mask mask, boolean sampleCovariance) {
        CroppedMask cropped = CroppedMask.of(mask);
        if (cropped.count() < 2) {
            throw new IllegalArgumentException("The ROI has a single voxel: shape features need at least 2 voxels "
                    + "(the principal axes of one voxel are undefined)");
        }
        return new ShapeCoefficients(SurfaceMesh.of(cropped), cropped.count(), mask.geometry().voxelVolume(),
                PrincipalAxes.eigenvalues(cropped, sampleCovariance));
    }
}
