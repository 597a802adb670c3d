package io.radflow.ui.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.core.data.Column;
import io.radflow.core.data.Table;
import io.radflow.core.node.ParameterDescriptor;
import io.radflow.core.node.ParameterType;
import io.radflow.ui.properties.ParameterEditors.Kind;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Widgets and validation generated from parameter descriptors. */
class ParameterEditorsTest {

    private static ParameterDescriptor p(String key, String label, ParameterType type, String def, Double min, Double max,
            List<String> choices, String help) {
        return new ParameterDescriptor(key, label, type, def, true, min, max, choices, help);
    }

    private static final ParameterDescriptor BIN_WIDTH = p("binWidth", "Bin width", ParameterType.DOUBLE, "25", 1e-6, null,
            null, "Width of the bins.");
    private static final ParameterDescriptor LABEL = p("label", "Label", ParameterType.INTEGER, "1", 1.0, 255.0, null, "");
    private static final ParameterDescriptor TIES = p("ties", "Ties", ParameterType.CHOICE, "efron", null, null,
            List.of("efron", "breslow"), "");
    private static final ParameterDescriptor IMAGE = p("image", "Image column", ParameterType.STRING, "portal", null, null,
            null, "Cohort file column holding each patient's image.");
    private static final ParameterDescriptor SIGMAS = p("sigma", "Sigmas", ParameterType.STRING, "1,2", null, null, null,
            "Comma-separated LoG sigmas in mm.");
    private static final ParameterDescriptor FILE = p("manifest", "Manifest", ParameterType.PATH, null, null, null, null, "");

    @Test
    void widgetsFollowTheDescriptor() {
        assertEquals(Kind.NUMBER, ParameterEditors.kindOf(BIN_WIDTH));
        assertEquals(Kind.NUMBER, ParameterEditors.kindOf(LABEL));
        assertEquals(Kind.CHOICE, ParameterEditors.kindOf(TIES));
        assertEquals(Kind.COLUMN, ParameterEditors.kindOf(IMAGE));
        assertEquals(Kind.LIST, ParameterEditors.kindOf(SIGMAS));
        assertEquals(Kind.PATH, ParameterEditors.kindOf(FILE));
        assertEquals(Kind.BOOLEAN, ParameterEditors.kindOf(p("s", "S", ParameterType.BOOLEAN, "true", null, null, null, "")));
        assertEquals(Kind.TEXT, ParameterEditors.kindOf(p("title", "Title", ParameterType.STRING, "", null, null, null, "")));
        assertEquals("1 to 255", ParameterEditors.rangeHint(LABEL));
        assertEquals("at least 1.0E-6", ParameterEditors.rangeHint(BIN_WIDTH));
        assertEquals("", ParameterEditors.rangeHint(TIES));
    }

    @Test
    void problemsNameTheParameterAndTheValue(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        assertNull(ParameterEditors.problem(BIN_WIDTH, "10", dir));
        assertNull(ParameterEditors.problem(BIN_WIDTH, "", dir), "empty = the default 25");
        assertEquals("parameter 'binWidth' = 0 is below its minimum 1.0E-6", ParameterEditors.problem(BIN_WIDTH, "0", dir));
        assertEquals("parameter 'label' must be an integer, got '2.5'", ParameterEditors.problem(LABEL, "2.5", dir));
        assertTrue(ParameterEditors.problem(TIES, "exact", dir).contains("[efron, breslow]"));
        assertEquals("parameter 'sigma' has an empty item in '1,,3'", ParameterEditors.problem(SIGMAS, "1,,3", dir));
        assertTrue(ParameterEditors.problem(FILE, "cohort.csv", dir).endsWith("cohort.csv does not exist"));
        Files.writeString(dir.resolve("cohort.csv"), "PatientID\n");
        assertNull(ParameterEditors.problem(FILE, "cohort.csv", dir));
        assertNull(ParameterEditors.problem(FILE, "builtin:demo", dir));
        assertEquals("parameter 'manifest' is required", ParameterEditors.problem(FILE, "", dir));
    }

    @Test
    void columnPickersOfferUpstreamColumnsOnce() {
        Table a = new Table(List.of(Column.text("PatientID", new String[] {"P1"}), Column.numeric("time", new double[] {1})));
        Table b = new Table(List.of(Column.text("PatientID", new String[] {"P1"}), Column.numeric("event", new double[] {0})));
        assertEquals(List.of("PatientID", "time", "event"), ParameterEditors.columns(List.of(a, b)));
    }
}
