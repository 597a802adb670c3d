package io.radflow.features.extraction;

import io.radflow.features.FeatureSettings;
import io.radflow.features.Setting;
import io.radflow.image.Image3D;
import io.radflow.image.Mask;

import java.util.List;
import java.util.Map;

/**
 * A PyRadiomics image type other than {@code Original}: a key of the {@code imageType} section of a parameter
 * file ({@code LoG}, {@code Wavelet}, {@code Square} ...) that derives one or more images from the original, as
 * PyRadiomics' {@code imageoperations.get<Type>Image} generators do. Features of a derived image are keyed
 * {@code <derived name>_<family>_<Name>} (e.g. {@code wavelet-LLH_glcm_Contrast}).
 *
 * <p>Implementations live in filter bundles, which depend on this package (never the other way round); the
 * {@link FeatureExtractor} is given the installed image types. Stateless and thread-safe.
 */
public interface ImageType {

    /** The {@code imageType} key, e.g. {@code LoG}. */
    String name();

    /**
     * The settings this image type reads (e.g. {@code sigma}, {@code wavelet}, {@code level}), from the
     * {@code setting} section or, overriding it, from the image type's own entry in {@code imageType}.
     */
    List<Setting<?>> settings();

    /** The names of the derived images for these settings, in the order {@link #derive} returns them. */
    List<String> derivedNames(FeatureSettings settings);

    /**
     * Derives the images.
     *
     * @param image    the original image
     * @param mask     the ROI (some image types, e.g. LBP 3D, compute only inside it)
     * @param settings the extraction settings with this image type's own settings applied
     * @return derived name to image (on the grid of {@code image}), in the order of {@link #derivedNames}
     * @throws IllegalArgumentException when the image cannot be filtered with these settings, saying why
     */
    Map<String, Image3D> derive(Image3D image, Mask mask, FeatureSettings settings);

    /** Implemented by node classes (or other plug-in objects) that offer an image type to extractors. */
    interface Provider {
        ImageType imageType();
    }
}
