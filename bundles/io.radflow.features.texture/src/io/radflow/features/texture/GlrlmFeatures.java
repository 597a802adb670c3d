package io.radflow.features.texture;

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
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Grey level run length matrix features (family key {@code glrlm}): PyRadiomics' {@code radiomics/glrlm.py}
 * and IBSI-1 section 3.7 ("Grey level run length based features").
 *
 * <p><b>Matrix.</b> {@code P(i, j | \theta)} counts the runs of grey level {@code i} and length {@code j} along
 * direction {@code \theta} ({@link Directions}, distance 1: 13 directions in 3D, 4 in-plane): maximal lines of
 * consecutive ROI voxels with the same grey level; a voxel outside the intensity mask ends a run. Rows of grey
 * levels absent from the ROI are removed, as PyRadiomics. In 3D, directions moving along an axis on which the
 * image has a single voxel are skipped (PyRadiomics does not generate them).
 *
 * <p><b>Notation</b> (PyRadiomics'): {@code i} the grey level (value), {@code j} the run length;
 * {@code N_r(\theta) = \sum_{i,j} P(i,j|\theta)} the number of runs; {@code p(i,j|\theta) = P / N_r};
 * {@code p_g(i) = \sum_j P(i,j)}, {@code p_r(j) = \sum_i P(i,j)}; {@code N_p = \sum_j j\, p_r(j)} the number of
 * voxels in the runs (the ROI voxel count per direction; times the number of merged directions, and weighted
 * when weighting applies); {@code \epsilon = 2.2 \cdot 10^{-16}}.
 *
 * <p><b>Aggregation</b> as for {@link GlcmFeatures}: features per matrix averaged over directions
 * (PyRadiomics' default, IBSI "3D, averaged"), in-plane with {@code force2D} ("2.5D, direction-merged"), or one
 * matrix summed over the directions with {@code weightingNorm}, each weighted by its length {@code \|d\|} in mm
 * under the norm (1 for {@code no_weighting}); {@code textureAggregation} selects any of IBSI's six.
 *
 * <p><b>Settings</b> (defaults in brackets): {@code weightingNorm} [none], {@code force2D} [false],
 * {@code force2Ddimension} [0], {@code textureAggregation} [none], and the discretisation settings
 * ({@link FeatureSettings}).
 *
 * <p>References: Galloway M.M., Computer Graphics and Image Processing 4(2):172-179, 1975; Chu A., Sehgal
 * C.M., Greenleaf J.F., Pattern Recognition Letters 11(6):415-419, 1990; van Griethuysen et al., Cancer
 * Research 77(21):e104-e107, 2017; Zwanenburg et al., IBSI reference manual, arXiv:1612.07003.
 */
public final class GlrlmFeatures implements VoxelBasedFamily {

    /** The family key, {@value}. */
    public static final String KEY = "glrlm";

    public static final Setting<String> WEIGHTING_NORM = DirectionalAggregation.WEIGHTING_NORM;
    public static final Setting<Boolean> FORCE_2D = DirectionalAggregation.FORCE_2D;
    public static final Setting<Integer> FORCE_2D_DIMENSION = DirectionalAggregation.FORCE_2D_DIMENSION;
    public static final Setting<String> TEXTURE_AGGREGATION = TextureAggregation.SETTING;

    private static final double EPS = Math.ulp(1.0);

    private static final List<FeatureFormula<Coefficients>> FEATURES = List.of(
            feature("ShortRunEmphasis", "22OV", "Distribution of short runs (fine texture).",
                    GlrlmFeatures::shortRunEmphasis),
            feature("LongRunEmphasis", "W4KF", "Distribution of long runs (coarse texture).",
                    GlrlmFeatures::longRunEmphasis),
            feature("GrayLevelNonUniformity", "R5YN", "Non-uniformity of the runs over the grey levels.",
                    GlrlmFeatures::grayLevelNonUniformity),
            feature("GrayLevelNonUniformityNormalized", "OVBL", "Grey level non-uniformity divided by N_r.",
                    GlrlmFeatures::grayLevelNonUniformityNormalized),
            feature("RunLengthNonUniformity", "W92Y", "Non-uniformity of the runs over the run lengths.",
                    GlrlmFeatures::runLengthNonUniformity),
            feature("RunLengthNonUniformityNormalized", "IC23", "Run length non-uniformity divided by N_r.",
                    GlrlmFeatures::runLengthNonUniformityNormalized),
            feature("RunPercentage", "9ZK5", "Number of runs per voxel.", GlrlmFeatures::runPercentage),
            feature("GrayLevelVariance", "8CE5", "Variance of the grey levels of the runs.",
                    GlrlmFeatures::grayLevelVariance),
            feature("RunVariance", "SXLW", "Variance of the run lengths.", GlrlmFeatures::runVariance),
            feature("RunEntropy", "HJ9O", "Entropy of the run length matrix.", GlrlmFeatures::runEntropy),
            feature("LowGrayLevelRunEmphasis", "V3SW", "Distribution of low grey levels.",
                    GlrlmFeatures::lowGrayLevelRunEmphasis),
            feature("HighGrayLevelRunEmphasis", "G3QZ", "Distribution of high grey levels.",
                    GlrlmFeatures::highGrayLevelRunEmphasis),
            feature("ShortRunLowGrayLevelEmphasis", "HTZT", "Short runs of low grey levels.",
                    GlrlmFeatures::shortRunLowGrayLevelEmphasis),
            feature("ShortRunHighGrayLevelEmphasis", "GD3A", "Short runs of high grey levels.",
                    GlrlmFeatures::shortRunHighGrayLevelEmphasis),
            feature("LongRunLowGrayLevelEmphasis", "IVPO", "Long runs of low grey levels.",
                    GlrlmFeatures::longRunLowGrayLevelEmphasis),
            feature("LongRunHighGrayLevelEmphasis", "3KUM", "Long runs of high grey levels.",
                    GlrlmFeatures::longRunHighGrayLevelEmphasis));

    private static FeatureFormula<Coefficients> feature(String name, String ibsiId, String description, ToDoubleFunction<Coefficients> f) {
        return FeatureFormula.of(name, ibsiId, description, f);
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
                FeatureSettings.CONVENTION, FeatureSettings.RESEGMENT_RANGE, WEIGHTING_NORM, FORCE_2D,
                FORCE_2D_DIMENSION, TEXTURE_AGGREGATION);
    }

    @Override
    public FeatureValues compute(Roi roi, FeatureSettings settings) {
        return compute(roi, settings, FeatureFormula.definitions(FEATURES).stream().map(FeatureDefinition::name).toList());
    }

    /**
     * Computes the named features, in declaration order.
     *
     * @throws IllegalArgumentException for an unknown name or unusable settings or ROI
     */
    public FeatureValues compute(Roi roi, FeatureSettings settings, Collection<String> names) {
        int[] imageSize = roi.image().geometry().size();
        boolean[] flat = {imageSize[0] == 1, imageSize[1] == 1, imageSize[2] == 1};
        return compute(GreyLevelVolume.of(roi, settings), flat, settings, names);
    }

    /**
     * Computes the named features of an already discretised ROI of an image that extends beyond the box on
     * every axis (no direction is skipped).
     */
    public FeatureValues compute(GreyLevelVolume volume, FeatureSettings settings, Collection<String> names) {
        return compute(volume, new boolean[3], settings, names);
    }

    /**
     * Computes the named features of a region discretised beforehand (a voxel-based kernel); directions along
     * axes where the region's image is flat are skipped, as for an ROI.
     */
    @Override
    public FeatureValues compute(DiscretisedRegion region, FeatureSettings settings, Collection<String> names) {
        return compute(GreyLevelVolume.of(region), region.flatImageAxes(), settings, names);
    }

    private FeatureValues compute(GreyLevelVolume volume, boolean[] flatAxes, FeatureSettings settings,
            Collection<String> names) {
        List<FeatureFormula<Coefficients>> selected = FeatureFormula.select("GLRLM", FEATURES, names);
        double[] sums = new double[selected.size()];
        int[] count = {0};
        LevelIndex index = LevelIndex.of(volume);
        RunLengthBuilder builder = new RunLengthBuilder(index, flatAxes);
        aggregation(volume, settings).forEachMatrix(index, builder, (m, label) -> {
            Coefficients c = new Coefficients(m, index.greyLevels(), builder.maxRun);
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
     * The run length matrices whose features are averaged, for the settings' aggregation (see the class
     * comment), with the run lengths that occur in none of them removed (as PyRadiomics); for tests against
     * PyRadiomics' matrices and for voxel-based maps.
     */
    public static GlrlmMatrices matrices(GreyLevelVolume volume, FeatureSettings settings) {
        LevelIndex index = LevelIndex.of(volume);
        RunLengthBuilder builder = new RunLengthBuilder(index, new boolean[3]);
        List<double[]> full = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        aggregation(volume, settings).forEachMatrix(index, builder, (m, label) -> {
            full.add(m);
            labels.add(label);
        });
        int ng = index.levelCount();
        int maxRun = builder.maxRun;
        boolean[] occurs = new boolean[maxRun];
        for (double[] m : full) {
            for (int k = 0; k < m.length; k++) {
                occurs[k % maxRun] |= m[k] != 0;
            }
        }
        int[] runLengths = java.util.stream.IntStream.range(0, maxRun).filter(r -> occurs[r]).map(r -> r + 1).toArray();
        List<double[]> compact = new ArrayList<>();
        for (double[] m : full) {
            double[] c = new double[ng * runLengths.length];
            for (int i = 0; i < ng; i++) {
                for (int r = 0; r < runLengths.length; r++) {
                    c[i * runLengths.length + r] = m[i * maxRun + runLengths[r] - 1];
                }
            }
            compact.add(c);
        }
        return new GlrlmMatrices(index.greyLevels(), runLengths, compact, labels);
    }

    private static DirectionalAggregation aggregation(GreyLevelVolume volume, FeatureSettings settings) {
        return DirectionalAggregation.of(settings, List.of(1), volume.spacing(), length -> length);
    }


    /**
     * Counts runs in one pass over the box per direction: every voxel whose predecessor along the direction
     * lies outside the region starts a line, which is walked to the region's end.
     */
    private static final class RunLengthBuilder implements DirectionalAggregation.MatrixBuilder {
        private final LevelIndex index;
        private final boolean[] flatAxes;
        private final int maxRun;

        RunLengthBuilder(LevelIndex index, boolean[] flatAxes) {
            this.index = index;
            this.flatAxes = flatAxes;
            int[] size = index.size();
            this.maxRun = Math.max(size[0], Math.max(size[1], size[2]));
        }

        @Override
        public int size() {
            return index.levelCount() * maxRun;
        }

        @Override
        public void add(Direction d, int[] lo, int[] hi, double weight, double[] target) {
            for (int a = 0; a < 3; a++) {
                if (flatAxes[a] && d.along(a) != 0) {
                    return;
                }
            }
            int[] size = index.size();
            int sx = size[0];
            int sy = size[1];
            int dx = d.dx();
            int dy = d.dy();
            int dz = d.dz();
            int step = dx + sx * (dy + sy * dz);
            int[] levels = index.index();
            for (int z = lo[2]; z <= hi[2]; z++) {
                for (int y = lo[1]; y <= hi[1]; y++) {
                    for (int x = lo[0]; x <= hi[0]; x++) {
                        if (inside(x - dx, y - dy, z - dz, lo, hi)) {
                            continue;
                        }
                        int v = x + sx * (y + sy * z);
                        int cx = x;
                        int cy = y;
                        int cz = z;
                        int run = -1;
                        int length = 0;
                        while (inside(cx, cy, cz, lo, hi)) {
                            int level = levels[v];
                            if (level == run) {
                                length++;
                            } else {
                                if (run >= 0) {
                                    target[run * maxRun + length - 1] += weight;
                                }
                                run = level;
                                length = 1;
                            }
                            cx += dx;
                            cy += dy;
                            cz += dz;
                            v += step;
                        }
                        if (run >= 0) {
                            target[run * maxRun + length - 1] += weight;
                        }
                    }
                }
            }
        }

        private static boolean inside(int x, int y, int z, int[] lo, int[] hi) {
            return x >= lo[0] && x <= hi[0] && y >= lo[1] && y <= hi[1] && z >= lo[2] && z <= hi[2];
        }
    }

    /** The coefficients of one matrix, shared by the features (PyRadiomics' {@code coefficients}). */
    private static final class Coefficients {
        final double[] matrix;
        final double[] levels;
        final int runs;
        final double[] pg;
        final double[] pr;
        final double nr;
        final double np;

        Coefficients(double[] matrix, int[] greyLevels, int maxRun) {
            this.matrix = matrix;
            this.runs = maxRun;
            this.levels = new double[greyLevels.length];
            pg = new double[greyLevels.length];
            pr = new double[maxRun];
            double total = 0;
            double voxels = 0;
            for (int i = 0; i < greyLevels.length; i++) {
                levels[i] = greyLevels[i];
                for (int r = 0; r < maxRun; r++) {
                    double v = matrix[i * maxRun + r];
                    pg[i] += v;
                    pr[r] += v;
                    total += v;
                    voxels += v * (r + 1);
                }
            }
            nr = total;
            np = voxels;
        }

        /** {@code \sum_{i,j} P(i,j) f(i, j) / N_r}. */
        double mean(PairFunction f) {
            double s = 0;
            for (int i = 0; i < levels.length; i++) {
                for (int r = 0; r < runs; r++) {
                    double v = matrix[i * runs + r];
                    if (v != 0) {
                        s += v * f.apply(levels[i], r + 1);
                    }
                }
            }
            return s / nr;
        }
    }

    @FunctionalInterface
    private interface PairFunction {
        double apply(double i, double j);
    }

    /** <b>Short Run Emphasis</b> (PyRadiomics {@code ShortRunEmphasis}, IBSI 22OV): {@code \sum_{i,j} \frac{P(i,j)}{j^2} / N_r}. */
    static double shortRunEmphasis(Coefficients c) {
        return c.mean((i, j) -> 1 / (j * j));
    }

    /** <b>Long Run Emphasis</b> (PyRadiomics {@code LongRunEmphasis}, IBSI W4KF): {@code \sum_{i,j} P(i,j) j^2 / N_r}. */
    static double longRunEmphasis(Coefficients c) {
        return c.mean((i, j) -> j * j);
    }

    /**
     * <b>Gray Level Non-Uniformity</b> (PyRadiomics {@code GrayLevelNonUniformity}, IBSI R5YN):
     * {@code \sum_i p_g(i)^2 / N_r}.
     */
    static double grayLevelNonUniformity(Coefficients c) {
        return sumOfSquares(c.pg) / c.nr;
    }

    /**
     * <b>Gray Level Non-Uniformity Normalized</b> (PyRadiomics {@code GrayLevelNonUniformityNormalized}, IBSI
     * OVBL): {@code \sum_i p_g(i)^2 / N_r^2}.
     */
    static double grayLevelNonUniformityNormalized(Coefficients c) {
        return sumOfSquares(c.pg) / (c.nr * c.nr);
    }

    /**
     * <b>Run Length Non-Uniformity</b> (PyRadiomics {@code RunLengthNonUniformity}, IBSI W92Y):
     * {@code \sum_j p_r(j)^2 / N_r}.
     */
    static double runLengthNonUniformity(Coefficients c) {
        return sumOfSquares(c.pr) / c.nr;
    }

    /**
     * <b>Run Length Non-Uniformity Normalized</b> (PyRadiomics {@code RunLengthNonUniformityNormalized}, IBSI
     * IC23): {@code \sum_j p_r(j)^2 / N_r^2}.
     */
    static double runLengthNonUniformityNormalized(Coefficients c) {
        return sumOfSquares(c.pr) / (c.nr * c.nr);
    }

    /** <b>Run Percentage</b> (PyRadiomics {@code RunPercentage}, IBSI 9ZK5): {@code N_r / N_p}. */
    static double runPercentage(Coefficients c) {
        return c.nr / c.np;
    }

    /**
     * <b>Gray Level Variance</b> (PyRadiomics {@code GrayLevelVariance}, IBSI 8CE5):
     * {@code \sum_{i,j} p(i,j) (i - \mu)^2}, {@code \mu = \sum_{i,j} p(i,j)\, i}.
     */
    static double grayLevelVariance(Coefficients c) {
        double mu = c.mean((i, j) -> i);
        return c.mean((i, j) -> (i - mu) * (i - mu));
    }

    /**
     * <b>Run Variance</b> (PyRadiomics {@code RunVariance}, IBSI SXLW):
     * {@code \sum_{i,j} p(i,j) (j - \mu)^2}, {@code \mu = \sum_{i,j} p(i,j)\, j}.
     */
    static double runVariance(Coefficients c) {
        double mu = c.mean((i, j) -> j);
        return c.mean((i, j) -> (j - mu) * (j - mu));
    }

    /**
     * <b>Run Entropy</b> (PyRadiomics {@code RunEntropy}, IBSI HJ9O):
     * {@code -\sum_{i,j} p(i,j) \log_2(p(i,j) + \epsilon)}.
     */
    static double runEntropy(Coefficients c) {
        double h = 0;
        for (double v : c.matrix) {
            if (v != 0) {
                double p = v / c.nr;
                h -= p * Math.log(p + EPS) / Math.log(2);
            }
        }
        return h;
    }

    /**
     * <b>Low Gray Level Run Emphasis</b> (PyRadiomics {@code LowGrayLevelRunEmphasis}, IBSI V3SW):
     * {@code \sum_{i,j} \frac{P(i,j)}{i^2} / N_r}.
     */
    static double lowGrayLevelRunEmphasis(Coefficients c) {
        return c.mean((i, j) -> 1 / (i * i));
    }

    /**
     * <b>High Gray Level Run Emphasis</b> (PyRadiomics {@code HighGrayLevelRunEmphasis}, IBSI G3QZ):
     * {@code \sum_{i,j} P(i,j) i^2 / N_r}.
     */
    static double highGrayLevelRunEmphasis(Coefficients c) {
        return c.mean((i, j) -> i * i);
    }

    /**
     * <b>Short Run Low Gray Level Emphasis</b> (PyRadiomics {@code ShortRunLowGrayLevelEmphasis}, IBSI HTZT):
     * {@code \sum_{i,j} \frac{P(i,j)}{i^2 j^2} / N_r}.
     */
    static double shortRunLowGrayLevelEmphasis(Coefficients c) {
        return c.mean((i, j) -> 1 / (i * i * j * j));
    }

    /**
     * <b>Short Run High Gray Level Emphasis</b> (PyRadiomics {@code ShortRunHighGrayLevelEmphasis}, IBSI GD3A):
     * {@code \sum_{i,j} \frac{P(i,j) i^2}{j^2} / N_r}.
     */
    static double shortRunHighGrayLevelEmphasis(Coefficients c) {
        return c.mean((i, j) -> i * i / (j * j));
    }

    /**
     * <b>Long Run Low Gray Level Emphasis</b> (PyRadiomics {@code LongRunLowGrayLevelEmphasis}, IBSI IVPO):
     * {@code \sum_{i,j} \frac{P(i,j) j^2}{i^2} / N_r}.
     */
    static double longRunLowGrayLevelEmphasis(Coefficients c) {
        return c.mean((i, j) -> j * j / (i * i));
    }

    /**
     * <b>Long Run High Gray Level Emphasis</b> (PyRadiomics {@code LongRunHighGrayLevelEmphasis}, IBSI 3KUM):
     * {@code \sum_{i,j} P(i,j) i^2 j^2 / N_r}.
     */
    static double longRunHighGrayLevelEmphasis(Coefficients c) {
        return c.mean((i, j) -> i * i * j * j);
    }

    private static double sumOfSquares(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v * v;
        }
        return s;
    }
}
