package io.radflow.dropins;

import static io.radflow.dropins.TestJars.bundle;
import static io.radflow.dropins.TestJars.headers;
import static io.radflow.dropins.TestJars.plugin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.dropins.fixtures.ConstantTableNode;
import io.radflow.pipeline.engine.NodeTypeRegistry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * The choice of the dropins folder (system property > preference "Extensions folder" > installation) and folders
 * that cannot be used: reported by name and by who chose them, never an exception that would stop the product.
 */
class DropinsFolderTest {

    private static final String NODE_ID = "test.dropin.folderchoice";

    @TempDir
    Path temp;

    private BundleContext context;
    private IEclipsePreferences preferences;
    private DropinsInstaller installer;

    @BeforeEach
    void start() throws Exception {
        Bundle bundle = FrameworkUtil.getBundle(DropinsInstaller.class);
        bundle.start();
        context = bundle.getBundleContext();
        preferences = InstanceScope.INSTANCE.getNode(DropinsFolder.PREFERENCE_NODE);
    }

    @AfterEach
    void clean() throws Exception {
        System.clearProperty(DropinsFolder.PROPERTY);
        preferences.remove(DropinsFolder.PREFERENCE_KEY);
        preferences.flush();
        if (installer != null) {
            // an empty chosen folder: the bundles of the test folders are uninstalled
            Path empty = Files.createDirectories(temp.resolve("empty"));
            preferences.put(DropinsFolder.PREFERENCE_KEY, empty.toString());
            installer.reload();
            preferences.remove(DropinsFolder.PREFERENCE_KEY);
            assertTrue(Arrays.stream(context.getBundles()).noneMatch(b -> b.getLocation().startsWith(
                    DropinsInstaller.LOCATION_PREFIX + temp.toUri())), "the test bundles are uninstalled");
        }
    }

    @Test
    void systemPropertyBeatsPreferenceWhichBeatsTheInstallation() {
        String install = "file:/opt/radflow/";
        assertEquals(new DropinsFolder(Path.of("/lab/property"), DropinsFolder.Source.SYSTEM_PROPERTY),
                DropinsFolder.resolve("/lab/property", "/lab/preference", install));
        assertEquals(new DropinsFolder(Path.of("/lab/preference"), DropinsFolder.Source.PREFERENCE),
                DropinsFolder.resolve(null, " /lab/preference ", install));
        assertEquals(new DropinsFolder(Path.of("/lab/preference"), DropinsFolder.Source.PREFERENCE),
                DropinsFolder.resolve("  ", "/lab/preference", install), "a blank property is not set");
        assertEquals(new DropinsFolder(Path.of("/opt/radflow/dropins"), DropinsFolder.Source.INSTALLATION),
                DropinsFolder.resolve(null, "", install), "a blank preference is not set");
        assertEquals(Path.of("/opt/rad flow/dropins"), DropinsFolder.resolve(null, null, "file:/opt/rad flow/").path());
        assertEquals(Path.of("dropins").toAbsolutePath(), DropinsFolder.resolve(null, null, null).path());
    }

    @Test
    void theRunningFrameworkReadsPropertyAndInstanceScopePreference() throws Exception {
        assertEquals(DropinsFolder.Source.INSTALLATION, DropinsFolder.configured(context).source());
        Path chosen = temp.resolve("lab-extensions");
        preferences.put(DropinsFolder.PREFERENCE_KEY, chosen.toString());
        assertEquals(new DropinsFolder(chosen, DropinsFolder.Source.PREFERENCE), DropinsFolder.configured(context));
        assertEquals(chosen, DropinsInstaller.defaultFolder(context));
        Path override = temp.resolve("override");
        System.setProperty(DropinsFolder.PROPERTY, override.toString());
        assertEquals(new DropinsFolder(override, DropinsFolder.Source.SYSTEM_PROPERTY),
                DropinsFolder.configured(context));
    }

    /**
     * At start level 3 the preference service is not running yet, so the installer reads the file the service
     * writes: the same value must come out of both.
     */
    @Test
    void thePreferenceFileReadBeforeThePreferenceServiceRunsHoldsTheSavedValue() throws Exception {
        Path chosen = temp.resolve("saved folder");
        preferences.put(DropinsFolder.PREFERENCE_KEY, chosen.toString());
        preferences.flush();
        Path instanceArea = Path.of(Platform.getInstanceLocation().getURL().getPath());
        assertEquals(chosen.toString(), DropinsFolder.preferenceFile(instanceArea));
        assertEquals(null, DropinsFolder.preferenceFile(temp.resolve("no-instance-area")));
    }

    @Test
    void reloadFollowsAChangedPreferenceAndUninstallsTheOldFolder() throws Exception {
        Path first = Files.createDirectories(temp.resolve("first"));
        Path second = Files.createDirectories(temp.resolve("second"));
        bundle(first.resolve("choice.jar"), headers("test.dropin.folderchoice", "1.0.0", null),
                plugin(NODE_ID, "1.0.0", ConstantTableNode.class), ConstantTableNode.class);
        preferences.put(DropinsFolder.PREFERENCE_KEY, first.toString());
        installer = new DropinsInstaller(context, () -> DropinsFolder.configured(context));

        List<Dropin> dropins = installer.reload();
        assertEquals(first, installer.folder());
        assertEquals(List.of(NODE_ID), dropins.get(0).nodeTypes(), dropins.toString());
        assertTrue(NodeTypeRegistry.fromPlatform().nodeType(NODE_ID).isPresent());

        preferences.put(DropinsFolder.PREFERENCE_KEY, second.toString());
        assertEquals(List.of(), installer.reload());
        assertEquals(new DropinsFolder(second, DropinsFolder.Source.PREFERENCE), installer.dropinsFolder());
        assertTrue(NodeTypeRegistry.fromPlatform().nodeType(NODE_ID).isEmpty(),
                "the bundle of the previous folder is uninstalled");
        assertEquals(List.of(), installer.problems());
    }

    @Test
    void missingChosenFolderIsReportedByNameButTheInstallationDefaultNeedNotExist() throws Exception {
        Path missing = temp.resolve("no-such-folder");
        preferences.put(DropinsFolder.PREFERENCE_KEY, missing.toString());
        installer = new DropinsInstaller(context, () -> DropinsFolder.configured(context));
        assertEquals(List.of(), installer.reload());
        String expected = "the dropins folder " + missing + " (preference Extensions folder) does not exist";
        assertEquals(expected, installer.folderProblem().orElseThrow());
        assertEquals(List.of(expected), installer.problems());

        System.setProperty(DropinsFolder.PROPERTY, missing.toString());
        installer.reload();
        assertEquals("the dropins folder " + missing + " (system property radflow.dropins) does not exist",
                installer.folderProblem().orElseThrow());

        DropinsInstaller installation = new DropinsInstaller(context,
                () -> DropinsFolder.resolve(null, null, missing.toUri().toString()));
        assertEquals(List.of(), installation.reload());
        assertEquals(List.of(), installation.problems(), "<installation>/dropins is optional");
    }

    @Test
    void aFileInsteadOfAFolderIsReportedByName() throws Exception {
        Path file = Files.writeString(temp.resolve("dropins.txt"), "not a folder");
        System.setProperty(DropinsFolder.PROPERTY, file.toString());
        installer = new DropinsInstaller(context, () -> DropinsFolder.configured(context));
        assertEquals(List.of(), installer.reload());
        assertEquals(List.of("the dropins folder " + file + " (system property radflow.dropins) is not a folder"),
                installer.problems());
    }

    /** Only where permissions bind (not as root, who reads every folder). */
    @Test
    @EnabledIf("permissionsBind")
    void anUnreadableFolderIsReportedByName() throws Exception {
        Path locked = Files.createDirectories(temp.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            preferences.put(DropinsFolder.PREFERENCE_KEY, locked.toString());
            installer = new DropinsInstaller(context, () -> DropinsFolder.configured(context));
            assertEquals(List.of(), installer.reload());
            assertEquals(List.of("the dropins folder " + locked
                    + " (preference Extensions folder) cannot be read (permission denied)"), installer.problems());
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    static boolean permissionsBind() throws Exception {
        Path probe = Files.createTempDirectory("radflow-permissions");
        try {
            Files.setPosixFilePermissions(probe, PosixFilePermissions.fromString("---------"));
            return !Files.isReadable(probe);
        } finally {
            Files.setPosixFilePermissions(probe, PosixFilePermissions.fromString("rwx------"));
            Files.delete(probe);
        }
    }
}
