package io.radflow.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.image.Image3D;
import io.radflow.image.Mask;
import io.radflow.image.io.ImageFiles;
import io.radflow.testsupport.ConformanceReport;
import io.radflow.testsupport.ReferenceData;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Intensity histogram, intensity-volume histogram and local intensity families (and, for configuration A,
 * the IBSI statistics) against every IBSI-1 reference
 * row (matched by the table's tag) of the digital phantom and of CT configuration A, which needs no
 * interpolation; writes {@code conformance-intensity.md}.
 */
class IntensityFamiliesConformanceTest {

    private static final ConformanceReport REPORT = new ConformanceReport("intensity",
            "Intensity histogram, intensity-volume histogram and local intensity (IBSI-1)");

    /** IBSI table tag -> feature name, per family. */
    private static final Map<String, String> IH_TAGS = Map.ofEntries(Map.entry("ih_mean", "Mean"),
            Map.entry("ih_var", "Variance"), Map.entry("ih_skew", "Skewness"), Map.entry("ih_kurt", "ExcessKurtosis"),
            Map.entry("ih_median", "Median"), Map.entry("ih_min", "Minimum"), Map.entry("ih_p10", "10Percentile"),
            Map.entry("ih_p90", "90Percentile"), Map.entry("ih_max", "Maximum"), Map.entry("ih_mode", "Mode"),
            Map.entry("ih_iqr", "InterquartileRange"), Map.entry("ih_range", "Range"),
            Map.entry("ih_mad", "MeanAbsoluteDeviation"), Map.entry("ih_rmad", "RobustMeanAbsoluteDeviation"),
            Map.entry("ih_medad", "MedianAbsoluteDeviation"), Map.entry("ih_cov", "CoefficientOfVariation"),
            Map.entry("ih_qcod", "QuartileCoefficientOfDispersion"), Map.entry("ih_entropy", "Entropy"),
            Map.entry("ih_uniformity", "Uniformity"), Map.entry("ih_max_grad", "MaximumHistogramGradient"),
            Map.entry("ih_max_grad_g", "MaximumHistogramGradientIntensity"),
            Map.entry("ih_min_grad", "MinimumHistogramGradient"),
            Map.entry("ih_min_grad_g", "MinimumHistogramGradientIntensity"));
    private static final Map<String, String> IVH_TAGS = Map.of("ivh_v10", "VolumeAtIntensityFraction10",
            "ivh_v90", "VolumeAtIntensityFraction90", "ivh_i10", "IntensityAtVolumeFraction10",
            "ivh_i90", "IntensityAtVolumeFraction90", "ivh_diff_v10_v90", "VolumeFractionDifference",
            "ivh_diff_i10_i90", "IntensityFractionDifference");
    private static final Map<String, String> LOCAL_TAGS = Map.of("loc_peak_loc", "LocalIntensityPeak",
            "loc_peak_glob", "GlobalIntensityPeak");

    @AfterAll
    static void writeReport() {
        REPORT.write();
    }

    private static Image3D read(String relative) throws IOException {
        return ImageFiles.read(ReferenceData.file(relative));
    }

    @Test
    void digitalPhantom() throws IOException {
        Image3D image = read("ibsi/ibsi_1_digital_phantom/nifti/image/phantom.nii.gz");
        Mask mask = Mask.ofLabel(read("ibsi/ibsi_1_digital_phantom/nifti/mask/mask.nii.gz"), 1);
        Roi roi = Roi.of(image, mask);
        // the phantom's intensities are its grey levels: IBSI fixed bin size 1 from the ROI minimum (1)
        FeatureSettings ibsi = FeatureSettings.defaults().with(FeatureSettings.CONVENTION, "ibsi").withBinWidth(1);
        List<String> failures = new java.util.ArrayList<>();
        check("digital_phantom", "Intensity histogram", IH_TAGS, new IntensityHistogramFeatures().compute(roi, ibsi), failures);
        check("digital_phantom", "Intensity volume histogram", IVH_TAGS,
                new IntensityVolumeHistogramFeatures().compute(roi, ibsi), failures);
        check("digital_phantom", "Local intensity", LOCAL_TAGS, new LocalIntensityFeatures().compute(roi, ibsi), failures);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /**
     * CT configuration A: intensities rounded to integers, no interpolation, resegmentation to [-500, 400] HU
     * (intensity mask), IBSI fixed bin size 25 HU from -500 for the histogram. Local intensity uses all image
     * voxels around ROI centres. Configuration A has no IVH reference.
     */
    @Test
    void ctConfigurationA() throws IOException {
        Image3D raw = read("ibsi/ibsi_1_ct_radiomics_phantom/nifti/image/phantom.nii.gz");
        double[] v = raw.voxels();
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.rint(v[i]);
        }
        Image3D image = Image3D.wrap(raw.geometry(), v);
        Mask morphological = Mask.ofLabel(read("ibsi/ibsi_1_ct_radiomics_phantom/nifti/mask/mask.nii.gz"), 1);
        boolean[] inRange = new boolean[v.length];
        for (int i = 0; i < v.length; i++) {
            inRange[i] = morphological.contains(i) && v[i] >= -500 && v[i] <= 400;
        }
        Roi roi = new Roi(image, morphological, new Mask(image.geometry(), inRange));
        FeatureSettings ibsi = FeatureSettings.defaults().with(FeatureSettings.CONVENTION, "ibsi").withBinWidth(25)
                .with(FeatureSettings.RESEGMENT_RANGE, "[-500, 400]");
        List<String> failures = new java.util.ArrayList<>();
        check("config_A", "Intensity histogram", IH_TAGS, new IntensityHistogramFeatures().compute(roi, ibsi), failures);
        check("config_A", "Local intensity", LOCAL_TAGS, new LocalIntensityFeatures().compute(roi, ibsi), failures);
        IbsiStatistics statistics = new IbsiStatistics();
        Map<String, String> statisticsById = new java.util.HashMap<>();
        statistics.features().forEach(d -> statisticsById.put(d.ibsiId(), d.name()));
        FeatureValues statisticsValues = statistics.compute(roi, ibsi);
        for (ReferenceData.IbsiRow row : ReferenceData.ibsiRows("config_A", "Statistics")) {
            String name = statisticsById.get(row.ibsiId());
            assertTrue(name != null, "no statistics feature with IBSI id " + row.ibsiId());
            double value = statisticsValues.get(name);
            if (!REPORT.addAbsolute("config_A", "Statistics", row.feature(), row.ibsiId(), value, row.reference(),
                    row.effectiveTolerance())) {
                failures.add("config_A " + row.tag() + ": " + value + " vs " + row.reference());
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /** Every reference row of the family must map to a computed feature and agree within tolerance. */
    private static void check(String dataset, String family, Map<String, String> tags, FeatureValues values,
            List<String> failures) throws IOException {
        List<ReferenceData.IbsiRow> rows = ReferenceData.ibsiRows(dataset, family);
        assertEquals(tags.size(), rows.size(), dataset + " " + family + " reference rows");
        for (ReferenceData.IbsiRow row : rows) {
            String name = tags.get(row.tag());
            assertTrue(name != null, "no feature for tag " + row.tag());
            double value = values.get(name);
            if (!REPORT.addAbsolute(dataset, family, row.feature(), row.ibsiId(), value, row.reference(),
                    row.effectiveTolerance())) {
                failures.add(dataset + " " + row.tag() + ": " + value + " vs " + row.reference() + " +/- "
                        + row.effectiveTolerance());
            }
        }
    }
}
