package io.radflow.filters;

import io.radflow.image.Image3D;
import io.radflow.image.Mask;

import java.util.List;
import java.util.Map;

/**
 * A configured image filter: one input image in, one or more derived images out, as PyRadiomics'
 * {@code imageoperations.get<Type>Image} generators yield them (e.g. one image per LoG sigma, eight wavelet
 * sub-bands). Implementations are immutable and thread-safe: one instance may filter many images at once.
 *
 * <p>Derived images keep the input geometry (size, spacing, origin, direction) and are named as PyRadiomics
 * names them ({@code log-sigma-3-0-mm-3D}, {@code wavelet-LLH}, {@code square}); for IBSI-2 filters the name
 * says the filter and its parameters in the same style.
 */
public interface ImageFilter {

    /** The filter (image type) name, e.g. {@code LoG}, {@code Wavelet}, {@code Square}. */
    String name();

    /** The effective parameters (defaults filled in), by their PyRadiomics/IBSI keys; for provenance. */
    Map<String, Object> parameters();

    /**
     * Filters {@code image}.
     *
     * @param image      the input image
     * @param maskOrNull the region of interest for filters that need one (PyRadiomics' LBP 3D computes only
     *                   inside it); null when none is given, which such filters reject
     * @return the derived images in a fixed order, each on the grid of {@code image}
     * @throws IllegalArgumentException when the image cannot be filtered with these parameters (too small for
     *                                  the kernel, a mask on another grid ...), saying why
     */
    List<FilteredImage> apply(Image3D image, Mask maskOrNull);
}
