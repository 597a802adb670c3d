package io.radflow.ui;

import io.radflow.dropins.DropinsFolder;
import io.radflow.dropins.DropinsInstaller;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

import org.eclipse.core.commands.common.CommandException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.preference.DirectoryFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.preferences.ScopedPreferenceStore;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

/**
 * Window > Preferences > Radflow Extensions: the "Extensions folder" preference ({@link DropinsFolder#PREFERENCE_KEY}
 * in the instance scope node {@link DropinsFolder#PREFERENCE_NODE}, read by the dropins bundle). The page shows the
 * folder in use and says when the system property {@value DropinsFolder#PROPERTY} overrides the preference. When
 * the folder changes, OK offers "Reload extensions now" (Pipeline > Reload Extensions).
 */
public final class ExtensionsPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

    /** Id of the page in plugin.xml. */
    public static final String ID = "io.radflow.ui.preferences.extensions";
    /** Title of the question asked when the folder changed. */
    public static final String RELOAD_QUESTION_TITLE = "Extensions Folder Changed";

    private final ScopedPreferenceStore store = new ScopedPreferenceStore(InstanceScope.INSTANCE,
            DropinsFolder.PREFERENCE_NODE);
    private String folderBefore;

    public ExtensionsPreferencePage() {
        super(GRID);
        setPreferenceStore(store);
        setDescription("Extension jars (OSGi bundles with node types) are installed from this folder at start-up and "
                + "by Pipeline > Reload Extensions. Empty: <installation>/dropins. The system property "
                + DropinsFolder.PROPERTY + " overrides this preference.");
    }

    @Override
    public void init(IWorkbench workbench) {
        folderBefore = store.getString(DropinsFolder.PREFERENCE_KEY);
    }

    @Override
    protected void createFieldEditors() {
        DirectoryFieldEditor folder = new DirectoryFieldEditor(DropinsFolder.PREFERENCE_KEY, "&Extensions folder:",
                getFieldEditorParent());
        folder.setEmptyStringAllowed(true);
        addField(folder);
        Label inUse = new Label(getFieldEditorParent(), SWT.WRAP);
        GridData layout = new GridData(SWT.FILL, SWT.TOP, true, false, 3, 1);
        layout.widthHint = 400;
        inUse.setLayoutData(layout);
        BundleContext context = FrameworkUtil.getBundle(getClass()).getBundleContext();
        DropinsFolder configured = DropinsFolder.configured(context);
        inUse.setText(configured.source() == DropinsFolder.Source.SYSTEM_PROPERTY
                ? "The system property " + DropinsFolder.PROPERTY + " overrides this preference: " + configured.path()
                : "Folder in use: " + inUse(context).orElse(configured).describe());
    }

    /** The folder of the running dropins installer (that of its last reload), if it runs. */
    private static Optional<DropinsFolder> inUse(BundleContext context) {
        ServiceReference<DropinsInstaller> reference = context.getServiceReference(DropinsInstaller.class);
        DropinsInstaller installer = reference == null ? null : context.getService(reference);
        if (installer == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(installer.dropinsFolder());
        } finally {
            context.ungetService(reference);
        }
    }

    @Override
    public boolean performOk() {
        if (!super.performOk()) {
            return false;
        }
        try {
            store.save(); // the dropins bundle reads the node, not this store
        } catch (IOException e) {
            setErrorMessage("The preference could not be saved: " + e.getMessage());
            return false;
        }
        String folder = store.getString(DropinsFolder.PREFERENCE_KEY);
        if (!Objects.equals(folder, folderBefore)) {
            folderBefore = folder;
            offerReload();
        }
        return true;
    }

    private void offerReload() {
        if (!MessageDialog.openQuestion(getShell(), RELOAD_QUESTION_TITLE,
                "The extensions folder changed. Reload extensions now?\n\n(Otherwise the change takes effect with "
                        + "Pipeline > Reload Extensions or at the next start.)")) {
            return;
        }
        try {
            PlatformUI.getWorkbench().getService(IHandlerService.class)
                    .executeCommand(ReloadExtensionsHandler.COMMAND_ID, null);
        } catch (CommandException e) {
            ILog.of(getClass()).error("Reload Extensions failed: " + e.getMessage(), e);
            MessageDialog.openError(getShell(), "Reload Extensions", "Reload Extensions failed: " + e.getMessage());
        }
    }
}
