package io.radflow.image.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.image.Image3D;
import io.radflow.image.ImageGeometry;
import io.radflow.image.Mask;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/** Reading the IBSI and PyRadiomics reference images, checked against values published with them. */
class ReferenceImagesTest {

    @Test
    void ibsiDigitalPhantomMatchesItsReadme() throws IOException {
        Image3D image = ImageFiles.read(SharedData.file("ibsi/ibsi_1_digital_phantom/nifti/image/phantom.nii.gz"));
        Image3D labels = ImageFiles.read(SharedData.file("ibsi/ibsi_1_digital_phantom/nifti/mask/mask.nii.gz"));
        ImageGeometry g = image.geometry();
        assertArrayEquals(new int[] {5, 4, 4}, g.size());
        assertArrayEquals(new double[] {2, 2, 2}, g.spacing(), 1e-9);
        assertTrue(g.sameGrid(labels.geometry(), 1e-9));
        Mask mask = Mask.ofLabel(labels, 1);
        assertEquals(74, mask.count());
        Set<Double> levels = new TreeSet<>();
        for (double v : mask.valuesOf(image)) {
            levels.add(v);
        }
        assertEquals(Set.of(1.0, 3.0, 4.0, 6.0), levels);
        // grey level 9 exists outside the ROI only (README: levels {1,3,4,6,9})
        Set<Double> all = new TreeSet<>();
        for (double v : image.voxels()) {
            all.add(v);
        }
        assertEquals(Set.of(1.0, 3.0, 4.0, 6.0, 9.0), all);
    }

    /**
     * The IBSI CT phantom against every "Diagnostics-initial image/ROI" row of configurations A to E:
     * dimensions, voxel size, voxel count, bounding box and mean/min/max intensities of image and ROI.
     */
    @Test
    void ibsiCtPhantomMatchesInitialDiagnostics() throws IOException {
        Image3D image = ImageFiles.read(SharedData.file("ibsi/ibsi_1_ct_radiomics_phantom/nifti/image/phantom.nii.gz"));
        Image3D labels = ImageFiles.read(SharedData.file("ibsi/ibsi_1_ct_radiomics_phantom/nifti/mask/mask.nii.gz"));
        ImageGeometry g = image.geometry();
        assertTrue(g.sameGrid(labels.geometry(), 1e-6), g.mismatch(labels.geometry(), 1e-6));
        // README: sform with negative x and y, i.e. LPS-style axes: identity direction after RAS -> LPS
        assertArrayEquals(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, g.direction(), 1e-9);
        Mask mask = Mask.ofLabel(labels, 1);
        Map<String, Double> computed = new HashMap<>();
        computed.put("img_dim_x_init_img", (double) g.sizeX());
        computed.put("img_dim_y_init_img", (double) g.sizeY());
        computed.put("img_dim_z_init_img", (double) g.sizeZ());
        for (int axis = 0; axis < 3; axis++) {
            computed.put("vox_dim_" + "xyz".charAt(axis) + "_init_img", g.spacing()[axis]);
        }
        double[] all = image.voxels();
        computed.put("mean_int_init_img", mean(all));
        computed.put("min_int_init_img", min(all));
        computed.put("max_int_init_img", max(all));
        int[] lo = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE};
        int[] hi = {-1, -1, -1};
        for (int z = 0; z < g.sizeZ(); z++) {
            for (int y = 0; y < g.sizeY(); y++) {
                for (int x = 0; x < g.sizeX(); x++) {
                    if (mask.contains(g.index(x, y, z))) {
                        int[] p = {x, y, z};
                        for (int a = 0; a < 3; a++) {
                            lo[a] = Math.min(lo[a], p[a]);
                            hi[a] = Math.max(hi[a], p[a]);
                        }
                    }
                }
            }
        }
        double[] roi = mask.valuesOf(image);
        for (String kind : new String[] {"int", "morph"}) {
            for (int a = 0; a < 3; a++) {
                char axis = "xyz".charAt(a);
                computed.put(kind + "_mask_dim_" + axis + "_init_roi", (double) g.size()[a]);
                computed.put(kind + "_mask_bb_dim_" + axis + "_init_roi", (double) (hi[a] - lo[a] + 1));
            }
            computed.put(kind + "_mask_vox_count_init_roi", (double) mask.count());
        }
        computed.put("int_mask_mean_int_init_roi", mean(roi));
        computed.put("int_mask_min_int_init_roi", min(roi));
        computed.put("int_mask_max_int_init_roi", max(roi));

        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (List<String> row : SharedData.csv(SharedData.file("ibsi/ibsi_1_reference_values.csv"))) {
            if (!row.get(0).startsWith("config_") || !row.get(1).startsWith("Diagnostics-initial")) {
                continue;
            }
            String tag = row.get(3);
            Double value = computed.get(tag);
            if (value == null) {
                failures.add(row.get(0) + " " + tag + ": not computed");
                continue;
            }
            double reference = Double.parseDouble(row.get(5));
            double tolerance = SharedData.roundingTolerance(reference, Double.parseDouble(row.get(6)));
            checked++;
            if (!(Math.abs(value - reference) <= tolerance)) {
                failures.add(row.get(0) + " " + tag + ": " + value + " vs " + reference + " +- " + tolerance);
            }
        }
        assertEquals(5 * 23, checked, "diagnostics rows checked");
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void pyradiomicsNrrdMatchesBaselineDiagnostics() throws IOException {
        List<List<String>> rows = SharedData.csv(SharedData.file("pyradiomics/baseline/baseline_firstorder.csv"));
        List<String> header = rows.get(0);
        for (String testCase : new String[] {"brain1", "breast1"}) {
            Image3D image = ImageFiles.read(SharedData.file("pyradiomics/" + testCase + "_image.nrrd"));
            Image3D labels = ImageFiles.read(SharedData.file("pyradiomics/" + testCase + "_label.nrrd"));
            // the _normalization column carries the informational diagnostics (size, spacing, mean ...)
            int column = header.indexOf(testCase + "_normalization");
            Map<String, String> diag = new HashMap<>();
            for (List<String> row : rows) {
                diag.put(row.get(0), row.get(column));
            }
            ImageGeometry g = image.geometry();
            assertArrayEquals(ints(diag.get("diagnostics_Image-original_Size")), g.size(), testCase);
            assertArrayEquals(ints(diag.get("diagnostics_Mask-original_Size")), labels.geometry().size(), testCase);
            assertArrayEquals(doubles(diag.get("diagnostics_Image-original_Spacing")), g.spacing(), 1e-9, testCase);
            assertTrue(g.sameGrid(labels.geometry(), 1e-9));
            double[] voxels = image.voxels();
            assertEquals(Double.parseDouble(diag.get("diagnostics_Image-original_Mean")), mean(voxels), 1e-9, testCase);
            assertEquals(Double.parseDouble(diag.get("diagnostics_Image-original_Minimum")), min(voxels), testCase);
            assertEquals(Double.parseDouble(diag.get("diagnostics_Image-original_Maximum")), max(voxels), testCase);
            Mask mask = Mask.ofLabel(labels, 1);
            assertEquals(Integer.parseInt(diag.get("diagnostics_Mask-original_VoxelNum")), mask.count(), testCase);
            double[] com = new double[3];
            for (int z = 0; z < g.sizeZ(); z++) {
                for (int y = 0; y < g.sizeY(); y++) {
                    for (int x = 0; x < g.sizeX(); x++) {
                        if (mask.contains(g.index(x, y, z))) {
                            double[] w = g.indexToWorld(x, y, z);
                            for (int a = 0; a < 3; a++) {
                                com[a] += w[a] / mask.count();
                            }
                        }
                    }
                }
            }
            // PyRadiomics' centre of mass is a world point (SimpleITK centroid): checks origin and direction
            assertArrayEquals(doubles(diag.get("diagnostics_Mask-original_CenterOfMass")), com, 1e-6, testCase);
        }
        // README: brain1 has direction diag(1,-1,1); breast1's header has identity directions
        assertArrayEquals(new double[] {1, 0, 0, 0, -1, 0, 0, 0, 1},
                ImageFiles.read(SharedData.file("pyradiomics/brain1_image.nrrd")).geometry().direction(), 1e-12);
        assertArrayEquals(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1},
                ImageFiles.read(SharedData.file("pyradiomics/breast1_image.nrrd")).geometry().direction(), 1e-12);
    }

    private static int[] ints(String tuple) {
        double[] d = doubles(tuple);
        int[] out = new int[d.length];
        for (int i = 0; i < d.length; i++) {
            out[i] = (int) d[i];
        }
        return out;
    }

    private static double[] doubles(String tuple) {
        String[] parts = tuple.replace("(", "").replace(")", "").split(",");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Double.parseDouble(parts[i].trim());
        }
        return out;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double x : v) {
            m = Math.min(m, x);
        }
        return m;
    }

    private static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            m = Math.max(m, x);
        }
        return m;
    }
}
