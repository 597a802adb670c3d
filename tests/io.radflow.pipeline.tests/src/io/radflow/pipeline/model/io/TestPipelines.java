package io.radflow.pipeline.model.io;

import io.radflow.pipeline.model.Pipeline;

/** Pipelines shared by the model tests. */
final class TestPipelines {

    private TestPipelines() {
    }

    /** Values that YAML would otherwise read as numbers, booleans, nulls or structure, and odd text. */
    static final String[] TRICKY_VALUES = {
        "25", "25.0", "0x1F", "1e3", "-7", ".5", "", "true", "yes", "No", "off", "null", "~", "NULL",
        "2024-01-01", "  spaced  ", "trailing ", "a: b", "#hash", "- dash", "[not a list]", "{not: a map}",
        "*alias", "&anchor", "!tag", "%percent", "@at", "`tick`", "quote ' and \"", "tab\tvalue",
        "line1\nline2", "windows\r\nline", "émoji 🙂 中文 ñ", "sep\u2028line", "back\\slash", "comma, here",
        "question?", "? key", ": start", "ends with colon:", "=", "<<", "0o17", "+1", "1_000", ".inf", ".NaN"
    };

    /** A pipeline that uses every attribute and awkward values everywhere. */
    static Pipeline everything() {
        PipelineBuilder b = PipelineBuilder.pipeline("Ünïcødé pipeline: \"all\" features")
                .description("First line.\nSecond line with ' and \" and #.\n\nAfter a blank line.");
        b.node("reader.v2", "radflow.io.cohort", "1.0.0").label("Reader (v2)").at(-40, 12345)
                .param("manifest", "builtin:demo")
                .output("cohort.main", "radflow.cohort")
                .output("clinical", "radflow.table");
        b.node("reader", "radflow.io.other", null).label("").at(0, 0)
                .output("v2.cohort", "radflow.cohort");
        b.node("tricky", "radflow.test.tricky", "2.1.0-rc.1").at(400, 80);
        for (int i = 0; i < TRICKY_VALUES.length; i++) {
            b.param("p" + i, TRICKY_VALUES[i]);
        }
        b.param("nullValue", null)
                .param("25", "key that looks like a number")
                .param("with space", "x")
                .param("a.b", "dotted key")
                .input("in", "radflow.cohort")
                .input("clinical", "radflow.table")
                .output("zz", "radflow.table")
                .output("aa", "radflow.table");
        b.node("sink", "radflow.charts.kaplanMeierPlot", "1.0.0").label("Plot 📈").at(800, 300)
                .param("title", "Overall survival, median split of the best first-order feature")
                .input("a", "radflow.table")
                .input("b", "radflow.table")
                .input("c", "radflow.table");
        b.connect("reader.v2.cohort.main", "tricky.in")
                .connect("reader.v2.clinical", "tricky.clinical")
                .connect("tricky.zz", "sink.b")
                .connect("tricky.aa", "sink.a")
                .connect("reader.v2.clinical", "sink.c");
        Pipeline pipeline = b.build();
        // "reader.v2.cohort" is ambiguous: node "reader" port "v2.cohort" must survive as written.
        io.radflow.pipeline.model.Connection extra = io.radflow.pipeline.model.PipelineFactory.eINSTANCE.createConnection();
        extra.setSource(pipeline.getNodes().get(1));
        extra.setSourcePort("v2.cohort");
        extra.setTarget(pipeline.getNodes().get(3));
        extra.setTargetPort("a");
        pipeline.getConnections().add(extra);
        return pipeline;
    }
}
