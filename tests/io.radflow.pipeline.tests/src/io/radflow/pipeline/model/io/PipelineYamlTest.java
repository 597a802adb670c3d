package io.radflow.pipeline.model.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.pipeline.model.Node;
import io.radflow.pipeline.model.Parameter;
import io.radflow.pipeline.model.Pipeline;

import java.io.IOException;
import java.util.List;

import org.eclipse.emf.ecore.util.EcoreUtil;
import org.junit.jupiter.api.Test;

class PipelineYamlTest {

    @Test
    void xmiToYamlToXmiIsLossless() throws IOException {
        Pipeline original = TestPipelines.everything();
        Pipeline fromXmi = PipelineFiles.fromXmiString(PipelineFiles.toXmiString(original), "memory.radflow");
        String yaml = PipelineYaml.toYaml(fromXmi);
        Pipeline back = PipelineYaml.fromYaml(yaml, "memory.yaml");
        assertTrue(EcoreUtil.equals(fromXmi, back), () -> "YAML round trip changed the pipeline:\n" + yaml);
        assertEquals(PipelineFiles.toXmiString(original), PipelineFiles.toXmiString(back));
        // the YAML text itself is stable
        assertEquals(yaml, PipelineYaml.toYaml(back));
    }

    @Test
    void everyTrickyValueSurvivesExactly() throws IOException {
        Pipeline back = PipelineYaml.fromYaml(PipelineYaml.toYaml(TestPipelines.everything()), "t.yaml");
        Node tricky = back.getNodes().get(2);
        for (int i = 0; i < TestPipelines.TRICKY_VALUES.length; i++) {
            Parameter parameter = tricky.getParameters().get(i);
            assertEquals("p" + i, parameter.getKey());
            assertEquals(TestPipelines.TRICKY_VALUES[i], parameter.getValue(), "value of p" + i);
        }
        Parameter nullValue = tricky.getParameters().get(TestPipelines.TRICKY_VALUES.length);
        assertEquals("nullValue", nullValue.getKey());
        assertNull(nullValue.getValue());
        assertEquals("", back.getNodes().get(1).getLabel());
        assertNull(back.getNodes().get(1).getTypeVersion());
        assertEquals(-40, back.getNodes().get(0).getX());
    }

    @Test
    void layoutIsTheReadableOne() {
        Pipeline pipeline = PipelineBuilder.pipeline("Demo").description("Two steps")
                .node("firstorder", "radflow.features.firstOrder", "1.0.0").label("First order").at(200, 40)
                .param("binWidth", "25").param("label", "2")
                .output("features", "radflow.table")
                .node("cox", "radflow.stats.univariateCox", "1.0.0").label("Univariate Cox").at(420, 80)
                .param("time", "time_months").param("ties", "efron")
                .input("features", "radflow.table").input("clinical", "radflow.table")
                .output("table", "radflow.table")
                .connect("firstorder.features", "cox.features")
                .build();
        assertEquals("""
                radflow: 1.0
                name: Demo
                description: Two steps
                nodes:
                  - id: firstorder
                    type: radflow.features.firstOrder
                    version: 1.0.0
                    label: First order
                    position: [200, 40]
                    parameters: {binWidth: '25', label: '2'}
                    outputs: {features: radflow.table}
                  - id: cox
                    type: radflow.stats.univariateCox
                    version: 1.0.0
                    label: Univariate Cox
                    position: [420, 80]
                    parameters: {time: time_months, ties: efron}
                    inputs: {features: radflow.table, clinical: radflow.table}
                    outputs: {table: radflow.table}
                connections:
                  - from: firstorder.features
                    to: cox.features
                """, PipelineYaml.toYaml(pipeline));
    }

    @Test
    void handWrittenNumbersStayTheStringsAsWritten() throws IOException {
        Pipeline pipeline = PipelineYaml.fromYaml("""
                radflow: 1.0
                nodes:
                  - id: f
                    type: radflow.features.firstOrder
                    parameters: {binWidth: 25.0, label: 2, force2D: yes, empty: , quoted: "25"}
                """, "hand.yaml");
        List<Parameter> parameters = pipeline.getNodes().get(0).getParameters();
        assertEquals("25.0", parameters.get(0).getValue());
        assertEquals("2", parameters.get(1).getValue());
        assertEquals("yes", parameters.get(2).getValue());
        assertNull(parameters.get(3).getValue());
        assertEquals("25", parameters.get(4).getValue());
        assertEquals("1.0", pipeline.getFormatVersion());
        assertEquals(0, pipeline.getNodes().get(0).getX());
    }

    @Test
    void ambiguousEndpointsUseTheMappingForm() throws IOException {
        Pipeline pipeline = TestPipelines.everything();
        String yaml = PipelineYaml.toYaml(pipeline);
        assertTrue(yaml.contains("from: {node: reader, port: v2.cohort}"), yaml);
        assertTrue(yaml.contains("from: reader.v2.cohort.main"), yaml);
        Pipeline back = PipelineYaml.fromYaml(yaml, "x.yaml");
        assertSame(back.getNodes().get(1), back.getConnections().get(5).getSource());
        assertEquals("v2.cohort", back.getConnections().get(5).getSourcePort());
    }

    @Test
    void unknownKeyNamesSourceLineAndEntry() {
        PipelineFormatException e = assertThrows(PipelineFormatException.class, () -> PipelineYaml.fromYaml("""
                radflow: 1.0
                nodes:
                  - id: a
                    type: t
                  - id: cox
                    type: radflow.stats.univariateCox
                    colour: red
                """, "demo.yaml"));
        assertEquals("demo.yaml:7:5: nodes[1] (id 'cox'): unknown key 'colour'; expected one of id, type, version, "
                + "label, position, parameters, inputs, outputs", e.getMessage());
        assertEquals(7, e.getLine());
    }

    @Test
    void connectionToUnknownNodeIsNamed() {
        PipelineFormatException e = assertThrows(PipelineFormatException.class, () -> PipelineYaml.fromYaml("""
                radflow: 1.0
                nodes:
                  - id: a
                    type: t
                connections:
                  - from: a.out
                    to: b.in
                """, "c.yaml"));
        assertEquals("c.yaml:7:9: connections[0].to: 'b.in' names an unknown node 'b' (nodes: a)", e.getMessage());
    }

    @Test
    void missingIdIsNamed() {
        PipelineFormatException e = assertThrows(PipelineFormatException.class, () -> PipelineYaml.fromYaml("""
                radflow: 1.0
                nodes:
                  - id: a
                    type: t
                  - type: radflow.stats.cutpoint
                """, "m.yaml"));
        assertEquals("m.yaml:5:5: nodes[1]: missing id", e.getMessage());
    }

    @Test
    void duplicateNodeIdIsNamed() {
        PipelineFormatException e = assertThrows(PipelineFormatException.class, () -> PipelineYaml.fromYaml("""
                radflow: 1.0
                nodes:
                  - id: a
                  - id: a
                """, "d.yaml"));
        assertEquals("d.yaml:4:9: nodes[1] (id 'a'): duplicate node id, first used at line 3", e.getMessage());
    }

    @Test
    void malformedYamlNamesSourceAndLine() {
        PipelineFormatException e = assertThrows(PipelineFormatException.class, () -> PipelineYaml.fromYaml("""
                radflow: 1.0
                nodes:
                  - id: a
                    parameters: {x: 1, y: 2
                  - id: b
                """, "bad.yaml"));
        assertTrue(e.getMessage().startsWith("bad.yaml:5:"), e.getMessage());
        assertTrue(e.getMessage().contains("malformed YAML"), e.getMessage());
    }

    @Test
    void wrongShapesAndVersionsAreRejected() {
        assertMessage("v.yaml:1:10: radflow: unsupported format version '2.0'; this reader understands 1.x",
                "radflow: 2.0\n");
        assertMessage("v.yaml:1:1: pipeline: missing 'radflow: 1.0' (format version)", "name: x\n");
        assertMessage("v.yaml:2:8: nodes: expected a list, found a mapping", "radflow: 1.0\nnodes: {a: b}\n");
        assertMessage("v.yaml:2:27: nodes[0] (id 'a').position: expected [x, y], found 3 values",
                "radflow: 1.0\nnodes: [{id: a, position: [1, 2, 3]}]\n");
        assertMessage("v.yaml:2:28: nodes[0] (id 'a').position x: expected an integer, found '1.5'",
                "radflow: 1.0\nnodes: [{id: a, position: [1.5, 2]}]\n");
        assertMessage("v.yaml:2:36: nodes[0] (id 'a').parameters: duplicate key 'k', first at line 2",
                "radflow: 1.0\nnodes: [{id: a, parameters: {k: 1, k: 2}}]\n");
        assertMessage("v.yaml:4:5: connections[0]: missing 'to' (node.port)",
                "radflow: 1.0\nnodes: [{id: a}]\nconnections:\n  - {from: a.b}\n");
        assertMessage("v.yaml: empty document, expected a pipeline (radflow: 1.0, nodes: ...)", "");
    }

    @Test
    void writerRefusesWhatItCannotWriteUnambiguously() {
        Pipeline pipeline = TestPipelines.everything();
        pipeline.getNodes().get(1).setId("tricky");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PipelineYaml.toYaml(pipeline));
        assertEquals("nodes[2]: duplicate node id 'tricky'", e.getMessage());
    }

    private static void assertMessage(String expected, String yaml) {
        PipelineFormatException e = assertThrows(PipelineFormatException.class, () -> PipelineYaml.fromYaml(yaml, "v.yaml"));
        assertEquals(expected, e.getMessage());
    }
}
