package org.example.radflowlab;

import io.radflow.features.FeatureDefinition;
import io.radflow.features.FeatureFamily;
import io.radflow.features.FeatureSettings;
import io.radflow.features.FeatureValues;
import io.radflow.features.Roi;
import io.radflow.features.Setting;
import io.radflow.image.ImageGeometry;
import io.radflow.image.Mask;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fractal dimension of the ROI by box counting (Minkowski-Bouligand dimension), family key {@code fractal}.
 *
 * <p>The ROI's bounding box is covered with a grid of cubic boxes of side s voxels, s = f<sup>0</sup>, f<sup>1</sup>,
 * ... up to the largest side of the bounding box (f = {@code boxSizeFactor}, default 2), the grid anchored at the
 * box's lowest corner. N(s) counts the boxes that hold at least one ROI voxel. The dimension is the negated slope of
 * the least-squares line of log N(s) on log s:
 *
 * <pre>
 *   BoxCountingDimension = - sum((u - mean u)(v - mean v)) / sum((u - mean u)^2),  u = log s, v = log N(s)
 * </pre>
 *
 * A solid cube gives 3, a one-voxel-thick plane 2, a line 1, the Menger sponge log 20 / log 3 = 2.7268... with
 * f = 3 (Mandelbrot, The Fractal Geometry of Nature, 1982). Box sides are in voxels: resample to isotropic voxels
 * first for a dimension in physical space. Uses the morphological mask (the shape of the ROI). No IBSI id, no
 * PyRadiomics counterpart.
 */
public final class FractalDimensionFeatures implements FeatureFamily {

    /** Family key: output columns are {@code <imageType>_fractal_<Name>}. */
    public static final String KEY = "fractal";

    /** Growth factor of the box sides. */
    public static final Setting<Integer> BOX_SIZE_FACTOR = Setting.ofInt("boxSizeFactor", 2,
            "Box sides are powers of this factor (1, f, f^2 ... voxels), up to the largest side of the ROI bounding box.");

    private static final List<FeatureDefinition> FEATURES = List.of(
            new FeatureDefinition("BoxCountingDimension", "", "Fractal (box-counting) dimension of the ROI shape.", false));

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
        return List.of(BOX_SIZE_FACTOR, FeatureSettings.LABEL);
    }

    @Override
    public FeatureValues compute(Roi roi, FeatureSettings settings) {
        int factor = settings.get(BOX_SIZE_FACTOR);
        if (factor < 2) {
            throw new IllegalArgumentException("boxSizeFactor must be at least 2, got " + factor);
        }
        Mask mask = roi.morphological();
        ImageGeometry g = mask.geometry();
        int[] min = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE};
        int[] max = {-1, -1, -1};
        for (int z = 0; z < g.sizeZ(); z++) {
            for (int y = 0; y < g.sizeY(); y++) {
                for (int x = 0; x < g.sizeX(); x++) {
                    if (mask.contains(g.index(x, y, z))) {
                        int[] p = {x, y, z};
                        for (int d = 0; d < 3; d++) {
                            min[d] = Math.min(min[d], p[d]);
                            max[d] = Math.max(max[d], p[d]);
                        }
                    }
                }
            }
        }
        if (max[0] < 0) {
            throw new IllegalArgumentException("the ROI is empty");
        }
        int extent = Math.max(max[0] - min[0], Math.max(max[1] - min[1], max[2] - min[2])) + 1;
        List<double[]> points = new ArrayList<>(); // (log s, log N(s))
        for (long side = 1; side <= extent; side *= factor) {
            points.add(new double[] {Math.log(side), Math.log(boxes(mask, min, max, (int) side))});
        }
        if (points.size() < 2) {
            throw new IllegalArgumentException("the ROI spans " + extent + " voxel(s): box counting needs at least two box "
                    + "sizes (an ROI at least " + factor + " voxels wide)");
        }
        double mu = points.stream().mapToDouble(p -> p[0]).average().orElseThrow();
        double mv = points.stream().mapToDouble(p -> p[1]).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        for (double[] p : points) {
            sxy += (p[0] - mu) * (p[1] - mv);
            sxx += (p[0] - mu) * (p[0] - mu);
        }
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("BoxCountingDimension", -sxy / sxx);
        return new FeatureValues(values);
    }

    /** Number of boxes of side {@code side} (grid anchored at {@code min}) that hold an ROI voxel. */
    private static long boxes(Mask mask, int[] min, int[] max, int side) {
        ImageGeometry g = mask.geometry();
        int bx = (max[0] - min[0]) / side + 1;
        int by = (max[1] - min[1]) / side + 1;
        int bz = (max[2] - min[2]) / side + 1;
        boolean[] occupied = new boolean[bx * by * bz];
        long count = 0;
        for (int z = min[2]; z <= max[2]; z++) {
            for (int y = min[1]; y <= max[1]; y++) {
                for (int x = min[0]; x <= max[0]; x++) {
                    if (mask.contains(g.index(x, y, z))) {
                        int box = ((z - min[2]) / side * by + (y - min[1]) / side) * bx + (x - min[0]) / side;
                        if (!occupied[box]) {
                            occupied[box] = true;
                            count++;
                        }
                    }
                }
            }
        }
        return count;
    }
}
