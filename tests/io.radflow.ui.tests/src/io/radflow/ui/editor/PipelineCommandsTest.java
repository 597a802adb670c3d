package io.radflow.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.pipeline.model.Connection;
import io.radflow.pipeline.model.Node;
import io.radflow.pipeline.model.Pipeline;
import io.radflow.pipeline.model.PipelineFactory;
import io.radflow.pipeline.model.Port;
import io.radflow.ui.diagram.Geometry.Point;

import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.command.BasicCommandStack;
import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.eclipse.emf.edit.provider.ComposedAdapterFactory;
import org.eclipse.emf.edit.provider.ReflectiveItemProviderAdapterFactory;
import org.junit.jupiter.api.Test;

/** Every editor edit as an EMF command: the rules of each edit, and undo/redo back to the same model. */
class PipelineCommandsTest {

    private final BasicCommandStack stack = new BasicCommandStack();
    private final AdapterFactoryEditingDomain domain = new AdapterFactoryEditingDomain(
            new ComposedAdapterFactory(new ReflectiveItemProviderAdapterFactory()), stack);
    private final Pipeline pipeline = PipelineFactory.eINSTANCE.createPipeline();
    private final PipelineCommands commands = new PipelineCommands(domain, pipeline, TestTypes.registry());

    private void run(Command command) {
        assertTrue(command != null && command.canExecute(), "command cannot run: " + command);
        stack.execute(command);
    }

    private List<String> ids() {
        return pipeline.getNodes().stream().map(Node::getId).toList();
    }

    private List<String> wires() {
        return pipeline.getConnections().stream().map(c -> c.getSource().getId() + "." + c.getSourcePort() + "->"
                + c.getTarget().getId() + "." + c.getTargetPort()).toList();
    }

    /** cohort -> features -> model, cohort.clinical -> model.clinical */
    private void buildChain() {
        run(commands.addNode(TestTypes.COHORT, 10, 20));
        run(commands.addNode(TestTypes.FEATURES, 300, 20));
        run(commands.addNode(TestTypes.MODEL, 600, 20));
        run(commands.connect("cohort", "cohort", "features", "cohort"));
        run(commands.connect("features", "features", "model", "features"));
        run(commands.connect("cohort", "clinical", "model", "clinical"));
    }

    @Test
    void addedNodesGetUniqueIdsTheirTypesPortsAndAPosition() {
        run(commands.addNode(TestTypes.FEATURES, 40, -5));
        run(commands.addNode(TestTypes.FEATURES, 90, 100));
        run(commands.addNode(TestTypes.FEATURES, 90, 200));
        assertEquals(List.of("features", "features2", "features3"), ids());
        Node node = pipeline.getNodes().get(0);
        assertEquals("test.features", node.getTypeId());
        assertEquals("1.0.0", node.getTypeVersion());
        assertEquals("Features", node.getLabel());
        assertEquals(40, node.getX());
        assertEquals(0, node.getY(), "negative coordinates are clamped");
        assertEquals(List.of("cohort"), node.getInputs().stream().map(Port::getName).toList());
        assertEquals("radflow.table", node.getOutputs().get(0).getTypeId());
        assertTrue(node.getParameters().isEmpty(), "defaults are not written into the file");
        assertEquals("Add Features", stack.getUndoCommand().getLabel());
        stack.undo();
        assertEquals(List.of("features", "features2"), ids());
        stack.redo();
        assertEquals(3, pipeline.getNodes().size());
    }

    @Test
    void connectionsNeedTheSamePortTypeAndNoCycle() {
        buildChain();
        assertEquals(List.of("cohort.cohort->features.cohort", "features.features->model.features",
                "cohort.clinical->model.clinical"), wires());

        // a table output into a cohort input is refused with both types named
        PipelineCommands.ConnectionCheck incompatible = commands.checkConnection("cohort", "clinical", "features", "cohort");
        assertFalse(incompatible.allowed());
        String why = incompatible.refusal().orElseThrow();
        assertTrue(why.startsWith("Incompatible ports"), why);
        assertTrue(why.contains("radflow.table") && why.contains("radflow.cohort"), why);
        assertFalse(commands.connect("cohort", "clinical", "features", "cohort").canExecute());

        assertTrue(commands.checkConnection("model", "table", "model", "features").refusal().orElseThrow().contains("itself"));
        run(commands.addNode(TestTypes.MODEL, 900, 20));
        run(commands.connect("model", "table", "model2", "features"));
        String cycle = commands.checkConnection("model2", "table", "model", "features").refusal().orElseThrow();
        assertTrue(cycle.contains("cycle"), cycle);
        assertTrue(commands.checkConnection("cohort", "cohort", "features", "cohort").refusal().orElseThrow()
                .contains("already"));
        assertTrue(commands.checkConnection("cohort", "nope", "features", "cohort").refusal().orElseThrow().contains("'nope'"));
    }

    @Test
    void aNewWireIntoAConnectedInputReplacesTheOldOne() {
        buildChain();
        run(commands.connect("cohort", "clinical", "model", "features"));
        assertEquals(List.of("cohort.cohort->features.cohort", "cohort.clinical->model.clinical",
                "cohort.clinical->model.features"), wires());
        stack.undo();
        assertEquals(List.of("cohort.cohort->features.cohort", "features.features->model.features",
                "cohort.clinical->model.clinical"), wires());
    }

    @Test
    void deletingNodesDeletesTheirWiresAndUndoRestoresBoth() {
        buildChain();
        run(commands.delete(List.of("features"), List.of()));
        assertEquals(List.of("cohort", "model"), ids());
        assertEquals(List.of("cohort.clinical->model.clinical"), wires());
        assertEquals("Delete Features", stack.getUndoCommand().getLabel());
        stack.undo();
        assertEquals(List.of("cohort", "features", "model"), ids());
        assertEquals(3, wires().size());
        // a single wire
        Connection wire = commands.connection("cohort", "clinical", "model", "clinical").orElseThrow();
        run(commands.delete(List.of(), List.of(wire)));
        assertEquals(2, wires().size());
        assertFalse(commands.delete(List.of(), List.of()).canExecute());
    }

    @Test
    void parametersAreAddedChangedAndResetAsCommands() {
        run(commands.addNode(TestTypes.FEATURES, 0, 0));
        Node node = pipeline.getNodes().get(0);
        run(commands.setParameter("features", "binWidth", "10"));
        assertEquals("10", node.getParameters().get(0).getValue());
        assertEquals("Set binWidth = 10", stack.getUndoCommand().getLabel());
        run(commands.setParameter("features", "binWidth", "12.5"));
        assertEquals("12.5", node.getParameters().get(0).getValue());
        assertNull(commands.setParameter("features", "binWidth", "12.5"), "no change, no command");
        run(commands.setParameter("features", "binWidth", null));
        assertTrue(node.getParameters().isEmpty());
        stack.undo();
        stack.undo();
        assertEquals("10", node.getParameters().get(0).getValue());
        stack.undo();
        assertTrue(node.getParameters().isEmpty());
        run(commands.setLabel("features", "My features"));
        assertEquals("My features", node.getLabel());
    }

    @Test
    void movesChangeOnlyWhatMovedInOneCommand() {
        buildChain();
        assertNull(commands.setPositions(Map.of("cohort", new Point(10, 20)), "Move"));
        run(commands.setPositions(Map.of("cohort", new Point(50, 20), "model", new Point(-3, 70)), "Move 2 nodes"));
        assertEquals(50, pipeline.getNodes().get(0).getX());
        assertEquals(0, pipeline.getNodes().get(2).getX());
        assertEquals(70, pipeline.getNodes().get(2).getY());
        stack.undo();
        assertEquals(10, pipeline.getNodes().get(0).getX());
        assertEquals(600, pipeline.getNodes().get(2).getX());
    }

    @Test
    void pastedNodesGetFreshIdsOffsetPositionsAndTheirInnerWires() {
        buildChain();
        String text = NodeClipboard.serialize(pipeline, List.of("features", "model"));
        Pipeline fragment = NodeClipboard.parse(text).orElseThrow();
        Map.Entry<Command, List<String>> paste = commands.paste(fragment, 30, 30);
        run(paste.getKey());
        assertEquals(List.of("features2", "model2"), paste.getValue());
        assertEquals(List.of("cohort", "features", "model", "features2", "model2"), ids());
        Node copy = pipeline.getNodes().get(3);
        assertEquals(330, copy.getX());
        assertEquals(50, copy.getY());
        assertTrue(wires().contains("features2.features->model2.features"), wires().toString());
        assertEquals(4, wires().size(), "only the wire between the copied nodes is pasted");
        assertEquals(List.of("features", "model"), fragment.getNodes().stream().map(Node::getId).toList(),
                "the fragment is not changed");
        stack.undo();
        assertEquals(3, pipeline.getNodes().size());
        assertEquals(3, wires().size());
    }
}
