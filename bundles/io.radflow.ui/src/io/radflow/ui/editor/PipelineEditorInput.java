package io.radflow.ui.editor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import org.eclipse.core.runtime.IPath;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.ui.IMemento;
import org.eclipse.ui.IPathEditorInput;
import org.eclipse.ui.IPersistableElement;

/**
 * Editor input for a {@code .radflow} file on disk (the studio has no workspace resources).
 * Persistable, so open editors come back after a restart.
 */
public final class PipelineEditorInput implements IPathEditorInput, IPersistableElement {

    static final String MEMENTO_PATH = "path";

    private final Path file;

    public PipelineEditorInput(Path file) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath().normalize();
    }

    public Path file() {
        return file;
    }

    @Override
    public IPath getPath() {
        return IPath.fromOSString(file.toString());
    }

    @Override
    public boolean exists() {
        return Files.isRegularFile(file);
    }

    @Override
    public ImageDescriptor getImageDescriptor() {
        return null;
    }

    @Override
    public String getName() {
        return file.getFileName().toString();
    }

    @Override
    public IPersistableElement getPersistable() {
        return this;
    }

    @Override
    public String getToolTipText() {
        return file.toString();
    }

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        if (adapter == Path.class) {
            return adapter.cast(file);
        }
        return null;
    }

    @Override
    public void saveState(IMemento memento) {
        memento.putString(MEMENTO_PATH, file.toString());
    }

    @Override
    public String getFactoryId() {
        return PipelineEditorInputFactory.ID;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PipelineEditorInput o && o.file.equals(file);
    }

    @Override
    public int hashCode() {
        return file.hashCode();
    }
}
