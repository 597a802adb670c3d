package io.radflow.filters.ibsi2;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Combines the responses to rotated kernels voxel by voxel (IBSI-2 reference manual, rotation invariance): the maximum, or the mean over all
 * rotations. Rotations that give the same kernel (same {@code signature}) are computed once and, for the mean,
 * weighted by how often they occur.
 */
final class RotationPooling {

    private RotationPooling() {
    }

    static double[] pool(List<AxisRotation> rotations, Pooling pooling, Function<AxisRotation, String> signature,
            Function<AxisRotation, double[]> response) {
        if (pooling == Pooling.NONE) {
            return response.apply(rotations.get(0));
        }
        Map<String, AxisRotation> distinct = new LinkedHashMap<>();
        Map<String, Integer> multiplicity = new LinkedHashMap<>();
        for (AxisRotation r : rotations) {
            String key = signature.apply(r);
            distinct.putIfAbsent(key, r);
            multiplicity.merge(key, 1, Integer::sum);
        }
        double[] pooled = null;
        for (Map.Entry<String, AxisRotation> e : distinct.entrySet()) {
            double[] map = response.apply(e.getValue());
            if (pooled == null) {
                pooled = pooling == Pooling.MAX ? map : scaled(map, multiplicity.get(e.getKey()));
                continue;
            }
            int weight = multiplicity.get(e.getKey());
            for (int i = 0; i < map.length; i++) {
                pooled[i] = pooling == Pooling.MAX ? Math.max(pooled[i], map[i]) : pooled[i] + weight * map[i];
            }
        }
        if (pooling == Pooling.AVERAGE) {
            double n = rotations.size();
            for (int i = 0; i < pooled.length; i++) {
                pooled[i] /= n;
            }
        }
        return pooled;
    }

    private static double[] scaled(double[] map, int weight) {
        if (weight != 1) {
            for (int i = 0; i < map.length; i++) {
                map[i] *= weight;
            }
        }
        return map;
    }
}
