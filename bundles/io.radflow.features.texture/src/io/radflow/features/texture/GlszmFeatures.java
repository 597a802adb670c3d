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
 * Grey level size zone matrix features (PyRadiomics {@code radiomics/glszm.py}, family key {@code glszm};
 * IBSI-1 section 3.8, 9SAK). A zone is a maximal group of linked ROI voxels with the same discretised grey
 * level ({@link GreyLevelZones}; Chebyshev distance 1: 26-connected in 3D, 8-connected in-plane). The matrix
 * {@code s(i, j)} counts the zones with grey level {@code i} and size {@code j} voxels ({@link #matrix}).
 *
 * <p>Notation ({@link LevelCountMatrix}): {@code N_s} zones, {@code N_v} ROI voxels, {@code s_{i.}} and
 * {@code s_{.j}} the marginal sums, {@code p(i,j) = s(i,j)/N_s}; {@code i} is the grey level value (empty grey
 * levels contribute nothing), {@code j} the zone size; {@code \epsilon} = 2.2e-16.
 *
 * <p>Features (PyRadiomics name, IBSI id: formula):
 * <ul>
 * <li>SmallAreaEmphasis (5QRC; the reference table of this project lists it without id): {@code \frac{1}{N_s} \sum_j s_{.j}/j^2}</li>
 * <li>LargeAreaEmphasis (48P8): {@code \frac{1}{N_s} \sum_j j^2 s_{.j}}</li>
 * <li>GrayLevelNonUniformity (JNSA): {@code \frac{1}{N_s} \sum_i s_{i.}^2}</li>
 * <li>GrayLevelNonUniformityNormalized (Y1RO): {@code \frac{1}{N_s^2} \sum_i s_{i.}^2}</li>
 * <li>SizeZoneNonUniformity (4JP3): {@code \frac{1}{N_s} \sum_j s_{.j}^2}</li>
 * <li>SizeZoneNonUniformityNormalized (VB3A): {@code \frac{1}{N_s^2} \sum_j s_{.j}^2}</li>
 * <li>ZonePercentage (P30P): {@code N_s / N_v}</li>
 * <li>GrayLevelVariance (BYLV): {@code \sum_{i,j} (i-\mu)^2 p(i,j)}, {@code \mu = \sum_{i,j} i p(i,j)}</li>
 * <li>ZoneVariance (3NSA): {@code \sum_{i,j} (j-\mu)^2 p(i,j)}, {@code \mu = \sum_{i,j} j p(i,j)}</li>
 * <li>ZoneEntropy (GU8N): {@code -\sum_{i,j} p(i,j) \log_2(p(i,j)+\epsilon)} (IBSI has no {@code \epsilon};
 * the difference is below 1e-15)</li>
 * <li>LowGrayLevelZoneEmphasis (XMSY): {@code \frac{1}{N_s} \sum_i s_{i.}/i^2}</li>
 * <li>HighGrayLevelZoneEmphasis (5GN9): {@code \frac{1}{N_s} \sum_i i^2 s_{i.}}</li>
 * <li>SmallAreaLowGrayLevelEmphasis (5RAI): {@code \frac{1}{N_s} \sum_{i,j} s(i,j)/(i^2 j^2)}</li>
 * <li>SmallAreaHighGrayLevelEmphasis (HW1V): {@code \frac{1}{N_s} \sum_{i,j} i^2 s(i,j)/j^2}</li>
 * <li>LargeAreaLowGrayLevelEmphasis (YH51): {@code \frac{1}{N_s} \sum_{i,j} j^2 s(i,j)/i^2}</li>
 * <li>LargeAreaHighGrayLevelEmphasis (J17V): {@code \frac{1}{N_s} \sum_{i,j} i^2 j^2 s(i,j)}</li>
 * </ul>
 *
 * <p>Settings: the discretisation ({@code binWidth}, {@code binCount}, {@code convention},
 * {@code resegmentRange}), {@code force2D} and {@code force2Ddimension} (PyRadiomics: in-plane zones, one
 * matrix over all slices, which is IBSI 2.5D) and {@code textureAggregation} (IBSI {@code 2D}: features of
 * each slice's matrix averaged over slices, {@code 2.5D}, {@code 3D}; overrides {@code force2D}).
 *
 * <p>References: Thibault G. et al., Texture indexes and gray level size zone matrix, PRIP 2009; IBSI-1
 * (Zwanenburg et al., Radiology 2020); van Griethuysen et al., Cancer Research 2017.
 */
public final class GlszmFeatures implements VoxelBasedFamily {

    /** The family key, {@value}. */
    public static final String KEY = "glszm";

    private static final double EPSILON = Math.ulp(1.0);

    private static final List<FeatureFormula<LevelCountMatrix>> FEATURES = List.of(
            FeatureFormula.of("SmallAreaEmphasis", "5QRC", "Emphasis of small zones.",
                    LevelCountMatrix::smallColumnEmphasis),
            FeatureFormula.of("LargeAreaEmphasis", "48P8", "Emphasis of large zones.",
                    LevelCountMatrix::largeColumnEmphasis),
            FeatureFormula.of("GrayLevelNonUniformity", "JNSA", "Variability of zone counts over grey levels.",
                    LevelCountMatrix::greyLevelNonUniformity),
            FeatureFormula.of("GrayLevelNonUniformityNormalized", "Y1RO",
                    "Grey level non-uniformity divided by the number of zones.",
                    LevelCountMatrix::greyLevelNonUniformityNormalized),
            FeatureFormula.of("SizeZoneNonUniformity", "4JP3", "Variability of zone counts over zone sizes.",
                    LevelCountMatrix::columnNonUniformity),
            FeatureFormula.of("SizeZoneNonUniformityNormalized", "VB3A",
                    "Size zone non-uniformity divided by the number of zones.",
                    LevelCountMatrix::columnNonUniformityNormalized),
            FeatureFormula.of("ZonePercentage", "P30P", "Number of zones per ROI voxel.", LevelCountMatrix::percentage),
            FeatureFormula.of("GrayLevelVariance", "BYLV", "Variance of the grey levels of the zones.",
                    LevelCountMatrix::greyLevelVariance),
            FeatureFormula.of("ZoneVariance", "3NSA", "Variance of the zone sizes.", LevelCountMatrix::columnVariance),
            FeatureFormula.of("ZoneEntropy", "GU8N", "Entropy of the joint grey level and zone size distribution.",
                    m -> m.entropy(EPSILON)),
            FeatureFormula.of("LowGrayLevelZoneEmphasis", "XMSY", "Emphasis of zones with low grey levels.",
                    LevelCountMatrix::lowGreyLevelEmphasis),
            FeatureFormula.of("HighGrayLevelZoneEmphasis", "5GN9", "Emphasis of zones with high grey levels.",
                    LevelCountMatrix::highGreyLevelEmphasis),
            FeatureFormula.of("SmallAreaLowGrayLevelEmphasis", "5RAI", "Emphasis of small zones with low grey levels.",
                    m -> m.jointEmphasis(-1, -1)),
            FeatureFormula.of("SmallAreaHighGrayLevelEmphasis", "HW1V", "Emphasis of small zones with high grey levels.",
                    m -> m.jointEmphasis(1, -1)),
            FeatureFormula.of("LargeAreaLowGrayLevelEmphasis", "YH51", "Emphasis of large zones with low grey levels.",
                    m -> m.jointEmphasis(-1, 1)),
            FeatureFormula.of("LargeAreaHighGrayLevelEmphasis", "J17V", "Emphasis of large zones with high grey levels.",
                    m -> m.jointEmphasis(1, 1)));

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
        return FeatureFormula.averaged(FEATURES, matrices(GreyLevelVolume.of(roi, settings), Scope.of(settings)));
    }

    /** The features of a region discretised beforehand (a voxel-based kernel): zones within the region. */
    @Override
    public FeatureValues compute(DiscretisedRegion region, FeatureSettings settings, Collection<String> names) {
        FeatureFamily.checkNames(this, names);
        return FeatureFamily.named(this,
                FeatureFormula.averaged(FEATURES, matrices(GreyLevelVolume.of(region), Scope.of(settings))), names);
    }

    /** The matrices the features are computed from: one per occupied slice in IBSI 2D, else one. */
    public static List<LevelCountMatrix> matrices(GreyLevelVolume volume, Scope scope) {
        Neighbourhood linkage = Neighbourhood.chebyshev1(scope.excludedAxis());
        if (!scope.perSlice()) {
            return List.of(matrix(volume, linkage));
        }
        List<LevelCountMatrix> out = new ArrayList<>();
        for (int s : scope.occupiedSlices(volume)) {
            out.add(matrix(scope.slice(volume, s), linkage));
        }
        return out;
    }

    /** The GLSZM of {@code volume}: zones of voxels linked by {@code linkage}, counted by grey level and size. */
    public static LevelCountMatrix matrix(GreyLevelVolume volume, Neighbourhood linkage) {
        GreyLevelZones zones = GreyLevelZones.label(volume, linkage);
        return LevelCountMatrix.ofEntries(zones.levelsShared(), zones.sizesShared(), zones.count(), zones.voxelCount());
    }
}
