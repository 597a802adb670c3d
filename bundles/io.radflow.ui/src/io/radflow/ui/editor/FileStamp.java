package io.radflow.ui.editor;

import io.radflow.core.io.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the editor knows of its file on disk, to notice changes made by others: size, modification
 * time and SHA-256 of the content. A touched but unchanged file (same hash) is not a change.
 */
public record FileStamp(long size, long modifiedMillis, String sha256) {

    /** The stamp of a file now; a missing file gives size -1. */
    public static FileStamp of(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return new FileStamp(-1, 0, "");
        }
        long size = Files.size(file);
        long modified = Files.getLastModifiedTime(file).toMillis();
        return new FileStamp(size, modified, AtomicFiles.sha256(file));
    }

    /**
     * Whether the file's content differs from this stamp; the hash is only computed when size or
     * modification time moved.
     */
    public boolean contentChanged(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return size != -1;
        }
        if (Files.size(file) == size && Files.getLastModifiedTime(file).toMillis() == modifiedMillis) {
            return false;
        }
        return !AtomicFiles.sha256(file).equals(sha256);
    }
}
