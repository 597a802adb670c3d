package io.radflow.ui;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import org.eclipse.core.runtime.FileLocator;
import org.eclipse.core.runtime.Platform;
import org.osgi.framework.Bundle;

/**
 * Builds the jar of {@code examples/extension-sample} the way its Maven build does (its sources compiled against
 * Radflow's API bundles, its {@code META-INF/MANIFEST.MF}, {@code plugin.xml} and service file), with the JDK's
 * compiler and the API bundles of the running test framework, so that a UI test can drop it in.
 */
final class ExtensionSampleJar {

    /** The bundles the sample imports packages from (its MANIFEST). */
    private static final List<String> API_BUNDLES = List.of("io.radflow.core", "io.radflow.image", "io.radflow.features");

    private ExtensionSampleJar() {
    }

    static Path sampleFolder() {
        return Path.of(System.getProperty("radflow.repo.root", "../..")).resolve("examples/extension-sample");
    }

    /** Compiles the sample into {@code work} and writes its bundle jar to {@code jar}. */
    static Path build(Path work, Path jar) throws IOException {
        Path sample = sampleFolder();
        Path classes = Files.createDirectories(work.resolve("classes"));
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertNotNull(compiler, "the UI tests need a JDK (javax.tools compiler) to build the extension sample");
        List<String> classpath = new ArrayList<>();
        for (String name : API_BUNDLES) {
            Bundle bundle = Platform.getBundle(name);
            assertNotNull(bundle, name + " in the test runtime");
            File file = FileLocator.getBundleFile(bundle);
            File classesFolder = new File(file, "target/classes"); // a reactor project folder
            classpath.add((classesFolder.isDirectory() ? classesFolder : file).getAbsolutePath());
        }
        List<File> sources;
        try (Stream<Path> files = Files.walk(sample.resolve("src/main/java"))) {
            sources = files.filter(f -> f.toString().endsWith(".java")).map(Path::toFile).toList();
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, null)) {
            boolean compiled = compiler.getTask(null, files, diagnostics, List.of("--release", "17", "-d",
                    classes.toString(), "-classpath", String.join(File.pathSeparator, classpath)), null,
                    files.getJavaFileObjectsFromFiles(sources)).call();
            assertTrue(compiled, "the extension sample compiles against " + classpath + ": "
                    + diagnostics.getDiagnostics());
        }
        Manifest manifest;
        try (InputStream in = Files.newInputStream(sample.resolve("META-INF/MANIFEST.MF"))) {
            manifest = new Manifest(in);
        }
        Files.createDirectories(jar.getParent());
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out, manifest)) {
            add(zip, classes);
            add(zip, sample.resolve("src/main/resources"));
        }
        return jar;
    }

    private static void add(JarOutputStream zip, Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new JarEntry(root.relativize(file).toString().replace(File.separatorChar, '/')));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
    }
}
