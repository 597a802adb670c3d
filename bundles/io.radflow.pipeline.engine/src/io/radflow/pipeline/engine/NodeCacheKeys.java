package io.radflow.pipeline.engine;

import io.radflow.core.node.ParameterDescriptor;
import io.radflow.core.node.ParameterType;
import io.radflow.core.node.Parameters;
import io.radflow.pipeline.model.Connection;
import io.radflow.pipeline.model.Node;
import io.radflow.pipeline.model.Parameter;
import io.radflow.pipeline.model.Pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Content keys of the nodes of a pipeline, for {@link NodeResultCache}: two nodes with the same key
 * compute the same outputs. A key is the SHA-256 (hex) of
 * <ul>
 * <li>the node type id and version (a new implementation version invalidates old results),</li>
 * <li>the resolved parameter values (pipeline values over the declared defaults) sorted by key; for
 * {@link ParameterType#PATH} parameters also the resolved absolute path with the file's size and
 * modification time, so that a changed input file invalidates the result,</li>
 * <li>for each connected input port, in port-name order, the key of the upstream node and its output port
 * name (a Merkle chain: any change upstream changes every key downstream).</li>
 * </ul>
 * The node id and label are not part of the key (renaming a node keeps its results). A node of an
 * unknown type, in a cycle or downstream of a node without a key has no key and is never cached.
 */
public final class NodeCacheKeys {

    private static final String FORMAT = "radflow-node-cache-v1";

    private NodeCacheKeys() {
    }

    /**
     * The key of every node that has one, by node id.
     *
     * @param baseDirectory folder against which relative path parameters resolve (may be {@code null})
     */
    public static Map<String, String> compute(Pipeline pipeline, NodeTypeRegistry registry, Path baseDirectory) {
        Map<Node, List<Connection>> incoming = new HashMap<>();
        for (Connection c : pipeline.getConnections()) {
            if (c.getSource() != null && c.getTarget() != null) {
                incoming.computeIfAbsent(c.getTarget(), n -> new ArrayList<>()).add(c);
            }
        }
        Map<Node, String> keys = new HashMap<>();
        Map<Node, Boolean> visiting = new HashMap<>();
        Map<String, String> byId = new LinkedHashMap<>();
        for (Node node : pipeline.getNodes()) {
            String key = key(node, registry, baseDirectory, incoming, keys, visiting);
            if (key != null && node.getId() != null) {
                byId.put(node.getId(), key);
            }
        }
        return byId;
    }

    private static String key(Node node, NodeTypeRegistry registry, Path base, Map<Node, List<Connection>> incoming,
            Map<Node, String> keys, Map<Node, Boolean> visiting) {
        if (keys.containsKey(node)) {
            return keys.get(node);
        }
        if (visiting.putIfAbsent(node, Boolean.TRUE) != null) {
            return null; // a cycle: no key
        }
        NodeType type = registry.nodeType(node.getTypeId()).orElse(null);
        String key = null;
        if (type != null) {
            List<Connection> in = new ArrayList<>(incoming.getOrDefault(node, List.of()));
            in.sort(Comparator.comparing(Connection::getTargetPort, Comparator.nullsFirst(Comparator.naturalOrder())));
            StringBuilder text = new StringBuilder(FORMAT).append('\n');
            field(text, type.id());
            field(text, type.version());
            boolean complete = true;
            for (Map.Entry<String, String> p : new TreeMap<>(resolved(node, type).asMap()).entrySet()) {
                field(text, p.getKey());
                field(text, p.getValue());
                ParameterDescriptor descriptor = type.parameter(p.getKey()).orElse(null);
                if (descriptor != null && descriptor.type() == ParameterType.PATH) {
                    field(text, fileStamp(base, p.getValue()));
                }
            }
            for (Connection c : in) {
                String upstream = key(c.getSource(), registry, base, incoming, keys, visiting);
                if (upstream == null) {
                    complete = false;
                    break;
                }
                field(text, c.getTargetPort());
                field(text, upstream);
                field(text, c.getSourcePort());
            }
            key = complete ? sha256(text.toString()) : null;
        }
        keys.put(node, key);
        return key;
    }

    /** The node's parameters resolved over its type's defaults, as the executor hands them to the node. */
    static Parameters resolved(Node node, NodeType type) {
        Map<String, String> set = new LinkedHashMap<>();
        for (Parameter p : node.getParameters()) {
            set.put(p.getKey(), p.getValue());
        }
        return Parameters.resolve(node.getId(), type.parameters(), set);
    }

    private static String fileStamp(Path base, String value) {
        if (value == null || value.isBlank()) {
            return "";
        }
        try {
            Path path = Path.of(value.trim());
            if (!path.isAbsolute() && base != null) {
                path = base.resolve(path);
            }
            path = path.toAbsolutePath().normalize();
            if (!Files.exists(path)) {
                return path + " (missing)";
            }
            return path + " " + Files.size(path) + " " + Files.getLastModifiedTime(path).toMillis();
        } catch (InvalidPathException | IOException e) {
            return value + " (" + e.getClass().getSimpleName() + ")";
        }
    }

    /** Length-prefixed, so that no choice of values can make two different inputs read the same. */
    private static void field(StringBuilder text, String value) {
        String v = value == null ? "\u0000null" : value;
        text.append(v.length()).append(':').append(v).append('\n');
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
