package io.radflow.pipeline.engine;

import io.radflow.core.data.Column;
import io.radflow.core.data.Table;
import io.radflow.core.data.TablePortType;
import io.radflow.core.node.CanceledExecutionException;
import io.radflow.core.node.NodeExecutionException;
import io.radflow.core.node.NodeImplementation;
import io.radflow.core.node.ParameterDescriptor;
import io.radflow.core.node.ParameterType;
import io.radflow.core.port.PortObject;
import io.radflow.core.port.PortTypes;
import io.radflow.pipeline.model.Connection;
import io.radflow.pipeline.model.Node;
import io.radflow.pipeline.model.Parameter;
import io.radflow.pipeline.model.Pipeline;
import io.radflow.pipeline.model.PipelineFactory;

import java.util.List;
import java.util.Map;

/** Small node types with known behaviour, registered programmatically, for engine tests. */
final class TestNodeTypes {

    static final String SOURCE = "test.source";
    static final String SCALE = "test.scale";
    static final String FAIL = "test.fail";
    static final String SLOW = "test.slow";

    private TestNodeTypes() {
    }

    static NodeTypeRegistry registry() {
        PortDescriptor tableIn = new PortDescriptor("in", PortTypes.TABLE, "In", false);
        PortDescriptor tableOut = new PortDescriptor("out", PortTypes.TABLE, "Out", false);
        ParameterDescriptor rows = new ParameterDescriptor("rows", "Rows", ParameterType.INTEGER, "3", true, 1.0, 1000.0, null, "");
        ParameterDescriptor factor = new ParameterDescriptor("factor", "Factor", ParameterType.DOUBLE, "2", true, null, null, null, "");
        ParameterDescriptor failPatients = new ParameterDescriptor("failPatients", "", ParameterType.STRING, "", false, null, null, null, "");
        // source: rows 1..n in column "x"; patients P1..Pn, those listed in failPatients are reported as failed
        NodeImplementation source = (inputs, p, ctx) -> {
            int n = p.getInt("rows");
            List<String> failing = List.of(p.getString("failPatients", "").split(","));
            double[] x = new double[n];
            String[] ids = new String[n];
            for (int i = 0; i < n; i++) {
                ids[i] = "P" + (i + 1);
                x[i] = i + 1;
                if (failing.contains(ids[i])) {
                    ctx.reportPatientFailure(ids[i], "x", "synthetic failure");
                }
            }
            return Map.of("out", new Table(List.of(Column.text("PatientID", ids), Column.numeric("x", x))));
        };
        NodeImplementation scale = (inputs, p, ctx) -> {
            Table in = inputs.get("in", Table.class);
            double[] x = in.column("x").numbers();
            for (int i = 0; i < x.length; i++) {
                x[i] *= p.getDouble("factor");
            }
            return Map.of("out", in.withColumns(List.of(Column.numeric("x", x))));
        };
        NodeImplementation fail = (inputs, p, ctx) -> {
            throw new NodeExecutionException("this node always fails");
        };
        NodeImplementation slow = (inputs, p, ctx) -> {
            for (int i = 0; i < 10_000; i++) {
                ctx.progress(i / 10_000.0, "step " + i);
                ctx.checkCanceled();
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    throw new CanceledExecutionException();
                }
            }
            return Map.<String, PortObject>of("out", inputs.get("in", Table.class));
        };
        List<NodeType> types = List.of(
                type(SOURCE, List.of(), List.of(tableOut), List.of(rows, failPatients), () -> source),
                type(SCALE, List.of(tableIn), List.of(tableOut), List.of(factor), () -> scale),
                type(FAIL, List.of(tableIn), List.of(tableOut), List.of(), () -> fail),
                type(SLOW, List.of(tableIn), List.of(tableOut), List.of(), () -> slow),
                type("test.cohortSink", List.of(new PortDescriptor("cohort", PortTypes.COHORT, "", false)), List.of(), List.of(),
                        () -> (i, p, c) -> Map.of()));
        return new NodeTypeRegistry(types, List.of(new PortTypeInfo(PortTypes.TABLE, "Table", "#2E7D32", new TablePortType())),
                List.of());
    }

    private static NodeType type(String id, List<PortDescriptor> in, List<PortDescriptor> out, List<ParameterDescriptor> params,
            NodeImplementationFactory factory) {
        return new NodeType(id, "1.0.0", id, "Test", "", in, out, params, false, "tests", factory);
    }

    static Pipeline pipeline(String name) {
        Pipeline pipeline = PipelineFactory.eINSTANCE.createPipeline();
        pipeline.setName(name);
        return pipeline;
    }

    static Node node(Pipeline pipeline, String id, String type, String... keyValues) {
        Node node = PipelineFactory.eINSTANCE.createNode();
        node.setId(id);
        node.setTypeId(type);
        node.setTypeVersion("1.0.0");
        for (int i = 0; i < keyValues.length; i += 2) {
            Parameter parameter = PipelineFactory.eINSTANCE.createParameter();
            parameter.setKey(keyValues[i]);
            parameter.setValue(keyValues[i + 1]);
            node.getParameters().add(parameter);
        }
        pipeline.getNodes().add(node);
        return node;
    }

    static void connect(Pipeline pipeline, Node source, String sourcePort, Node target, String targetPort) {
        Connection c = PipelineFactory.eINSTANCE.createConnection();
        c.setSource(source);
        c.setSourcePort(sourcePort);
        c.setTarget(target);
        c.setTargetPort(targetPort);
        pipeline.getConnections().add(c);
    }
}
