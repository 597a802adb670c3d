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

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Neighbouring grey level dependence matrix features as IBSI-1 defines them (section 3.11, REK0; family key
 * {@code ngldm}). For every ROI voxel {@code k} with grey level {@code i}, the dependence
 * {@code j_k = 1 + #\{m \neq 0 : \|m\|_\infty \le \delta, k+m \in ROI, |X(k) - X(k+m)| \le \alpha\}} (the centre
 * counts, so {@code j >= 1}); the matrix {@code s(i, j)} counts voxels by grey level and dependence
 * ({@link #matrix}). IBSI's defaults are coarseness {@code \alpha = 0} and distance {@code \delta = 1}; the
 * settings {@code gldm_a} and {@code distances} (shared with {@link GldmFeatures}) change them.
 *
 * <p>PyRadiomics' GLDM ({@link GldmFeatures}) is this matrix with {@code \alpha = } {@code gldm_a}: its
 * dependence size is the same {@code j}, its features are a subset of these under other names, and
 * with {@code gldm_a} 0 and distance 1 the 3D values agree (up to the {@code \epsilon} of its entropy).
 *
 * <p>Notation ({@link LevelCountMatrix}): {@code N_s = N_v} (every voxel has a neighbourhood),
 * {@code s_{i.}}, {@code s_{.j}} marginal sums, {@code p(i,j) = s(i,j)/N_s}.
 *
 * <p>Features (name, IBSI id: formula):
 * <ul>
 * <li>LowDependenceEmphasis (SODN): {@code \frac{1}{N_s} \sum_j s_{.j}/j^2}</li>
 * <li>HighDependenceEmphasis (IMOQ): {@code \frac{1}{N_s} \sum_j j^2 s_{.j}}</li>
 * <li>LowGrayLevelCountEmphasis (TL9H): {@code \frac{1}{N_s} \sum_i s_{i.}/i^2}</li>
 * <li>HighGrayLevelCountEmphasis (OAE7): {@code \frac{1}{N_s} \sum_i i^2 s_{i.}}</li>
 * <li>LowDependenceLowGrayLevelEmphasis (EQ3F): {@code \frac{1}{N_s} \sum_{i,j} s(i,j)/(i^2 j^2)}</li>
 * <li>LowDependenceHighGrayLevelEmphasis (JA6D): {@code \frac{1}{N_s} \sum_{i,j} i^2 s(i,j)/j^2}</li>
 * <li>HighDependenceLowGrayLevelEmphasis (NBZI): {@code \frac{1}{N_s} \sum_{i,j} j^2 s(i,j)/i^2}</li>
 * <li>HighDependenceHighGrayLevelEmphasis (9QMG): {@code \frac{1}{N_s} \sum_{i,j} i^2 j^2 s(i,j)}</li>
 * <li>GrayLevelNonUniformity (FP8K): {@code \frac{1}{N_s} \sum_i s_{i.}^2}</li>
 * <li>GrayLevelNonUniformityNormalized (5SPA): {@code \frac{1}{N_s^2} \sum_i s_{i.}^2}</li>
 * <li>DependenceCountNonUniformity (Z87G): {@code \frac{1}{N_s} \sum_j s_{.j}^2}</li>
 * <li>DependenceCountNonUniformityNormalized (OKJI): {@code \frac{1}{N_s^2} \sum_j s_{.j}^2}</li>
 * <li>DependenceCountPercentage (6XV8): {@code N_s / N_v} (1 under this definition)</li>
 * <li>GrayLevelVariance (1PFV): {@code \sum_{i,j} (i-\mu)^2 p(i,j)}, {@code \mu = \sum_{i,j} i p(i,j)}</li>
 * <li>DependenceCountVariance (DNX2): {@code \sum_{i,j} (j-\mu)^2 p(i,j)}, {@code \mu = \sum_{i,j} j p(i,j)}</li>
 * <li>DependenceCountEntropy (FCBV): {@code -\sum_{i,j} p(i,j) \log_2 p(i,j)}</li>
 * <li>DependenceCountEnergy (CAS9): {@code \sum_{i,j} p(i,j)^2}</li>
 * </ul>
 *
 * <p>Aggregation settings as {@link GlszmFeatures} ({@code textureAggregation} 2D, 2.5D, 3D; {@code force2D}).
 *
 * <p>References: Sun C., Wee W.G., Neighboring gray level dependence matrix for texture classification, CVGIP
 * 23:341-352, 1983; IBSI-1.
 */
public final class NgldmFeatures implements VoxelBasedFamily {

    /** The family key, {@value}. */
    public static final String KEY = "ngldm";

    private static final List<FeatureFormula<LevelCountMatrix>> FEATURES = List.of(
            FeatureFormula.of("LowDependenceEmphasis", "SODN", "Emphasis of low dependence counts.",
                    LevelCountMatrix::smallColumnEmphasis),
            FeatureFormula.of("HighDependenceEmphasis", "IMOQ", "Emphasis of high dependence counts.",
                    LevelCountMatrix::largeColumnEmphasis),
            FeatureFormula.of("LowGrayLevelCountEmphasis", "TL9H", "Emphasis of low grey levels.",
                    LevelCountMatrix::lowGreyLevelEmphasis),
            FeatureFormula.of("HighGrayLevelCountEmphasis", "OAE7", "Emphasis of high grey levels.",
                    LevelCountMatrix::highGreyLevelEmphasis),
            FeatureFormula.of("LowDependenceLowGrayLevelEmphasis", "EQ3F", "Emphasis of low dependence and low grey levels.",
                    m -> m.jointEmphasis(-1, -1)),
            FeatureFormula.of("LowDependenceHighGrayLevelEmphasis", "JA6D", "Emphasis of low dependence and high grey levels.",
                    m -> m.jointEmphasis(1, -1)),
            FeatureFormula.of("HighDependenceLowGrayLevelEmphasis", "NBZI", "Emphasis of high dependence and low grey levels.",
                    m -> m.jointEmphasis(-1, 1)),
            FeatureFormula.of("HighDependenceHighGrayLevelEmphasis", "9QMG", "Emphasis of high dependence and high grey levels.",
                    m -> m.jointEmphasis(1, 1)),
            FeatureFormula.of("GrayLevelNonUniformity", "FP8K", "Variability of the counts over grey levels.",
                    LevelCountMatrix::greyLevelNonUniformity),
            FeatureFormula.of("GrayLevelNonUniformityNormalized", "5SPA",
                    "Grey level non-uniformity divided by the number of neighbourhoods.",
                    LevelCountMatrix::greyLevelNonUniformityNormalized),
            FeatureFormula.of("DependenceCountNonUniformity", "Z87G", "Variability of the counts over dependence counts.",
                    LevelCountMatrix::columnNonUniformity),
            FeatureFormula.of("DependenceCountNonUniformityNormalized", "OKJI",
                    "Dependence count non-uniformity divided by the number of neighbourhoods.",
                    LevelCountMatrix::columnNonUniformityNormalized),
            FeatureFormula.of("DependenceCountPercentage", "6XV8", "Neighbourhoods per ROI voxel (1 here).",
                    LevelCountMatrix::percentage),
            FeatureFormula.of("GrayLevelVariance", "1PFV", "Variance of the grey levels.",
                    LevelCountMatrix::greyLevelVariance),
            FeatureFormula.of("DependenceCountVariance", "DNX2", "Variance of the dependence counts.",
                    LevelCountMatrix::columnVariance),
            FeatureFormula.of("DependenceCountEntropy", "FCBV", "Entropy of the joint grey level and dependence distribution.",
                    m -> m.entropy(0)),
            FeatureFormula.of("DependenceCountEnergy", "CAS9", "Energy (second moment) of the joint distribution.",
                    LevelCountMatrix::energy));

    /** PyRadiomics {@code gldm_a}: the coarseness {@code \alpha} of GLDM and NGLDM. */
    public static final Setting<Integer> ALPHA = Setting.ofInt("gldm_a", 0,
            "Coarseness alpha: a neighbour with grey level j depends on the centre with grey level i when "
                    + "|i - j| <= alpha (PyRadiomics gldm_a; IBSI NGLDM coarseness parameter).");

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
        return dependenceSettings();
    }

    static List<Setting<?>> dependenceSettings() {
        return List.of(FeatureSettings.BIN_WIDTH, FeatureSettings.BIN_COUNT, FeatureSettings.CONVENTION,
                FeatureSettings.RESEGMENT_RANGE, ALPHA, Neighbourhood.DISTANCES, Neighbourhood.FORCE_2D,
                Neighbourhood.FORCE_2D_DIMENSION, TextureAggregation.SETTING);
    }

    @Override
    public FeatureValues compute(Roi roi, FeatureSettings settings) {
        return FeatureFormula.averaged(FEATURES, matrices(roi, settings));
    }

    /** The features of a region discretised beforehand (a voxel-based kernel): neighbours within the region. */
    @Override
    public FeatureValues compute(DiscretisedRegion region, FeatureSettings settings, Collection<String> names) {
        FeatureFamily.checkNames(this, names);
        return FeatureFamily.named(this, FeatureFormula.averaged(FEATURES, matrices(GreyLevelVolume.of(region), settings)),
                names);
    }

    /** The matrices of {@code roi} for {@code settings}: one per occupied slice in IBSI 2D, else one. */
    static List<LevelCountMatrix> matrices(Roi roi, FeatureSettings settings) {
        return matrices(GreyLevelVolume.of(roi, settings), settings);
    }

    /** The matrices of a discretised {@code volume} for {@code settings}. */
    static List<LevelCountMatrix> matrices(GreyLevelVolume volume, FeatureSettings settings) {
        int alpha = settings.get(ALPHA);
        if (alpha < 0) {
            throw new IllegalArgumentException("gldm_a (coarseness alpha) must be >= 0, got " + alpha);
        }
        return matrices(volume, Scope.of(settings), settings.get(Neighbourhood.DISTANCES), alpha);
    }

    /** The matrices the features are computed from: one per occupied slice in IBSI 2D, else one. */
    public static List<LevelCountMatrix> matrices(GreyLevelVolume volume, Scope scope, List<Integer> distances,
            int alpha) {
        Neighbourhood neighbourhood = Neighbourhood.chebyshev(distances, scope.excludedAxis());
        if (!scope.perSlice()) {
            return List.of(matrix(volume, neighbourhood, alpha));
        }
        List<LevelCountMatrix> out = new ArrayList<>();
        for (int s : scope.occupiedSlices(volume)) {
            out.add(matrix(scope.slice(volume, s), neighbourhood, alpha));
        }
        return out;
    }

    /**
     * The dependence matrix of {@code volume} in one pass over its ROI voxels: rows grey levels, columns
     * dependence {@code j = 1 +} the neighbours in the ROI within {@code alpha} grey levels of the centre.
     */
    public static LevelCountMatrix matrix(GreyLevelVolume volume, Neighbourhood neighbourhood, int alpha) {
        Neighbourhood.Padded padded = neighbourhood.pad(volume);
        int[] levels = padded.values();
        int[] offsets = padded.linearOffsets();
        long[][] counts = new long[volume.maxLevel() + 1][neighbourhood.size() + 2];
        for (int z = 0; z < volume.sizeZ(); z++) {
            for (int y = 0; y < volume.sizeY(); y++) {
                int p = padded.index(0, y, z);
                for (int x = 0; x < volume.sizeX(); x++, p++) {
                    int gl = levels[p];
                    if (gl <= 0) {
                        continue;
                    }
                    int dependence = 1;
                    for (int o : offsets) {
                        int l = levels[p + o];
                        if (l > 0 && Math.abs(l - gl) <= alpha) {
                            dependence++;
                        }
                    }
                    counts[gl][dependence]++;
                }
            }
        }
        return LevelCountMatrix.ofDense(counts, volume.voxelCount());
    }
}
