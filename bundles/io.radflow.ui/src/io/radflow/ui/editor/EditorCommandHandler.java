package io.radflow.ui.editor;

import io.radflow.ui.run.PipelineRunner;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.handlers.HandlerUtil;

/**
 * Pipeline menu commands that act on the active pipeline editor: run up to the selected nodes,
 * auto-layout and fit to window (ids in plugin.xml).
 */
public final class EditorCommandHandler extends AbstractHandler {

    public static final String RUN_TO_SELECTION = "io.radflow.ui.commands.runToSelection";
    public static final String AUTO_LAYOUT = "io.radflow.ui.commands.autoLayout";
    public static final String FIT = "io.radflow.ui.commands.fitToWindow";

    @Override
    public Object execute(ExecutionEvent event) {
        IEditorPart part = HandlerUtil.getActiveEditor(event);
        if (!(part instanceof PipelineEditor editor) || editor.canvas() == null) {
            return null;
        }
        return switch (event.getCommand().getId()) {
            case RUN_TO_SELECTION -> editor.canvas().selectedNodes().isEmpty() ? null
                    : PipelineRunner.start(editor.getSite().getPage(), editor, editor.canvas().selectedNodes());
            case AUTO_LAYOUT -> {
                editor.autoLayout();
                yield null;
            }
            case FIT -> {
                editor.canvas().fitToWindow();
                yield null;
            }
            default -> null;
        };
    }
}
