package io.radflow.image.io;

import io.radflow.image.Image3D;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes images by file name: {@code .nii}/{@code .nii.gz} ({@link NiftiImageIO}) and
 * {@code .nrrd}/{@code .nhdr} ({@link NrrdImageIO}). Stateless; every call creates its readers.
 */
public final class ImageFiles {

    private ImageFiles() {
    }

    /** The supported formats, NIfTI first. */
    public static List<ImageIO> formats() {
        return List.of(new NiftiImageIO(), new NrrdImageIO(), new MetaImageIO());
    }

    /**
     * Reads a 3D image with the format its name implies.
     *
     * @throws ImageFormatException naming the file: unknown extension (listing the supported ones), missing
     *                              file or invalid content
     */
    public static Image3D read(Path file) throws IOException {
        return formatOf(file).read(file);
    }

    /** Writes {@code image} in the format its name implies (the old file is replaced only after a complete write). */
    public static void write(Image3D image, Path file) throws IOException {
        formatOf(file).write(image, file);
    }

    /** The format handling {@code file}, or an {@link ImageFormatException} listing the supported extensions. */
    public static ImageIO formatOf(Path file) throws ImageFormatException {
        List<String> extensions = new ArrayList<>();
        for (ImageIO format : formats()) {
            if (format.canHandle(file)) {
                return format;
            }
            extensions.addAll(format.extensions());
        }
        throw new ImageFormatException(file, "unknown image file extension; supported: " + String.join(", ", extensions));
    }
}
