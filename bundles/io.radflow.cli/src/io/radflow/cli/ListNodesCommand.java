package io.radflow.cli;

import io.radflow.core.io.Json;
import io.radflow.core.node.ParameterDescriptor;
import io.radflow.pipeline.engine.NodeType;
import io.radflow.pipeline.engine.NodeTypeRegistry;
import io.radflow.pipeline.engine.PortDescriptor;
import io.radflow.pipeline.engine.PortTypeInfo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "list-nodes", description = "List the installed node types with their ports and parameters.")
final class ListNodesCommand implements Callable<Integer> {

    enum Format {
        text, json
    }

    @ParentCommand
    private RadflowCli cli;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    private Format format;

    @Override
    public Integer call() {
        NodeTypeRegistry registry = cli.registry.get();
        registry.problems().forEach(p -> cli.err.println("radflow-cli: warning: " + p));
        if (format == Format.json) {
            cli.out.print(Json.write(asJson(registry)));
            return ExitCodes.OK;
        }
        for (NodeType type : registry.nodeTypes()) {
            cli.out.println(type.id() + " " + type.version() + "  [" + type.category() + "] " + type.label()
                    + (type.deprecated() ? " (deprecated)" : ""));
            for (PortDescriptor in : type.inputs()) {
                cli.out.println("    in  " + in.name() + " : " + in.typeId() + (in.optional() ? " (optional)" : ""));
            }
            for (PortDescriptor out : type.outputs()) {
                cli.out.println("    out " + out.name() + " : " + out.typeId());
            }
            for (ParameterDescriptor p : type.parameters()) {
                cli.out.println("    --param " + p.key() + "=<" + p.type().name().toLowerCase(Locale.ROOT) + ">"
                        + (p.defaultValue() == null ? "" : " [" + p.defaultValue() + "]")
                        + (p.choices().isEmpty() ? "" : " " + p.choices()) + (p.help().isEmpty() ? "" : "  " + p.help()));
            }
        }
        return ExitCodes.OK;
    }

    static Map<String, Object> asJson(NodeTypeRegistry registry) {
        List<Object> nodes = new ArrayList<>();
        for (NodeType type : registry.nodeTypes()) {
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("id", type.id());
            n.put("version", type.version());
            n.put("label", type.label());
            n.put("category", type.category());
            n.put("description", type.description());
            n.put("deprecated", type.deprecated());
            n.put("contributor", type.contributor());
            n.put("inputs", type.inputs().stream().map(ListNodesCommand::port).toList());
            n.put("outputs", type.outputs().stream().map(ListNodesCommand::port).toList());
            List<Object> params = new ArrayList<>();
            for (ParameterDescriptor p : type.parameters()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("key", p.key());
                m.put("label", p.label());
                m.put("type", p.type().name().toLowerCase(Locale.ROOT));
                m.put("default", p.defaultValue());
                m.put("required", p.required());
                m.put("min", p.min());
                m.put("max", p.max());
                m.put("choices", p.choices());
                m.put("help", p.help());
                params.add(m);
            }
            n.put("parameters", params);
            nodes.add(n);
        }
        List<Object> ports = new ArrayList<>();
        for (PortTypeInfo info : registry.portTypes()) {
            ports.add(Map.of("id", info.id(), "label", info.label(), "color", info.color(), "readable",
                    info.type().canRead()));
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("nodeTypes", nodes);
        root.put("portTypes", ports);
        return root;
    }

    private static Map<String, Object> port(PortDescriptor port) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", port.name());
        m.put("type", port.typeId());
        m.put("label", port.label());
        m.put("optional", port.optional());
        return m;
    }
}
