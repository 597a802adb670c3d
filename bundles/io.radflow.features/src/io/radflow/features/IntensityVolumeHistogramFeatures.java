package io.radflow.features;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The IBSI-1 intensity-volume histogram features (IBSI-1 section 3.5, P88C), family key {@value #KEY}, on the
 * whole volume (DHQ4).
 *
 * <p><b>Discretisation</b> (IBSI-1 3.5, three cases, chosen by the settings):
 * <ul>
 * <li>neither {@code ivhBinWidth} nor {@code ivhBinCount}: calibrated discrete intensities (CT): {@code X_{d,gl}
 * = X}, interval {@code w_d = 1}, range {@code G} = the resegmentation range ({@code resegmentRange}; a
 * one-sided range ends at {@code max X}), else {@code [min X, max X]};</li>
 * <li>{@code ivhBinWidth} {@code w_b} (continuous calibrated intensities, e.g. PET or CT at 2.5 HU): fixed bin
 * size from {@code X_min} (resegmentation lower bound, else {@code min X}) and bin centres
 * {@code X_{d,gl} = X_min + (X_d - 0.5) w_b}; {@code G = [X_min + 0.5 w_b, X_max - 0.5 w_b]} with {@code X_max}
 * the resegmentation upper bound (else {@code max X}); {@code w_d = w_b};</li>
 * <li>{@code ivhBinCount} {@code N_g} (arbitrary units, e.g. MRI): fixed bin number over {@code [min X, max X]},
 * {@code X_{d,gl} = X_d}, {@code G = [1, N_g]}, {@code w_d = 1}.</li>
 * </ul>
 *
 * <p><b>Histogram</b>: for every {@code i} in {@code G} at steps of {@code w_d}, the volume fraction
 * {@code \nu_i = 1 - (1/N_v) \sum_k [X_{d,gl,k} < i]} and the intensity fraction
 * {@code \gamma_i = (i - \min G) / (\max G - \min G)}.
 *
 * <p>The area under the IVH curve (9CMM) is not standardised by IBSI and not computed.
 */
public final class IntensityVolumeHistogramFeatures implements FeatureFamily {

    /** The family key, {@value}. */
    public static final String KEY = "intensityvolumehistogram";

    public static final Setting<Double> IVH_BIN_WIDTH = Setting.ofDouble("ivhBinWidth", null,
            "IVH of continuous intensities: fixed bin size (e.g. 2.5 HU or 0.1 SUV); bins are replaced by their centres.");
    public static final Setting<Integer> IVH_BIN_COUNT = Setting.ofInt("ivhBinCount", null,
            "IVH of arbitrary-unit intensities: fixed bin number (IBSI recommends 1000).");

    private static final List<FeatureDefinition> FEATURES = List.of(
            new FeatureDefinition("VolumeAtIntensityFraction10", "BC2M",
                    "Largest volume fraction with an intensity fraction of at least 10 %.", false),
            new FeatureDefinition("VolumeAtIntensityFraction90", "BC2M",
                    "Largest volume fraction with an intensity fraction of at least 90 %.", false),
            new FeatureDefinition("IntensityAtVolumeFraction10", "GBPN",
                    "Lowest discretised intensity present in at most 10 % of the volume.", false),
            new FeatureDefinition("IntensityAtVolumeFraction90", "GBPN",
                    "Lowest discretised intensity present in at most 90 % of the volume.", false),
            new FeatureDefinition("VolumeFractionDifference", "DDTU", "V10 minus V90.", false),
            new FeatureDefinition("IntensityFractionDifference", "CNV2", "I10 minus I90.", false));

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public List<FeatureDefinition> features() {
        return FEATURES;
    }

    @Override
    public List<Setting<?>> settings() {
        return List.of(IVH_BIN_WIDTH, IVH_BIN_COUNT, FeatureSettings.RESEGMENT_RANGE);
    }

    /** The IVH of one ROI: sorted discretised intensities and the evaluated intensities {@code i}. */
    private record Curve(double[] sorted, double gMin, double gMax, double step) {

        int levels() {
            return (int) Math.round((gMax - gMin) / step) + 1;
        }

        double intensity(int k) {
            return gMin + k * step;
        }

        /** {@code \nu} at intensity {@code i}: the fraction of values not below {@code i}. */
        double volumeFraction(double i) {
            int below = lowerBound(sorted, i - step * 1e-9);
            return 1 - (double) below / sorted.length;
        }

        double intensityFraction(double i) {
            return gMax == gMin ? 0 : (i - gMin) / (gMax - gMin);
        }

        /** {@code V_x}: the largest {@code \nu_i} with {@code \gamma_i >= x}. */
        double volumeAt(double x) {
            for (int k = 0; k < levels(); k++) {
                double i = intensity(k);
                if (intensityFraction(i) >= x - 1e-12) {
                    return volumeFraction(i);
                }
            }
            return 0;
        }

        /** {@code I_x}: the lowest {@code i} with {@code \nu_i <= x}; past the range when none. */
        double intensityAt(double x) {
            for (int k = 0; k < levels(); k++) {
                double i = intensity(k);
                if (volumeFraction(i) <= x + 1e-12) {
                    return i;
                }
            }
            return gMax + step;
        }
    }

    @Override
    public FeatureValues compute(Roi roi, FeatureSettings settings) {
        Curve c = curve(roi.intensities(), settings);
        double v10 = c.volumeAt(0.10);
        double v90 = c.volumeAt(0.90);
        double i10 = c.intensityAt(0.10);
        double i90 = c.intensityAt(0.90);
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("VolumeAtIntensityFraction10", v10);
        out.put("VolumeAtIntensityFraction90", v90);
        out.put("IntensityAtVolumeFraction10", i10);
        out.put("IntensityAtVolumeFraction90", i90);
        out.put("VolumeFractionDifference", v10 - v90);
        out.put("IntensityFractionDifference", i10 - i90);
        return new FeatureValues(out);
    }

    private static Curve curve(double[] x, FeatureSettings settings) {
        double min = Arrays.stream(x).min().orElseThrow(() -> new IllegalArgumentException("The ROI is empty"));
        double max = Arrays.stream(x).max().getAsDouble();
        List<Double> range = settings.get(FeatureSettings.RESEGMENT_RANGE);
        double low = range.isEmpty() ? min : range.get(0);
        double high = range.size() < 2 ? max : range.get(1);
        double[] d = new double[x.length];
        if (settings.find(IVH_BIN_COUNT).isPresent()) {
            int[] bins = Discretisation.ibsiFixedBinNumber(x, settings.get(IVH_BIN_COUNT));
            for (int k = 0; k < x.length; k++) {
                d[k] = bins[k];
            }
            Arrays.sort(d);
            return new Curve(d, 1, settings.get(IVH_BIN_COUNT), 1);
        }
        if (settings.find(IVH_BIN_WIDTH).isPresent()) {
            double w = settings.get(IVH_BIN_WIDTH);
            int[] bins = Discretisation.ibsiFixedBinSize(x, w, low);
            for (int k = 0; k < x.length; k++) {
                d[k] = low + (bins[k] - 0.5) * w;
            }
            Arrays.sort(d);
            return new Curve(d, low + 0.5 * w, high - 0.5 * w, w);
        }
        for (int k = 0; k < x.length; k++) {
            if (x[k] != Math.rint(x[k])) {
                throw new IllegalArgumentException("The IVH of non-integer intensities (e.g. " + x[k]
                        + ") needs ivhBinWidth or ivhBinCount");
            }
            d[k] = x[k];
        }
        Arrays.sort(d);
        return new Curve(d, low, high, 1);
    }

    /** The number of values strictly below {@code v} in the sorted array. */
    private static int lowerBound(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
