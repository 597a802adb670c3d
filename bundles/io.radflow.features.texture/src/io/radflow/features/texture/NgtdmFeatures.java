package io.radflow.features.texture;

import io.radflow.features.Convention;
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
 * Neighbourhood grey tone difference matrix features (PyRadiomics {@code radiomics/ngtdm.py}, family key
 * {@code ngtdm}; IBSI-1 section 3.10, IPET), from the {@link NgtdmMatrix}: per grey level {@code i}, the count
 * {@code n_i} and the summed difference {@code s_i = \sum_k |i - \bar X_k|} between a voxel and the mean of its
 * neighbours in the ROI within Chebyshev distance {@code distances} (default 1; centre excluded).
 *
 * <p>Notation: {@code N_{v,c} = \sum n_i}, {@code p_i = n_i / N_{v,c}}, {@code N_{g,p}} the number of grey levels
 * with {@code p_i > 0}; sums run over those levels only ({@code i} is the grey level value).
 *
 * <p>Features (PyRadiomics name, IBSI id: formula):
 * <ul>
 * <li>Coarseness (QCDE): {@code 1 / \sum_i p_i s_i}; 10^6 when the sum is 0</li>
 * <li>Contrast (65HE): {@code \left(\frac{1}{N_{g,p}(N_{g,p}-1)} \sum_i \sum_j p_i p_j (i-j)^2\right)
 * \left(\frac{1}{N_{v,c}} \sum_i s_i\right)}; 0 when {@code N_{g,p} = 1}</li>
 * <li>Busyness (NQ30): {@code \sum_i p_i s_i / \sum_i \sum_j |i p_i - j p_j|}; 0 when the denominator is 0</li>
 * <li>Complexity (HDEZ): {@code \frac{1}{N_{v,c}} \sum_i \sum_j |i-j| \frac{p_i s_i + p_j s_j}{p_i + p_j}}</li>
 * <li>Strength (1X9X): {@code \sum_i \sum_j (p_i + p_j)(i-j)^2 / \sum_i s_i}; 0 when {@code \sum s_i = 0}</li>
 * </ul>
 *
 * <p>Convention: with {@code convention} pyradiomics, voxels without a neighbour in the ROI count in {@code n_i}
 * (with difference 0), as PyRadiomics' C code does; with ibsi they are left out (IBSI: only voxels with a valid
 * neighbourhood). Settings as {@link GlszmFeatures}, plus {@code distances}. In IBSI 2D, slices in which no voxel
 * has a neighbour are left out of the average.
 *
 * <p>References: Amadasun M., King R., Textural features corresponding to textural properties, IEEE SMC
 * 19:1264-1274, 1989; IBSI-1; PyRadiomics.
 */
public final class NgtdmFeatures implements VoxelBasedFamily {

    /** The family key, {@value}. */
    public static final String KEY = "ngtdm";

    private static final List<FeatureFormula<NgtdmMatrix>> FEATURES = List.of(
            FeatureFormula.of("Coarseness", "QCDE", "Inverse of the mean grey tone difference: high for uniform texture.",
                    NgtdmFeatures::coarseness),
            FeatureFormula.of("Contrast", "65HE", "Grey level dynamic range times the spatial rate of change.",
                    NgtdmFeatures::contrast),
            FeatureFormula.of("Busyness", "NQ30", "Rapid changes between a voxel and its neighbourhood.",
                    NgtdmFeatures::busyness),
            FeatureFormula.of("Complexity", "HDEZ", "Non-uniformity with many rapid grey level changes.",
                    NgtdmFeatures::complexity),
            FeatureFormula.of("Strength", "1X9X", "Large, clearly visible primitives: slow change, large differences.",
                    NgtdmFeatures::strength));

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
                FeatureSettings.RESEGMENT_RANGE, Neighbourhood.DISTANCES, Neighbourhood.FORCE_2D,
                Neighbourhood.FORCE_2D_DIMENSION, TextureAggregation.SETTING);
    }

    @Override
    public FeatureValues compute(Roi roi, FeatureSettings settings) {
        return compute(GreyLevelVolume.of(roi, settings), settings);
    }

    /** The features of a region discretised beforehand (a voxel-based kernel): neighbours within the region. */
    @Override
    public FeatureValues compute(DiscretisedRegion region, FeatureSettings settings, Collection<String> names) {
        FeatureFamily.checkNames(this, names);
        return FeatureFamily.named(this, compute(GreyLevelVolume.of(region), settings), names);
    }

    private static FeatureValues compute(GreyLevelVolume volume, FeatureSettings settings) {
        List<NgtdmMatrix> matrices = matrices(volume, Scope.of(settings),
                settings.get(Neighbourhood.DISTANCES), settings.convention() == Convention.PYRADIOMICS);
        if (matrices.isEmpty()) {
            throw new IllegalArgumentException("NGTDM: no ROI voxel has a neighbour in the ROI (distances "
                    + settings.get(Neighbourhood.DISTANCES) + ")");
        }
        return FeatureFormula.averaged(FEATURES, matrices);
    }

    /**
     * The matrices the features are computed from: one per occupied slice in IBSI 2D (slices without any counted
     * voxel left out), else one (empty when no voxel is counted).
     */
    public static List<NgtdmMatrix> matrices(GreyLevelVolume volume, Scope scope, List<Integer> distances,
            boolean countVoxelsWithoutNeighbours) {
        Neighbourhood neighbourhood = Neighbourhood.chebyshev(distances, scope.excludedAxis());
        List<NgtdmMatrix> out = new ArrayList<>();
        if (!scope.perSlice()) {
            out.add(NgtdmMatrix.compute(volume, neighbourhood, countVoxelsWithoutNeighbours));
        } else {
            for (int s : scope.occupiedSlices(volume)) {
                out.add(NgtdmMatrix.compute(scope.slice(volume, s), neighbourhood, countVoxelsWithoutNeighbours));
            }
        }
        out.removeIf(m -> m.counted() == 0);
        return out;
    }

    static double coarseness(NgtdmMatrix m) {
        double[] p = m.probabilities();
        double[] s = m.differences();
        double sum = 0;
        for (int r = 0; r < p.length; r++) {
            sum += p[r] * s[r];
        }
        return sum == 0 ? 1e6 : 1 / sum;
    }

    static double contrast(NgtdmMatrix m) {
        int ngp = m.presentLevels();
        if (ngp <= 1) {
            return 0;
        }
        double[] p = m.probabilities();
        double[] s = m.differences();
        int[] i = m.levels();
        double range = 0;
        double sumS = 0;
        for (int a = 0; a < p.length; a++) {
            sumS += s[a];
            for (int b = 0; b < p.length; b++) {
                range += p[a] * p[b] * (i[a] - i[b]) * (double) (i[a] - i[b]);
            }
        }
        return range / ((double) ngp * (ngp - 1)) * sumS / m.counted();
    }

    static double busyness(NgtdmMatrix m) {
        double[] p = m.probabilities();
        double[] s = m.differences();
        int[] i = m.levels();
        double numerator = 0;
        double denominator = 0;
        for (int a = 0; a < p.length; a++) {
            numerator += p[a] * s[a];
            for (int b = 0; b < p.length; b++) {
                denominator += Math.abs(i[a] * p[a] - i[b] * p[b]);
            }
        }
        return denominator == 0 ? 0 : numerator / denominator;
    }

    static double complexity(NgtdmMatrix m) {
        double[] p = m.probabilities();
        double[] s = m.differences();
        int[] i = m.levels();
        double sum = 0;
        for (int a = 0; a < p.length; a++) {
            for (int b = 0; b < p.length; b++) {
                sum += Math.abs(i[a] - i[b]) * (p[a] * s[a] + p[b] * s[b]) / (p[a] + p[b]);
            }
        }
        return sum / m.counted();
    }

    static double strength(NgtdmMatrix m) {
        double[] p = m.probabilities();
        double[] s = m.differences();
        int[] i = m.levels();
        double sumS = 0;
        double sum = 0;
        for (int a = 0; a < p.length; a++) {
            sumS += s[a];
            for (int b = 0; b < p.length; b++) {
                sum += (p[a] + p[b]) * (i[a] - i[b]) * (double) (i[a] - i[b]);
            }
        }
        return sumS == 0 ? 0 : sum / sumS;
    }
}
