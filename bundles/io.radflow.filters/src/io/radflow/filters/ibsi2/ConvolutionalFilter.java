package io.radflow.filters.ibsi2;

import io.radflow.filters.FilteredImage;
import io.radflow.filters.ImageFilter;
import io.radflow.filters.Parallelism;
import io.radflow.image.Image3D;
import io.radflow.image.Mask;

import java.util.List;

/**
 * An IBSI-2 convolutional filter (IBSI-2 reference manual, arXiv:2006.05470, chapter 2): one response map per
 * image, on the grid of the image. Parameters in mm are turned into voxels with the image spacing. Implementations
 * are immutable records and thread-safe.
 */
public interface ConvolutionalFilter extends ImageFilter {

    /** The response map of {@code image}, computed on up to {@code parallelism} threads. */
    Image3D response(Image3D image, Parallelism parallelism);

    /** The derived image name: the filter and its parameters, e.g. {@code mean-5-mirror-3D}. */
    String derivedName();

    /** The response map on all cores, named {@link #derivedName()}; the mask is not used. */
    @Override
    default List<FilteredImage> apply(Image3D image, Mask maskOrNull) {
        return List.of(new FilteredImage(derivedName(), response(image, Parallelism.allCores())));
    }

    /** A number as derived image names write it: {@code 1.5} as {@code 1-5}. */
    static String number(double value) {
        String text = value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
        return text.replace('.', '-');
    }
}
