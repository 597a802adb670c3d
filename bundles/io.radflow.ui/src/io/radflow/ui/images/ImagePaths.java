package io.radflow.ui.images;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds images in table rows and cohort columns: a cell names an image when it ends with an image file
 * extension; a column holds a mask when its name contains "mask", "seg", "label" or "roi" (any case).
 */
public final class ImagePaths {

    private static final String[] EXTENSIONS = {".nii", ".nii.gz", ".nrrd", ".nhdr", ".mha", ".mhd", ".dcm"};
    private static final String[] MASK_WORDS = {"mask", "seg", "label", "roi"};

    private ImagePaths() {
    }

    /** An image and the mask to overlay on it (if any). */
    public record ImagePair(String imageColumn, Path image, Path mask) {
        public Optional<Path> maskFile() {
            return Optional.ofNullable(mask);
        }
    }

    public static boolean isImagePath(String cell) {
        String text = cell == null ? "" : cell.trim().toLowerCase(Locale.ROOT);
        for (String extension : EXTENSIONS) {
            if (text.endsWith(extension)) {
                return true;
            }
        }
        return false;
    }

    public static boolean isMaskColumn(String column) {
        String name = column.toLowerCase(Locale.ROOT);
        for (String word : MASK_WORDS) {
            if (name.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The image of a row (cells by column, in column order): the cell of {@code preferredColumn} if it is a
     * non-mask image column, else the first non-mask image cell; the mask is the first image cell of a mask
     * column. Relative paths resolve against {@code base}.
     */
    public static Optional<ImagePair> fromRow(Map<String, String> cells, String preferredColumn, Path base) {
        String imageColumn = null;
        if (preferredColumn != null && !isMaskColumn(preferredColumn) && isImagePath(cells.get(preferredColumn))) {
            imageColumn = preferredColumn;
        }
        String maskColumn = null;
        for (Map.Entry<String, String> cell : cells.entrySet()) {
            if (!isImagePath(cell.getValue())) {
                continue;
            }
            if (isMaskColumn(cell.getKey())) {
                maskColumn = maskColumn == null ? cell.getKey() : maskColumn;
            } else if (imageColumn == null) {
                imageColumn = cell.getKey();
            }
        }
        if (imageColumn == null) {
            return Optional.empty();
        }
        Path image = resolve(base, cells.get(imageColumn));
        Path mask = maskColumn == null ? null : resolve(base, cells.get(maskColumn));
        return Optional.of(new ImagePair(imageColumn, image, mask));
    }

    private static Path resolve(Path base, String cell) {
        Path path = Path.of(cell.trim());
        return base == null || path.isAbsolute() ? path : base.resolve(path).normalize();
    }
}
