package io.radflow.features.texture;

import io.radflow.features.Convention;
import io.radflow.features.DiscretisedRegion;
import io.radflow.features.FeatureDefinition;
import io.radflow.features.FeatureFormula;
import io.radflow.features.FeatureSettings;
import io.radflow.features.FeatureValues;
import io.radflow.features.Roi;
import io.radflow.features.Setting;
import io.radflow.features.VoxelBasedFamily;
import io.radflow.features.texture.DirectionalAggregation.LevelIndex;
import io.radflow.features.texture.Directions.Direction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * Grey level co-occurrence matrix features (family key {@code glcm}): PyRadiomics' {@code radiomics/glcm.py}
 * and IBSI-1 section 3.6 ("Grey level co-occurrence based features").
 *
 * <p><b>Matrix.</b> {@code P(i, j | \delta, \theta)} counts the ROI voxel pairs with grey level {@code i} at
 * the centre and {@code j} at the neighbour {@code \delta} voxels away (Chebyshev distance) along direction
 * {@code \theta} ({@link Directions}: 13 directions in 3D, 4 in-plane, per distance); both voxels must lie in
 * the intensity mask. With {@code symmetricalGLCM} the transpose is added ({@code P + P^T}, as Haralick and
 * IBSI). Rows and columns of grey levels absent from the ROI are removed (as PyRadiomics); {@code p = P / \sum P}.
 *
 * <p><b>Notation</b> (PyRadiomics'): {@code i, j} the grey levels (values, not indices); {@code N_g} the
 * highest grey level present; {@code p_x(i) = \sum_j p(i,j)}, {@code p_y(j) = \sum_i p(i,j)};
 * {@code \mu_x = \sum_{i,j} p(i,j) i}, {@code \mu_y = \sum_{i,j} p(i,j) j}; {@code \sigma_x, \sigma_y} the
 * standard deviations of {@code p_x}, {@code p_y}; {@code p_{x+y}(k) = \sum_{i+j=k} p(i,j)}, {@code k = 2..2N_g};
 * {@code p_{x-y}(k) = \sum_{|i-j|=k} p(i,j)}, {@code k = 0..N_g-1}; {@code \epsilon = 2.2 \cdot 10^{-16}};
 * {@code HX = -\sum_i p_x(i) \log_2(p_x(i) + \epsilon)}, {@code HY} likewise;
 * {@code HXY = -\sum_{i,j} p(i,j) \log_2(p(i,j) + \epsilon)};
 * {@code HXY1 = -\sum_{i,j} p(i,j) \log_2(p_x(i) p_y(j) + \epsilon)};
 * {@code HXY2 = -\sum_{i,j} p_x(i) p_y(j) \log_2(p_x(i) p_y(j) + \epsilon)}. IBSI writes the same with
 * {@code 0 \log 0 = 0}; the {@code \epsilon} changes values by about 1e-15.
 *
 * <p><b>Aggregation.</b> Each feature is computed per matrix and averaged over the matrices
 * ({@link DirectionalAggregation}): PyRadiomics' default is one matrix per direction (IBSI "3D, averaged");
 * {@code force2D} builds in-plane matrices over all slices ("2.5D, direction-merged"); {@code weightingNorm}
 * sums the directional matrices weighted by {@code W = e^{-\|d\|^2}} ({@code d} the direction's length in mm
 * under the norm; 1 for {@code no_weighting}) into one matrix ("3D merged"/"2.5D merged"). The setting
 * {@code textureAggregation} selects any of IBSI's six aggregations instead.
 *
 * <p><b>Settings</b> (defaults in brackets): {@code distances} [[1]], {@code symmetricalGLCM} [true],
 * {@code weightingNorm} [none], {@code force2D} [false], {@code force2Ddimension} [0],
 * {@code textureAggregation} [none], and the discretisation settings {@code binWidth} [25], {@code binCount},
 * {@code convention} [pyradiomics], {@code resegmentRange} ({@link FeatureSettings}).
 *
 * <p><b>Features.</b> {@link #compute(Roi, FeatureSettings)} returns PyRadiomics' non-deprecated features (Sum
 * Average included; PyRadiomics' example Params.yaml disables it since it is 2 x Joint Average for a symmetric
 * GLCM). In the IBSI convention it also returns {@code Dissimilarity} (IBSI 8S9J) and {@code SumVariance}
 * (OEEB), which PyRadiomics deprecates as equal to Difference Average and Cluster Tendency. Any feature,
 * deprecated ones included, can be asked for by name ({@link #compute(Roi, FeatureSettings, Collection)}).
 *
 * <p>References: Haralick R., Shanmugam K., Dinstein I., IEEE Trans. Syst. Man Cybern. 3(6):610-621, 1973;
 * van Griethuysen et al., Cancer Research 77(21):e104-e107, 2017; Zwanenburg et al., IBSI reference manual,
 * arXiv:1612.07003.
 */
public final class GlcmFeatures implements VoxelBasedFamily {

    /** The family key, {@value}. */
    public static final String KEY = "glcm";

    public static final Setting<List<Integer>> DISTANCES = Neighbourhood.DISTANCES;
    public static final Setting<Boolean> SYMMETRICAL_GLCM = Setting.ofBoolean("symmetricalGLCM", true,
            "Count each pair in both directions, giving a symmetric matrix (Haralick, IBSI).");
    public static final Setting<String> WEIGHTING_NORM = DirectionalAggregation.WEIGHTING_NORM;
    public static final Setting<Boolean> FORCE_2D = DirectionalAggregation.FORCE_2D;
    public static final Setting<Integer> FORCE_2D_DIMENSION = DirectionalAggregation.FORCE_2D_DIMENSION;
    public static final Setting<String> TEXTURE_AGGREGATION = TextureAggregation.SETTING;

    private static final double EPS = Math.ulp(1.0);

    /** The features the IBSI convention adds to the non-deprecated ones. */
    private static final Set<String> IBSI_EXTRA = Set.of("Dissimilarity", "SumVariance");

    private static final List<FeatureFormula<Coefficients>> FEATURES = List.of(
            feature("Autocorrelation", "QWB0", "Magnitude of fineness and coarseness of the texture.",
                    GlcmFeatures::autocorrelation),
            feature("JointAverage", "60VM", "Mean grey level of the i distribution.", GlcmFeatures::jointAverage),
            feature("ClusterProminence", "AE86", "Skewness and asymmetry of the GLCM (fourth moment of i + j).",
                    GlcmFeatures::clusterProminence),
            feature("ClusterShade", "7NFM", "Skewness of the GLCM (third moment of i + j).", GlcmFeatures::clusterShade),
            feature("ClusterTendency", "DG8W", "Grouping of voxels with similar grey levels (variance of i + j).",
                    GlcmFeatures::clusterTendency),
            feature("Contrast", "ACUI", "Local grey-level variation, weighting pairs by (i - j)^2.",
                    GlcmFeatures::contrast),
            feature("Correlation", "NI2N", "Linear dependency of the grey levels of neighbouring voxels.",
                    GlcmFeatures::correlation),
            feature("DifferenceAverage", "TF7R", "Mean absolute grey-level difference of neighbours.",
                    GlcmFeatures::differenceAverage),
            feature("DifferenceEntropy", "NTRS", "Entropy of the neighbour grey-level differences.",
                    GlcmFeatures::differenceEntropy),
            feature("DifferenceVariance", "D3YU", "Variance of the neighbour grey-level differences.",
                    GlcmFeatures::differenceVariance),
            deprecated("Dissimilarity", "8S9J", "Mean absolute grey-level difference (deprecated in PyRadiomics: "
                    + "equals DifferenceAverage; IBSI's Dissimilarity).", GlcmFeatures::differenceAverage),
            feature("JointEnergy", "8ZQL", "Sum of squared probabilities (IBSI angular second moment).",
                    GlcmFeatures::jointEnergy),
            feature("JointEntropy", "TU9B", "Entropy of the joint probabilities.", GlcmFeatures::jointEntropy),
            deprecated("Homogeneity1", "", "Deprecated in PyRadiomics: equals Id.", GlcmFeatures::inverseDifference),
            deprecated("Homogeneity2", "", "Deprecated in PyRadiomics: equals Idm.",
                    GlcmFeatures::inverseDifferenceMoment),
            feature("Imc1", "R8DG", "Informational measure of correlation 1.", GlcmFeatures::imc1),
            feature("Imc2", "JN9H", "Informational measure of correlation 2.", GlcmFeatures::imc2),
            feature("Idm", "WF0Z", "Inverse difference moment (homogeneity 2).", GlcmFeatures::inverseDifferenceMoment),
            feature("MCC", "", "Maximal correlation coefficient.", GlcmFeatures::maximalCorrelationCoefficient),
            feature("Idmn", "1QCO", "Inverse difference moment normalised by N_g^2.",
                    GlcmFeatures::inverseDifferenceMomentNormalised),
            feature("Id", "IB1Z", "Inverse difference (homogeneity 1).", GlcmFeatures::inverseDifference),
            feature("Idn", "NDRX", "Inverse difference normalised by N_g.", GlcmFeatures::inverseDifferenceNormalised),
            feature("InverseVariance", "E8JP", "Sum of p_{x-y}(k) / k^2 over k >= 1.", GlcmFeatures::inverseVariance),
            feature("MaximumProbability", "GYBY", "Probability of the most frequent pair (IBSI joint maximum).",
                    GlcmFeatures::maximumProbability),
            feature("SumAverage", "ZGXS", "Mean of i + j (2 x JointAverage for a symmetric GLCM).",
                    GlcmFeatures::sumAverage),
            deprecated("SumVariance", "OEEB", "Variance of i + j (deprecated in PyRadiomics: equals "
                    + "ClusterTendency; IBSI's Sum variance).", GlcmFeatures::sumVariance),
            feature("SumEntropy", "P6QZ", "Entropy of p_{x+y}.", GlcmFeatures::sumEntropy),
            feature("SumSquares", "UR99", "Variance of the i distribution (IBSI joint variance).",
                    GlcmFeatures::sumSquares));

    private static FeatureFormula<Coefficients> feature(String name, String ibsiId, String description, ToDoubleFunction<Coefficients> f) {
        return FeatureFormula.of(name, ibsiId, description, f);
    }

    private static FeatureFormula<Coefficients> deprecated(String name, String ibsiId, String description, ToDoubleFunction<Coefficients> f) {
        return FeatureFormula.deprecated(name, ibsiId, description, f);
    }

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
        return List.of(FeatureSettings.BIN_WIDTH, FeatureSettings.BIN_COUNT, FeatureSettings.LABEL,
                FeatureSettings.CONVENTION, FeatureSettings.RESEGMENT_RANGE, DISTANCES, SYMMETRICAL_GLCM,
                WEIGHTING_NORM, FORCE_2D, FORCE_2D_DIMENSION, TEXTURE_AGGREGATION);
    }

    /** The non-deprecated features, plus Dissimilarity and SumVariance in the IBSI convention. */
    @Override
    public FeatureValues compute(Roi roi, FeatureSettings settings) {
        return compute(roi, settings, featureNames(settings));
    }

    /**
     * Computes the named features (deprecated ones included when named), in declaration order.
     *
     * @throws IllegalArgumentException for an unknown name or unusable settings or ROI
     */
    public FeatureValues compute(Roi roi, FeatureSettings settings, Collection<String> names) {
        return compute(GreyLevelVolume.of(roi, settings), settings, names);
    }

    /** Computes the named features of a region discretised beforehand (a voxel-based kernel). */
    @Override
    public FeatureValues compute(DiscretisedRegion region, FeatureSettings settings, Collection<String> names) {
        return compute(GreyLevelVolume.of(region), settings, names);
    }

    /** Computes the named features of an already discretised ROI. */
    public FeatureValues compute(GreyLevelVolume volume, FeatureSettings settings, Collection<String> names) {
        List<FeatureFormula<Coefficients>> selected = FeatureFormula.select("GLCM", FEATURES, names);
        double[] sums = new double[selected.size()];
        int[] count = {0};
        LevelIndex index = LevelIndex.of(volume);
        double[] levels = Arrays.stream(index.greyLevels()).asDoubleStream().toArray();
        forEachMatrix(volume, index, settings, (p, label) -> {
            Coefficients c = new Coefficients(p, levels, index.maxLevel());
            for (int f = 0; f < sums.length; f++) {
                sums[f] += selected.get(f).formula().applyAsDouble(c);
            }
            count[0]++;
        });
        Map<String, Double> out = new LinkedHashMap<>();
        for (int f = 0; f < sums.length; f++) {
            out.put(selected.get(f).definition().name(), sums[f] / count[0]);
        }
        return new FeatureValues(out);
    }

    /**
     * The normalised matrices whose features are averaged, for the settings' aggregation (see the class
     * comment), e.g. for tests against PyRadiomics' matrices and for voxel-based maps.
     */
    public static GlcmMatrices matrices(GreyLevelVolume volume, FeatureSettings settings) {
        LevelIndex index = LevelIndex.of(volume);
        List<double[]> matrices = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        forEachMatrix(volume, index, settings, (p, label) -> {
            matrices.add(p);
            labels.add(label);
        });
        return new GlcmMatrices(index.greyLevels(), matrices, labels);
    }

    private static void forEachMatrix(GreyLevelVolume volume, LevelIndex index, FeatureSettings settings,
            DirectionalAggregation.Sink sink) {
        DirectionalAggregation aggregation = DirectionalAggregation.of(settings, settings.get(DISTANCES),
                volume.spacing(), length -> Math.exp(-length * length));
        CooccurrenceBuilder builder = new CooccurrenceBuilder(index, settings.get(SYMMETRICAL_GLCM));
        aggregation.forEachMatrix(index, builder, (m, label) -> {
            double total = 0;
            for (double v : m) {
                total += v;
            }
            for (int k = 0; k < m.length; k++) {
                m[k] /= total;
            }
            sink.accept(m, label);
        });
    }

    /** The non-deprecated features, plus Dissimilarity and SumVariance in the IBSI convention. */
    @Override
    public List<String> featureNames(FeatureSettings settings) {
        boolean ibsi = settings.convention() == Convention.IBSI;
        List<String> names = new ArrayList<>();
        for (FeatureFormula<Coefficients> f : FEATURES) {
            String name = f.definition().name();
            if (!f.definition().deprecated() || (ibsi && IBSI_EXTRA.contains(name))) {
                names.add(name);
            }
        }
        return names;
    }


    /** Counts co-occurrences in one pass over the box per direction, with primitive arrays. */
    private static final class CooccurrenceBuilder implements DirectionalAggregation.MatrixBuilder {
        private final LevelIndex index;
        private final int ng;
        private final boolean symmetric;

        CooccurrenceBuilder(LevelIndex index, boolean symmetric) {
            this.index = index;
            this.ng = index.levelCount();
            this.symmetric = symmetric;
        }

        @Override
        public int size() {
            return ng * ng;
        }

        @Override
        public void add(Direction d, int[] lo, int[] hi, double weight, double[] target) {
            int[] size = index.size();
            int sx = size[0];
            int sy = size[1];
            int[] from = new int[3];
            int[] to = new int[3];
            for (int a = 0; a < 3; a++) {
                int offset = d.along(a);
                from[a] = Math.max(lo[a], -offset);
                to[a] = Math.min(hi[a], size[a] - 1 - offset);
            }
            int step = d.dx() + sx * (d.dy() + sy * d.dz());
            int[] levels = index.index();
            for (int z = from[2]; z <= to[2]; z++) {
                for (int y = from[1]; y <= to[1]; y++) {
                    int row = sx * (y + sy * z);
                    for (int v = row + from[0], end = row + to[0]; v <= end; v++) {
                        int i = levels[v];
                        if (i < 0) {
                            continue;
                        }
                        int j = levels[v + step];
                        if (j < 0) {
                            continue;
                        }
                        target[i * ng + j] += weight;
                        if (symmetric) {
                            target[j * ng + i] += weight;
                        }
                    }
                }
            }
        }
    }

    /** The coefficients of one normalised matrix, shared by the features (PyRadiomics' {@code coefficients}). */
    private static final class Coefficients {
        final double[] p;
        final double[] levels;
        final int n;
        final int maxLevel;
        final double[] px;
        final double[] py;
        final double ux;
        final double uy;
        final double[] pxAddy;
        final double[] pxSuby;
        final double hxy;

        Coefficients(double[] p, double[] levels, int maxLevel) {
            this.p = p;
            this.levels = levels;
            this.n = levels.length;
            this.maxLevel = maxLevel;
            px = new double[n];
            py = new double[n];
            pxAddy = new double[2 * maxLevel + 1];
            pxSuby = new double[maxLevel];
            double sx = 0;
            double sy = 0;
            double h = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double v = p[i * n + j];
                    if (v == 0) {
                        continue;
                    }
                    px[i] += v;
                    py[j] += v;
                    sx += v * levels[i];
                    sy += v * levels[j];
                    pxAddy[(int) (levels[i] + levels[j])] += v;
                    pxSuby[(int) Math.abs(levels[i] - levels[j])] += v;
                    h -= v * log2(v + EPS);
                }
            }
            ux = sx;
            uy = sy;
            hxy = h;
        }

        /** {@code \sum_{i,j} p(i,j) f(i, j)} over the non-zero entries. */
        double sum(PairFunction f) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double v = p[i * n + j];
                    if (v != 0) {
                        s += v * f.apply(levels[i], levels[j]);
                    }
                }
            }
            return s;
        }
    }

    @FunctionalInterface
    private interface PairFunction {
        double apply(double i, double j);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    /**
     * <b>Autocorrelation</b> (PyRadiomics {@code Autocorrelation}, IBSI QWB0):
     * {@code \sum_{i,j} p(i,j)\, i j}.
     */
    static double autocorrelation(Coefficients c) {
        return c.sum((i, j) -> i * j);
    }

    /**
     * <b>Joint Average</b> (PyRadiomics {@code JointAverage}, IBSI 60VM): {@code \mu_x = \sum_{i,j} p(i,j)\, i}.
     * Meaningful for a symmetric GLCM only (then {@code \mu_x = \mu_y}).
     */
    static double jointAverage(Coefficients c) {
        return c.ux;
    }

    /**
     * <b>Cluster Prominence</b> (PyRadiomics {@code ClusterProminence}, IBSI AE86):
     * {@code \sum_{i,j} (i + j - \mu_x - \mu_y)^4 p(i,j)}.
     */
    static double clusterProminence(Coefficients c) {
        double m = c.ux + c.uy;
        return c.sum((i, j) -> Math.pow(i + j - m, 4));
    }

    /**
     * <b>Cluster Shade</b> (PyRadiomics {@code ClusterShade}, IBSI 7NFM):
     * {@code \sum_{i,j} (i + j - \mu_x - \mu_y)^3 p(i,j)}.
     */
    static double clusterShade(Coefficients c) {
        double m = c.ux + c.uy;
        return c.sum((i, j) -> Math.pow(i + j - m, 3));
    }

    /**
     * <b>Cluster Tendency</b> (PyRadiomics {@code ClusterTendency}, IBSI DG8W):
     * {@code \sum_{i,j} (i + j - \mu_x - \mu_y)^2 p(i,j)}.
     */
    static double clusterTendency(Coefficients c) {
        double m = c.ux + c.uy;
        return c.sum((i, j) -> (i + j - m) * (i + j - m));
    }

    /** <b>Contrast</b> (PyRadiomics {@code Contrast}, IBSI ACUI): {@code \sum_{i,j} (i - j)^2 p(i,j)}. */
    static double contrast(Coefficients c) {
        return c.sum((i, j) -> (i - j) * (i - j));
    }

    /**
     * <b>Correlation</b> (PyRadiomics {@code Correlation}, IBSI NI2N):
     * {@code \frac{\sum_{i,j} p(i,j) (i - \mu_x)(j - \mu_y)}{\sigma_x \sigma_y + \epsilon}}; 1 when
     * {@code \sigma_x \sigma_y = 0} (a single grey level), as PyRadiomics.
     */
    static double correlation(Coefficients c) {
        double sigx = Math.sqrt(c.sum((i, j) -> (i - c.ux) * (i - c.ux)));
        double sigy = Math.sqrt(c.sum((i, j) -> (j - c.uy) * (j - c.uy)));
        if (sigx * sigy == 0) {
            return 1;
        }
        return c.sum((i, j) -> (i - c.ux) * (j - c.uy)) / (sigx * sigy + EPS);
    }

    /**
     * <b>Difference Average</b> (PyRadiomics {@code DifferenceAverage}, IBSI TF7R; also IBSI Dissimilarity
     * 8S9J): {@code DA = \sum_{k=0}^{N_g-1} k\, p_{x-y}(k)}.
     */
    static double differenceAverage(Coefficients c) {
        double s = 0;
        for (int k = 0; k < c.pxSuby.length; k++) {
            s += k * c.pxSuby[k];
        }
        return s;
    }

    /**
     * <b>Difference Entropy</b> (PyRadiomics {@code DifferenceEntropy}, IBSI NTRS):
     * {@code -\sum_{k=0}^{N_g-1} p_{x-y}(k) \log_2(p_{x-y}(k) + \epsilon)}.
     */
    static double differenceEntropy(Coefficients c) {
        return entropy(c.pxSuby);
    }

    /**
     * <b>Difference Variance</b> (PyRadiomics {@code DifferenceVariance}, IBSI D3YU):
     * {@code \sum_{k=0}^{N_g-1} (k - DA)^2 p_{x-y}(k)}.
     */
    static double differenceVariance(Coefficients c) {
        double da = differenceAverage(c);
        double s = 0;
        for (int k = 0; k < c.pxSuby.length; k++) {
            s += (k - da) * (k - da) * c.pxSuby[k];
        }
        return s;
    }

    /**
     * <b>Joint Energy</b> (PyRadiomics {@code JointEnergy}, IBSI angular second moment 8ZQL):
     * {@code \sum_{i,j} p(i,j)^2}.
     */
    static double jointEnergy(Coefficients c) {
        double s = 0;
        for (double v : c.p) {
            s += v * v;
        }
        return s;
    }

    /** <b>Joint Entropy</b> (PyRadiomics {@code JointEntropy}, IBSI TU9B): {@code HXY}. */
    static double jointEntropy(Coefficients c) {
        return c.hxy;
    }

    /**
     * <b>Informational Measure of Correlation 1</b> (PyRadiomics {@code Imc1}, IBSI R8DG):
     * {@code \frac{HXY - HXY1}{\max(HX, HY)}}; 0 when {@code HX = HY = 0} (flat region), as PyRadiomics.
     */
    static double imc1(Coefficients c) {
        double hx = entropy(c.px);
        double hy = entropy(c.py);
        double hxy1 = 0;
        for (int i = 0; i < c.n; i++) {
            for (int j = 0; j < c.n; j++) {
                hxy1 -= c.p[i * c.n + j] * log2(c.px[i] * c.py[j] + EPS);
            }
        }
        double div = Math.max(hx, hy);
        return div == 0 ? 0 : (c.hxy - hxy1) / div;
    }

    /**
     * <b>Informational Measure of Correlation 2</b> (PyRadiomics {@code Imc2}, IBSI JN9H):
     * {@code \sqrt{1 - e^{-2 (HXY2 - HXY)}}}; 0 when {@code HXY2 <= HXY} (rounding), as PyRadiomics documents.
     */
    static double imc2(Coefficients c) {
        double hxy2 = 0;
        for (int i = 0; i < c.n; i++) {
            for (int j = 0; j < c.n; j++) {
                double q = c.px[i] * c.py[j];
                hxy2 -= q * log2(q + EPS);
            }
        }
        double d = 1 - Math.exp(-2 * (hxy2 - c.hxy));
        return hxy2 <= c.hxy || d <= 0 ? 0 : Math.sqrt(d);
    }

    /**
     * <b>Inverse Difference Moment</b> (PyRadiomics {@code Idm}, IBSI WF0Z):
     * {@code \sum_{k=0}^{N_g-1} \frac{p_{x-y}(k)}{1 + k^2}}.
     */
    static double inverseDifferenceMoment(Coefficients c) {
        double s = 0;
        for (int k = 0; k < c.pxSuby.length; k++) {
            s += c.pxSuby[k] / (1.0 + (double) k * k);
        }
        return s;
    }

    /**
     * <b>Maximal Correlation Coefficient</b> (PyRadiomics {@code MCC}; not in IBSI-1):
     * {@code \sqrt{\lambda_2(Q)}}, the square root of the second largest eigenvalue of
     * {@code Q(i,j) = \sum_k \frac{p(i,k) p(j,k)}{p_x(i) p_y(k)}}; 1 for a single grey level. Computed as the
     * eigenvalues of the symmetric {@code B B^T}, {@code B(i,k) = p(i,k) / \sqrt{p_x(i) p_y(k)}}, which is similar
     * to {@code Q} (PyRadiomics adds {@code \epsilon} to the denominator; the difference is about 1e-16).
     */
    static double maximalCorrelationCoefficient(Coefficients c) {
        int n = c.n;
        if (n < 2) {
            return 1;
        }
        double[][] b = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                double v = c.p[i * n + k];
                if (v != 0) {
                    b[i][k] = v / Math.sqrt(c.px[i] * c.py[k]);
                }
            }
        }
        double[][] q = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += b[i][k] * b[j][k];
                }
                q[i][j] = s;
                q[j][i] = s;
            }
        }
        double[] eigen = new EigenDecomposition(new Array2DRowRealMatrix(q, false)).getRealEigenvalues();
        Arrays.sort(eigen);
        return Math.sqrt(Math.max(0, eigen[n - 2]));
    }

    /**
     * <b>Inverse Difference Moment Normalised</b> (PyRadiomics {@code Idmn}, IBSI 1QCO):
     * {@code \sum_{k=0}^{N_g-1} \frac{p_{x-y}(k)}{1 + k^2 / N_g^2}}.
     */
    static double inverseDifferenceMomentNormalised(Coefficients c) {
        double ng2 = (double) c.maxLevel * c.maxLevel;
        double s = 0;
        for (int k = 0; k < c.pxSuby.length; k++) {
            s += c.pxSuby[k] / (1 + k * (double) k / ng2);
        }
        return s;
    }

    /**
     * <b>Inverse Difference</b> (PyRadiomics {@code Id}, IBSI IB1Z):
     * {@code \sum_{k=0}^{N_g-1} \frac{p_{x-y}(k)}{1 + k}}.
     */
    static double inverseDifference(Coefficients c) {
        double s = 0;
        for (int k = 0; k < c.pxSuby.length; k++) {
            s += c.pxSuby[k] / (1.0 + k);
        }
        return s;
    }

    /**
     * <b>Inverse Difference Normalised</b> (PyRadiomics {@code Idn}, IBSI NDRX):
     * {@code \sum_{k=0}^{N_g-1} \frac{p_{x-y}(k)}{1 + k / N_g}}.
     */
    static double inverseDifferenceNormalised(Coefficients c) {
        double s = 0;
        for (int k = 0; k < c.pxSuby.length; k++) {
            s += c.pxSuby[k] / (1 + k / (double) c.maxLevel);
        }
        return s;
    }

    /**
     * <b>Inverse Variance</b> (PyRadiomics {@code InverseVariance}, IBSI E8JP):
     * {@code \sum_{k=1}^{N_g-1} \frac{p_{x-y}(k)}{k^2}}.
     */
    static double inverseVariance(Coefficients c) {
        double s = 0;
        for (int k = 1; k < c.pxSuby.length; k++) {
            s += c.pxSuby[k] / ((double) k * k);
        }
        return s;
    }

    /**
     * <b>Maximum Probability</b> (PyRadiomics {@code MaximumProbability}, IBSI joint maximum GYBY):
     * {@code \max_{i,j} p(i,j)}.
     */
    static double maximumProbability(Coefficients c) {
        double max = 0;
        for (double v : c.p) {
            max = Math.max(max, v);
        }
        return max;
    }

    /**
     * <b>Sum Average</b> (PyRadiomics {@code SumAverage}, IBSI ZGXS): {@code SA = \sum_{k=2}^{2N_g} k\, p_{x+y}(k)}.
     */
    static double sumAverage(Coefficients c) {
        double s = 0;
        for (int k = 2; k < c.pxAddy.length; k++) {
            s += k * c.pxAddy[k];
        }
        return s;
    }

    /**
     * <b>Sum Variance</b> (PyRadiomics {@code SumVariance}, deprecated there as equal to Cluster Tendency; IBSI
     * OEEB): {@code \sum_{k=2}^{2N_g} (k - SA)^2 p_{x+y}(k)}.
     */
    static double sumVariance(Coefficients c) {
        double sa = sumAverage(c);
        double s = 0;
        for (int k = 2; k < c.pxAddy.length; k++) {
            s += (k - sa) * (k - sa) * c.pxAddy[k];
        }
        return s;
    }

    /**
     * <b>Sum Entropy</b> (PyRadiomics {@code SumEntropy}, IBSI P6QZ):
     * {@code -\sum_{k=2}^{2N_g} p_{x+y}(k) \log_2(p_{x+y}(k) + \epsilon)}.
     */
    static double sumEntropy(Coefficients c) {
        return entropy(c.pxAddy);
    }

    /**
     * <b>Sum of Squares</b> (PyRadiomics {@code SumSquares}, IBSI joint variance UR99):
     * {@code \sum_{i,j} (i - \mu_x)^2 p(i,j)}.
     */
    static double sumSquares(Coefficients c) {
        return c.sum((i, j) -> (i - c.ux) * (i - c.ux));
    }

    /** {@code -\sum_k q_k \log_2(q_k + \epsilon)}. */
    private static double entropy(double[] q) {
        double h = 0;
        for (double v : q) {
            if (v != 0) {
                h -= v * log2(v + EPS);
            }
        }
        return h;
    }
}
