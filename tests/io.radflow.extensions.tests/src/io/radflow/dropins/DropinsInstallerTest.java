package io.radflow.dropins;

import static io.radflow.dropins.TestJars.bundle;
import static io.radflow.dropins.TestJars.headers;
import static io.radflow.dropins.TestJars.plugin;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.core.data.Table;
import io.radflow.dropins.fixtures.BrokenNode;
import io.radflow.dropins.fixtures.ConstantTableNode;
import io.radflow.pipeline.engine.ExtensionProblems;
import io.radflow.pipeline.engine.NodeType;
import io.radflow.pipeline.engine.NodeTypeRegistry;
import io.radflow.pipeline.engine.PipelineExecutor;
import io.radflow.pipeline.engine.RunMonitor;
import io.radflow.pipeline.engine.RunOptions;
import io.radflow.pipeline.engine.RunResult;
import io.radflow.pipeline.engine.RunStatus;
import io.radflow.pipeline.model.Pipeline;
import io.radflow.pipeline.model.io.PipelineBuilder;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

/**
 * Installs jars from a temporary dropins folder into the running test framework: a good node bundle (installed,
 * updated without restart, removed again), and every kind of broken jar, each reported by name while the
 * installed node types stay as they were.
 */
class DropinsInstallerTest {

    private static final String GOOD_ID = "test.dropin.constant";

    @TempDir
    Path temp;

    private Path folder;
    private DropinsInstaller installer;
    private BundleContext context;

    @BeforeEach
    void start() throws Exception {
        Bundle bundle = FrameworkUtil.getBundle(DropinsInstaller.class);
        bundle.start(); // also runs the activator on the installation's (absent) dropins folder
        context = bundle.getBundleContext();
        folder = Files.createDirectories(temp.resolve("dropins"));
        installer = new DropinsInstaller(context, folder);
    }

    @AfterEach
    void removeAll() throws Exception {
        try (var files = Files.list(folder)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        installer.reload();
        assertTrue(Arrays.stream(context.getBundles())
                .noneMatch(b -> b.getLocation().startsWith(DropinsInstaller.LOCATION_PREFIX + folder.toUri())),
                "every bundle of the folder is uninstalled when its jar is gone");
    }

    private Path goodJar(String version) throws Exception {
        return bundle(folder.resolve("constant.jar"), headers("test.dropin.constant", version, null),
                plugin(GOOD_ID, version, ConstantTableNode.class), ConstantTableNode.class);
    }

    @Test
    void goodJarIsInstalledRunsIsUpdatedAndRemovedWithoutRestart() throws Exception {
        goodJar("1.0.0");
        List<Dropin> dropins = installer.reload();
        assertEquals(1, dropins.size());
        Dropin dropin = dropins.get(0);
        assertEquals(Dropin.Status.INSTALLED, dropin.status(), dropin.problems().toString());
        assertEquals(List.of(GOOD_ID), dropin.nodeTypes());
        assertEquals(List.of(), dropin.problems());
        assertEquals("test.dropin.constant 1.0.0", dropin.displayName());

        NodeTypeRegistry registry = NodeTypeRegistry.fromPlatform();
        assertEquals("1.0.0", registry.nodeType(GOOD_ID).orElseThrow().version());
        Pipeline pipeline = PipelineBuilder.pipeline("dropin").node("c", GOOD_ID, "1.0.0").param("value", "2.5")
                .output("out", "radflow.table").build();
        RunResult result = new PipelineExecutor(registry).execute(pipeline,
                new RunOptions(temp, temp.resolve("cache"), null), RunMonitor.NONE);
        assertEquals(RunStatus.SUCCEEDED, result.status());
        Table out = (Table) result.node("c").orElseThrow().outputs().get("out");
        assertArrayEquals(new double[] {2.5, 2.5, 2.5}, out.column("x").numbers(), 0);

        // a new version of the jar replaces the old bundle
        goodJar("1.1.0");
        installer.reload();
        assertEquals("1.1.0", NodeTypeRegistry.fromPlatform().nodeType(GOOD_ID).orElseThrow().version());
        assertEquals(1, Arrays.stream(context.getBundles())
                .filter(b -> "test.dropin.constant".equals(b.getSymbolicName())).count());

        // an unchanged jar is left alone
        long bundleId = bundleOf("test.dropin.constant").getBundleId();
        long modified = bundleOf("test.dropin.constant").getLastModified();
        installer.reload();
        assertEquals(modified, bundleOf("test.dropin.constant").getLastModified());
        assertEquals(bundleId, bundleOf("test.dropin.constant").getBundleId());

        Files.delete(folder.resolve("constant.jar"));
        assertEquals(List.of(), installer.reload());
        assertTrue(NodeTypeRegistry.fromPlatform().nodeType(GOOD_ID).isEmpty());
    }

    private Bundle bundleOf(String symbolicName) {
        return Arrays.stream(context.getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName())).findFirst()
                .orElseThrow();
    }

    @Test
    void brokenJarsAreReportedByNameAndDamageNothing() throws Exception {
        NodeTypeRegistry before = NodeTypeRegistry.fromPlatform();
        assertTrue(before.nodeType("radflow.features.firstOrder").isPresent());

        Files.writeString(folder.resolve("garbage.jar"), "this is not a zip file", StandardCharsets.UTF_8);
        bundle(folder.resolve("plain-library.jar"), Map.of("Implementation-Title", "a plain library"), null,
                ConstantTableNode.class);
        bundle(folder.resolve("missing-import.jar"), headers("test.dropin.missing", "1.0.0", "com.example.notthere"),
                plugin("test.dropin.missing", "1.0.0", ConstantTableNode.class), ConstantTableNode.class);
        bundle(folder.resolve("clash.jar"), headers("test.dropin.clash", "1.0.0", null),
                plugin("radflow.features.firstOrder", "9.0.0", ConstantTableNode.class), ConstantTableNode.class);
        bundle(folder.resolve("broken-factory.jar"), headers("test.dropin.broken", "1.0.0", null),
                plugin("test.dropin.broken", "1.0.0", BrokenNode.class), BrokenNode.class);
        Map<String, String> notSingleton = headers("test.dropin.nosingleton", "1.0.0", null);
        notSingleton.put("Bundle-SymbolicName", "test.dropin.nosingleton");
        bundle(folder.resolve("not-singleton.jar"), notSingleton,
                plugin("test.dropin.nosingleton", "1.0.0", ConstantTableNode.class), ConstantTableNode.class);
        goodJar("1.0.0");

        Map<String, Dropin> byJar = installer.reload().stream()
                .collect(Collectors.toMap(d -> d.jar().getFileName().toString(), d -> d));
        assertEquals(7, byJar.size());
        assertProblem(byJar.get("garbage.jar"), Dropin.Status.FAILED, "garbage.jar: not a jar (zip) file");
        assertProblem(byJar.get("plain-library.jar"), Dropin.Status.FAILED,
                "plain-library.jar: not an OSGi bundle: META-INF/MANIFEST.MF has no Bundle-SymbolicName");
        assertProblem(byJar.get("missing-import.jar"), Dropin.Status.FAILED, "com.example.notthere");
        assertProblem(byJar.get("not-singleton.jar"), Dropin.Status.FAILED, "singleton:=true");
        assertProblem(byJar.get("clash.jar"), Dropin.Status.INSTALLED,
                "node type radflow.features.firstOrder skipped: the id is already contributed by io.radflow.features");
        assertProblem(byJar.get("broken-factory.jar"), Dropin.Status.INSTALLED,
                "node type test.dropin.broken cannot be created: java.lang.IllegalStateException: broken on purpose");
        assertEquals(List.of(), byJar.get("constant.jar").problems());
        assertEquals(List.of(GOOD_ID), byJar.get("constant.jar").nodeTypes());
        assertTrue(Arrays.stream(context.getBundles()).noneMatch(b -> "test.dropin.missing".equals(b.getSymbolicName())),
                "a bundle that cannot resolve is not left installed");

        // the built-in node types are untouched: same ids, versions and contributors
        NodeTypeRegistry after = NodeTypeRegistry.fromPlatform();
        for (NodeType type : before.nodeTypes()) {
            NodeType now = after.nodeType(type.id()).orElseThrow();
            assertEquals(type.contributor() + " " + type.version(), now.contributor() + " " + now.version(), type.id());
        }
        assertFalse(after.problems().stream().anyMatch(p -> p.startsWith("io.radflow")), after.problems().toString());

        // registered as a service, the installer's problems appear among the registry's problems
        ServiceRegistration<ExtensionProblems> registration = context.registerService(ExtensionProblems.class,
                installer, null);
        try {
            String problems = String.join("\n", NodeTypeRegistry.fromPlatform().problems());
            for (String jar : List.of("garbage.jar", "plain-library.jar", "missing-import.jar", "not-singleton.jar",
                    "broken-factory.jar")) {
                assertTrue(problems.contains(jar), jar + " in\n" + problems);
            }
            assertTrue(problems.contains("test.dropin.clash 1.0.0: node type radflow.features.firstOrder skipped"),
                    problems);
        } finally {
            registration.unregister();
        }
    }

    private static void assertProblem(Dropin dropin, Dropin.Status status, String text) {
        assertEquals(status, dropin.status(), dropin.toString());
        assertTrue(dropin.problems().stream().anyMatch(p -> p.contains(text)), text + " in " + dropin.problems());
    }
}
