package io.radflow.study;

import io.radflow.core.data.Table;
import io.radflow.core.node.ExecutionContext;
import io.radflow.core.node.NodeImplementation;
import io.radflow.core.node.NodeInputs;
import io.radflow.core.node.Parameters;
import io.radflow.core.port.PortObject;
import io.radflow.testsupport.ConformanceReport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The R reference data of {@code golden/} (written by {@code r/make-golden.R}), a recording execution context and a
 * way to run a node with parameters laid over the defaults of its plugin.xml declaration.
 */
public final class StudyFixture {

    /** Conformance of the node outputs against R, shared by the test classes. */
    public static final ConformanceReport CONFORMANCE = new ConformanceReport("study-nodes",
            "Study nodes (selectors, models) against R on golden/study.csv (training rows)");

    private static Map<String, Double> reference;

    private StudyFixture() {
    }

    /** {@code <radflow.repo.root>/tests/io.radflow.study.tests/golden}, else {@code ./golden}. */
    public static Path golden(String file) {
        String root = System.getProperty("radflow.repo.root");
        Path dir = root != null ? Path.of(root, "tests", "io.radflow.study.tests", "golden") : Path.of("golden");
        return dir.resolve(file);
    }

    public static Table study() {
        return read("study.csv");
    }

    /** PatientID and the named columns of study.csv (a feature table without marks). */
    public static Table features(String... columns) {
        Table study = study();
        List<io.radflow.core.data.Column> out = new ArrayList<>();
        out.add(study.column("PatientID"));
        for (String c : columns) {
            out.add(study.column(c));
        }
        return new Table(out);
    }

    /** The values of {@code column} of study.csv at the training rows. */
    public static double[] trainingValues(String column) {
        Table study = study();
        List<Double> out = new ArrayList<>();
        for (int r = 0; r < study.rowCount(); r++) {
            if (study.column("Set").text(r).equals("train")) {
                out.add(study.column(column).number(r));
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    public static Table reader2() {
        return read("reader2.csv");
    }

    public static Table read(String file) {
        try {
            return Table.readCsv(golden(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A reference value of golden/reference.csv. */
    public static synchronized double ref(String quantity) {
        if (reference == null) {
            Table t = read("reference.csv");
            Map<String, Double> map = new HashMap<>();
            for (int r = 0; r < t.rowCount(); r++) {
                map.put(t.column("quantity").text(r), t.column("value").number(r));
            }
            reference = map;
        }
        Double v = reference.get(quantity);
        if (v == null) {
            throw new IllegalArgumentException("no reference value '" + quantity + "'");
        }
        return v;
    }

    /** Records a comparison with R in the conformance table and returns whether it passed. */
    public static boolean conform(String node, String quantity, double value, double relative) {
        boolean pass = CONFORMANCE.addRelative("golden/study.csv", node, quantity, "", value, ref(quantity), relative);
        CONFORMANCE.write();
        return pass;
    }

    /** The parameter defaults of node type {@code id} as declared in the bundle's plugin.xml. */
    public static Map<String, String> defaults(String id) {
        Map<String, String> values = new LinkedHashMap<>();
        org.w3c.dom.Element node = nodeElement(id);
        org.w3c.dom.NodeList params = node.getElementsByTagName("parameter");
        for (int i = 0; i < params.getLength(); i++) {
            org.w3c.dom.Element p = (org.w3c.dom.Element) params.item(i);
            if (p.hasAttribute("default")) {
                values.put(p.getAttribute("key"), p.getAttribute("default"));
            }
        }
        return values;
    }

    /** The {@code <node>} element of node type {@code id} in the bundle's plugin.xml. */
    public static org.w3c.dom.Element nodeElement(String id) {
        org.w3c.dom.NodeList nodes = pluginXml().getElementsByTagName("node");
        for (int i = 0; i < nodes.getLength(); i++) {
            org.w3c.dom.Element e = (org.w3c.dom.Element) nodes.item(i);
            if (e.getAttribute("id").equals(id)) {
                return e;
            }
        }
        throw new IllegalArgumentException("plugin.xml declares no node '" + id + "'");
    }

    /** The bundle's plugin.xml. */
    public static org.w3c.dom.Document pluginXml() {
        String root = System.getProperty("radflow.repo.root", "../..");
        try {
            return javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(Path.of(root, "bundles", "io.radflow.study", "plugin.xml").toFile());
        } catch (Exception e) {
            throw new IllegalStateException("cannot read plugin.xml: " + e.getMessage(), e);
        }
    }

    /** Runs node type {@code id} ({@code node}) with {@code parameters} over its plugin.xml defaults. */
    public static Map<String, PortObject> run(String id, NodeImplementation node, Map<String, PortObject> inputs,
            ExecutionContext context, String... parameters) throws Exception {
        return run(node, inputs, defaults(id), context, parameters);
    }

    /** Runs {@code node} with {@code parameters} (key, value pairs) over the declared defaults. */
    public static Map<String, PortObject> run(NodeImplementation node, Map<String, PortObject> inputs,
            Map<String, String> defaults, ExecutionContext context, String... parameters) throws Exception {
        Map<String, String> values = new LinkedHashMap<>(defaults);
        for (int i = 0; i < parameters.length; i += 2) {
            values.put(parameters[i], parameters[i + 1]);
        }
        Parameters p = new Parameters("test", values);
        node.validate(p);
        return node.execute(new NodeInputs("test", inputs), p, context);
    }

}
