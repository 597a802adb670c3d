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

import java.util.Collection;
import java.util.List;

/**
 * Grey level dependence matrix features as PyRadiomics computes them ({@code radiomics/gldm.py}, family key
 * {@code gldm}). The GLDM is IBSI's neighbouring grey level dependence matrix ({@link NgldmFeatures#matrix}):
 * a neighbour within Chebyshev distance {@code distances} (default 1) depends on the centre voxel when their
 * grey levels differ by at most {@code \alpha} = {@code gldm_a} (default 0), and {@code P(i, j)} counts the
 * voxels with grey level {@code i} and dependence size {@code j} = 1 + their dependent neighbours. With the
 * defaults the 3D features equal IBSI's NGLDM features named in brackets (IBSI ids); the entropy adds
 * PyRadiomics' {@code \epsilon}.
 *
 * <p>Notation ({@link LevelCountMatrix}): {@code N_z = N_p} (every voxel has a dependence zone),
 * {@code p(i,j) = P(i,j)/N_z}, {@code \epsilon} = 2.2e-16; {@code i} is the grey level value.
 *
 * <p>Features (PyRadiomics name, IBSI id: formula):
 * <ul>
 * <li>SmallDependenceEmphasis (SODN): {@code \frac{1}{N_z} \sum_j P_{.j}/j^2}</li>
 * <li>LargeDependenceEmphasis (IMOQ): {@code \frac{1}{N_z} \sum_j j^2 P_{.j}}</li>
 * <li>GrayLevelNonUniformity (FP8K): {@code \frac{1}{N_z} \sum_i P_{i.}^2}</li>
 * <li>GrayLevelNonUniformityNormalized (5SPA; deprecated in PyRadiomics, it equals first-order Uniformity):
 * {@code \frac{1}{N_z^2} \sum_i P_{i.}^2}</li>
 * <li>DependenceNonUniformity (Z87G): {@code \frac{1}{N_z} \sum_j P_{.j}^2}</li>
 * <li>DependenceNonUniformityNormalized (OKJI): {@code \frac{1}{N_z^2} \sum_j P_{.j}^2}</li>
 * <li>GrayLevelVariance (1PFV): {@code \sum_{i,j} p(i,j)(i-\mu)^2}, {@code \mu = \sum_{i,j} i p(i,j)}</li>
 * <li>DependenceVariance (DNX2): {@code \sum_{i,j} p(i,j)(j-\mu)^2}, {@code \mu = \sum_{i,j} j p(i,j)}</li>
 * <li>DependenceEntropy (FCBV up to {@code \epsilon}): {@code -\sum_{i,j} p(i,j) \log_2(p(i,j)+\epsilon)}</li>
 * <li>DependencePercentage (6XV8; deprecated in PyRadiomics, always 1): {@code N_z / N_p}</li>
 * <li>LowGrayLevelEmphasis (TL9H): {@code \frac{1}{N_z} \sum_i P_{i.}/i^2}</li>
 * <li>HighGrayLevelEmphasis (OAE7): {@code \frac{1}{N_z} \sum_i i^2 P_{i.}}</li>
 * <li>SmallDependenceLowGrayLevelEmphasis (EQ3F): {@code \frac{1}{N_z} \sum_{i,j} P(i,j)/(i^2 j^2)}</li>
 * <li>SmallDependenceHighGrayLevelEmphasis (JA6D): {@code \frac{1}{N_z} \sum_{i,j} i^2 P(i,j)/j^2}</li>
 * <li>LargeDependenceLowGrayLevelEmphasis (NBZI): {@code \frac{1}{N_z} \sum_{i,j} j^2 P(i,j)/i^2}</li>
 * <li>LargeDependenceHighGrayLevelEmphasis (9QMG): {@code \frac{1}{N_z} \sum_{i,j} i^2 j^2 P(i,j)}</li>
 * </ul>
 *
 * <p>Settings: discretisation, {@code gldm_a}, {@code distances}, {@code force2D}, {@code force2Ddimension}
 * and {@code textureAggregation} (see {@link GlszmFeatures}).
 *
 * <p>References: Sun C., Wee W.G., CVGIP 23:341-352, 1983; van Griethuysen et al., Cancer Research 2017.
 */
public final class GldmFeatures implements VoxelBasedFamily {

    /** The family key, {@value}. */
    public static final String KEY = "gldm";

    /** PyRadiomics {@code gldm_a} (the same setting as {@link NgldmFeatures#ALPHA}). */
    public static final Setting<Integer> GLDM_A = NgldmFeatures.ALPHA;

    private static final double EPSILON = Math.ulp(1.0);

    private static final List<FeatureFormula<LevelCountMatrix>> FEATURES = List.of(
            FeatureFormula.of("SmallDependenceEmphasis", "SODN", "Emphasis of small dependences (less homogeneous texture).",
                    LevelCountMatrix::smallColumnEmphasis),
            FeatureFormula.of("LargeDependenceEmphasis", "IMOQ", "Emphasis of large dependences (more homogeneous texture).",
                    LevelCountMatrix::largeColumnEmphasis),
            FeatureFormula.of("GrayLevelNonUniformity", "FP8K", "Variability of the counts over grey levels.",
                    LevelCountMatrix::greyLevelNonUniformity),
            new FeatureFormula<>(new FeatureDefinition("GrayLevelNonUniformityNormalized", "5SPA",
                    "Deprecated in PyRadiomics: equals first-order Uniformity.", true),
                    LevelCountMatrix::greyLevelNonUniformityNormalized),
            FeatureFormula.of("DependenceNonUniformity", "Z87G", "Variability of the counts over dependence sizes.",
                    LevelCountMatrix::columnNonUniformity),
            FeatureFormula.of("DependenceNonUniformityNormalized", "OKJI",
                    "Dependence non-uniformity divided by the number of voxels.",
                    LevelCountMatrix::columnNonUniformityNormalized),
            FeatureFormula.of("GrayLevelVariance", "1PFV", "Variance of the grey levels.",
                    LevelCountMatrix::greyLevelVariance),
            FeatureFormula.of("DependenceVariance", "DNX2", "Variance of the dependence sizes.",
                    LevelCountMatrix::columnVariance),
            FeatureFormula.of("DependenceEntropy", "", "Entropy of the joint grey level and dependence distribution.",
                    m -> m.entropy(EPSILON)),
            new FeatureFormula<>(new FeatureDefinition("DependencePercentage", "6XV8",
                    "Deprecated in PyRadiomics: always 1.", true), LevelCountMatrix::percentage),
            FeatureFormula.of("LowGrayLevelEmphasis", "TL9H", "Emphasis of low grey levels.",
                    LevelCountMatrix::lowGreyLevelEmphasis),
            FeatureFormula.of("HighGrayLevelEmphasis", "OAE7", "Emphasis of high grey levels.",
                    LevelCountMatrix::highGreyLevelEmphasis),
            FeatureFormula.of("SmallDependenceLowGrayLevelEmphasis", "EQ3F",
                    "Emphasis of small dependences with low grey levels.", m -> m.jointEmphasis(-1, -1)),
            FeatureFormula.of("SmallDependenceHighGrayLevelEmphasis", "JA6D",
                    "Emphasis of small dependences with high grey levels.", m -> m.jointEmphasis(1, -1)),
            FeatureFormula.of("LargeDependenceLowGrayLevelEmphasis", "NBZI",
                    "Emphasis of large dependences with low grey levels.", m -> m.jointEmphasis(-1, 1)),
            FeatureFormula.of("LargeDependenceHighGrayLevelEmphasis", "9QMG",
                    "Emphasis of large dependences with high grey levels.", m -> m.jointEmphasis(1, 1)));

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
        return NgldmFeatures.dependenceSettings();
    }

    @Override
    public FeatureValues compute(Roi roi, FeatureSettings settings) {
        return FeatureFormula.averaged(FEATURES, NgldmFeatures.matrices(roi, settings));
    }

    /** The features of a region discretised beforehand (a voxel-based kernel): neighbours within the region. */
    @Override
    public FeatureValues compute(DiscretisedRegion region, FeatureSettings settings, Collection<String> names) {
        FeatureFamily.checkNames(this, names);
        return FeatureFamily.named(this,
                FeatureFormula.averaged(FEATURES, NgldmFeatures.matrices(GreyLevelVolume.of(region), settings)), names);
    }
}
