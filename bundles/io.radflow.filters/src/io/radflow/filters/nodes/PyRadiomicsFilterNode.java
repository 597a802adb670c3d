package io.radflow.filters.nodes;

import io.radflow.core.node.Parameters;
import io.radflow.features.FeatureSettings;
import io.radflow.features.Setting;
import io.radflow.features.extraction.ImageType;
import io.radflow.filters.ImageFilter;
import io.radflow.filters.Parallelism;
import io.radflow.filters.pyradiomics.PyRadiomicsImageType;

/**
 * A node applying one PyRadiomics image type to every patient of a cohort (category "Filters"). A subclass only
 * names its {@link #imageType()}; the node also offers it to extractors ({@link ImageType.Provider}).
 *
 * <p>Parameters: {@code image} (the cohort file column to filter), {@code mask} and {@code label} (the ROI; only
 * LBP 3D needs it, other filters ignore an empty mask column), and the image type's settings by their PyRadiomics
 * keys ({@code sigma}, {@code wavelet}, {@code level} ...; an undeclared or empty one takes its default).
 *
 * <p>Output: as every {@link FilterNode}, one {@code <image>_<derived name>} column per derived image.
 */
public abstract class PyRadiomicsFilterNode extends FilterNode implements ImageType.Provider {

    /** The image type this node applies. */
    @Override
    public abstract PyRadiomicsImageType imageType();

    /** The image type's settings from the parameters with the same keys. */
    public FeatureSettings settings(Parameters parameters) {
        FeatureSettings settings = FeatureSettings.defaults();
        for (Setting<?> setting : imageType().settings()) {
            if (parameters.has(setting.key()) && !parameters.getString(setting.key()).isBlank()) {
                settings = settings.with(setting, parameters.getString(setting.key()));
            }
        }
        return settings;
    }

    /** The image type's filter on all cores, configured by the parameters with its setting keys. */
    @Override
    protected ImageFilter filter(Parameters parameters) {
        return imageType().filter(settings(parameters), Parallelism.allCores());
    }
}
