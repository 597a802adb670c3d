package io.radflow.dropins;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Properties;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.osgi.service.datalocation.Location;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Which folder the dropins come from, and who chose it. The order is: the system property {@value #PROPERTY}, else
 * the studio's preference "Extensions folder" ({@value #PREFERENCE_KEY} in the instance scope node
 * {@value #PREFERENCE_NODE}), else {@code dropins} in the installation folder.
 *
 * <p>The preference lives in the instance area of the studio ({@code -data}); the CLI runs with {@code -data @none}
 * and so sees only the system property and the installation folder ({@code RADFLOW_JAVA_OPTS=-Dradflow.dropins=...}).
 *
 * @param path   the folder (it need not exist)
 * @param source who chose it
 */
public record DropinsFolder(Path path, Source source) {

    /** System property naming the dropins folder; it overrides the preference. */
    public static final String PROPERTY = "radflow.dropins";
    /** Preference node (instance scope) of the "Extensions folder" preference. */
    public static final String PREFERENCE_NODE = "io.radflow.dropins";
    /** Key of the "Extensions folder" preference in {@link #PREFERENCE_NODE}; blank = not set. */
    public static final String PREFERENCE_KEY = "folder";

    private static final String PREFERENCES_BUNDLE = "org.eclipse.equinox.preferences";
    /** Where Eclipse keeps the instance scope node {@link #PREFERENCE_NODE}, relative to the instance area. */
    private static final String PREFERENCE_FILE = ".metadata/.plugins/org.eclipse.core.runtime/.settings/"
            + PREFERENCE_NODE + ".prefs";

    /** Who chose the folder. */
    public enum Source {
        /** The system property {@value DropinsFolder#PROPERTY}. */
        SYSTEM_PROPERTY("system property " + PROPERTY),
        /** The preference "Extensions folder". */
        PREFERENCE("preference Extensions folder"),
        /** Neither: {@code dropins} in the installation folder. */
        INSTALLATION("installation default"),
        /** Given by the program (e.g. a test) to {@link DropinsInstaller#DropinsInstaller(BundleContext, Path)}. */
        GIVEN("given by the program");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        /** E.g. {@code system property radflow.dropins}, for messages. */
        public String label() {
            return label;
        }
    }

    public DropinsFolder {
        path = path.toAbsolutePath().normalize();
    }

    /**
     * The folder chosen by {@code property} (the system property), else {@code preference}, else {@code dropins} in
     * {@code installArea} (the {@code osgi.install.area} URL), else {@code dropins} in the working directory. Blank
     * values count as not set.
     *
     * @throws IllegalArgumentException when the property or preference is not a valid path, naming it
     */
    public static DropinsFolder resolve(String property, String preference, String installArea) {
        if (property != null && !property.isBlank()) {
            return new DropinsFolder(path(property, Source.SYSTEM_PROPERTY), Source.SYSTEM_PROPERTY);
        }
        if (preference != null && !preference.isBlank()) {
            return new DropinsFolder(path(preference, Source.PREFERENCE), Source.PREFERENCE);
        }
        if (installArea != null) {
            try {
                return new DropinsFolder(Path.of(URI.create(installArea.replace(" ", "%20"))).resolve("dropins"),
                        Source.INSTALLATION);
            } catch (IllegalArgumentException e) {
                // not a file URL: fall through
            }
        }
        return new DropinsFolder(Path.of("dropins"), Source.INSTALLATION);
    }

    /**
     * The folder of this framework now: system property and install area of {@code context}, preference from the
     * instance scope (not set when the instance area is {@code @none} or cannot be read).
     */
    public static DropinsFolder configured(BundleContext context) {
        return resolve(context.getProperty(PROPERTY), preference(context), context.getProperty("osgi.install.area"));
    }

    /**
     * The "Extensions folder" preference, or {@code null} when it is not set or there is no instance area. Once the
     * preference service runs it is asked; before (the dropins are installed at start level 3, and touching the
     * preference classes then would break them for the whole session) the preference file of the instance area is
     * read, {@code .metadata/.plugins/org.eclipse.core.runtime/.settings/io.radflow.dropins.prefs}.
     */
    public static String preference(BundleContext context) {
        String value;
        try {
            value = preferencesRunning(context) ? InstanceScope.INSTANCE.getNode(PREFERENCE_NODE).get(PREFERENCE_KEY,
                    null) : preferenceFile(context);
        } catch (RuntimeException | LinkageError e) {
            return null; // no instance location or preferences not usable: as if not set
        }
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static boolean preferencesRunning(BundleContext context) {
        for (Bundle bundle : context.getBundles()) {
            if (PREFERENCES_BUNDLE.equals(bundle.getSymbolicName())) {
                return bundle.getState() == Bundle.ACTIVE;
            }
        }
        return false;
    }

    private static String preferenceFile(BundleContext context) {
        Collection<ServiceReference<Location>> references;
        try {
            references = context.getServiceReferences(Location.class, Location.INSTANCE_FILTER);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        for (ServiceReference<Location> reference : references) {
            Location location = context.getService(reference);
            try {
                if (location == null || !location.isSet() || location.getURL() == null
                        || !"file".equals(location.getURL().getProtocol())) {
                    continue;
                }
                return preferenceFile(Path.of(location.getURL().getPath()));
            } finally {
                context.ungetService(reference);
            }
        }
        return null;
    }

    /** The preference as stored in the instance area {@code instanceArea}, or {@code null}. */
    static String preferenceFile(Path instanceArea) {
        Path file = instanceArea.resolve(PREFERENCE_FILE);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException e) {
            return null;
        }
        return properties.getProperty(PREFERENCE_KEY);
    }

    /**
     * Whether someone chose this folder on purpose (system property or preference): then a missing folder is a
     * problem to report; the installation's {@code dropins} folder (and a given one) need not exist.
     */
    public boolean chosen() {
        return source == Source.SYSTEM_PROPERTY || source == Source.PREFERENCE;
    }

    /** E.g. {@code /lab/extensions (preference Extensions folder)}. */
    public String describe() {
        return path + " (" + source.label() + ")";
    }

    private static Path path(String value, Source source) {
        try {
            return Path.of(value.trim());
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("the dropins folder of the " + source.label() + " is not a valid path: '"
                    + value + "' (" + e.getReason() + ")", e);
        }
    }
}
