package io.radflow.ui;

import static io.radflow.ui.UiTestSupport.pump;
import static io.radflow.ui.UiTestSupport.screenshot;
import static io.radflow.ui.UiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.dropins.DropinsFolder;
import io.radflow.dropins.DropinsInstaller;
import io.radflow.pipeline.model.io.PipelineBuilder;
import io.radflow.pipeline.model.io.PipelineFiles;
import io.radflow.ui.editor.PipelineEditor;
import io.radflow.ui.palette.PaletteComposite;
import io.radflow.ui.views.PipelinesView;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Issue 10 end to end in the running studio: the extension sample's jar (built from examples/extension-sample) is
 * put in a folder, Window > Preferences > Radflow Extensions is set to that folder, OK offers "Reload extensions
 * now", Yes installs the jar, and a pipeline editor opened afterwards shows the sample's three node types in the
 * palette under their categories (as declared in the sample's plugin.xml). Screenshots: preferences-extensions.png,
 * palette-dropins.png (the latter is docs/images/palette-dropins.png). A chosen folder that does not exist is
 * reported by name in the Reload Extensions dialog, and the studio goes on.
 */
class DropinsPaletteUiTest {

    private static final long DIALOG_TIMEOUT_MILLIS = 60_000;
    private static final List<String> SAMPLE_NODE_IDS = List.of("org.example.radflowlab.median",
            "org.example.radflowlab.fractal", "org.example.radflowlab.knn");

    private final IEclipsePreferences preferences = InstanceScope.INSTANCE.getNode(DropinsFolder.PREFERENCE_NODE);
    private Path dropins;

    @AfterEach
    void removeTheSample() throws Exception {
        PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().closeAllEditors(false);
        preferences.remove(DropinsFolder.PREFERENCE_KEY);
        preferences.flush();
        if (dropins != null) {
            try (Stream<Path> jars = Files.list(dropins)) {
                for (Path jar : jars.toList()) {
                    Files.delete(jar);
                }
            }
        }
        installer().reload(); // back to the installation's folder: the other UI tests see the studio as it was
    }

    private static DropinsInstaller installer() throws Exception {
        Bundle bundle = Platform.getBundle("io.radflow.dropins");
        bundle.start(); // the product starts it at start level 3; the test runtime starts it here
        BundleContext context = bundle.getBundleContext();
        return context.getService(context.getServiceReference(DropinsInstaller.class));
    }

    @Test
    void droppedInSampleNodesAppearInThePaletteAfterReload() throws Exception {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        Display display = window.getShell().getDisplay();
        window.getShell().setSize(1280, 800);
        window.getActivePage().closeAllEditors(false);
        installer();
        Path work = Path.of(System.getProperty("radflow.runs", "target/runs")).getParent().resolve("dropins-ui");
        dropins = Files.createDirectories(work.resolve("lab-extensions"));
        ExtensionSampleJar.build(work.resolve("sample-build"), dropins.resolve("radflow-lab-extension-1.0.0.jar"));
        Map<String, List<String>> expected = sampleNodesByCategory();
        assertEquals(3, expected.values().stream().mapToInt(List::size).sum(), expected.toString());

        Path file = work.resolve("dropins.radflow");
        PipelineFiles.save(PipelineBuilder.pipeline("Dropped-in nodes").build(), file);
        PipelineEditor before = PipelinesView.open(window.getActivePage(), file);
        assertNotNull(before);
        pump(display, 300);
        assertNull(before.palette().item("org.example.radflowlab.knn"), "not installed before the reload");
        window.getActivePage().closeAllEditors(false);

        // Window > Preferences > Radflow Extensions: the folder, OK, "Reload extensions now?" Yes
        PreferenceDialog dialog = PreferencesUtil.createPreferenceDialogOn(window.getShell(),
                ExtensionsPreferencePage.ID, new String[] {ExtensionsPreferencePage.ID}, null);
        dialog.setBlockOnOpen(false);
        dialog.open();
        pump(display, 300);
        assertTrue(dialog.getSelectedPage() instanceof ExtensionsPreferencePage, String.valueOf(dialog.getSelectedPage()));
        ExtensionsPreferencePage page = (ExtensionsPreferencePage) dialog.getSelectedPage();
        Text folderField = find((Composite) page.getControl(), Text.class, Text::getEditable).get(0);
        folderField.setText(dropins.toString());
        screenshot(dialog.getShell(), "preferences-extensions");
        List<String> reloadDialog = new ArrayList<>();
        // MessageDialog numbers its buttons from 0: Yes of a question, OK of an information
        answer(display, ExtensionsPreferencePage.RELOAD_QUESTION_TITLE, 0, null);
        answer(display, ReloadExtensionsHandler.TITLE, 0, reloadDialog);
        press(buttonWithId(dialog.getShell(), IDialogConstants.OK_ID)); // returns once both dialogs are answered
        waitUntil(display, () -> !reloadDialog.isEmpty(), DIALOG_TIMEOUT_MILLIS, "the Reload Extensions dialog");

        assertEquals(dropins.toString(), preferences.get(DropinsFolder.PREFERENCE_KEY, null));
        assertEquals(new DropinsFolder(dropins, DropinsFolder.Source.PREFERENCE), installer().dropinsFolder());
        String shown = String.join("\n", reloadDialog);
        assertTrue(shown.contains("Folder: " + dropins + " (preference Extensions folder)"), shown);
        assertTrue(shown.contains("INSTALLED  radflow-lab-extension-1.0.0.jar  ("), shown);
        for (String id : SAMPLE_NODE_IDS) {
            assertTrue(shown.contains(id), id + " in " + shown);
        }

        // a pipeline editor opened now has them in its palette, under the categories of the sample's plugin.xml
        PipelineEditor editor = PipelinesView.open(window.getActivePage(), file);
        assertNotNull(editor);
        pump(display, 300);
        PaletteComposite palette = editor.palette();
        for (String id : SAMPLE_NODE_IDS) {
            assertNotNull(palette.item(id), id + " in the unfiltered palette");
        }
        palette.searchField().setText("radflowlab");
        pump(display, 200);
        Map<String, List<String>> shownByCategory = new LinkedHashMap<>();
        for (TreeItem category : palette.tree().getItems()) {
            List<String> labels = new ArrayList<>();
            for (TreeItem item : category.getItems()) {
                labels.add(item.getText());
            }
            shownByCategory.put(category.getText(), labels);
        }
        assertEquals(expected, shownByCategory);
        palette.tree().setSelection(palette.item("org.example.radflowlab.median"));
        Path png = screenshot(window.getShell(), "palette-dropins");
        assertTrue(Files.size(png) > 0);
    }

    @Test
    void aMissingChosenFolderIsReportedByNameAndTheStudioGoesOn() throws Exception {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        Display display = window.getShell().getDisplay();
        installer();
        Path missing = Path.of(System.getProperty("radflow.runs", "target/runs")).getParent()
                .resolve("dropins-ui/no-such-folder");
        preferences.put(DropinsFolder.PREFERENCE_KEY, missing.toString());
        List<String> reloadDialog = new ArrayList<>();
        answer(display, ReloadExtensionsHandler.TITLE, 0, reloadDialog);
        PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand(ReloadExtensionsHandler.COMMAND_ID,
                null); // Pipeline > Reload Extensions; returns once the dialog is answered
        waitUntil(display, () -> !reloadDialog.isEmpty(), DIALOG_TIMEOUT_MILLIS, "the Reload Extensions dialog");
        String shown = String.join("\n", reloadDialog);
        assertTrue(shown.contains("the dropins folder " + missing.toAbsolutePath().normalize()
                + " (preference Extensions folder) does not exist"), shown);
        assertTrue(shown.contains("No extension jars."), shown);
        assertEquals(new DropinsFolder(missing, DropinsFolder.Source.PREFERENCE), installer().dropinsFolder());
        // the studio goes on: the palette still has the built-in node types
        Path file = missing.resolveSibling("after-broken-folder.radflow");
        Files.createDirectories(file.getParent());
        PipelineFiles.save(PipelineBuilder.pipeline("After a broken folder").build(), file);
        PipelineEditor editor = PipelinesView.open(window.getActivePage(), file);
        assertNotNull(editor);
        assertNotNull(editor.palette().item("radflow.features.firstOrder"));
    }

    /** Category to node labels, in file order, from the sample's plugin.xml. */
    private static Map<String, List<String>> sampleNodesByCategory() throws Exception {
        Path pluginXml = ExtensionSampleJar.sampleFolder().resolve("src/main/resources/plugin.xml");
        NodeList nodes = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pluginXml.toFile())
                .getElementsByTagName("node");
        Map<String, List<String>> byCategory = new LinkedHashMap<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element node = (Element) nodes.item(i);
            byCategory.computeIfAbsent(node.getAttribute("category"), c -> new ArrayList<>())
                    .add(node.getAttribute("label"));
        }
        return byCategory;
    }

    /**
     * Waits (in the event loop, also the nested one of a modal dialog) for a shell titled {@code title}, records the
     * texts of its labels in {@code texts} (when not null) and presses its button {@code buttonId}.
     */
    private static void answer(Display display, String title, int buttonId, List<String> texts) {
        long end = System.currentTimeMillis() + DIALOG_TIMEOUT_MILLIS;
        Runnable poll = new Runnable() {
            @Override
            public void run() {
                for (Shell shell : display.getShells()) {
                    if (!shell.isDisposed() && title.equals(shell.getText()) && shell.isVisible()) {
                        if (texts != null) {
                            find(shell, Label.class, l -> true).forEach(l -> texts.add(l.getText()));
                        }
                        Button button = buttonWithId(shell, buttonId);
                        if (button != null) {
                            press(button);
                        } else {
                            shell.close(); // never leave a modal dialog that blocks the test run
                        }
                        return;
                    }
                }
                if (System.currentTimeMillis() < end) {
                    display.timerExec(100, this);
                }
            }
        };
        display.timerExec(100, poll);
    }

    private static void press(Button button) {
        button.notifyListeners(SWT.Selection, new Event());
    }

    private static Button buttonWithId(Composite root, int id) {
        return find(root, Button.class, b -> Integer.valueOf(id).equals(b.getData())).stream().findFirst().orElse(null);
    }

    private static <T extends Control> List<T> find(Composite root, Class<T> type,
            java.util.function.Predicate<T> condition) {
        List<T> found = new ArrayList<>();
        for (Control child : root.getChildren()) {
            if (type.isInstance(child) && condition.test(type.cast(child))) {
                found.add(type.cast(child));
            }
            if (child instanceof Composite composite) {
                found.addAll(find(composite, type, condition));
            }
        }
        return found;
    }
}
