package io.radflow.image.io;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Access to the reference data beside the repository (system property {@code radflow.shared.data}). */
final class SharedData {

    private SharedData() {
    }

    static Path root() {
        String property = System.getProperty("radflow.shared.data");
        Path root = property != null ? Path.of(property)
                : Path.of(System.getProperty("radflow.repo.root", "."), "..", "shared", "data");
        assertTrue(Files.isDirectory(root), "reference data folder " + root.toAbsolutePath()
                + " not found; set -Dradflow.shared.data");
        return root.normalize();
    }

    static Path file(String relative) {
        Path file = root().resolve(relative);
        assertTrue(Files.isRegularFile(file), "missing reference file " + file);
        return file;
    }

    /** A minimal RFC 4180 reader (quoted cells with commas), enough for the reference CSVs. */
    static List<List<String>> csv(Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isEmpty()) {
                continue;
            }
            List<String> row = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char ch = line.charAt(i);
                if (quoted) {
                    if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else if (ch == '"') {
                        quoted = false;
                    } else {
                        cell.append(ch);
                    }
                } else if (ch == '"') {
                    quoted = true;
                } else if (ch == ',') {
                    row.add(cell.toString());
                    cell.setLength(0);
                } else {
                    cell.append(ch);
                }
            }
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }

    /**
     * Tolerance implied by a reference value printed with 3 significant digits (IBSI rounds its values so):
     * half a unit in the third significant digit, or the printed tolerance when larger.
     */
    static double roundingTolerance(double reference, double printedTolerance) {
        if (reference == 0) {
            return printedTolerance;
        }
        double unit = Math.pow(10, Math.floor(Math.log10(Math.abs(reference))) - 2);
        return Math.max(printedTolerance, 0.5 * unit * (1 + 1e-9));
    }
}
