package io.radflow.image.io;

import io.radflow.image.Image3D;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads and writes images, choosing the format by file name or content: a folder is a DICOM series
 * ({@link DicomImageIO}); otherwise the name ending decides ({@code .nii}/{@code .nii.gz}
 * {@link NiftiImageIO}, {@code .nrrd}/{@code .nhdr} {@link NrrdImageIO}, {@code .mha}/{@code .mhd}
 * {@link MetaImageIO}, {@code .dcm} {@link DicomImageIO}); a file with any other name is recognised by its
 * first bytes (NIfTI {@code sizeof_hdr} 348 or 540, also inside gzip; {@code NRRD000}; {@code DICM} at byte
 * 128; a MetaImage header starting with {@code ObjectType} or {@code NDims}). Stateless; every call creates
 * its readers.
 */
public final class ImageFiles {

    private ImageFiles() {
    }

    /** The supported formats, NIfTI first. */
    public static List<ImageIO> formats() {
        return List.of(new NiftiImageIO(), new NrrdImageIO(), new MetaImageIO(), new DicomImageIO());
    }

    /**
     * Reads a 3D image (or a DICOM series from a folder) with the format its name or content implies.
     *
     * @throws ImageFormatException naming the file: unknown format (listing the supported extensions), missing
     *                              file or invalid content
     */
    public static Image3D read(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            return new DicomImageIO().read(file);
        }
        for (ImageIO format : formats()) {
            if (format.canHandle(file)) {
                return format.read(file);
            }
        }
        ImageBytes.checkReadable(file);
        ImageIO byContent = formatOfContent(file);
        if (byContent == null) {
            throw unknown(file);
        }
        return byContent.read(file);
    }

    /** Writes {@code image} in the format its name implies (the old file is replaced only after a complete write). */
    public static void write(Image3D image, Path file) throws IOException {
        formatOf(file).write(image, file);
    }

    /** The format handling {@code file} by its name, or an {@link ImageFormatException} listing the supported extensions. */
    public static ImageIO formatOf(Path file) throws ImageFormatException {
        for (ImageIO format : formats()) {
            if (format.canHandle(file)) {
                return format;
            }
        }
        throw unknown(file);
    }

    private static ImageFormatException unknown(Path file) {
        List<String> extensions = new ArrayList<>();
        for (ImageIO format : formats()) {
            extensions.addAll(format.extensions());
        }
        return new ImageFormatException(file, "unknown image file extension and content; supported: "
                + String.join(", ", extensions) + ", a DICOM folder, or a file starting like one of these formats");
    }

    /** The format recognised from the first bytes of {@code file}, or null. */
    static ImageIO formatOfContent(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(544);
        }
        if (ImageBytes.isGzip(head)) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                head = in.readNBytes(544);
            } catch (IOException e) {
                return null;
            }
            return isNifti(head) ? new NiftiImageIO() : null;
        }
        if (isNifti(head)) {
            return new NiftiImageIO();
        }
        if (DicomDataset.isPart10(head)) {
            return new DicomImageIO();
        }
        String text = new String(head, 0, Math.min(head.length, 16), StandardCharsets.ISO_8859_1);
        if (text.startsWith("NRRD000")) {
            return new NrrdImageIO();
        }
        String stripped = text.stripLeading();
        if (stripped.startsWith("ObjectType") || stripped.startsWith("NDims")) {
            return new MetaImageIO();
        }
        return null;
    }

    private static boolean isNifti(byte[] head) {
        if (head.length < 4) {
            return false;
        }
        int little = (head[0] & 0xff) | (head[1] & 0xff) << 8 | (head[2] & 0xff) << 16 | (head[3] & 0xff) << 24;
        int big = Integer.reverseBytes(little);
        return little == 348 || big == 348 || little == 540 || big == 540;
    }
}
