package io.radflow.image.io;

import java.io.IOException;
import java.nio.file.Path;

/** A file that is not a valid image of its format; the message starts with the file name. */
public final class ImageFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public ImageFormatException(Path file, String problem) {
        super(file + ": " + problem);
    }

    public ImageFormatException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
