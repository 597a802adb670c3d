package io.radflow.features;


import java.util.Collection;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * PyRadiomics' first-order features ({@code radiomics/firstorder.py}, family key {@code firstorder}):
 * the distribution of voxel intensities inside the ROI, computed as PyRadiomics does.
 *
 * <p>Notation: {@code X} the N intensities of the ROI; {@code c} = {@code voxelArrayShift}; {@code V} the
 * volume of one voxel in mm^3; {@code P(i)} the fraction of voxels in the i-th occupied bin of PyRadiomics'
 * discretisation ({@link Discretisation}, {@code binWidth} or {@code binCount}); {@code \bar X} the mean;
 * {@code m_k} the k-th central moment; {@code P_p} the p-th percentile (numpy linear interpolation);
 * {@code \epsilon} = 2.2e-16 (numpy's {@code spacing(1)}).
 *
 * <p>Settings read: {@code binWidth} [25], {@code binCount} [none], {@code voxelArrayShift} [0]
 * ({@link FeatureSettings}). Features whose definition equals IBSI-1's carry its identifier.
 *
 * <p>References: van Griethuysen et al., Cancer Research 77(21):e104-e107, 2017 (PyRadiomics);
 * Zwanenburg et al., Radiology 295(2):328-338, 2020 (IBSI).
 */
public final class FirstOrderFeatures implements VoxelBasedFamily {

    /** The family key, {@value}. */
    public static final String KEY = "firstorder";

    /** Coefficients shared by all features, computed once per ROI. */
    private record Coefficients(IntensityStatistics stats, double[] binProbabilities, double voxelVolume,
            double shift) {
    }

    private static final List<FeatureFormula<Coefficients>> FEATURES = List.of(
            feature("Energy", "N8CA", "Sum of the squared (shifted) intensities.", FirstOrderFeatures::energy),
            feature("TotalEnergy", "", "Energy scaled by the voxel volume (mm^3).", FirstOrderFeatures::totalEnergy),
            feature("Entropy", "", "Shannon entropy (bits) of the binned intensity histogram.", FirstOrderFeatures::entropy),
            feature("Minimum", "1GSF", "Lowest intensity.", FirstOrderFeatures::minimum),
            feature("10Percentile", "QG58", "10th percentile of the intensities.", FirstOrderFeatures::percentile10),
            feature("90Percentile", "8DWT", "90th percentile of the intensities.", FirstOrderFeatures::percentile90),
            feature("Maximum", "84IY", "Highest intensity.", FirstOrderFeatures::maximum),
            feature("Mean", "Q4LE", "Mean intensity.", FirstOrderFeatures::mean),
            feature("Median", "Y12H", "Median intensity.", FirstOrderFeatures::median),
            feature("InterquartileRange", "SALO", "75th minus 25th percentile.", FirstOrderFeatures::interquartileRange),
            feature("Range", "2OJQ", "Maximum minus minimum.", FirstOrderFeatures::range),
            feature("MeanAbsoluteDeviation", "4FUA", "Mean distance of the intensities from their mean.",
                    FirstOrderFeatures::meanAbsoluteDeviation),
            feature("RobustMeanAbsoluteDeviation", "1128",
                    "Mean absolute deviation of the intensities between the 10th and 90th percentile.",
                    FirstOrderFeatures::robustMeanAbsoluteDeviation),
            feature("RootMeanSquared", "5ZWQ", "Square root of the mean squared (shifted) intensity.",
                    FirstOrderFeatures::rootMeanSquared),
            new FeatureFormula<>(new FeatureDefinition("StandardDeviation", "",
                    "Standard deviation of the intensities (deprecated in PyRadiomics: the square root of Variance).",
                    true), FirstOrderFeatures::standardDeviation),
            feature("Skewness", "KE2A", "Asymmetry of the intensity distribution about its mean.", FirstOrderFeatures::skewness),
            feature("Kurtosis", "", "Peakedness of the intensity distribution (not excess: a Gaussian has 3).",
                    FirstOrderFeatures::kurtosis),
            feature("Variance", "ECT3", "Mean squared distance of the intensities from their mean.", FirstOrderFeatures::variance),
            feature("Uniformity", "", "Sum of the squared bin probabilities of the binned histogram.",
                    FirstOrderFeatures::uniformity));

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
        return List.of(FeatureSettings.BIN_WIDTH, FeatureSettings.BIN_COUNT, FeatureSettings.VOXEL_ARRAY_SHIFT);
    }

    @Override
    public FeatureValues compute(Roi roi, FeatureSettings settings) {
        return compute(roi, settings, FeatureFormula.enabledNames(FEATURES));
    }

    /**
     * Computes the named features (deprecated ones included when named), in declaration order.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    @Override
    public FeatureValues compute(Roi roi, FeatureSettings settings, Collection<String> names) {
        return compute(roi.intensities(), roi.image().geometry().voxelVolume(), settings, names);
    }

    /** Computes the named features of the intensities {@code values} with voxel volume {@code voxelVolume} (mm^3). */
    public FeatureValues compute(double[] values, double voxelVolume, FeatureSettings settings, Collection<String> names) {
        return compute(values, Discretisation.discretise(values, settings), voxelVolume, settings, names);
    }

    /**
     * Computes the named features of a region discretised beforehand: the moments and percentiles from its raw
     * intensities, Entropy and Uniformity from its grey levels (PyRadiomics' voxel-based first order, where the
     * kernel's bins are those of the whole ROI).
     */
    @Override
    public FeatureValues compute(DiscretisedRegion region, FeatureSettings settings, Collection<String> names) {
        if (region.voxelCount() == 0) {
            throw new IllegalArgumentException("The region has no voxel");
        }
        return compute(region.regionIntensities(), region.regionLevels(), region.voxelVolume(), settings, names);
    }

    private FeatureValues compute(double[] values, int[] bins, double voxelVolume, FeatureSettings settings,
            Collection<String> names) {
        return FeatureFormula.compute("first-order", FEATURES, names, () -> new Coefficients(IntensityStatistics.of(values),
                Discretisation.occupiedBinProbabilities(bins), voxelVolume, settings.voxelArrayShift()));
    }

    /**
     * <b>Energy</b> (PyRadiomics {@code Energy}, IBSI N8CA when c = 0):
     * {@code \textit{energy} = \sum_{i=1}^{N} (X(i) + c)^2}. The magnitude of the intensities; depends on the
     * shift c, which keeps negative intensities from lowering it.
     */
    static double energy(Coefficients k) {
        return k.stats().energy(k.shift());
    }

    /**
     * <b>Total Energy</b> (PyRadiomics {@code TotalEnergy}):
     * {@code \textit{total energy} = V \sum_{i=1}^{N} (X(i) + c)^2}. Energy scaled by the voxel volume in mm^3.
     */
    static double totalEnergy(Coefficients k) {
        return k.voxelVolume() * k.stats().energy(k.shift());
    }

    /**
     * <b>Entropy</b> (PyRadiomics {@code Entropy}):
     * {@code \textit{entropy} = -\sum_{i=1}^{N_g} p(i) \log_2 (p(i) + \epsilon)} over the bins of PyRadiomics'
     * discretisation (bin edges at multiples of {@code binWidth}). Uncertainty of the binned intensities; close
     * to, but not equal to, IBSI's intensity-histogram entropy (TLU2), whose FBS bins start at the ROI minimum.
     */
    static double entropy(Coefficients k) {
        double eps = Math.ulp(1.0);
        double h = 0;
        for (double p : k.binProbabilities()) {
            h -= p * (Math.log(p + eps) / Math.log(2));
        }
        return h;
    }

    /** <b>Minimum</b> (PyRadiomics {@code Minimum}, IBSI 1GSF): {@code \min(X)}. */
    static double minimum(Coefficients k) {
        return k.stats().minimum();
    }

    /** <b>10th percentile</b> (PyRadiomics {@code 10Percentile}, IBSI QG58): {@code P_{10}}, numpy linear interpolation. */
    static double percentile10(Coefficients k) {
        return k.stats().percentile(10);
    }

    /** <b>90th percentile</b> (PyRadiomics {@code 90Percentile}, IBSI 8DWT): {@code P_{90}}, numpy linear interpolation. */
    static double percentile90(Coefficients k) {
        return k.stats().percentile(90);
    }

    /** <b>Maximum</b> (PyRadiomics {@code Maximum}, IBSI 84IY): {@code \max(X)}. */
    static double maximum(Coefficients k) {
        return k.stats().maximum();
    }

    /** <b>Mean</b> (PyRadiomics {@code Mean}, IBSI Q4LE): {@code \bar X = \frac{1}{N} \sum_{i=1}^{N} X(i)}. */
    static double mean(Coefficients k) {
        return k.stats().mean();
    }

    /** <b>Median</b> (PyRadiomics {@code Median}, IBSI Y12H): {@code P_{50}}. */
    static double median(Coefficients k) {
        return k.stats().median();
    }

    /** <b>Interquartile range</b> (PyRadiomics {@code InterquartileRange}, IBSI SALO): {@code P_{75} - P_{25}}. */
    static double interquartileRange(Coefficients k) {
        return k.stats().percentile(75) - k.stats().percentile(25);
    }

    /** <b>Range</b> (PyRadiomics {@code Range}, IBSI 2OJQ): {@code \max(X) - \min(X)}. */
    static double range(Coefficients k) {
        return k.stats().maximum() - k.stats().minimum();
    }

    /**
     * <b>Mean absolute deviation</b> (PyRadiomics {@code MeanAbsoluteDeviation}, IBSI 4FUA):
     * {@code \textit{MAD} = \frac{1}{N} \sum_{i=1}^{N} |X(i) - \bar X|}.
     */
    static double meanAbsoluteDeviation(Coefficients k) {
        return k.stats().meanAbsoluteDeviation();
    }

    /**
     * <b>Robust mean absolute deviation</b> (PyRadiomics {@code RobustMeanAbsoluteDeviation}, IBSI 1128):
     * {@code \textit{rMAD} = \frac{1}{N_{10-90}} \sum |X_{10-90}(i) - \bar X_{10-90}|} over the values in the
     * closed interval [P10, P90]. Less sensitive to outliers than MAD.
     */
    static double robustMeanAbsoluteDeviation(Coefficients k) {
        return k.stats().robustMeanAbsoluteDeviation();
    }

    /**
     * <b>Root mean squared</b> (PyRadiomics {@code RootMeanSquared}, IBSI 5ZWQ when c = 0):
     * {@code \textit{RMS} = \sqrt{\frac{1}{N} \sum_{i=1}^{N} (X(i) + c)^2}}.
     */
    static double rootMeanSquared(Coefficients k) {
        return Math.sqrt(k.stats().energy(k.shift()) / k.stats().count());
    }

    /**
     * <b>Standard deviation</b> (PyRadiomics {@code StandardDeviation}, deprecated there because it equals
     * {@code \sqrt{Variance}}): {@code \sigma = \sqrt{\frac{1}{N} \sum_{i=1}^{N} (X(i) - \bar X)^2}}.
     */
    static double standardDeviation(Coefficients k) {
        return Math.sqrt(k.stats().variance());
    }

    /**
     * <b>Skewness</b> (PyRadiomics {@code Skewness}, IBSI KE2A): {@code \mu_3 = m_3 / m_2^{3/2}} with
     * {@code m_k = \frac{1}{N} \sum (X(i) - \bar X)^k}; 0 when all intensities are equal.
     */
    static double skewness(Coefficients k) {
        return k.stats().skewness();
    }

    /**
     * <b>Kurtosis</b> (PyRadiomics {@code Kurtosis}): {@code \mu_4 = m_4 / m_2^2}; 0 when all intensities are
     * equal. PyRadiomics does not subtract 3, so this is IBSI's excess kurtosis (IPH6) plus 3.
     */
    static double kurtosis(Coefficients k) {
        return k.stats().kurtosis();
    }

    /**
     * <b>Variance</b> (PyRadiomics {@code Variance}, IBSI ECT3):
     * {@code \sigma^2 = \frac{1}{N} \sum_{i=1}^{N} (X(i) - \bar X)^2} (population variance).
     */
    static double variance(Coefficients k) {
        return k.stats().variance();
    }

    /**
     * <b>Uniformity</b> (PyRadiomics {@code Uniformity}): {@code \textit{uniformity} = \sum_{i=1}^{N_g} p(i)^2}
     * over PyRadiomics' bins; 1 for a single occupied bin. Close to IBSI's intensity-histogram uniformity
     * (BJ5W), whose bins differ.
     */
    static double uniformity(Coefficients k) {
        double u = 0;
        for (double p : k.binProbabilities()) {
            u += p * p;
        }
        return u;
    }
}
