package io.radflow.dropins;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Writes small bundle jars for the dropins tests, with node classes copied from this test fragment. */
final class TestJars {

    static final String NODE_PACKAGE = "io.radflow.dropins.fixtures";

    private TestJars() {
    }

    /** A bundle jar with {@code headers} (Bundle-SymbolicName ...), a plugin.xml and the given fixture classes. */
    static Path bundle(Path file, Map<String, String> headers, String pluginXml, Class<?>... classes) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        headers.forEach((k, v) -> main.put(new Attributes.Name(k), v));
        Map<String, byte[]> entries = new LinkedHashMap<>();
        if (pluginXml != null) {
            entries.put("plugin.xml", pluginXml.getBytes(StandardCharsets.UTF_8));
        }
        for (Class<?> type : classes) {
            String name = type.getName().replace('.', '/') + ".class";
            try (InputStream in = type.getClassLoader().getResourceAsStream(name)) {
                entries.put(name, in.readAllBytes());
            }
        }
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                jar.putNextEntry(new JarEntry(entry.getKey()));
                jar.write(entry.getValue());
                jar.closeEntry();
            }
        }
        return file;
    }

    /** The usual headers of a node bundle: singleton, version, imports of the core API packages. */
    static Map<String, String> headers(String symbolicName, String version, String extraImports) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Bundle-ManifestVersion", "2");
        headers.put("Bundle-SymbolicName", symbolicName + ";singleton:=true");
        headers.put("Bundle-Version", version);
        headers.put("Import-Package", "io.radflow.core.data,io.radflow.core.node,io.radflow.core.port"
                + (extraImports == null ? "" : "," + extraImports));
        return headers;
    }

    /** A plugin.xml with one node type (no inputs, output {@code out} of type radflow.table, parameter value). */
    static String plugin(String nodeId, String version, Class<?> implementation) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <?eclipse version="3.4"?>
                <plugin>
                   <extension point="io.radflow.pipeline.engine.nodes">
                      <node id="%s" version="%s" label="Test dropin node" category="Test/Dropins" class="%s">
                         <output name="out" type="radflow.table" label="Out"/>
                         <parameter key="value" type="double" default="1" required="true" label="Value"/>
                      </node>
                   </extension>
                </plugin>
                """.formatted(nodeId, version, implementation.getName());
    }
}
