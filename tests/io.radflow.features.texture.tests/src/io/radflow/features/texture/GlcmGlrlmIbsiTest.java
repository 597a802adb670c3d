package io.radflow.features.texture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.features.FeatureDefinition;
import io.radflow.features.FeatureFamily;
import io.radflow.features.FeatureSettings;
import io.radflow.features.FeatureValues;
import io.radflow.features.Roi;
import io.radflow.testsupport.ReferenceData;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Every "Co-occurrence matrix (...)" and "Run length matrix (...)" row of the IBSI-1 reference table for the
 * digital phantom and CT configuration A, matched by IBSI id, within {@link ReferenceData.IbsiRow#effectiveTolerance()}.
 */
class GlcmGlrlmIbsiTest {

    @AfterAll
    static void writeReport() {
        GlcmGlrlmTestData.REPORT.write();
    }

    @Test
    void digitalPhantom() throws IOException {
        int rows = compare("digital_phantom", GlcmGlrlmTestData.digitalPhantom(),
                GlcmGlrlmTestData.digitalPhantomSettings());
        assertEquals(6 * (25 + 16), rows, "six aggregations of 25 GLCM and 16 GLRLM features");
    }

    @Test
    void ctPhantomConfigA() throws IOException {
        int rows = compare("config_A", GlcmGlrlmTestData.ctPhantomConfigA(), GlcmGlrlmTestData.ctConfigASettings());
        assertEquals(4 * (25 + 16), rows, "four 2D/2.5D aggregations of 25 GLCM and 16 GLRLM features");
    }

    private static int compare(String dataset, Roi roi, FeatureSettings base) throws IOException {
        Map<String, List<ReferenceData.IbsiRow>> byFamily = new LinkedHashMap<>();
        for (ReferenceData.IbsiRow row : ReferenceData.ibsiRows(dataset, null)) {
            if (row.family().startsWith("Co-occurrence matrix (") || row.family().startsWith("Run length matrix (")) {
                byFamily.computeIfAbsent(row.family(), k -> new ArrayList<>()).add(row);
            }
        }
        List<String> failures = new ArrayList<>();
        int compared = 0;
        for (Map.Entry<String, List<ReferenceData.IbsiRow>> entry : byFamily.entrySet()) {
            String label = entry.getKey().substring(entry.getKey().indexOf('(') + 1, entry.getKey().length() - 1);
            FeatureFamily family = entry.getKey().startsWith("Co-occurrence") ? new GlcmFeatures() : new GlrlmFeatures();
            FeatureSettings settings = base.with(TextureAggregation.SETTING, label);
            FeatureValues values = family.compute(roi, settings);
            for (ReferenceData.IbsiRow row : entry.getValue()) {
                FeatureDefinition d = family.features().stream().filter(f -> f.ibsiId().equals(row.ibsiId()))
                        .findFirst().orElse(null);
                compared++;
                if (d == null) {
                    GlcmGlrlmTestData.REPORT.add(dataset, row.family(), row.feature(), row.ibsiId(), Double.NaN,
                            row.reference(), "abs " + row.effectiveTolerance(), false, "no feature with this IBSI id");
                    failures.add(row.family() + " " + row.feature() + ": no feature with IBSI id " + row.ibsiId());
                    continue;
                }
                double value = values.get(d.name());
                double tolerance = row.effectiveTolerance();
                boolean pass = Math.abs(value - row.reference()) <= tolerance;
                GlcmGlrlmTestData.REPORT.add(dataset, row.family(), row.feature() + " (" + d.name() + ")",
                        row.ibsiId(), value, row.reference(), String.format(Locale.ROOT, "abs %.3g", tolerance), pass, "");
                if (!pass) {
                    failures.add(row.family() + " " + row.feature() + " (" + d.name() + "): " + value + " vs "
                            + row.reference() + " +- " + tolerance);
                }
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " of " + compared + " fail:\n" + String.join("\n", failures));
        return compared;
    }
}
