package io.radflow.ui.editor;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.ui.IElementFactory;
import org.eclipse.ui.IMemento;

/** Restores a {@link PipelineEditorInput} from the workbench memento (registered in plugin.xml). */
public final class PipelineEditorInputFactory implements IElementFactory {

    public static final String ID = "io.radflow.ui.pipelineEditorInputFactory";

    @Override
    public IAdaptable createElement(IMemento memento) {
        String path = memento.getString(PipelineEditorInput.MEMENTO_PATH);
        if (path == null || !Files.isRegularFile(Path.of(path))) {
            return null; // the file went away: the editor is simply not restored
        }
        return new PipelineEditorInput(Path.of(path));
    }
}
