package io.radflow.filters;

import io.radflow.image.Image3D;

import java.util.Objects;

/**
 * One image derived by an {@link ImageFilter}.
 *
 * @param name  the derived image name, the first part of PyRadiomics feature keys
 *              ({@code wavelet-LLH} in {@code wavelet-LLH_glcm_Contrast})
 * @param image the derived image, on the grid of the input
 */
public record FilteredImage(String name, Image3D image) {

    public FilteredImage {
        if (name == null || name.isBlank() || name.contains("_")) {
            throw new IllegalArgumentException("a derived image name must be non-empty and without '_' (the feature key "
                    + "separator), got '" + name + "'");
        }
        Objects.requireNonNull(image, "image");
    }
}
