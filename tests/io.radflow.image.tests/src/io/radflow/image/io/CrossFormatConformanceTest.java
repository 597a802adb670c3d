package io.radflow.image.io;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.image.Image3D;
import io.radflow.image.ImageGeometry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same volume in every format: the PyRadiomics brain1 NRRD (gzip, int16 image and int32 label map,
 * direction diag(1,-1,1)) and the IBSI digital phantom NIfTI are written as NIfTI-1, NIfTI-2, NRRD (attached
 * and detached) and MetaImage (.mha and .mhd), read back and compared with the original reading: voxels
 * exactly, geometry within 1e-5 (NIfTI-1 stores the affine as float32) or 1e-12 (the others keep doubles).
 * Writes {@code conformance-image-io.md} and {@code .csv} to {@code radflow.test.output}.
 */
class CrossFormatConformanceTest {

    @TempDir
    Path dir;

    private record Row(String dataset, String format, String quantity, double value, double reference, double tolerance,
            boolean pass, String reason) {
    }

    @Test
    void everyFormatGivesTheSameVoxelsAndGeometry() throws IOException {
        String[] references = {"pyradiomics/brain1_image.nrrd", "pyradiomics/brain1_label.nrrd",
            "ibsi/ibsi_1_digital_phantom/nifti/image/phantom.nii.gz", "ibsi/ibsi_1_digital_phantom/nifti/mask/mask.nii.gz"};
        Object[][] formats = {
            {"nifti1.nii.gz", new NiftiImageIO(), 1e-5},
            {"nifti2.nii", NiftiImageIO.nifti2(), 1e-12},
            {"attached.nrrd", new NrrdImageIO(), 1e-12},
            {"detached.nhdr", new NrrdImageIO(), 1e-12},
            {"inline.mha", new MetaImageIO(), 1e-12},
            {"detached.mhd", MetaImageIO.uncompressed(), 1e-12}};
        List<Row> rows = new ArrayList<>();
        for (String reference : references) {
            Image3D original = ImageFiles.read(SharedData.file(reference));
            String name = reference.substring(reference.lastIndexOf('/') + 1);
            List<Image3D> copies = new ArrayList<>();
            for (Object[] format : formats) {
                Path file = dir.resolve(name.replace('.', '_') + "-" + format[0]);
                ((ImageIO) format[1]).write(original, file);
                Image3D copy = ImageFiles.read(file);
                copies.add(copy);
                rows.addAll(compare(name, (String) format[0], original, copy, (double) format[2]));
            }
            // NIfTI against MetaImage and NRRD directly (not only through the original)
            rows.addAll(compare(name, "nifti1 vs inline.mha", copies.get(0), copies.get(4), 1e-5));
            rows.addAll(compare(name, "nifti2 vs attached.nrrd", copies.get(1), copies.get(2), 1e-12));
        }
        writeReport(rows);
        List<String> failures = rows.stream().filter(r -> !r.pass()).map(r -> r.dataset() + " " + r.format() + " "
                + r.quantity() + ": " + r.reason()).toList();
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    private static List<Row> compare(String dataset, String format, Image3D expected, Image3D actual, double tolerance) {
        List<Row> rows = new ArrayList<>();
        ImageGeometry g = expected.geometry();
        String mismatch = g.mismatch(actual.geometry(), tolerance);
        rows.add(new Row(dataset, format, "geometry (size, spacing, origin, direction)", mismatch == null ? 0 : 1, 0,
                tolerance, mismatch == null, mismatch == null ? "" : mismatch));
        double maxDiff = 0;
        if (mismatch == null || g.voxelCount() == actual.geometry().voxelCount()) {
            for (int i = 0; i < expected.voxelCount(); i++) {
                maxDiff = Math.max(maxDiff, Math.abs(expected.get(i) - actual.get(i)));
            }
        } else {
            maxDiff = Double.NaN;
        }
        rows.add(new Row(dataset, format, "max abs voxel difference", maxDiff, 0, 0, maxDiff == 0,
                maxDiff == 0 ? "" : "voxels differ by up to " + maxDiff));
        double corner = 0;
        int[] s = g.size();
        double[] a = g.indexToWorld(s[0] - 1, s[1] - 1, s[2] - 1);
        double[] b = actual.geometry().indexToWorld(s[0] - 1, s[1] - 1, s[2] - 1);
        for (int k = 0; k < 3; k++) {
            corner = Math.max(corner, Math.abs(a[k] - b[k]));
        }
        double cornerTolerance = 1e3 * tolerance;
        rows.add(new Row(dataset, format, "far corner world distance (mm)", corner, 0, cornerTolerance,
                corner <= cornerTolerance, corner <= cornerTolerance ? "" : "corner moved by " + corner + " mm"));
        return rows;
    }

    private static void writeReport(List<Row> rows) throws IOException {
        String property = System.getProperty("radflow.test.output");
        Path out = Path.of(property != null ? property : "target/test-output");
        Files.createDirectories(out);
        long passed = rows.stream().filter(Row::pass).count();
        StringBuilder md = new StringBuilder("# Image I/O conformance: the same volume in every format\n\n");
        md.append("References: PyRadiomics brain1 image and label (NRRD), IBSI digital phantom image and mask (NIfTI), ")
                .append("each written by every writer and read back; compared with the original reading.\n\n");
        md.append("| dataset | format | quantity | value | reference | tolerance | pass |\n|---|---|---|---|---|---|---|\n");
        StringBuilder csv = new StringBuilder("dataset,format,quantity,value,reference,tolerance,pass,reason\n");
        for (Row r : rows) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %.6g | %.6g | %.3g | %s |%n", r.dataset(), r.format(),
                    r.quantity(), r.value(), r.reference(), r.tolerance(), r.pass() ? "pass" : "**FAIL** " + r.reason()));
            csv.append(String.format(Locale.ROOT, "%s,%s,\"%s\",%.10g,%.10g,%.3g,%s,\"%s\"%n", r.dataset(), r.format(),
                    r.quantity(), r.value(), r.reference(), r.tolerance(), r.pass(), r.reason().replace("\"", "'")));
        }
        md.append('\n').append(passed).append(" of ").append(rows.size()).append(" pass\n");
        List<Row> failed = rows.stream().filter(r -> !r.pass()).toList();
        if (!failed.isEmpty()) {
            md.append("\nFailures:\n");
            failed.forEach(r -> md.append("- ").append(r.dataset()).append(' ').append(r.format()).append(": ")
                    .append(r.reason()).append('\n'));
        }
        Files.writeString(out.resolve("conformance-image-io.md"), md.toString());
        Files.writeString(out.resolve("conformance-image-io.csv"), csv.toString());
    }
}
