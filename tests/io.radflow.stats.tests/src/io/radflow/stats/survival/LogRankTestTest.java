package io.radflow.stats.survival;

import static io.radflow.stats.survival.Golden.assertRelative;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.core.data.Table;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The log-rank test against R {@code survdiff(..., rho = 0)}. */
class LogRankTestTest {

    @ParameterizedTest
    @CsvSource({"lung.csv, 2, sex, logrank_lung_sex.csv", "lung.csv, 2, ph.ecog, logrank_lung_ecog.csv",
        "veteran.csv, 1, trt, logrank_veteran_trt.csv", "veteran.csv, 1, celltype, logrank_veteran_celltype.csv"})
    void matchesSurvdiff(String dataFile, double eventCode, String groupColumn, String goldenFile) {
        Table data = Golden.table(dataFile);
        int[] rows = data.column(groupColumn).isNumeric() ? Golden.completeRows(data, groupColumn)
                : Golden.allRows(data);
        LogRankTest test = LogRankTest.of(Golden.survival(data, rows, eventCode, groupColumn));
        Table golden = Golden.table(goldenFile);
        assertEquals(golden.rowCount(), test.groups().size(), "number of groups");
        assertRelative(Golden.number(golden, "chisq", 0), test.chiSquare(), 1e-9, "chi-square");
        assertEquals(Golden.number(golden, "df", 0), test.df(), 0.0, "df");
        assertRelative(Golden.number(golden, "p", 0), test.pValue(), 1e-9, "p");
        List<String> groups = test.groups();
        double[][] var = test.variance();
        for (int g = 0; g < groups.size(); g++) {
            int row = golden.findRow("group", groups.get(g));
            assertTrue(row >= 0, "group " + groups.get(g) + " in golden file");
            assertEquals(Golden.number(golden, "n", row), test.n()[g], 0.0, "n of " + groups.get(g));
            assertEquals(Golden.number(golden, "observed", row), test.observed()[g], 0.0, "O of " + groups.get(g));
            assertRelative(Golden.number(golden, "expected", row), test.expected()[g], 1e-9, "E of " + groups.get(g));
            for (int h = 0; h < groups.size(); h++) {
                int col = golden.findRow("group", groups.get(h)) + 1;
                assertRelative(Golden.number(golden, "var_" + col, row), var[g][h], 1e-9,
                        "V[" + groups.get(g) + "," + groups.get(h) + "]");
            }
        }
        // property: observed and expected totals agree
        double o = 0;
        double e = 0;
        for (int g = 0; g < groups.size(); g++) {
            o += test.observed()[g];
            e += test.expected()[g];
        }
        assertEquals(o, e, 1e-9 * o);
    }
}
