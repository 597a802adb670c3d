package io.radflow.extensions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.cli.PyRadiomicsExchange;
import io.radflow.cli.RadflowCli;
import io.radflow.features.extraction.ExtractionParameters;
import io.radflow.pipeline.engine.NodeTypeRegistry;
import io.radflow.pipeline.model.Node;
import io.radflow.pipeline.model.Pipeline;
import io.radflow.pipeline.model.io.PipelineBuilder;
import io.radflow.pipeline.model.io.PipelineFiles;
import io.radflow.pipeline.model.io.PipelineYaml;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pipeline exchange: every example pipeline round-trips through YAML and XMI byte for byte; the extraction part
 * goes to a PyRadiomics parameter file and back (PyRadiomics' own example file imports).
 */
class ExchangeTest {

    private final NodeTypeRegistry registry = NodeTypeRegistry.fromPlatform();

    @TempDir
    Path temp;

    static Path repo() {
        return Path.of(System.getProperty("radflow.repo.root", "../.."));
    }

    static List<Path> examples() throws Exception {
        try (Stream<Path> files = Files.walk(repo().resolve("examples"))) {
            return files.filter(f -> f.toString().endsWith(".radflow") && !f.toString().contains("/target/"))
                    .sorted().toList();
        }
    }

    @Test
    void everyExamplePipelineRoundTripsThroughYamlAndXmiUnchanged() throws Exception {
        List<Path> examples = examples();
        assertFalse(examples.isEmpty());
        for (Path example : examples) {
            String xmi = Files.readString(example, StandardCharsets.UTF_8);
            Pipeline original = PipelineFiles.load(example);
            Path yamlFile = temp.resolve(example.getFileName() + ".yaml");
            PipelineFiles.save(original, yamlFile);
            String yaml = Files.readString(yamlFile, StandardCharsets.UTF_8);
            Path back = temp.resolve("back-" + example.getFileName());
            PipelineFiles.save(PipelineFiles.load(yamlFile), back);
            assertEquals(xmi, Files.readString(back, StandardCharsets.UTF_8), example + ": XMI -> YAML -> XMI");
            assertEquals(yaml, PipelineYaml.toYaml(PipelineYaml.fromYaml(yaml, yamlFile.toString())),
                    example + ": YAML -> YAML");
        }
    }

    @Test
    void pyradiomicsExampleParameterFileImportsAndExportsItsSettings() throws Exception {
        Path params = Path.of(System.getProperty("radflow.shared.data"), "pyradiomics", "Params.yaml");
        ExtractionParameters file = ExtractionParameters.read(params);
        PyRadiomicsExchange exchange = new PyRadiomicsExchange(registry);
        PyRadiomicsExchange.Imported imported = exchange.importParameters(file, "Params", "cohort.csv");
        Pipeline pipeline = imported.pipeline();
        assertEquals(List.of("cohort", "shape", "firstorder", "glcm", "glrlm", "glszm", "gldm"),
                pipeline.getNodes().stream().map(Node::getId).toList());
        assertEquals(6, pipeline.getConnections().size());
        Node firstorder = pipeline.getNodes().get(2);
        assertEquals("radflow.features.firstOrder", firstorder.getTypeId());
        assertEquals(Map.of("binWidth", "25", "label", "1"), Map.of("binWidth", param(firstorder, "binWidth"),
                "label", param(firstorder, "label")));
        String notes = String.join("\n", imported.notes());
        assertTrue(notes.contains("featureClass glcm: the node computes all features, not only [Autocorrelation"), notes);
        assertTrue(notes.contains("settings used by no imported node: interpolator"), notes);
        assertTrue(new io.radflow.pipeline.engine.PipelineValidator(registry).validate(pipeline).stream()
                .noneMatch(p -> p.isError()), "the imported fragment validates");

        ExtractionParameters exported = exchange.export(pipeline);
        assertEquals(List.of("shape", "firstorder", "glcm", "glrlm", "glszm", "gldm"),
                List.copyOf(exported.featureClasses().keySet()));
        assertEquals(25.0, ((Number) exported.settings().get("binWidth")).doubleValue(), 0);
        assertEquals(1, ((Number) exported.settings().get("label")).intValue());
        assertEquals(Map.of("Original", Map.of()), exported.imageTypes());
        // the written file reads back to the same content
        Path written = temp.resolve("params.yaml");
        exported.write(written);
        assertEquals(exported, ExtractionParameters.read(written));
    }

    private static String param(Node node, String key) {
        return node.getParameters().stream().filter(p -> p.getKey().equals(key)).findFirst().orElseThrow().getValue();
    }

    @Test
    void conflictingSettingsAndFilteredImagesCannotBeExported() {
        Pipeline conflicting = PipelineBuilder.pipeline("p")
                .node("fo", "radflow.features.firstOrder", "1.0.0").param("binWidth", "25")
                .node("glcm", "radflow.features.glcm", "1.0.0").param("binWidth", "10").build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PyRadiomicsExchange(registry).export(conflicting));
        assertEquals("setting 'binWidth' is 25.0 in node 'fo' but 10.0 in node 'glcm'; a PyRadiomics parameter file "
                + "holds one value per setting", e.getMessage());
        Pipeline none = PipelineBuilder.pipeline("stats").node("km", "radflow.stats.kaplanMeier", "1.0.0").build();
        assertEquals("pipeline 'stats' has no feature node to export",
                assertThrows(IllegalArgumentException.class, () -> new PyRadiomicsExchange(registry).export(none))
                        .getMessage());
    }

    @Test
    void cliExportsAndImportsPyRadiomicsParameters() throws Exception {
        Path example = repo().resolve("examples/demo.radflow");
        Path params = temp.resolve("demo-params.yaml");
        assertEquals(0, cli("export", example.toString(), "--format", "pyradiomics", "-o", params.toString()));
        ExtractionParameters read = ExtractionParameters.read(params);
        assertEquals(List.of("firstorder"), List.copyOf(read.featureClasses().keySet()));
        Path imported = temp.resolve("imported.radflow");
        assertEquals(0, cli("import", params.toString(), "--format", "pyradiomics", "-o", imported.toString(),
                "--manifest", "builtin:demo"));
        Pipeline pipeline = PipelineFiles.load(imported);
        assertEquals(List.of("radflow.io.cohort", "radflow.features.firstOrder"),
                pipeline.getNodes().stream().map(Node::getTypeId).toList());
        assertEquals(read, new PyRadiomicsExchange(registry).export(pipeline), "export -> import -> export");
    }

    int cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = RadflowCli.execute(args, () -> registry, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        lastOut = out.toString(StandardCharsets.UTF_8);
        lastErr = err.toString(StandardCharsets.UTF_8);
        return code;
    }

    String lastOut = "";
    String lastErr = "";
}
