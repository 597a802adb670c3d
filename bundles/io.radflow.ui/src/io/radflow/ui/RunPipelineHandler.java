package io.radflow.ui;

import io.radflow.ui.editor.PipelineEditor;
import io.radflow.ui.run.PipelineRunner;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.handlers.HandlerUtil;

/** Pipeline > Run: runs the pipeline of the active pipeline editor in a background job. */
public final class RunPipelineHandler extends AbstractHandler {

    public static final String COMMAND_ID = "io.radflow.ui.commands.run";

    @Override
    public Object execute(ExecutionEvent event) {
        IEditorPart editor = HandlerUtil.getActiveEditor(event);
        if (editor instanceof PipelineEditor pipelineEditor) {
            return PipelineRunner.start(editor.getSite().getPage(), pipelineEditor);
        }
        return null;
    }
}
