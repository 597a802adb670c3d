package io.radflow.image.io;

import io.radflow.image.Image3D;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reading and writing of one image file format. Radflow's own pure-Java implementations stand in
 * for SimpleITK (which has no Java build on Maven Central); another backend can implement this
 * interface later.
 */
public interface ImageIO {

    /** The file name endings this format handles, lower case with the dot (e.g. {@code .nii.gz}). */
    List<String> extensions();

    /** Whether this format handles {@code file}, judged by its name ending (case-insensitive). */
    default boolean canHandle(Path file) {
        Path name = file.getFileName();
        String lower = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        return extensions().stream().anyMatch(lower::endsWith);
    }

    /**
     * Reads a scalar 3D image into LPS world coordinates.
     *
     * @throws ImageFormatException naming the file and what is wrong (truncated, bad magic, unsupported type ...)
     */
    Image3D read(Path file) throws IOException;

    /** Writes {@code image}; the previous file is replaced only after a complete write. */
    void write(Image3D image, Path file) throws IOException;
}
