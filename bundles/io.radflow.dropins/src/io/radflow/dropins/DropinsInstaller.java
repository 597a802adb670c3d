package io.radflow.dropins;

import io.radflow.pipeline.engine.ExtensionProblems;
import io.radflow.pipeline.engine.NodeType;
import io.radflow.pipeline.engine.NodeTypeRegistry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipException;

import org.eclipse.core.runtime.Platform;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Keeps the bundles installed from one dropins folder in step with the jars in it. {@link #reload()} installs new
 * jars, updates changed ones (by SHA-256), uninstalls the bundles of removed jars, refreshes the framework, resolves
 * and starts the bundles; the extension registry then holds their {@code plugin.xml} node types.
 *
 * <p>A jar that cannot be used is reported by name and left out, never installed half-way: not a jar, not an OSGi
 * bundle (no {@code Bundle-SymbolicName}), a {@code plugin.xml} without {@code singleton:=true} (Eclipse would ignore
 * it), an install error (e.g. the same bundle twice), a missing import (the bundle is uninstalled again) or an
 * exception when it starts. After loading, each node type of a dropped-in bundle is created once: a node type whose
 * class cannot be loaded or constructed, or whose id clashes with an installed one (the installed one is kept), is
 * reported with the jar. Bundles installed by Radflow itself are never touched: only bundles whose location is
 * {@code radflow-dropin:<jar URI>} under this folder are updated or removed.
 *
 * <p>The folder is chosen again at each {@link #reload()} ({@link DropinsFolder}: system property, preference,
 * installation). When it changed, the bundles of the previous folder are uninstalled first. A folder that cannot be
 * used (a chosen folder that does not exist, a file, a folder that cannot be read) is reported by name in
 * {@link #folderProblem()} and {@link #problems()}, and the reload goes on as for an empty folder.
 *
 * <p>Thread-safe: {@link #reload()} and {@link #dropins()} are synchronised.
 */
public final class DropinsInstaller implements ExtensionProblems {

    /** System property naming the dropins folder ({@link DropinsFolder#PROPERTY}). */
    public static final String FOLDER_PROPERTY = DropinsFolder.PROPERTY;

    /** Prefix of the bundle locations this installer owns. */
    public static final String LOCATION_PREFIX = "radflow-dropin:";

    private static final long REFRESH_TIMEOUT_SECONDS = 60;
    /** Text of the registry's id-clash problems, which the registry lists itself. */
    private static final String CLASH = "the id is already contributed by";

    private final BundleContext context;
    private final Supplier<DropinsFolder> folderChoice;
    private DropinsFolder folder;
    private String folderProblem;
    private final Map<String, String> installedHashes = new LinkedHashMap<>();
    private final Map<Path, Bundle> installedBundles = new LinkedHashMap<>();
    private List<Dropin> dropins = List.of();
    private boolean nodeTypesChecked = true;

    /**
     * An installer of one fixed folder.
     *
     * @param context the bundle context used to install bundles
     * @param folder  the dropins folder; it need not exist
     */
    public DropinsInstaller(BundleContext context, Path folder) {
        this(context, new DropinsFolder(folder, DropinsFolder.Source.GIVEN));
    }

    private DropinsInstaller(BundleContext context, DropinsFolder fixed) {
        this(context, () -> fixed);
    }

    /**
     * An installer whose folder is chosen again at each {@link #reload()}, e.g. {@code () ->
     * DropinsFolder.configured(context)} so that a changed preference takes effect on "Reload extensions".
     *
     * @param context      the bundle context used to install bundles
     * @param folderChoice chooses the folder; it may throw {@link IllegalArgumentException} naming what is wrong
     */
    public DropinsInstaller(BundleContext context, Supplier<DropinsFolder> folderChoice) {
        this.context = context;
        this.folderChoice = folderChoice;
        this.folder = folderChoice.get();
        loadHashes();
    }

    /**
     * The folder of this framework now: system property {@value #FOLDER_PROPERTY}, else the preference "Extensions
     * folder", else {@code dropins} in the installation folder ({@link DropinsFolder#configured}).
     */
    public static Path defaultFolder(BundleContext context) {
        return DropinsFolder.configured(context).path();
    }

    /** The folder of the last {@link #reload()} (before the first one: the folder chosen at construction). */
    public synchronized Path folder() {
        return folder.path();
    }

    /** The folder of the last {@link #reload()} with who chose it. */
    public synchronized DropinsFolder dropinsFolder() {
        return folder;
    }

    /**
     * What is wrong with the folder itself after the last {@link #reload()}, naming it and who chose it: a chosen
     * folder that does not exist, a file instead of a folder, a folder that cannot be read; empty when all is well.
     */
    public synchronized Optional<String> folderProblem() {
        return Optional.ofNullable(folderProblem);
    }

    /**
     * Whether this folder has jars now, or had installed bundles before (this run or the previous one): then the
     * extension registry must not start from its cache, which does not know bundles installed before it starts.
     */
    public synchronized boolean hasDropins() {
        return !jars().isEmpty() || !ownedBundles().isEmpty() || !installedHashes.isEmpty();
    }

    /** The jars found by the last {@link #reload()}, in file name order, with their node types and problems. */
    public synchronized List<Dropin> dropins() {
        checkNodeTypes();
        return dropins;
    }

    /**
     * The problems of the last reload: the folder's, then each jar's naming the jar (the registry reports id clashes
     * itself).
     */
    @Override
    public synchronized List<String> problems() {
        checkNodeTypes();
        List<String> problems = new ArrayList<>();
        folderProblem().ifPresent(problems::add);
        for (Dropin dropin : dropins) {
            dropin.problems().stream().filter(p -> !p.contains(CLASH)).forEach(problems::add);
        }
        return problems;
    }

    /**
     * Chooses the folder again (uninstalling the bundles of the previous folder when it changed) and brings the
     * installed bundles in step with it; returns the new state of every jar.
     *
     * @throws IllegalArgumentException when the folder choice fails (e.g. the preference is not a valid path)
     */
    public synchronized List<Dropin> reload() {
        switchTo(folderChoice.get());
        folderProblem = checkFolder();
        List<Path> jars = List.of();
        if (folderProblem == null && Files.isDirectory(folder.path())) { // the installation's may be missing
            try {
                jars = listJars();
            } catch (IOException | RuntimeException e) {
                folderProblem = "the dropins folder " + folder.describe() + " cannot be read: " + e;
            }
        }
        Map<String, Bundle> owned = ownedBundles();
        List<Bundle> toRefresh = new ArrayList<>();
        Map<Path, Bundle> candidates = new LinkedHashMap<>();
        Map<Path, List<String>> problems = new LinkedHashMap<>();
        Map<Path, String[]> names = new LinkedHashMap<>();
        for (Path jar : jars) {
            problems.put(jar, new ArrayList<>());
            String location = location(jar);
            Bundle existing = owned.remove(location);
            String[] name = new String[2];
            names.put(jar, name);
            String rejection = inspect(jar, name);
            if (rejection != null) {
                problems.get(jar).add(jar.getFileName() + ": " + rejection);
                if (existing != null) {
                    uninstall(existing, toRefresh);
                }
                continue;
            }
            String hash;
            try {
                hash = sha256(jar);
            } catch (IOException e) {
                problems.get(jar).add(jar.getFileName() + ": cannot be read: " + e.getMessage());
                continue;
            }
            try (InputStream in = Files.newInputStream(jar)) {
                if (existing == null) {
                    candidates.put(jar, context.installBundle(location, in));
                } else if (!hash.equals(installedHashes.get(location))) {
                    existing.update(in);
                    toRefresh.add(existing);
                    candidates.put(jar, existing);
                } else {
                    candidates.put(jar, existing);
                }
                installedHashes.put(location, hash);
            } catch (BundleException | IOException | RuntimeException e) {
                problems.get(jar).add(jar.getFileName() + ": cannot be installed: " + e.getMessage());
                if (existing != null) {
                    uninstall(existing, toRefresh);
                }
            }
        }
        owned.values().forEach(bundle -> uninstall(bundle, toRefresh)); // their jars were removed
        refresh(toRefresh);
        FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
        wiring.resolveBundles(candidates.values());
        int startLevel = context.getBundle(0).adapt(FrameworkStartLevel.class).getStartLevel();
        List<Bundle> failed = new ArrayList<>();
        candidates.forEach((jar, bundle) -> {
            try {
                bundle.adapt(BundleStartLevel.class).setStartLevel(Math.max(1, startLevel));
                bundle.start(Bundle.START_ACTIVATION_POLICY); // an unresolved bundle throws naming the requirement
            } catch (BundleException | RuntimeException e) {
                problems.get(jar).add(jar.getFileName() + " (" + bundle.getSymbolicName() + " " + bundle.getVersion()
                        + "): not installed: " + e.getMessage());
                failed.add(bundle);
            }
        });
        for (Bundle bundle : failed) {
            candidates.values().remove(bundle);
            uninstall(bundle, new ArrayList<>());
        }
        if (!failed.isEmpty()) {
            refresh(failed);
        }
        saveHashes();
        List<Dropin> result = new ArrayList<>();
        installedBundles.clear();
        for (Path jar : jars) {
            Bundle bundle = candidates.get(jar);
            String[] name = names.get(jar);
            if (bundle != null) {
                installedBundles.put(jar, bundle);
            }
            result.add(new Dropin(jar, name[0], name[1], bundle == null ? Dropin.Status.FAILED : Dropin.Status.INSTALLED,
                    List.of(), problems.get(jar)));
        }
        dropins = List.copyOf(result);
        nodeTypesChecked = installedBundles.isEmpty();
        checkNodeTypes();
        return dropins;
    }

    /**
     * Adds the node types of the installed jars and their problems to {@link #dropins}, once the extension registry
     * runs (at start-up it starts after this bundle: then the check waits for the first {@link #dropins()} or
     * {@link #problems()} call).
     */
    private void checkNodeTypes() {
        if (nodeTypesChecked || Platform.getExtensionRegistry() == null) {
            return;
        }
        NodeTypeRegistry registry = NodeTypeRegistry.fromExtensions(Platform.getExtensionRegistry());
        List<Dropin> result = new ArrayList<>();
        for (Dropin dropin : dropins) {
            Bundle bundle = installedBundles.get(dropin.jar());
            if (bundle == null) {
                result.add(dropin);
                continue;
            }
            List<String> nodeTypes = new ArrayList<>();
            List<String> problems = new ArrayList<>(dropin.problems());
            checkNodeTypes(dropin.jar(), bundle, registry, nodeTypes, problems);
            result.add(new Dropin(dropin.jar(), dropin.symbolicName(), dropin.version(), dropin.status(), nodeTypes,
                    problems));
        }
        dropins = List.copyOf(result);
        nodeTypesChecked = true;
    }

    /** Creates each node type of {@code bundle} once and collects the registry's problems about it. */
    private static void checkNodeTypes(Path jar, Bundle bundle, NodeTypeRegistry registry, List<String> nodeTypes,
            List<String> problems) {
        String contributor = bundle.getSymbolicName() + " " + bundle.getVersion();
        for (String problem : registry.problems()) {
            if (problem.startsWith(contributor + ":")) {
                problems.add(jar.getFileName() + " (" + problem + ")");
            }
        }
        for (NodeType type : registry.nodeTypes()) {
            if (!type.contributor().equals(contributor)) {
                continue;
            }
            try {
                type.factory().create();
                nodeTypes.add(type.id());
            } catch (Exception | LinkageError e) {
                Throwable cause = e;
                while (cause.getCause() != null && cause.getCause() != cause) {
                    cause = cause.getCause();
                }
                problems.add(jar.getFileName() + " (" + contributor + "): node type " + type.id()
                        + " cannot be created: " + cause);
            }
        }
    }

    /** Why {@code jar} cannot be a dropin, or {@code null}; fills {@code name} with symbolic name and version. */
    private static String inspect(Path jar, String[] name) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String symbolicName = manifest == null ? null : manifest.getMainAttributes().getValue("Bundle-SymbolicName");
            if (symbolicName == null || symbolicName.isBlank()) {
                return "not an OSGi bundle: META-INF/MANIFEST.MF has no Bundle-SymbolicName";
            }
            Attributes main = manifest.getMainAttributes();
            name[0] = symbolicName.split(";")[0].trim();
            String version = main.getValue("Bundle-Version");
            name[1] = version == null ? "0.0.0" : version.trim();
            if (file.getEntry("plugin.xml") != null && !symbolicName.replace(" ", "").contains("singleton:=true")) {
                return "its plugin.xml would be ignored: Bundle-SymbolicName needs ';singleton:=true'";
            }
            return null;
        } catch (ZipException e) {
            return "not a jar (zip) file: " + e.getMessage();
        } catch (IOException | SecurityException e) {
            return "cannot be read as a jar: " + e.getMessage();
        }
    }

    /** Uninstalls the bundles of the current folder when {@code next} is another folder, then uses {@code next}. */
    private void switchTo(DropinsFolder next) {
        if (next.path().equals(folder.path())) {
            folder = next;
            return;
        }
        List<Bundle> toRefresh = new ArrayList<>();
        ownedBundles().values().forEach(bundle -> uninstall(bundle, toRefresh));
        refresh(toRefresh);
        saveHashes();
        installedHashes.clear();
        installedBundles.clear();
        dropins = List.of();
        folder = next;
        loadHashes();
    }

    /** Why the folder cannot be listed, naming it and who chose it, or {@code null}. */
    private String checkFolder() {
        Path path = folder.path();
        if (!Files.exists(path)) {
            return folder.chosen() ? "the dropins folder " + folder.describe() + " does not exist" : null;
        }
        if (!Files.isDirectory(path)) {
            return "the dropins folder " + folder.describe() + " is not a folder";
        }
        if (!Files.isReadable(path) || !Files.isExecutable(path)) {
            return "the dropins folder " + folder.describe() + " cannot be read (permission denied)";
        }
        return null;
    }

    /** The jars of the folder; empty when it is missing or not a folder. */
    private List<Path> jars() {
        try {
            return Files.isDirectory(folder.path()) ? listJars() : List.of();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private List<Path> listJars() throws IOException {
        try (Stream<Path> files = Files.list(folder.path())) {
            return files.filter(f -> f.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".jar"))
                    .filter(Files::isRegularFile).sorted().toList();
        }
    }

    private Map<String, Bundle> ownedBundles() {
        String prefix = location(folder.path()) + (location(folder.path()).endsWith("/") ? "" : "/");
        Map<String, Bundle> owned = new LinkedHashMap<>();
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getLocation().startsWith(prefix)) {
                owned.put(bundle.getLocation(), bundle);
            }
        }
        return owned;
    }

    private static String location(Path path) {
        return LOCATION_PREFIX + path.toUri();
    }

    private void uninstall(Bundle bundle, List<Bundle> toRefresh) {
        installedHashes.remove(bundle.getLocation());
        try {
            bundle.uninstall();
            toRefresh.add(bundle);
        } catch (BundleException | IllegalStateException e) {
            // already uninstalled
        }
    }

    /** Refreshes {@code bundles} (and their dependants) and waits for the framework to finish. */
    private void refresh(List<Bundle> bundles) {
        if (bundles.isEmpty()) {
            return;
        }
        CountDownLatch done = new CountDownLatch(1);
        context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(bundles, event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED || event.getType() == FrameworkEvent.ERROR) {
                done.countDown();
            }
        });
        try {
            done.await(REFRESH_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path stateFile() {
        java.io.File file = context.getDataFile("installed-" + Integer.toHexString(folder.path().toString().hashCode())
                + ".properties");
        return file == null ? null : file.toPath();
    }

    private void loadHashes() {
        Path state = stateFile();
        if (state == null || !Files.isRegularFile(state)) {
            return;
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(state)) {
            properties.load(in);
        } catch (IOException e) {
            return; // jars are then compared as changed and updated once
        }
        properties.stringPropertyNames().forEach(key -> installedHashes.put(key, properties.getProperty(key)));
    }

    private void saveHashes() {
        Path state = stateFile();
        if (state == null) {
            return;
        }
        Properties properties = new Properties();
        properties.putAll(installedHashes);
        try (var out = Files.newOutputStream(state)) {
            properties.store(out, "SHA-256 of the jars installed from " + folder.path());
        } catch (IOException e) {
            // the next start updates the jars once more
        }
    }
}
