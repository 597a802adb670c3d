package io.radflow.ui;

import io.radflow.ui.views.PipelinesView;

import java.nio.file.Path;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.GroupMarker;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.ui.IWorkbenchActionConstants;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.actions.ActionFactory.IWorkbenchAction;
import org.eclipse.ui.application.ActionBarAdvisor;
import org.eclipse.ui.application.IActionBarConfigurer;

/**
 * Menus: File (Open..., Save, Save As..., Exit), Edit (Undo, Redo, Cut, Copy, Paste, Delete, Select All), Pipeline, whose Run item is the
 * {@code io.radflow.ui.commands.run} command contributed in plugin.xml, and Window (Preferences..., with the
 * pages of plugin.xml such as {@link ExtensionsPreferencePage}).
 */
public final class StudioActionBarAdvisor extends ActionBarAdvisor {

    /** Id of the Pipeline menu (menu contributions use {@code menu:io.radflow.ui.menu.pipeline}). */
    public static final String PIPELINE_MENU = "io.radflow.ui.menu.pipeline";

    private Action open;
    private IWorkbenchAction save;
    private IWorkbenchAction saveAs;
    private IWorkbenchAction quit;
    private IWorkbenchAction undo;
    private IWorkbenchAction redo;
    private IWorkbenchAction cut;
    private IWorkbenchAction copy;
    private IWorkbenchAction paste;
    private IWorkbenchAction delete;
    private IWorkbenchAction selectAll;
    private IWorkbenchAction preferences;

    public StudioActionBarAdvisor(IActionBarConfigurer configurer) {
        super(configurer);
    }

    @Override
    protected void makeActions(IWorkbenchWindow window) {
        open = new Action("&Open...") {
            @Override
            public void run() {
                FileDialog dialog = new FileDialog(window.getShell(), SWT.OPEN);
                dialog.setText("Open pipeline");
                dialog.setFilterExtensions(new String[] { "*.radflow", "*" });
                dialog.setFilterPath(PipelinesView.workspaceFolder().toString());
                String chosen = dialog.open();
                if (chosen != null) {
                    PipelinesView.open(window.getActivePage(), Path.of(chosen));
                }
            }
        };
        open.setId("io.radflow.ui.actions.open");
        open.setAccelerator(SWT.MOD1 | 'O');
        save = ActionFactory.SAVE.create(window);
        saveAs = ActionFactory.SAVE_AS.create(window);
        quit = ActionFactory.QUIT.create(window);
        register(save);
        register(saveAs);
        register(quit);
        undo = ActionFactory.UNDO.create(window);
        redo = ActionFactory.REDO.create(window);
        register(undo);
        register(redo);
        cut = ActionFactory.CUT.create(window);
        copy = ActionFactory.COPY.create(window);
        paste = ActionFactory.PASTE.create(window);
        delete = ActionFactory.DELETE.create(window);
        selectAll = ActionFactory.SELECT_ALL.create(window);
        register(cut);
        register(copy);
        register(paste);
        register(delete);
        register(selectAll);
        preferences = ActionFactory.PREFERENCES.create(window);
        register(preferences);
    }

    @Override
    protected void fillMenuBar(IMenuManager menuBar) {
        MenuManager file = new MenuManager("&File", IWorkbenchActionConstants.M_FILE);
        file.add(open);
        file.add(new Separator());
        file.add(save);
        file.add(saveAs);
        file.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
        file.add(new Separator());
        file.add(quit);
        MenuManager edit = new MenuManager("&Edit", IWorkbenchActionConstants.M_EDIT);
        edit.add(undo);
        edit.add(redo);
        edit.add(new Separator());
        edit.add(cut);
        edit.add(copy);
        edit.add(paste);
        edit.add(delete);
        edit.add(selectAll);
        edit.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
        MenuManager pipeline = new MenuManager("&Pipeline", PIPELINE_MENU);
        pipeline.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
        menuBar.add(file);
        menuBar.add(edit);
        menuBar.add(pipeline);
        MenuManager windowMenu = new MenuManager("&Window", IWorkbenchActionConstants.M_WINDOW);
        windowMenu.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
        windowMenu.add(new Separator());
        windowMenu.add(preferences);
        menuBar.add(windowMenu);
    }
}
