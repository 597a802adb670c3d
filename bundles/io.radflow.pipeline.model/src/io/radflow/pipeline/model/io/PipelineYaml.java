package io.radflow.pipeline.model.io;

import io.radflow.pipeline.model.Connection;
import io.radflow.pipeline.model.Parameter;
import io.radflow.pipeline.model.Pipeline;
import io.radflow.pipeline.model.PipelineFactory;
import io.radflow.pipeline.model.PipelinePackage;
import io.radflow.pipeline.model.Port;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.eclipse.emf.common.util.EList;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The readable YAML form of a pipeline, for review, diffs and hand editing:
 *
 * <pre>
 * radflow: 1.0
 * name: Demo
 * description: ...
 * nodes:
 *   - id: cox
 *     type: radflow.stats.univariateCox
 *     version: 1.0.0
 *     label: Univariate Cox
 *     position: [420, 80]
 *     parameters: {time: time_months, ties: efron}
 *     inputs: {features: radflow.table, clinical: radflow.table}
 *     outputs: {table: radflow.table}
 * connections:
 *   - from: firstorder.features
 *     to: cox.features
 * </pre>
 *
 * <p>Keys: {@code radflow} (format version, required), {@code name}, {@code description},
 * {@code nodes}, {@code connections}; per node {@code id} (required), {@code type}, {@code version},
 * {@code label}, {@code position}, {@code parameters}, {@code inputs}, {@code outputs}; per connection
 * {@code from} and {@code to}, each {@code node.port} or, when a node id or port name makes that
 * ambiguous, a mapping {@code {node: a.b, port: out}}. In {@code node.port} the longest prefix that is
 * a node id names the node. Omitted optional keys mean "not set" (null); a YAML null ({@code ~})
 * is written for required attributes that are null.
 *
 * <p>Round trip XMI → YAML → XMI is lossless: all attributes, the order of nodes, parameters,
 * ports and connections, and every string exactly as written. Scalars are read as their source text,
 * so {@code binWidth: 25} stays the string "25" ("25.0" stays "25.0"); the writer quotes strings that
 * a YAML 1.1 reader would take for numbers, booleans or null ({@code '25'}, {@code 'yes'},
 * {@code 'null'}, {@code ''}).
 *
 * <p>Reading uses SnakeYAML's composer with {@link SafeConstructor} and {@link LoaderOptions}
 * (no arbitrary types, no duplicate keys, few aliases). Errors name the source, line, column and
 * entry, e.g. {@code demo.yaml:14:5: nodes[2] (id 'cox'): unknown key 'colour'}.
 */
public final class PipelineYaml {

    /** The format version this class writes, in the {@code radflow:} key. */
    public static final String FORMAT_VERSION = "1.0";

    /** Longest parameter or port mapping (approximate characters) written on one line. */
    private static final int FLOW_LIMIT = 90;

    private static final List<String> TOP_KEYS = List.of("radflow", "name", "description", "nodes", "connections");
    private static final List<String> NODE_KEYS = List.of("id", "type", "version", "label", "position", "parameters",
            "inputs", "outputs");
    private static final List<String> CONNECTION_KEYS = List.of("from", "to");
    private static final List<String> ENDPOINT_KEYS = List.of("node", "port");

    private PipelineYaml() {
    }

    // ------------------------------------------------------------------ writing

    /**
     * The YAML text of a pipeline.
     *
     * @throws IllegalArgumentException if the pipeline cannot be written unambiguously: a node
     *         without id, two nodes with the same id, a duplicate parameter key or port name within a
     *         node, or a connection whose node is missing or not part of the pipeline
     */
    public static String toYaml(Pipeline pipeline) {
        if (pipeline == null) {
            throw new IllegalArgumentException("pipeline is null");
        }
        Resolver resolver = new Resolver();
        List<NodeTuple> top = new ArrayList<>();
        String version = pipeline.getFormatVersion() == null ? FORMAT_VERSION : pipeline.getFormatVersion();
        top.add(new NodeTuple(key("radflow"), new ScalarNode(resolver.resolve(NodeId.scalar, version, true), version,
                null, null, DumperOptions.ScalarStyle.PLAIN)));
        if (pipeline.getName() != null) {
            top.add(new NodeTuple(key("name"), text(pipeline.getName(), true)));
        }
        if (pipeline.getDescription() != null) {
            top.add(new NodeTuple(key("description"), text(pipeline.getDescription(), true)));
        }
        Map<String, io.radflow.pipeline.model.Node> byId = new HashMap<>();
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < pipeline.getNodes().size(); i++) {
            io.radflow.pipeline.model.Node node = pipeline.getNodes().get(i);
            String where = "nodes[" + i + "]";
            if (node.getId() == null) {
                throw new IllegalArgumentException(where + " (type " + node.getTypeId() + ") has no id");
            }
            if (byId.put(node.getId(), node) != null) {
                throw new IllegalArgumentException(where + ": duplicate node id '" + node.getId() + "'");
            }
            nodes.add(writeNode(node, where + " (id '" + node.getId() + "')"));
        }
        if (!nodes.isEmpty()) {
            top.add(new NodeTuple(key("nodes"), new SequenceNode(Tag.SEQ, nodes, DumperOptions.FlowStyle.BLOCK)));
        }
        Predicate<String> isNodeId = byId::containsKey;
        List<Node> connections = new ArrayList<>();
        for (int i = 0; i < pipeline.getConnections().size(); i++) {
            Connection connection = pipeline.getConnections().get(i);
            String where = "connections[" + i + "]";
            List<NodeTuple> fields = new ArrayList<>();
            fields.add(new NodeTuple(key("from"), writeEndpoint(connection.getSource(), connection.getSourcePort(), byId,
                    isNodeId, where + " source")));
            fields.add(new NodeTuple(key("to"), writeEndpoint(connection.getTarget(), connection.getTargetPort(), byId,
                    isNodeId, where + " target")));
            connections.add(new MappingNode(Tag.MAP, fields, DumperOptions.FlowStyle.BLOCK));
        }
        if (!connections.isEmpty()) {
            top.add(new NodeTuple(key("connections"), new SequenceNode(Tag.SEQ, connections,
                    DumperOptions.FlowStyle.BLOCK)));
        }
        StringWriter out = new StringWriter();
        yaml().serialize(new MappingNode(Tag.MAP, top, DumperOptions.FlowStyle.BLOCK), out);
        return out.toString();
    }

    private static Node writeNode(io.radflow.pipeline.model.Node node, String where) {
        List<NodeTuple> fields = new ArrayList<>();
        fields.add(new NodeTuple(key("id"), text(node.getId(), false)));
        fields.add(new NodeTuple(key("type"), text(node.getTypeId(), false)));
        if (node.getTypeVersion() != null) {
            fields.add(new NodeTuple(key("version"), text(node.getTypeVersion(), false)));
        }
        if (node.getLabel() != null) {
            fields.add(new NodeTuple(key("label"), text(node.getLabel(), false)));
        }
        List<Node> position = List.of(integer(node.getX()), integer(node.getY()));
        fields.add(new NodeTuple(key("position"), new SequenceNode(Tag.SEQ, position, DumperOptions.FlowStyle.FLOW)));
        if (!node.getParameters().isEmpty()) {
            List<NodeTuple> parameters = new ArrayList<>();
            Map<String, Boolean> seen = new HashMap<>();
            for (Parameter parameter : node.getParameters()) {
                if (parameter.getKey() == null) {
                    throw new IllegalArgumentException(where + ": a parameter has no key");
                }
                if (seen.put(parameter.getKey(), Boolean.TRUE) != null) {
                    throw new IllegalArgumentException(where + ": duplicate parameter '" + parameter.getKey() + "'");
                }
                parameters.add(new NodeTuple(text(parameter.getKey(), false), text(parameter.getValue(), false)));
            }
            fields.add(new NodeTuple(key("parameters"), new MappingNode(Tag.MAP, parameters, mappingStyle(parameters))));
        }
        writePorts(fields, "inputs", node.getInputs(), where);
        writePorts(fields, "outputs", node.getOutputs(), where);
        return new MappingNode(Tag.MAP, fields, DumperOptions.FlowStyle.BLOCK);
    }

    private static void writePorts(List<NodeTuple> fields, String name, EList<Port> ports, String where) {
        if (ports.isEmpty()) {
            return;
        }
        List<NodeTuple> entries = new ArrayList<>();
        Map<String, Boolean> seen = new HashMap<>();
        for (Port port : ports) {
            if (port.getName() == null) {
                throw new IllegalArgumentException(where + ": a port in " + name + " has no name");
            }
            if (seen.put(port.getName(), Boolean.TRUE) != null) {
                throw new IllegalArgumentException(where + ": duplicate port '" + port.getName() + "' in " + name);
            }
            entries.add(new NodeTuple(text(port.getName(), false), text(port.getTypeId(), false)));
        }
        fields.add(new NodeTuple(key(name), new MappingNode(Tag.MAP, entries, mappingStyle(entries))));
    }

    /** {@code {a: 1, b: 2}} on one line while it stays short, else one entry per line. */
    private static DumperOptions.FlowStyle mappingStyle(List<NodeTuple> entries) {
        int length = 0;
        for (NodeTuple entry : entries) {
            length += ((ScalarNode) entry.getKeyNode()).getValue().length()
                    + ((ScalarNode) entry.getValueNode()).getValue().length() + 4;
        }
        return length <= FLOW_LIMIT ? DumperOptions.FlowStyle.FLOW : DumperOptions.FlowStyle.BLOCK;
    }

    private static Node writeEndpoint(io.radflow.pipeline.model.Node node, String port,
            Map<String, io.radflow.pipeline.model.Node> byId, Predicate<String> isNodeId, String where) {
        if (node == null) {
            throw new IllegalArgumentException(where + ": no node");
        }
        if (node.getId() == null || byId.get(node.getId()) != node) {
            throw new IllegalArgumentException(where + ": node " + (node.getId() == null ? "without id" : "'" + node.getId() + "'")
                    + " is not part of the pipeline");
        }
        if (port != null) {
            String joined = node.getId() + "." + port;
            String[] split = Endpoints.split(joined, isNodeId);
            if (split != null && split[0].equals(node.getId()) && split[1].equals(port)) {
                return text(joined, false);
            }
        }
        List<NodeTuple> fields = List.of(new NodeTuple(key("node"), text(node.getId(), false)),
                new NodeTuple(key("port"), text(port, false)));
        return new MappingNode(Tag.MAP, new ArrayList<>(fields), DumperOptions.FlowStyle.FLOW);
    }

    private static ScalarNode key(String name) {
        return new ScalarNode(Tag.STR, name, null, null, DumperOptions.ScalarStyle.PLAIN);
    }

    private static ScalarNode integer(int value) {
        return new ScalarNode(Tag.INT, Integer.toString(value), null, null, DumperOptions.ScalarStyle.PLAIN);
    }

    /**
     * A string scalar; the emitter quotes it if plain style would change its meaning. Strings with
     * control characters are double quoted (escapes); multi-line block values use literal style.
     */
    private static ScalarNode text(String value, boolean blockAllowed) {
        if (value == null) {
            return new ScalarNode(Tag.NULL, "~", null, null, DumperOptions.ScalarStyle.PLAIN);
        }
        DumperOptions.ScalarStyle style = DumperOptions.ScalarStyle.PLAIN;
        boolean control = false;
        boolean newline = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\n') {
                newline = true;
            } else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029' || c == '\ufeff') {
                control = true;
            }
        }
        if (control) {
            style = DumperOptions.ScalarStyle.DOUBLE_QUOTED;
        } else if (newline) {
            style = blockAllowed && literalSafe(value) ? DumperOptions.ScalarStyle.LITERAL : DumperOptions.ScalarStyle.DOUBLE_QUOTED;
        }
        return new ScalarNode(Tag.STR, value, null, null, style);
    }

    /** Literal blocks cannot carry trailing spaces on a line or leading blank/space lines exactly; quote those. */
    private static boolean literalSafe(String value) {
        if (value.startsWith(" ") || value.startsWith("\n")) {
            return false;
        }
        for (String line : value.split("\n", -1)) {
            if (line.endsWith(" ")) {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------ reading

    /**
     * Reads a pipeline from its YAML text.
     *
     * @param sourceName names the input in error messages (e.g. the file path)
     * @throws PipelineFormatException if the text is not valid YAML or not a valid pipeline; the
     *         message names the source, line, column and offending entry
     */
    public static Pipeline fromYaml(String yaml, String sourceName) throws PipelineFormatException {
        String source = sourceName == null ? "<yaml>" : sourceName;
        if (yaml == null) {
            throw new PipelineFormatException(source, 0, 0, "no YAML text", null);
        }
        Node root;
        try {
            root = yaml().compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = (e.getContext() != null ? e.getContext() + ": " : "") + (e.getProblem() != null ? e.getProblem() : e.getMessage());
            throw new PipelineFormatException(source, mark == null ? 0 : mark.getLine() + 1,
                    mark == null ? 0 : mark.getColumn() + 1, "malformed YAML: " + problem, e);
        } catch (YAMLException e) {
            throw new PipelineFormatException(source, 0, 0, "malformed YAML: " + e.getMessage(), e);
        }
        if (root == null) {
            throw new PipelineFormatException(source, 0, 0, "empty document, expected a pipeline (radflow: "
                    + FORMAT_VERSION + ", nodes: ...)", null);
        }
        return new Reader(source).pipeline(root);
    }

    /** Reads one document; keeps the source name for messages. */
    private static final class Reader {

        private final String source;
        private final PipelineFactory factory = PipelineFactory.eINSTANCE;

        Reader(String source) {
            this.source = source;
        }

        Pipeline pipeline(Node root) throws PipelineFormatException {
            Map<String, NodeTuple> top = fields(root, "pipeline", TOP_KEYS);
            Pipeline pipeline = factory.createPipeline();
            NodeTuple version = top.get("radflow");
            if (version == null) {
                throw error(root, "pipeline: missing 'radflow: " + FORMAT_VERSION + "' (format version)");
            }
            String formatVersion = string(version.getValueNode(), "radflow");
            if (formatVersion == null || !(formatVersion.equals("1") || formatVersion.startsWith("1."))) {
                throw error(version.getValueNode(), "radflow: unsupported format version '" + formatVersion
                        + "'; this reader understands 1.x");
            }
            pipeline.setFormatVersion(formatVersion);
            if (top.containsKey("name")) {
                pipeline.setName(string(top.get("name").getValueNode(), "name"));
            }
            if (top.containsKey("description")) {
                pipeline.setDescription(string(top.get("description").getValueNode(), "description"));
            }
            Map<String, io.radflow.pipeline.model.Node> byId = new LinkedHashMap<>();
            Map<String, Node> idNodes = new HashMap<>();
            if (top.containsKey("nodes")) {
                List<Node> items = sequence(top.get("nodes").getValueNode(), "nodes");
                for (int i = 0; i < items.size(); i++) {
                    io.radflow.pipeline.model.Node node = node(items.get(i), "nodes[" + i + "]", idNodes);
                    byId.put(node.getId(), node);
                    pipeline.getNodes().add(node);
                }
            }
            if (top.containsKey("connections")) {
                List<Node> items = sequence(top.get("connections").getValueNode(), "connections");
                for (int i = 0; i < items.size(); i++) {
                    pipeline.getConnections().add(connection(items.get(i), "connections[" + i + "]", byId));
                }
            }
            return pipeline;
        }

        private io.radflow.pipeline.model.Node node(Node yaml, String where, Map<String, Node> idNodes)
                throws PipelineFormatException {
            Map<String, NodeTuple> fields = fields(yaml, where, null);
            NodeTuple idField = fields.get("id");
            String id = idField == null ? null : string(idField.getValueNode(), where + ".id");
            String named = id == null ? where : where + " (id '" + id + "')";
            checkKeys(fields, named, NODE_KEYS);
            if (id == null) {
                throw error(yaml, where + ": missing id");
            }
            Node previous = idNodes.putIfAbsent(id, idField.getValueNode());
            if (previous != null) {
                throw error(idField.getValueNode(), named + ": duplicate node id, first used at line "
                        + (previous.getStartMark().getLine() + 1));
            }
            io.radflow.pipeline.model.Node node = factory.createNode();
            node.setId(id);
            if (fields.containsKey("type")) {
                node.setTypeId(string(fields.get("type").getValueNode(), named + ".type"));
            }
            if (fields.containsKey("version")) {
                node.setTypeVersion(string(fields.get("version").getValueNode(), named + ".version"));
            }
            if (fields.containsKey("label")) {
                node.setLabel(string(fields.get("label").getValueNode(), named + ".label"));
            }
            if (fields.containsKey("position")) {
                Node value = fields.get("position").getValueNode();
                List<Node> xy = sequence(value, named + ".position");
                if (xy.size() != 2) {
                    throw error(value, named + ".position: expected [x, y], found " + xy.size() + " values");
                }
                node.setX(integer(xy.get(0), named + ".position x"));
                node.setY(integer(xy.get(1), named + ".position y"));
            }
            if (fields.containsKey("parameters")) {
                String at = named + ".parameters";
                for (NodeTuple entry : entries(fields.get("parameters").getValueNode(), at)) {
                    Parameter parameter = factory.createParameter();
                    parameter.setKey(string(entry.getKeyNode(), at));
                    parameter.setValue(string(entry.getValueNode(), at + "." + parameter.getKey()));
                    node.getParameters().add(parameter);
                }
            }
            ports(fields.get("inputs"), node.getInputs(), named + ".inputs");
            ports(fields.get("outputs"), node.getOutputs(), named + ".outputs");
            return node;
        }

        private void ports(NodeTuple field, List<Port> target, String where) throws PipelineFormatException {
            if (field == null) {
                return;
            }
            for (NodeTuple entry : entries(field.getValueNode(), where)) {
                Port port = factory.createPort();
                port.setName(string(entry.getKeyNode(), where));
                port.setTypeId(string(entry.getValueNode(), where + "." + port.getName()));
                target.add(port);
            }
        }

        private Connection connection(Node yaml, String where, Map<String, io.radflow.pipeline.model.Node> byId)
                throws PipelineFormatException {
            Map<String, NodeTuple> fields = fields(yaml, where, CONNECTION_KEYS);
            for (String required : CONNECTION_KEYS) {
                if (!fields.containsKey(required)) {
                    throw error(yaml, where + ": missing '" + required + "' (node.port)");
                }
            }
            Connection connection = factory.createConnection();
            Object[] from = endpoint(fields.get("from").getValueNode(), where + ".from", byId);
            Object[] to = endpoint(fields.get("to").getValueNode(), where + ".to", byId);
            connection.setSource((io.radflow.pipeline.model.Node) from[0]);
            connection.setSourcePort((String) from[1]);
            connection.setTarget((io.radflow.pipeline.model.Node) to[0]);
            connection.setTargetPort((String) to[1]);
            return connection;
        }

        /** {node, port} from {@code node.port} or {@code {node: n, port: p}}. */
        private Object[] endpoint(Node yaml, String where, Map<String, io.radflow.pipeline.model.Node> byId)
                throws PipelineFormatException {
            String id;
            String port;
            if (yaml instanceof MappingNode) {
                Map<String, NodeTuple> fields = fields(yaml, where, ENDPOINT_KEYS);
                if (!fields.containsKey("node")) {
                    throw error(yaml, where + ": missing 'node'");
                }
                id = string(fields.get("node").getValueNode(), where + ".node");
                port = fields.containsKey("port") ? string(fields.get("port").getValueNode(), where + ".port") : null;
                if (id == null || !byId.containsKey(id)) {
                    throw error(yaml, where + ": unknown node '" + id + "'" + known(byId));
                }
            } else {
                String text = string(yaml, where);
                if (text == null || text.indexOf('.') < 0) {
                    throw error(yaml, where + ": expected node.port, found '" + text + "'");
                }
                String[] split = Endpoints.split(text, byId::containsKey);
                if (split == null) {
                    throw error(yaml, where + ": '" + text + "' names an unknown node '"
                            + text.substring(0, text.lastIndexOf('.')) + "'" + known(byId));
                }
                id = split[0];
                port = split[1];
            }
            return new Object[] {byId.get(id), port};
        }

        private static String known(Map<String, ?> byId) {
            return byId.isEmpty() ? " (the pipeline has no nodes)" : " (nodes: " + String.join(", ", byId.keySet()) + ")";
        }

        /** Mapping entries by key, rejecting duplicate keys and, unless {@code allowed} is null, unknown keys. */
        private Map<String, NodeTuple> fields(Node yaml, String where, List<String> allowed) throws PipelineFormatException {
            Map<String, NodeTuple> fields = new LinkedHashMap<>();
            for (NodeTuple tuple : entries(yaml, where)) {
                fields.put(string(tuple.getKeyNode(), where), tuple);
            }
            if (allowed != null) {
                checkKeys(fields, where, allowed);
            }
            return fields;
        }

        private void checkKeys(Map<String, NodeTuple> fields, String where, List<String> allowed)
                throws PipelineFormatException {
            for (Map.Entry<String, NodeTuple> field : fields.entrySet()) {
                if (!allowed.contains(field.getKey())) {
                    throw error(field.getValue().getKeyNode(), where + ": unknown key '" + field.getKey()
                            + "'; expected one of " + String.join(", ", allowed));
                }
            }
        }

        /** Mapping entries in order, rejecting duplicate keys. */
        private List<NodeTuple> entries(Node yaml, String where) throws PipelineFormatException {
            if (!(yaml instanceof MappingNode mapping)) {
                throw error(yaml, where + ": expected a mapping (key: value), found " + kind(yaml));
            }
            Map<String, Node> seen = new HashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                String key = string(tuple.getKeyNode(), where);
                if (key == null) {
                    throw error(tuple.getKeyNode(), where + ": null key");
                }
                Node previous = seen.putIfAbsent(key, tuple.getKeyNode());
                if (previous != null) {
                    throw error(tuple.getKeyNode(), where + ": duplicate key '" + key + "', first at line "
                            + (previous.getStartMark().getLine() + 1));
                }
            }
            return mapping.getValue();
        }

        private List<Node> sequence(Node yaml, String where) throws PipelineFormatException {
            if (!(yaml instanceof SequenceNode sequence)) {
                throw error(yaml, where + ": expected a list, found " + kind(yaml));
            }
            return sequence.getValue();
        }

        /** The scalar's source text; null for a YAML null ({@code ~}, {@code null}, empty plain). */
        private String string(Node yaml, String where) throws PipelineFormatException {
            if (!(yaml instanceof ScalarNode scalar)) {
                throw error(yaml, where + ": expected a single value, found " + kind(yaml));
            }
            if (Tag.NULL.equals(scalar.getTag()) && scalar.isPlain()) {
                return null;
            }
            return scalar.getValue();
        }

        private int integer(Node yaml, String where) throws PipelineFormatException {
            String text = string(yaml, where);
            try {
                return Integer.parseInt(text == null ? "" : text.trim());
            } catch (NumberFormatException e) {
                throw error(yaml, where + ": expected an integer, found '" + text + "'");
            }
        }

        private static String kind(Node yaml) {
            if (yaml instanceof MappingNode) {
                return "a mapping";
            }
            if (yaml instanceof SequenceNode) {
                return "a list";
            }
            return "'" + ((ScalarNode) yaml).getValue() + "'";
        }

        private PipelineFormatException error(Node at, String problem) {
            Mark mark = at == null ? null : at.getStartMark();
            return new PipelineFormatException(source, mark == null ? 0 : mark.getLine() + 1,
                    mark == null ? 0 : mark.getColumn() + 1, problem, null);
        }
    }

    // ------------------------------------------------------------------ shared

    private static Yaml yaml() {
        LoaderOptions loader = new LoaderOptions();
        loader.setAllowDuplicateKeys(false);
        loader.setAllowRecursiveKeys(false);
        loader.setMaxAliasesForCollections(20);
        loader.setNestingDepthLimit(20);
        DumperOptions dumper = new DumperOptions();
        dumper.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        dumper.setIndent(2);
        dumper.setIndicatorIndent(2);
        dumper.setIndentWithIndicator(true);
        dumper.setWidth(120);
        dumper.setSplitLines(false);
        dumper.setAllowUnicode(true);
        dumper.setLineBreak(DumperOptions.LineBreak.UNIX);
        return new Yaml(new SafeConstructor(loader), new Representer(dumper), dumper, loader);
    }

    /** Keeps {@link PipelinePackage} initialised before the factory is used in a plain JVM. */
    static {
        PipelinePackage.eINSTANCE.eClass();
    }
}
