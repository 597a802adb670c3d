package io.radflow.ui.views;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.radflow.core.data.Column;
import io.radflow.core.data.Table;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Filtering, sorting and CSV export of the rows a result table shows. */
class FilteredTableTest {

    private static Table features() {
        return new Table(List.of(Column.text("feature", new String[] {"Entropy", "Energy", "Kurtosis", "Mean"}),
                Column.numeric("hr", new double[] {2.5, Double.NaN, 0.8, 1.1}),
                Column.text("family", new String[] {"firstorder", "firstorder", "firstorder", null})));
    }

    @Test
    void sortsNumbersWithMissingValuesLastInBothDirections() {
        FilteredTable t = new FilteredTable(features());
        t.setSort(1, true);
        assertArrayEquals(new int[] {2, 3, 0, 1}, t.rows());
        t.setSort(1, false);
        assertArrayEquals(new int[] {0, 3, 2, 1}, t.rows());
        t.setSort(0, true);
        assertEquals("Energy", t.cell(0, 0));
        t.setSort(-1, true);
        assertArrayEquals(new int[] {0, 1, 2, 3}, t.rows());
    }

    @Test
    void filterKeepsRowsContainingEveryWord() {
        FilteredTable t = new FilteredTable(features());
        t.setFilter("EN");
        assertArrayEquals(new int[] {0, 1}, t.rows(), "Entropy and Energy contain 'en'");
        t.setFilter("first 2.5");
        assertArrayEquals(new int[] {0}, t.rows(), "both words somewhere in the row");
        t.setFilter("  ");
        assertEquals(4, t.rowCount());
    }

    @Test
    void exportsTheVisibleRowsAsCsv() throws Exception {
        FilteredTable t = new FilteredTable(features());
        t.setFilter("first");
        t.setSort(1, false);
        Path file = Path.of(System.getProperty("radflow.test.output", "target/test-output"), "filtered.csv");
        t.writeCsv(file);
        assertEquals(List.of("feature,hr,family", "Entropy,2.5,firstorder", "Kurtosis,0.8,firstorder", "Energy,,firstorder"),
                Files.readAllLines(file));
        Table back = Table.readCsv(file);
        assertEquals(3, back.rowCount());
    }
}
