package io.radflow.features;

import io.radflow.image.Image3D;
import io.radflow.image.ImageGeometry;
import io.radflow.image.Mask;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The IBSI-1 local intensity features (IBSI-1 section 3.2, 9ST6), family key {@value #KEY}, in 3D (DHQ4).
 *
 * <p>Both average the image in a sphere of 1 cm^3, radius {@code r = (3 / (4 \pi))^{1/3} cm ~ 6.2035 mm}, in
 * world coordinates: every voxel whose centre lies within {@code r} of the centre voxel counts, inside the ROI
 * or not (voxels outside the image do not exist and are skipped). Only voxels of the ROI intensity mask are
 * centres.
 * <ul>
 * <li><b>Local intensity peak</b> (VJGA): the sphere mean around the voxel of maximum intensity in the ROI; with
 * several maxima, the highest of their sphere means.</li>
 * <li><b>Global intensity peak</b> (0F91): the highest sphere mean over all ROI voxels.</li>
 * </ul>
 * Reference: Frings V. et al., Radiology 273(2), 2014; IBSI-1 reference manual.
 */
public final class LocalIntensityFeatures implements FeatureFamily {

    /** The family key, {@value}. */
    public static final String KEY = "localintensity";

    /** Radius in mm of a sphere of 1 cm^3. */
    public static final double RADIUS_MM = 10 * Math.cbrt(3 / (4 * Math.PI));

    private static final List<FeatureDefinition> FEATURES = List.of(
            new FeatureDefinition("LocalIntensityPeak", "VJGA",
                    "Mean intensity in a 1 cm^3 sphere around the ROI's maximum-intensity voxel.", false),
            new FeatureDefinition("GlobalIntensityPeak", "0F91",
                    "Highest mean intensity in a 1 cm^3 sphere around any ROI voxel.", false));

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public List<FeatureDefinition> features() {
        return FEATURES;
    }

    @Override
    public List<Setting<?>> settings() {
        return List.of();
    }

    @Override
    public FeatureValues compute(Roi roi, FeatureSettings settings) {
        Image3D image = roi.image();
        Mask mask = roi.intensity();
        ImageGeometry g = image.geometry();
        int[][] sphere = sphereOffsets(g.spacing());
        double maxIntensity = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < g.voxelCount(); i++) {
            if (mask.contains(i)) {
                maxIntensity = Math.max(maxIntensity, image.get(i));
            }
        }
        double local = Double.NEGATIVE_INFINITY;
        double global = Double.NEGATIVE_INFINITY;
        int nx = g.sizeX();
        int ny = g.sizeY();
        for (int i = 0; i < g.voxelCount(); i++) {
            if (!mask.contains(i)) {
                continue;
            }
            int x = i % nx;
            int y = (i / nx) % ny;
            int z = i / (nx * ny);
            double mean = sphereMean(image, x, y, z, sphere);
            global = Math.max(global, mean);
            if (image.get(i) == maxIntensity) {
                local = Math.max(local, mean);
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("LocalIntensityPeak", local);
        out.put("GlobalIntensityPeak", global);
        return new FeatureValues(out);
    }

    /** Index offsets {dx, dy, dz} of the voxels whose centres lie within {@link #RADIUS_MM} of the origin. */
    static int[][] sphereOffsets(double[] spacing) {
        int[] reach = new int[3];
        for (int a = 0; a < 3; a++) {
            reach[a] = (int) Math.floor(RADIUS_MM / spacing[a]);
        }
        List<int[]> offsets = new ArrayList<>();
        for (int dz = -reach[2]; dz <= reach[2]; dz++) {
            for (int dy = -reach[1]; dy <= reach[1]; dy++) {
                for (int dx = -reach[0]; dx <= reach[0]; dx++) {
                    double d2 = sq(dx * spacing[0]) + sq(dy * spacing[1]) + sq(dz * spacing[2]);
                    if (d2 <= RADIUS_MM * RADIUS_MM) {
                        offsets.add(new int[] {dx, dy, dz});
                    }
                }
            }
        }
        return offsets.toArray(int[][]::new);
    }

    private static double sphereMean(Image3D image, int x, int y, int z, int[][] sphere) {
        ImageGeometry g = image.geometry();
        double sum = 0;
        int n = 0;
        for (int[] o : sphere) {
            int xx = x + o[0];
            int yy = y + o[1];
            int zz = z + o[2];
            if (xx >= 0 && yy >= 0 && zz >= 0 && xx < g.sizeX() && yy < g.sizeY() && zz < g.sizeZ()) {
                sum += image.get(xx, yy, zz);
                n++;
            }
        }
        return sum / n;
    }

    private static double sq(double v) {
        return v * v;
    }
}
