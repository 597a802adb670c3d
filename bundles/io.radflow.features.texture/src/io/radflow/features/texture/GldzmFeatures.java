package io.radflow.features.texture;

import io.radflow.features.DiscretisedRegion;
import io.radflow.features.FeatureDefinition;
import io.radflow.features.FeatureFamily;
import io.radflow.features.FeatureFormula;
import io.radflow.features.FeatureSettings;
import io.radflow.features.FeatureValues;
import io.radflow.features.Roi;
import io.radflow.features.Setting;
import io.radflow.features.VoxelBasedFamily;
import io.radflow.features.texture.Neighbourhood.Scope;
import io.radflow.image.ImageGeometry;
import io.radflow.image.Mask;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Grey level distance zone matrix features as IBSI-1 defines them (section 3.9, VMDZ; family key
 * {@code gldzm}; PyRadiomics has no GLDZM). Zones are those of the GLSZM ({@link GreyLevelZones}: same grey
 * level, Chebyshev distance 1 linkage, from the <b>intensity</b> mask). The distance of a voxel to the ROI edge
 * is the smallest number of face steps (6-connected in 3D, 4-connected in-plane, i.e. Manhattan distance) to a
 * voxel outside the <b>morphological</b> mask, counting voxels outside the image as outside; a voxel on the
 * edge has distance 1 ({@link #distanceMap}; IBSI computes it by repeated erosion, which gives the same map).
 * A zone's distance is the minimum over its voxels; {@code d(i, j)} counts the zones with grey level {@code i}
 * and distance {@code j} ({@link #matrix}).
 *
 * <p>Notation ({@link LevelCountMatrix}): {@code N_s} zones, {@code N_v} voxels of the intensity mask,
 * {@code d_{i.}}, {@code d_{.j}} marginal sums, {@code p(i,j) = d(i,j)/N_s}.
 *
 * <p>Features (name, IBSI id: formula):
 * <ul>
 * <li>SmallDistanceEmphasis (0GBI): {@code \frac{1}{N_s} \sum_j d_{.j}/j^2}</li>
 * <li>LargeDistanceEmphasis (MB4I): {@code \frac{1}{N_s} \sum_j j^2 d_{.j}}</li>
 * <li>LowGrayLevelZoneEmphasis (S1RA): {@code \frac{1}{N_s} \sum_i d_{i.}/i^2}</li>
 * <li>HighGrayLevelZoneEmphasis (K26C): {@code \frac{1}{N_s} \sum_i i^2 d_{i.}}</li>
 * <li>SmallDistanceLowGrayLevelEmphasis (RUVG): {@code \frac{1}{N_s} \sum_{i,j} d(i,j)/(i^2 j^2)}</li>
 * <li>SmallDistanceHighGrayLevelEmphasis (DKNJ): {@code \frac{1}{N_s} \sum_{i,j} i^2 d(i,j)/j^2}</li>
 * <li>LargeDistanceLowGrayLevelEmphasis (A7WM): {@code \frac{1}{N_s} \sum_{i,j} j^2 d(i,j)/i^2}</li>
 * <li>LargeDistanceHighGrayLevelEmphasis (KLTH): {@code \frac{1}{N_s} \sum_{i,j} i^2 j^2 d(i,j)}</li>
 * <li>GrayLevelNonUniformity (VFT7): {@code \frac{1}{N_s} \sum_i d_{i.}^2}</li>
 * <li>GrayLevelNonUniformityNormalized (7HP3): {@code \frac{1}{N_s^2} \sum_i d_{i.}^2}</li>
 * <li>ZoneDistanceNonUniformity (V294): {@code \frac{1}{N_s} \sum_j d_{.j}^2}</li>
 * <li>ZoneDistanceNonUniformityNormalized (IATH): {@code \frac{1}{N_s^2} \sum_j d_{.j}^2}</li>
 * <li>ZonePercentage (VIWW): {@code N_s / N_v}</li>
 * <li>GrayLevelVariance (QK93): {@code \sum_{i,j} (i-\mu)^2 p(i,j)}, {@code \mu = \sum_{i,j} i p(i,j)}</li>
 * <li>ZoneDistanceVariance (7WT1): {@code \sum_{i,j} (j-\mu)^2 p(i,j)}, {@code \mu = \sum_{i,j} j p(i,j)}</li>
 * <li>ZoneDistanceEntropy (GBDU): {@code -\sum_{i,j} p(i,j) \log_2 p(i,j)}</li>
 * </ul>
 *
 * <p>Aggregation settings as {@link GlszmFeatures}: in 2D and 2.5D both the zones and the distances are
 * in-plane.
 *
 * <p>References: Thibault G. et al., Advanced statistical matrices for texture characterization: application
 * to cell classification, IEEE TBME 61(3):630-637, 2014; IBSI-1.
 */
public final class GldzmFeatures implements VoxelBasedFamily {

    /** The family key, {@value}. */
    public static final String KEY = "gldzm";

    private static final List<FeatureFormula<LevelCountMatrix>> FEATURES = List.of(
            FeatureFormula.of("SmallDistanceEmphasis", "0GBI", "Emphasis of zones close to the ROI edge.",
                    LevelCountMatrix::smallColumnEmphasis),
            FeatureFormula.of("LargeDistanceEmphasis", "MB4I", "Emphasis of zones far from the ROI edge.",
                    LevelCountMatrix::largeColumnEmphasis),
            FeatureFormula.of("LowGrayLevelZoneEmphasis", "S1RA", "Emphasis of zones with low grey levels.",
                    LevelCountMatrix::lowGreyLevelEmphasis),
            FeatureFormula.of("HighGrayLevelZoneEmphasis", "K26C", "Emphasis of zones with high grey levels.",
                    LevelCountMatrix::highGreyLevelEmphasis),
            FeatureFormula.of("SmallDistanceLowGrayLevelEmphasis", "RUVG", "Emphasis of edge zones with low grey levels.",
                    m -> m.jointEmphasis(-1, -1)),
            FeatureFormula.of("SmallDistanceHighGrayLevelEmphasis", "DKNJ", "Emphasis of edge zones with high grey levels.",
                    m -> m.jointEmphasis(1, -1)),
            FeatureFormula.of("LargeDistanceLowGrayLevelEmphasis", "A7WM", "Emphasis of inner zones with low grey levels.",
                    m -> m.jointEmphasis(-1, 1)),
            FeatureFormula.of("LargeDistanceHighGrayLevelEmphasis", "KLTH", "Emphasis of inner zones with high grey levels.",
                    m -> m.jointEmphasis(1, 1)),
            FeatureFormula.of("GrayLevelNonUniformity", "VFT7", "Variability of zone counts over grey levels.",
                    LevelCountMatrix::greyLevelNonUniformity),
            FeatureFormula.of("GrayLevelNonUniformityNormalized", "7HP3",
                    "Grey level non-uniformity divided by the number of zones.",
                    LevelCountMatrix::greyLevelNonUniformityNormalized),
            FeatureFormula.of("ZoneDistanceNonUniformity", "V294", "Variability of zone counts over distances.",
                    LevelCountMatrix::columnNonUniformity),
            FeatureFormula.of("ZoneDistanceNonUniformityNormalized", "IATH",
                    "Zone distance non-uniformity divided by the number of zones.",
                    LevelCountMatrix::columnNonUniformityNormalized),
            FeatureFormula.of("ZonePercentage", "VIWW", "Number of zones per ROI voxel.", LevelCountMatrix::percentage),
            FeatureFormula.of("GrayLevelVariance", "QK93", "Variance of the grey levels of the zones.",
                    LevelCountMatrix::greyLevelVariance),
            FeatureFormula.of("ZoneDistanceVariance", "7WT1", "Variance of the zone distances.",
                    LevelCountMatrix::columnVariance),
            FeatureFormula.of("ZoneDistanceEntropy", "GBDU", "Entropy of the joint grey level and distance distribution.",
                    m -> m.entropy(0)));

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public List<FeatureDefinition> features() {
        return FeatureFormula.definitions(FEATURES);
    }

    @Override
    public List<Setting<?>> settings() {
        return List.of(FeatureSettings.BIN_WIDTH, FeatureSettings.BIN_COUNT, FeatureSettings.CONVENTION,
                FeatureSettings.RESEGMENT_RANGE, Neighbourhood.FORCE_2D, Neighbourhood.FORCE_2D_DIMENSION,
                TextureAggregation.SETTING);
    }

    @Override
    public FeatureValues compute(Roi roi, FeatureSettings settings) {
        GreyLevelVolume volume = GreyLevelVolume.of(roi, settings);
        Scope scope = Scope.of(settings);
        return FeatureFormula.averaged(FEATURES,
                matrices(volume, distanceMap(roi.morphological(), volume, scope.excludedAxis()), scope));
    }

    /**
     * The features of a region discretised beforehand (a voxel-based kernel): zones within the region, distances
     * to the edge of the region (which stands for both masks).
     */
    @Override
    public FeatureValues compute(DiscretisedRegion region, FeatureSettings settings, Collection<String> names) {
        FeatureFamily.checkNames(this, names);
        GreyLevelVolume volume = GreyLevelVolume.of(region);
        Scope scope = Scope.of(settings);
        return FeatureFamily.named(this, FeatureFormula.averaged(FEATURES,
                matrices(volume, distanceMap(volume, scope.excludedAxis()), scope)), names);
    }

    /** The matrices the features are computed from: one per occupied slice in IBSI 2D, else one. */
    public static List<LevelCountMatrix> matrices(GreyLevelVolume volume, int[] distances, Scope scope) {
        Neighbourhood linkage = Neighbourhood.chebyshev1(scope.excludedAxis());
        if (!scope.perSlice()) {
            return List.of(matrix(volume, distances, linkage));
        }
        List<LevelCountMatrix> out = new ArrayList<>();
        for (int s : scope.occupiedSlices(volume)) {
            out.add(matrix(scope.slice(volume, s),
                    scope.slice(distances, volume.sizeX(), volume.sizeY(), volume.sizeZ(), s), linkage));
        }
        return out;
    }

    /**
     * The GLDZM of {@code volume}: its zones (voxels linked by {@code linkage}) counted by grey level and by the
     * minimum of {@code distances} (a map over the volume's box, x fastest, {@code >= 1} inside the ROI) over
     * their voxels.
     */
    public static LevelCountMatrix matrix(GreyLevelVolume volume, int[] distances, Neighbourhood linkage) {
        GreyLevelZones zones = GreyLevelZones.label(volume, linkage);
        int[] zoneMap = zones.zoneMapShared();
        int[] zoneDistance = new int[zones.count()];
        Arrays.fill(zoneDistance, Integer.MAX_VALUE);
        for (int v = 0; v < zoneMap.length; v++) {
            int zone = zoneMap[v];
            if (zone >= 0) {
                if (distances[v] < 1) {
                    throw new IllegalArgumentException("The distance map has no distance at a voxel of the intensity "
                            + "mask (box index " + v + "): is the intensity mask inside the morphological mask?");
                }
                zoneDistance[zone] = Math.min(zoneDistance[zone], distances[v]);
            }
        }
        return LevelCountMatrix.ofEntries(zones.levelsShared(), zoneDistance, zones.count(), zones.voxelCount());
    }

    /**
     * The distance to the edge of {@code morphological} of every voxel of the box of {@code volume} (x fastest;
     * 0 where the box voxel is outside the morphological mask): the number of face steps ({@link
     * Neighbourhood#faceConnected}, excluding {@code excludedAxis}) to the nearest voxel outside the mask or the
     * image, so 1 on the edge. One breadth-first pass from the edge over the mask's bounding box.
     */
    public static int[] distanceMap(Mask morphological, GreyLevelVolume volume, int excludedAxis) {
        ImageGeometry g = morphological.geometry();
        int[] lo = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE};
        int[] hi = {-1, -1, -1};
        for (int z = 0; z < g.sizeZ(); z++) {
            for (int y = 0; y < g.sizeY(); y++) {
                for (int x = 0; x < g.sizeX(); x++) {
                    if (morphological.contains(g.index(x, y, z))) {
                        lo[0] = Math.min(lo[0], x);
                        lo[1] = Math.min(lo[1], y);
                        lo[2] = Math.min(lo[2], z);
                        hi[0] = Math.max(hi[0], x);
                        hi[1] = Math.max(hi[1], y);
                        hi[2] = Math.max(hi[2], z);
                    }
                }
            }
        }
        if (hi[0] < 0) {
            throw new IllegalArgumentException("The morphological mask is empty");
        }
        int[] size = {hi[0] - lo[0] + 1, hi[1] - lo[1] + 1, hi[2] - lo[2] + 1};
        int[] inside = new int[size[0] * size[1] * size[2]];
        for (int z = 0; z < size[2]; z++) {
            for (int y = 0; y < size[1]; y++) {
                for (int x = 0; x < size[0]; x++) {
                    if (morphological.contains(g.index(x + lo[0], y + lo[1], z + lo[2]))) {
                        inside[x + size[0] * (y + size[1] * z)] = 1;
                    }
                }
            }
        }
        Neighbourhood.Padded padded = edgeDistances(inside, size, excludedAxis);
        int[] distance = padded.values();
        int[] origin = volume.origin();
        int[] out = new int[volume.sizeX() * volume.sizeY() * volume.sizeZ()];
        for (int z = 0; z < volume.sizeZ(); z++) {
            for (int y = 0; y < volume.sizeY(); y++) {
                for (int x = 0; x < volume.sizeX(); x++) {
                    int mx = x + origin[0] - lo[0];
                    int my = y + origin[1] - lo[1];
                    int mz = z + origin[2] - lo[2];
                    if (mx >= 0 && my >= 0 && mz >= 0 && mx < size[0] && my < size[1] && mz < size[2]) {
                        out[x + volume.sizeX() * (y + volume.sizeY() * z)] = Math.max(0, distance[padded.index(mx, my, mz)]);
                    }
                }
            }
        }
        return out;
    }

    /**
     * The distance to the edge of the region of {@code volume} (its voxels with a grey level) of every voxel of
     * its box, as {@link #distanceMap(Mask, GreyLevelVolume, int)} with the region as the mask and voxels outside
     * the box outside it.
     */
    public static int[] distanceMap(GreyLevelVolume volume, int excludedAxis) {
        int[] size = {volume.sizeX(), volume.sizeY(), volume.sizeZ()};
        int[] inside = volume.levels();
        for (int i = 0; i < inside.length; i++) {
            inside[i] = inside[i] > 0 ? 1 : 0;
        }
        Neighbourhood.Padded padded = edgeDistances(inside, size, excludedAxis);
        int[] distance = padded.values();
        int[] out = new int[inside.length];
        for (int z = 0; z < size[2]; z++) {
            for (int y = 0; y < size[1]; y++) {
                for (int x = 0; x < size[0]; x++) {
                    out[x + size[0] * (y + size[1] * z)] = Math.max(0, distance[padded.index(x, y, z)]);
                }
            }
        }
        return out;
    }

    /**
     * Breadth-first distances from the edge of {@code inside} (1 inside, 0 outside; a box of {@code size}): the
     * padded box with 0 outside, 1 on the edge, and the number of face steps to it elsewhere inside.
     */
    private static Neighbourhood.Padded edgeDistances(int[] inside, int[] size, int excludedAxis) {
        Neighbourhood faces = Neighbourhood.faceConnected(excludedAxis);
        Neighbourhood.Padded padded = faces.pad(inside, size[0], size[1], size[2]);
        int[] distance = padded.values();
        int[] offsets = padded.linearOffsets();
        int[] queue = new int[distance.length];
        int head = 0;
        int tail = 0;
        for (int p = 0; p < distance.length; p++) {
            if (distance[p] == 1) {
                boolean edge = false;
                for (int o : offsets) {
                    if (distance[p + o] == 0) {
                        edge = true;
                        break;
                    }
                }
                if (edge) {
                    queue[tail++] = p;
                } else {
                    distance[p] = -1;
                }
            }
        }
        while (head < tail) {
            int p = queue[head++];
            for (int o : offsets) {
                int q = p + o;
                if (distance[q] == -1) {
                    distance[q] = distance[p] + 1;
                    queue[tail++] = q;
                }
            }
        }
        return padded;
    }
}
