package io.radflow.pipeline.engine;

import io.radflow.core.node.ParameterDescriptor;
import io.radflow.pipeline.engine.ValidationProblem.Severity;
import io.radflow.pipeline.model.Connection;
import io.radflow.pipeline.model.Node;
import io.radflow.pipeline.model.Parameter;
import io.radflow.pipeline.model.Pipeline;
import io.radflow.pipeline.model.PipelinePackage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.emf.common.util.BasicDiagnostic;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.common.util.DiagnosticChain;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EDataType;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EValidator;

/**
 * Checks a pipeline against the installed node types before anything runs (the first of the two
 * phases): unknown node types and versions, ids, parameters (type, bounds, choices, required),
 * ports, port type compatibility, unconnected required inputs, cycles and leakage of test data into nodes that
 * learn (see {@link TrainTestRole}). Also usable as an EMF
 * {@link EValidator} for the pipeline package.
 */
public final class PipelineValidator implements EValidator {

    /** Diagnostic source of the problems reported through EMF. */
    public static final String DIAGNOSTIC_SOURCE = "io.radflow.pipeline.engine";

    private final NodeTypeRegistry registry;

    public PipelineValidator(NodeTypeRegistry registry) {
        this.registry = registry;
    }

    /** All problems, errors first in pipeline order. An empty list means the pipeline can run. */
    public List<ValidationProblem> validate(Pipeline pipeline) {
        List<ValidationProblem> problems = new ArrayList<>();
        Map<String, Node> byId = new HashMap<>();
        for (Node node : pipeline.getNodes()) {
            if (node.getId() == null || node.getId().isBlank()) {
                problems.add(error(null, "a node of type '" + node.getTypeId() + "' has no id"));
                continue;
            }
            if (!node.getId().matches("[A-Za-z0-9_.-]+")) {
                problems.add(error(node.getId(), "node id may contain only letters, digits, '_', '.' and '-'"));
            }
            if (byId.put(node.getId(), node) != null) {
                problems.add(error(node.getId(), "duplicate node id"));
            }
            checkNode(node, problems);
        }
        Map<String, Integer> inputUse = new HashMap<>();
        for (Connection connection : pipeline.getConnections()) {
            checkConnection(connection, inputUse, problems);
        }
        for (Node node : pipeline.getNodes()) {
            registry.nodeType(node.getTypeId()).ifPresent(type -> type.inputs().stream()
                    .filter(port -> !port.optional() && !inputUse.containsKey(node.getId() + "." + port.name()))
                    .forEach(port -> problems.add(error(node.getId(), "required input '" + port.name() + "' is not connected"))));
        }
        List<String> cycle = findCycle(pipeline);
        if (!cycle.isEmpty()) {
            problems.add(error(cycle.get(0), "the pipeline has a cycle: " + String.join(" -> ", cycle)));
        } else {
            checkLeakage(pipeline, problems);
            checkChains(pipeline, problems);
        }
        problems.sort((a, b) -> a.severity().compareTo(b.severity()));
        return problems;
    }

    private void checkNode(Node node, List<ValidationProblem> problems) {
        String id = node.getId();
        NodeType type = registry.nodeType(node.getTypeId()).orElse(null);
        if (type == null) {
            problems.add(error(id, "unknown node type '" + node.getTypeId() + "'"
                    + (node.getTypeVersion() == null ? "" : " (version " + node.getTypeVersion() + ")")
                    + ": no installed bundle contributes it; `radflow-cli list-nodes` shows the installed types"));
            return;
        }
        if (node.getTypeVersion() != null && !node.getTypeVersion().equals(type.version())) {
            String message = "node type '" + type.id() + "' is installed in version " + type.version()
                    + " but the pipeline was saved with version " + node.getTypeVersion();
            if (major(node.getTypeVersion()).equals(major(type.version()))) {
                problems.add(new ValidationProblem(Severity.WARNING, id, message
                        + " (same major version: the parameters are read as they are)"));
            } else {
                problems.add(error(id, message + " and the installed version does not migrate its parameters"));
            }
        }
        if (type.deprecated()) {
            problems.add(new ValidationProblem(Severity.WARNING, id, "node type '" + type.id() + "' is deprecated"));
        }
        Set<String> known = new HashSet<>();
        Map<String, String> values = new HashMap<>();
        for (ParameterDescriptor descriptor : type.parameters()) {
            known.add(descriptor.key());
            values.put(descriptor.key(), descriptor.defaultValue());
        }
        for (Parameter parameter : node.getParameters()) {
            if (!known.contains(parameter.getKey())) {
                problems.add(new ValidationProblem(Severity.WARNING, id, "parameter '" + parameter.getKey()
                        + "' is not a parameter of " + type.id() + " and is ignored"));
            } else {
                values.put(parameter.getKey(), parameter.getValue());
            }
        }
        for (ParameterDescriptor descriptor : type.parameters()) {
            String message = descriptor.check(values.get(descriptor.key()));
            if (message != null) {
                problems.add(error(id, message));
            }
        }
    }

    private void checkConnection(Connection connection, Map<String, Integer> inputUse, List<ValidationProblem> problems) {
        Node source = connection.getSource();
        Node target = connection.getTarget();
        if (source == null || target == null) {
            problems.add(error(null, "a connection " + connection.getSourcePort() + " -> " + connection.getTargetPort()
                    + " refers to a node that does not exist"));
            return;
        }
        String wire = source.getId() + "." + connection.getSourcePort() + " -> " + target.getId() + "."
                + connection.getTargetPort();
        NodeType sourceType = registry.nodeType(source.getTypeId()).orElse(null);
        NodeType targetType = registry.nodeType(target.getTypeId()).orElse(null);
        if (sourceType == null || targetType == null) {
            return; // reported as an unknown node type
        }
        PortDescriptor out = sourceType.output(connection.getSourcePort()).orElse(null);
        PortDescriptor in = targetType.input(connection.getTargetPort()).orElse(null);
        if (out == null) {
            problems.add(error(source.getId(), "connection " + wire + ": " + sourceType.id() + " has no output '"
                    + connection.getSourcePort() + "' (outputs: " + sourceType.outputs().stream().map(PortDescriptor::name).toList() + ")"));
        }
        if (in == null) {
            problems.add(error(target.getId(), "connection " + wire + ": " + targetType.id() + " has no input '"
                    + connection.getTargetPort() + "' (inputs: " + targetType.inputs().stream().map(PortDescriptor::name).toList() + ")"));
        }
        if (out != null && in != null && !out.typeId().equals(in.typeId())) {
            problems.add(error(target.getId(), "connection " + wire + " joins incompatible port types "
                    + out.typeId() + " and " + in.typeId()));
        }
        if (inputUse.merge(target.getId() + "." + connection.getTargetPort(), 1, Integer::sum) == 2) {
            problems.add(error(target.getId(), "input '" + connection.getTargetPort() + "' has more than one connection"));
        }
    }

    /**
     * The leakage rule, from the node types' {@link TrainTestRole}s: every supervised node (a selector, scaler or model
     * that learns from the data) needs a split node among its upstream nodes, so that it can fit on the training rows
     * only, and no upstream node may pass on the test rows only (a {@code rowSet} parameter equal to {@code test}).
     * The messages name the supervised node and the upstream nodes concerned.
     */
    private void checkLeakage(Pipeline pipeline, List<ValidationProblem> problems) {
        Map<Node, List<Node>> sources = new HashMap<>();
        for (Connection c : pipeline.getConnections()) {
            if (c.getSource() != null && c.getTarget() != null) {
                sources.computeIfAbsent(c.getTarget(), k -> new ArrayList<>()).add(c.getSource());
            }
        }
        for (Node node : pipeline.getNodes()) {
            NodeType type = registry.nodeType(node.getTypeId()).orElse(null);
            if (type == null || !type.trainTest().supervised()) {
                continue;
            }
            Set<Node> upstream = new java.util.LinkedHashSet<>();
            java.util.ArrayDeque<Node> queue = new java.util.ArrayDeque<>(sources.getOrDefault(node, List.of()));
            while (!queue.isEmpty()) {
                Node next = queue.removeFirst();
                if (upstream.add(next)) {
                    queue.addAll(sources.getOrDefault(next, List.of()));
                }
            }
            boolean split = false;
            for (Node u : upstream) {
                TrainTestRole role = registry.nodeType(u.getTypeId()).map(NodeType::trainTest).orElse(TrainTestRole.NONE);
                split |= role.split();
                if (role.rowSetParameter() != null && "test".equals(parameterValue(u, role.rowSetParameter()))) {
                    problems.add(error(node.getId(), "leakage: node '" + node.getId() + "' (" + type.id()
                            + ") learns from its inputs but upstream node '" + u.getId() + "' (" + u.getTypeId()
                            + ") passes on the test rows only (" + role.rowSetParameter() + " = test); fit on the training rows"));
                }
            }
            if (!split) {
                List<String> names = upstream.stream().map(Node::getId).toList();
                problems.add(error(node.getId(), "leakage: node '" + node.getId() + "' (" + type.id()
                        + ") learns from its inputs, but no train/test split is upstream of it"
                        + (names.isEmpty() ? "" : " (its inputs come from " + names.stream().map(n -> "'" + n + "'").toList()
                                + ")")
                        + ": connect a split node (e.g. radflow.study.split) so that it is fitted on training rows only"));
            }
        }
    }

    /**
     * Nodes that refit a chain ({@link TrainTestRole#refitsChain()}, internal validation): the node feeding the chain's
     * end input must be downstream of the node feeding its source input ({@link PipelineChain}).
     */
    private void checkChains(Pipeline pipeline, List<ValidationProblem> problems) {
        for (Node node : pipeline.getNodes()) {
            NodeType type = registry.nodeType(node.getTypeId()).orElse(null);
            if (type != null && type.trainTest().refitsChain()) {
                try {
                    PipelineChain.of(pipeline, node, type.trainTest());
                } catch (IllegalArgumentException e) {
                    problems.add(error(node.getId(), e.getMessage()));
                }
            }
        }
    }

    /** A node's parameter value as set in the pipeline, else its declared default. */
    private String parameterValue(Node node, String key) {
        for (Parameter p : node.getParameters()) {
            if (key.equals(p.getKey()) && p.getValue() != null) {
                return p.getValue();
            }
        }
        return registry.nodeType(node.getTypeId()).flatMap(t -> t.parameter(key)).map(ParameterDescriptor::defaultValue)
                .orElse(null);
    }

    /** Node ids along one cycle (first id repeated at the end), or an empty list. */
    static List<String> findCycle(Pipeline pipeline) {
        Map<Node, List<Node>> next = new HashMap<>();
        for (Connection c : pipeline.getConnections()) {
            if (c.getSource() != null && c.getTarget() != null) {
                next.computeIfAbsent(c.getSource(), k -> new ArrayList<>()).add(c.getTarget());
            }
        }
        Map<Node, Integer> state = new HashMap<>();
        for (Node start : pipeline.getNodes()) {
            List<Node> path = new ArrayList<>();
            if (dfs(start, next, state, path)) {
                return path.stream().map(Node::getId).toList();
            }
        }
        return List.of();
    }

    private static boolean dfs(Node node, Map<Node, List<Node>> next, Map<Node, Integer> state, List<Node> path) {
        Integer s = state.get(node);
        if (s != null && s == 2) {
            return false;
        }
        if (s != null && s == 1) {
            int from = path.indexOf(node);
            List<Node> cycle = new ArrayList<>(path.subList(from, path.size()));
            cycle.add(node);
            path.clear();
            path.addAll(cycle);
            return true;
        }
        state.put(node, 1);
        path.add(node);
        for (Node child : next.getOrDefault(node, List.of())) {
            if (dfs(child, next, state, path)) {
                return true;
            }
        }
        path.remove(path.size() - 1);
        state.put(node, 2);
        return false;
    }

    private static String major(String version) {
        int dot = version.indexOf('.');
        return dot < 0 ? version : version.substring(0, dot);
    }

    private static ValidationProblem error(String nodeId, String message) {
        return new ValidationProblem(Severity.ERROR, nodeId, message);
    }

    /** The problems as an EMF diagnostic (OK when there are none). */
    public Diagnostic diagnose(Pipeline pipeline) {
        BasicDiagnostic chain = new BasicDiagnostic(DIAGNOSTIC_SOURCE, 0, "Pipeline " + pipeline.getName(), new Object[] {pipeline});
        validate(PipelinePackage.Literals.PIPELINE, pipeline, chain, new HashMap<>());
        return chain;
    }

    @Override
    public boolean validate(EObject eObject, DiagnosticChain diagnostics, Map<Object, Object> context) {
        return validate(eObject.eClass(), eObject, diagnostics, context);
    }

    @Override
    public boolean validate(EClass eClass, EObject eObject, DiagnosticChain diagnostics, Map<Object, Object> context) {
        if (!(eObject instanceof Pipeline pipeline)) {
            return true;
        }
        boolean valid = true;
        for (ValidationProblem problem : validate(pipeline)) {
            valid &= !problem.isError();
            if (diagnostics != null) {
                diagnostics.add(new BasicDiagnostic(problem.isError() ? Diagnostic.ERROR : Diagnostic.WARNING,
                        DIAGNOSTIC_SOURCE, 0, problem.toString(), new Object[] {pipeline}));
            }
        }
        return valid;
    }

    @Override
    public boolean validate(EDataType eDataType, Object value, DiagnosticChain diagnostics, Map<Object, Object> context) {
        return true;
    }
}
