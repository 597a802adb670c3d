package io.radflow.extensions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.eclipse.core.runtime.Platform;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

/**
 * The API baseline check. Every package a Radflow bundle exports is either API (with a version) or marked
 * {@code x-internal:=true}. The public and protected types and members of the API packages are compared with the
 * committed snapshot {@code api/<bundle>.api.txt}: a removed or changed member, or a new abstract method in an
 * existing type (which breaks implementors), fails the build; additions pass and are listed in
 * {@code ${radflow.test.output}/api-changes.md}. After a deliberate change (a release), regenerate the snapshot with
 * {@code scripts/api-update.sh} (system property {@code radflow.api.update=true}), which rewrites the snapshot of every
 * bundle with API packages in one run. An API bundle without a snapshot, or missing from this fragment's
 * Require-Bundle (so the check cannot load it), fails the build too.
 */
class ApiBaselineTest {

    private static final boolean UPDATE = Boolean.getBoolean("radflow.api.update");

    record Export(String packageName, String version, boolean internal) {
    }

    /** The exported packages of a MANIFEST.MF, in file order. */
    static List<Export> exports(Path manifestFile) throws IOException {
        Manifest manifest;
        try (var in = Files.newInputStream(manifestFile)) {
            manifest = new Manifest(in);
        }
        String header = manifest.getMainAttributes().getValue("Export-Package");
        List<Export> exports = new ArrayList<>();
        if (header == null) {
            return exports;
        }
        for (String clause : header.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
            String[] parts = clause.trim().split(";");
            String version = null;
            boolean internal = false;
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i].trim().replace(" ", "");
                if (p.startsWith("version=")) {
                    version = p.substring("version=".length()).replace("\"", "");
                } else if (p.equals("x-internal:=true")) {
                    internal = true;
                }
            }
            exports.add(new Export(parts[0].trim(), version, internal));
        }
        return exports;
    }

    static Map<String, List<Export>> bundleExports() throws IOException {
        Map<String, List<Export>> byBundle = new TreeMap<>();
        try (Stream<Path> dirs = Files.list(ExchangeTest.repo().resolve("bundles"))) {
            for (Path dir : dirs.sorted().toList()) {
                Path manifest = dir.resolve("META-INF/MANIFEST.MF");
                if (Files.isRegularFile(manifest)) {
                    byBundle.put(dir.getFileName().toString(), exports(manifest));
                }
            }
        }
        return byBundle;
    }

    @Test
    void everyExportedPackageIsVersionedApiOrInternal() throws IOException {
        List<String> problems = new ArrayList<>();
        bundleExports().forEach((bundle, exports) -> exports.stream()
                .filter(e -> !e.internal() && e.version() == null)
                .forEach(e -> problems.add(bundle + ": " + e.packageName() + " has neither a version nor x-internal:=true")));
        assertEquals(List.of(), problems);
    }

    @Test
    void apiMatchesTheCommittedBaseline() throws Exception {
        Path apiFolder = ExchangeTest.repo().resolve("api");
        List<String> incompatible = new ArrayList<>();
        StringBuilder report = new StringBuilder("# API changes against the committed baseline (api/)\n\n");
        int additions = 0;
        for (Map.Entry<String, List<Export>> entry : bundleExports().entrySet()) {
            String name = entry.getKey();
            List<String> packages = entry.getValue().stream().filter(e -> !e.internal()).map(Export::packageName).toList();
            if (packages.isEmpty()) {
                if (UPDATE) {
                    Files.deleteIfExists(apiFolder.resolve(name + ".api.txt")); // no API any more
                }
                continue;
            }
            Bundle bundle = Platform.getBundle(name);
            if (bundle == null) {
                // an API bundle the check cannot see would silently escape it: Require-Bundle it in this fragment
                incompatible.add(name + ": exports API packages but is not in the test runtime (add it to "
                        + "Require-Bundle of io.radflow.extensions.tests)");
                continue;
            }
            Map<String, Set<String>> current = signatures(bundle, packages);
            Path file = apiFolder.resolve(name + ".api.txt");
            if (UPDATE) {
                Files.createDirectories(apiFolder);
                Files.writeString(file, format(name, current), StandardCharsets.UTF_8);
                continue;
            }
            if (!Files.isRegularFile(file)) {
                incompatible.add(name + ": exports API packages but has no snapshot " + apiFolder.relativize(file)
                        + " (scripts/api-update.sh writes it)");
                continue;
            }
            additions += compare(name, parse(Files.readAllLines(file)), current, incompatible, report);
        }
        report.append("\n").append(additions).append(" addition(s), ").append(incompatible.size())
                .append(" incompatible change(s)\n");
        incompatible.forEach(i -> report.append("- INCOMPATIBLE: ").append(i).append('\n'));
        Path output = Path.of(System.getProperty("radflow.test.output", "target/test-output"));
        Files.createDirectories(output);
        Files.writeString(output.resolve("api-changes.md"), report.toString(), StandardCharsets.UTF_8);
        if (!incompatible.isEmpty()) {
            fail(incompatible.size() + " incompatible API change(s) against api/*.api.txt (after a deliberate release: "
                    + "scripts/api-update.sh):\n" + String.join("\n", incompatible));
        }
    }

    /** Every bundle that exports a package without x-internal is compared: it has a snapshot in {@code api/}. */
    @Test
    void everyApiBundleHasASnapshot() throws IOException {
        if (UPDATE) {
            return; // scripts/api-update.sh is writing the snapshots
        }
        Path apiFolder = ExchangeTest.repo().resolve("api");
        List<String> missing = new ArrayList<>();
        bundleExports().forEach((bundle, exports) -> {
            if (exports.stream().anyMatch(e -> !e.internal()) && !Files.isRegularFile(apiFolder.resolve(bundle
                    + ".api.txt"))) {
                missing.add(bundle);
            }
        });
        assertEquals(List.of(), missing, "API bundles without api/<bundle>.api.txt");
    }

    /** The comparison itself: removals, changed signatures and new abstract methods fail; additions pass. */
    @Test
    void incompatibleChangesAreFoundAndAdditionsPass() throws Exception {
        Map<String, Set<String>> current = signatures(Platform.getBundle("io.radflow.core"), List.of("io.radflow.core.node"));
        String header = current.keySet().stream().filter(t -> t.startsWith("io.radflow.core.node.NodeImplementation "))
                .findFirst().orElseThrow();
        String execute = current.get(header).stream().filter(m -> m.contains(".execute(")).findFirst().orElseThrow();
        String validate = current.get(header).stream().filter(m -> m.contains(".validate(")).findFirst().orElseThrow();

        List<String> incompatible = new ArrayList<>();
        assertEquals(0, compare("io.radflow.core", current, current, incompatible, new StringBuilder()));
        assertEquals(List.of(), incompatible);

        // a baseline with a member the bundle no longer has (a removed or changed method)
        Map<String, Set<String>> baseline = copy(current);
        baseline.get(header).add("  method public abstract void io.radflow.core.node.NodeImplementation.gone()");
        compare("io.radflow.core", baseline, current, incompatible, new StringBuilder());
        assertEquals(List.of("io.radflow.core: in " + header + ": member removed or changed: "
                + "  method public abstract void io.radflow.core.node.NodeImplementation.gone()"), incompatible);

        // a baseline without the abstract execute: today's execute is a new abstract method that breaks implementors
        incompatible.clear();
        baseline = copy(current);
        baseline.get(header).remove(execute);
        compare("io.radflow.core", baseline, current, incompatible, new StringBuilder());
        assertEquals(1, incompatible.size(), incompatible.toString());
        assertTrue(incompatible.get(0).contains("new abstract member breaks implementations"), incompatible.toString());

        // a baseline without the default validate: an addition, reported and compatible
        incompatible.clear();
        baseline = copy(current);
        baseline.get(header).remove(validate);
        StringBuilder report = new StringBuilder();
        assertEquals(1, compare("io.radflow.core", baseline, current, incompatible, report));
        assertEquals(List.of(), incompatible);
        assertTrue(report.toString().contains("validate("), report.toString());

        // a type of the baseline that no longer exists
        baseline = copy(current);
        baseline.put("io.radflow.core.node.Removed : public final class", new LinkedHashSet<>());
        compare("io.radflow.core", baseline, current, incompatible, new StringBuilder());
        assertEquals(List.of("io.radflow.core: type removed: io.radflow.core.node.Removed : public final class"),
                incompatible);
    }

    private static Map<String, Set<String>> copy(Map<String, Set<String>> types) {
        Map<String, Set<String>> copy = new TreeMap<>();
        types.forEach((type, members) -> copy.put(type, new TreeSet<>(members)));
        return copy;
    }

    /**
     * Compares one bundle's {@code current} signatures with its {@code baseline}: adds each incompatible change to
     * {@code incompatible}, lists each addition in {@code report} and returns the number of additions.
     */
    static int compare(String name, Map<String, Set<String>> baseline, Map<String, Set<String>> current,
            List<String> incompatible, StringBuilder report) {
        int additions = 0;
        Map<String, String> currentHeaders = headersByName(current.keySet());
        for (Map.Entry<String, Set<String>> type : baseline.entrySet()) {
            String header = currentHeaders.get(typeName(type.getKey()));
            if (header == null) {
                incompatible.add(name + ": type removed: " + type.getKey());
                continue;
            }
            String change = headerChange(type.getKey(), header);
            if (change != null) {
                incompatible.add(name + ": " + change);
            }
            Set<String> now = current.get(header);
            for (String member : type.getValue()) {
                if (!now.contains(member)) {
                    incompatible.add(name + ": in " + type.getKey() + ": member removed or changed: " + member);
                }
            }
        }
        Map<String, String> baselineHeaders = headersByName(baseline.keySet());
        for (Map.Entry<String, Set<String>> type : current.entrySet()) {
            String oldHeader = baselineHeaders.get(typeName(type.getKey()));
            Set<String> before = oldHeader == null ? null : baseline.get(oldHeader);
            if (before == null) {
                report.append("- ").append(name).append(": new type `").append(type.getKey()).append("`\n");
                additions++;
                continue;
            }
            for (String member : type.getValue()) {
                if (!before.contains(member)) {
                    if (member.contains(" abstract ")) {
                        incompatible.add(name + ": in " + type.getKey() + ": new abstract member breaks "
                                + "implementations: " + member);
                    } else {
                        report.append("- ").append(name).append(": in `").append(type.getKey())
                                .append("`: new `").append(member.trim()).append("`\n");
                        additions++;
                    }
                }
            }
        }
        return additions;
    }

    @Test
    void headerChangesAreJudgedBySupertypesAndModifiers() {
        String before = "a.B : public class extends a.Base implements a.I<java.lang.String, a.X>, a.J";
        assertEquals(null, headerChange(before, before + ", a.K"));
        assertEquals("type changed from 'a.B : public class' to 'a.B : public final class'",
                headerChange(before, "a.B : public final class extends a.Base implements a.I<java.lang.String, a.X>, a.J"));
        assertEquals("a.B no longer extends or implements [a.J]",
                headerChange(before, "a.B : public class extends a.Base implements a.I<java.lang.String, a.X>"));
    }

    @Test
    void signaturesNameModifiersAndGenericTypes() throws Exception {
        Map<String, Set<String>> core = signatures(Platform.getBundle("io.radflow.core"), List.of("io.radflow.core.node"));
        String type = core.keySet().stream().filter(t -> t.startsWith("io.radflow.core.node.NodeImplementation "))
                .findFirst().orElseThrow();
        assertEquals("io.radflow.core.node.NodeImplementation : public abstract interface", type);
        assertTrue(core.get(type).contains("  method public abstract java.util.Map<java.lang.String, "
                + "io.radflow.core.port.PortObject> io.radflow.core.node.NodeImplementation.execute("
                + "io.radflow.core.node.NodeInputs,io.radflow.core.node.Parameters,io.radflow.core.node.ExecutionContext)"
                + " throws io.radflow.core.node.NodeExecutionException,io.radflow.core.node.CanceledExecutionException"),
                core.get(type).toString());
        assertTrue(core.get(type).contains("  method public default void io.radflow.core.node.NodeImplementation"
                + ".validate(io.radflow.core.node.Parameters)"), core.get(type).toString());
    }

    /** Type header line to its member lines, for the public types of {@code packages} in {@code bundle} itself. */
    static Map<String, Set<String>> signatures(Bundle bundle, List<String> packages) throws ClassNotFoundException {
        Map<String, Set<String>> types = new TreeMap<>();
        for (String pkg : packages) {
            String path = "/" + pkg.replace('.', '/');
            Enumeration<URL> entries = bundle.findEntries(path, "*.class", false);
            for (URL url : entries == null ? Collections.<URL>emptyList() : Collections.list(entries)) {
                String entry = url.getPath();
                if (bundle.getEntry(entry) == null) {
                    continue; // a class of a fragment (e.g. a test fragment), not of the bundle
                }
                String className = entry.substring(1, entry.length() - ".class".length()).replace('/', '.');
                if (className.endsWith("package-info")) {
                    continue;
                }
                Class<?> type = bundle.loadClass(className);
                if (!visible(type)) {
                    continue;
                }
                Set<String> members = new TreeSet<>();
                for (Field f : type.getDeclaredFields()) {
                    if (visible(f.getModifiers()) && !f.isSynthetic()) {
                        members.add("  field " + withoutImplementationModifiers(f.toGenericString()));
                    }
                }
                for (Constructor<?> c : type.getDeclaredConstructors()) {
                    if (visible(c.getModifiers()) && !c.isSynthetic()) {
                        members.add("  constructor " + c.toGenericString());
                    }
                }
                for (Method m : type.getDeclaredMethods()) {
                    if (visible(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()) {
                        members.add("  method " + withoutImplementationModifiers(m.toGenericString()));
                    }
                }
                types.put(header(type), members);
            }
        }
        return types;
    }

    private static String header(Class<?> type) {
        String kind = type.isAnnotation() ? "@interface" : type.isInterface() ? "interface" : type.isEnum() ? "enum"
                : type.isRecord() ? "record" : "class";
        int modifiers = type.getModifiers() & (Modifier.PUBLIC | Modifier.PROTECTED | Modifier.ABSTRACT
                | Modifier.FINAL | Modifier.STATIC);
        String line = type.getName() + " : " + (Modifier.toString(modifiers) + " " + kind).trim();
        List<String> supertypes = new ArrayList<>();
        if (type.getGenericSuperclass() != null && type.getSuperclass() != Object.class && !type.isEnum()
                && !type.isRecord()) {
            supertypes.add("extends " + type.getGenericSuperclass().getTypeName());
        }
        String interfaces = Arrays.stream(type.getGenericInterfaces()).map(java.lang.reflect.Type::getTypeName)
                .sorted().collect(Collectors.joining(", "));
        if (!interfaces.isEmpty()) {
            supertypes.add((type.isInterface() ? "extends " : "implements ") + interfaces);
        }
        return supertypes.isEmpty() ? line : line + " " + String.join(" ", supertypes);
    }

    /** Drops modifiers that do not concern callers ({@code synchronized}, {@code transient}, {@code volatile}...). */
    private static String withoutImplementationModifiers(String signature) {
        return signature.replaceAll("\\b(synchronized|native|strictfp|transient|volatile) ", "");
    }

    static String typeName(String header) {
        return header.substring(0, header.indexOf(" : "));
    }

    private static Map<String, String> headersByName(Set<String> headers) {
        return headers.stream().collect(Collectors.toMap(ApiBaselineTest::typeName, h -> h));
    }

    /**
     * What makes a type's new header incompatible with its old one, or {@code null}: other modifiers or kind (e.g.
     * final added, class to interface), or a supertype dropped. New supertypes are compatible.
     */
    static String headerChange(String before, String after) {
        String[] old = before.split(" (?=extends |implements )", 2);
        String[] now = after.split(" (?=extends |implements )", 2);
        if (!old[0].equals(now[0])) {
            return "type changed from '" + old[0] + "' to '" + now[0] + "'";
        }
        Set<String> oldSupers = supertypes(old);
        Set<String> newSupers = supertypes(now);
        oldSupers.removeAll(newSupers);
        return oldSupers.isEmpty() ? null : typeName(before) + " no longer extends or implements " + oldSupers;
    }

    private static Set<String> supertypes(String[] header) {
        Set<String> supers = new TreeSet<>();
        if (header.length > 1) {
            for (String part : header[1].split("(?=extends |implements )")) {
                String list = part.replaceFirst("^(extends|implements) ", "").trim();
                // split on commas outside generic brackets
                int depth = 0;
                StringBuilder current = new StringBuilder();
                for (char c : list.toCharArray()) {
                    depth += c == '<' ? 1 : c == '>' ? -1 : 0;
                    if (c == ',' && depth == 0) {
                        supers.add(current.toString().trim());
                        current.setLength(0);
                    } else {
                        current.append(c);
                    }
                }
                if (!current.toString().isBlank()) {
                    supers.add(current.toString().trim());
                }
            }
        }
        return supers;
    }

    private static boolean visible(Class<?> type) {
        for (Class<?> t = type; t != null; t = t.getEnclosingClass()) {
            if (t.isAnonymousClass() || t.isLocalClass() || t.isSynthetic()) {
                return false;
            }
            boolean nested = t.getEnclosingClass() != null;
            if (!Modifier.isPublic(t.getModifiers()) && !(nested && Modifier.isProtected(t.getModifiers()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    static String format(String bundle, Map<String, Set<String>> types) {
        StringBuilder out = new StringBuilder();
        out.append("# Public API of ").append(bundle).append(": public and protected types and members of the packages\n")
                .append("# it exports without x-internal. Checked by ApiBaselineTest; regenerate with scripts/api-update.sh\n")
                .append("# only for a deliberate release (docs/extension-api.md).\n");
        types.forEach((type, members) -> {
            out.append(type).append('\n');
            members.forEach(m -> out.append(m).append('\n'));
        });
        return out.toString();
    }

    static Map<String, Set<String>> parse(List<String> lines) {
        Map<String, Set<String>> types = new LinkedHashMap<>();
        Set<String> members = null;
        for (String line : lines) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            if (line.startsWith("  ")) {
                if (members == null) {
                    throw new IllegalArgumentException("member before any type: " + line);
                }
                members.add(line);
            } else {
                members = new LinkedHashSet<>();
                types.put(line, members);
            }
        }
        return types;
    }
}
