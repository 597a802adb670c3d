package io.radflow.features;


import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The IBSI-1 intensity-based statistical features (IBSI chapter 3.3, "Intensity-based statistical
 * features", family key {@code statistics}), each with its IBSI identifier. They share
 * {@link IntensityStatistics} with {@link FirstOrderFeatures}; no discretisation is involved, so
 * {@link FeatureSettings} are not read.
 *
 * <p>Notation: {@code X} the N intensities of the ROI, {@code \mu} their mean, {@code \sigma^2} their population
 * variance, {@code P_p} the p-th percentile (numpy linear interpolation; IBSI leaves the method open),
 * {@code m_k} the k-th central moment.
 *
 * <p>Reference: Zwanenburg A. et al., The Image Biomarker Standardization Initiative, Radiology
 * 295(2):328-338, 2020; IBSI reference manual, arXiv:1612.07003.
 */
public final class IbsiStatistics implements FeatureFamily {

    /** The family key, {@value}. */
    public static final String KEY = "statistics";

    private static final List<FeatureFormula<IntensityStatistics>> FEATURES = List.of(
            feature("Mean", "Q4LE", "Mean intensity.", IbsiStatistics::mean),
            feature("Variance", "ECT3", "Population variance of the intensities.", IbsiStatistics::variance),
            feature("Skewness", "KE2A", "Asymmetry of the intensity distribution.", IbsiStatistics::skewness),
            feature("ExcessKurtosis", "IPH6", "Peakedness relative to a Gaussian (kurtosis minus 3).",
                    IbsiStatistics::excessKurtosis),
            feature("Median", "Y12H", "Median intensity.", IbsiStatistics::median),
            feature("Minimum", "1GSF", "Lowest intensity.", IbsiStatistics::minimum),
            feature("10Percentile", "QG58", "10th percentile.", IbsiStatistics::percentile10),
            feature("90Percentile", "8DWT", "90th percentile.", IbsiStatistics::percentile90),
            feature("Maximum", "84IY", "Highest intensity.", IbsiStatistics::maximum),
            feature("InterquartileRange", "SALO", "75th minus 25th percentile.", IbsiStatistics::interquartileRange),
            feature("Range", "2OJQ", "Maximum minus minimum.", IbsiStatistics::range),
            feature("MeanAbsoluteDeviation", "4FUA", "Mean distance from the mean.", IbsiStatistics::meanAbsoluteDeviation),
            feature("RobustMeanAbsoluteDeviation", "1128", "Mean absolute deviation within [P10, P90].",
                    IbsiStatistics::robustMeanAbsoluteDeviation),
            feature("MedianAbsoluteDeviation", "N72L", "Mean distance from the median.",
                    IbsiStatistics::medianAbsoluteDeviation),
            feature("CoefficientOfVariation", "7TET", "Standard deviation divided by the mean.",
                    IbsiStatistics::coefficientOfVariation),
            feature("QuartileCoefficientOfDispersion", "9S40", "(P75 - P25) / (P75 + P25).",
                    IbsiStatistics::quartileCoefficientOfDispersion),
            feature("Energy", "N8CA", "Sum of squared intensities.", IbsiStatistics::energy),
            feature("RootMeanSquare", "5ZWQ", "Square root of the mean squared intensity.", IbsiStatistics::rootMeanSquare));

    private static FeatureFormula<IntensityStatistics> feature(String name, String ibsiId, String description,
            ToDoubleFunction<IntensityStatistics> f) {
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
        return List.of();
    }

    @Override
    public FeatureValues compute(Roi roi, FeatureSettings settings) {
        return compute(roi.intensities());
    }

    /** All features of the intensities {@code values} (the ROI must not be empty). */
    public FeatureValues compute(double[] values) {
        return FeatureFormula.compute(KEY, FEATURES, FeatureFormula.enabledNames(FEATURES),
                () -> IntensityStatistics.of(values));
    }

    /** <b>Mean</b> (Q4LE): {@code \mu = \frac{1}{N} \sum X_i}. */
    static double mean(IntensityStatistics s) {
        return s.mean();
    }

    /** <b>Variance</b> (ECT3): {@code \sigma^2 = \frac{1}{N} \sum (X_i - \mu)^2}. */
    static double variance(IntensityStatistics s) {
        return s.variance();
    }

    /** <b>Skewness</b> (KE2A): {@code m_3 / m_2^{3/2}}; 0 when {@code \sigma = 0}. */
    static double skewness(IntensityStatistics s) {
        return s.skewness();
    }

    /** <b>(Excess) kurtosis</b> (IPH6): {@code m_4 / m_2^2 - 3}; 0 when {@code \sigma = 0}. */
    static double excessKurtosis(IntensityStatistics s) {
        return s.variance() == 0 ? 0 : s.kurtosis() - 3;
    }

    /** <b>Median</b> (Y12H): {@code P_{50}}. */
    static double median(IntensityStatistics s) {
        return s.median();
    }

    /** <b>Minimum</b> (1GSF): {@code \min X}. */
    static double minimum(IntensityStatistics s) {
        return s.minimum();
    }

    /** <b>10th percentile</b> (QG58): {@code P_{10}}. */
    static double percentile10(IntensityStatistics s) {
        return s.percentile(10);
    }

    /** <b>90th percentile</b> (8DWT): {@code P_{90}}. */
    static double percentile90(IntensityStatistics s) {
        return s.percentile(90);
    }

    /** <b>Maximum</b> (84IY): {@code \max X}. */
    static double maximum(IntensityStatistics s) {
        return s.maximum();
    }

    /** <b>Interquartile range</b> (SALO): {@code P_{75} - P_{25}}. */
    static double interquartileRange(IntensityStatistics s) {
        return s.percentile(75) - s.percentile(25);
    }

    /** <b>Range</b> (2OJQ): {@code \max X - \min X}. */
    static double range(IntensityStatistics s) {
        return s.maximum() - s.minimum();
    }

    /** <b>Mean absolute deviation</b> (4FUA): {@code \frac{1}{N} \sum |X_i - \mu|}. */
    static double meanAbsoluteDeviation(IntensityStatistics s) {
        return s.meanAbsoluteDeviation();
    }

    /**
     * <b>Robust mean absolute deviation</b> (1128): {@code \frac{1}{N_{10-90}} \sum |X_{10-90,i} - \mu_{10-90}|}
     * over the values with {@code P_{10} <= X_i <= P_{90}}.
     */
    static double robustMeanAbsoluteDeviation(IntensityStatistics s) {
        return s.robustMeanAbsoluteDeviation();
    }

    /** <b>Median absolute deviation</b> (N72L): {@code \frac{1}{N} \sum |X_i - M|}, M the median. */
    static double medianAbsoluteDeviation(IntensityStatistics s) {
        return s.meanAbsoluteDeviationAround(s.median());
    }

    /** <b>Coefficient of variation</b> (7TET): {@code \sigma / \mu}. */
    static double coefficientOfVariation(IntensityStatistics s) {
        return Math.sqrt(s.variance()) / s.mean();
    }

    /** <b>Quartile coefficient of dispersion</b> (9S40): {@code (P_{75} - P_{25}) / (P_{75} + P_{25})}. */
    static double quartileCoefficientOfDispersion(IntensityStatistics s) {
        double p25 = s.percentile(25);
        double p75 = s.percentile(75);
        return (p75 - p25) / (p75 + p25);
    }

    /** <b>Energy</b> (N8CA): {@code \sum X_i^2}. */
    static double energy(IntensityStatistics s) {
        return s.energy(0);
    }

    /** <b>Root mean square</b> (5ZWQ): {@code \sqrt{\frac{1}{N} \sum X_i^2}}. */
    static double rootMeanSquare(IntensityStatistics s) {
        return Math.sqrt(s.energy(0) / s.count());
    }
}
