package io.radflow.ui.images;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.image.Image3D;
import io.radflow.image.ImageGeometry;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Slice extraction, windowing and overlay blending against hand-computed pixel values. */
class SliceRendererTest {

    /** 3 x 2 x 2 voxels, spacing 1 x 2 x 3 mm, value = x + 10 y + 100 z. */
    private static Image3D ramp() {
        ImageGeometry g = ImageGeometry.of(3, 2, 2, new double[] {0, 0, 0}, new double[] {1, 2, 3});
        double[] v = new double[12];
        for (int z = 0; z < 2; z++) {
            for (int y = 0; y < 2; y++) {
                for (int x = 0; x < 3; x++) {
                    v[g.index(x, y, z)] = x + 10 * y + 100 * z;
                }
            }
        }
        return new Image3D(g, v);
    }

    @Test
    void slicesFollowTheRadiologicalLayout() {
        Slice axial = Slice.of(ramp(), SliceOrientation.AXIAL, 1);
        assertEquals(3, axial.width());
        assertEquals(2, axial.height());
        assertArrayEquals(new double[] {100, 101, 102, 110, 111, 112}, axial.values());
        assertEquals(1, axial.pixelWidth());
        assertEquals(2, axial.pixelHeight());

        // coronal y = 1: columns x, top row the highest z
        Slice coronal = Slice.of(ramp(), SliceOrientation.CORONAL, 1);
        assertArrayEquals(new double[] {110, 111, 112, 10, 11, 12}, coronal.values());
        assertEquals(3, coronal.pixelHeight());

        // sagittal x = 2: columns y, top row the highest z
        Slice sagittal = Slice.of(ramp(), SliceOrientation.SAGITTAL, 2);
        assertEquals(2, sagittal.width());
        assertArrayEquals(new double[] {102, 112, 2, 12}, sagittal.values());
        assertEquals(2, sagittal.pixelWidth());
        assertEquals(3, SliceOrientation.SAGITTAL.sliceCount(ramp().geometry()));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Slice.of(ramp(), SliceOrientation.AXIAL, 2));
        assertTrue(e.getMessage().contains("AXIAL slice 2 is outside the image (0 to 1)"), e.getMessage());
    }

    @Test
    void windowFollowsTheDicomLinearFunction() {
        WindowLevel abdomen = WindowLevel.ABDOMEN; // W400 L50: black up to -150, white above 249
        assertEquals(0, abdomen.gray(-150));
        assertEquals(1, abdomen.gray(-149)); // ((-149 - 49.5) / 399 + 0.5) * 255 = 0.639
        assertEquals(96, abdomen.gray(0)); // 95.86
        assertEquals(128, abdomen.gray(50)); // 127.82
        assertEquals(255, abdomen.gray(249));
        assertEquals(255, abdomen.gray(250));
        assertEquals(0, abdomen.gray(Double.NaN));
        assertEquals("Liver (contrast) W150 L90", WindowLevel.LIVER_CONTRAST.label());
        WindowLevel full = WindowLevel.fullRange(new double[] {-10, 30});
        assertEquals(41, full.width());
        assertEquals(0, full.gray(-10));
        assertEquals(255, full.gray(30));
    }

    @Test
    void overlayBlendsLabelColoursWithTheOpacity() {
        ImageGeometry g = ImageGeometry.of(2, 1, 1, new double[3], new double[] {1, 1, 1});
        Slice image = Slice.of(new Image3D(g, new double[] {50, 50}), SliceOrientation.AXIAL, 0);
        Slice labels = Slice.of(new Image3D(g, new double[] {2, 0}), SliceOrientation.AXIAL, 0);
        SliceRenderer.Rendered r = SliceRenderer.render(image, labels, WindowLevel.ABDOMEN, OverlayStyle.DEFAULT);
        // grey 128; tumour 0xE6194B at opacity 0.4: 0.6 * 128 + 0.4 * (230, 25, 75) = (168.8, 86.8, 106.8)
        assertEquals((169 << 16) | (87 << 8) | 107, r.pixel(0, 0));
        assertEquals(0x808080, r.pixel(1, 0), "label 0 keeps the grey");
        SliceRenderer.Rendered hidden = SliceRenderer.render(image, labels, WindowLevel.ABDOMEN,
                OverlayStyle.DEFAULT.withVisible(2, false));
        assertEquals(0x808080, hidden.pixel(0, 0));
        SliceRenderer.Rendered opaque = SliceRenderer.render(image, labels, WindowLevel.ABDOMEN,
                OverlayStyle.DEFAULT.withOpacity(1));
        assertEquals(0xE6194B, opaque.pixel(0, 0));
        assertThrows(IllegalArgumentException.class, () -> SliceRenderer.render(image,
                Slice.of(ramp(), SliceOrientation.AXIAL, 0), WindowLevel.ABDOMEN, OverlayStyle.DEFAULT));
    }

    @Test
    void outlineModePaintsOnlyBorderPixels() {
        ImageGeometry g = ImageGeometry.of(5, 5, 1, new double[3], new double[] {1, 1, 1});
        double[] labels = new double[25];
        for (int y = 1; y <= 3; y++) {
            for (int x = 1; x <= 3; x++) {
                labels[g.index(x, y, 0)] = 1;
            }
        }
        Slice image = Slice.of(new Image3D(g, new double[25]), SliceOrientation.AXIAL, 0);
        SliceRenderer.Rendered r = SliceRenderer.render(image, Slice.of(new Image3D(g, labels), SliceOrientation.AXIAL, 0),
                WindowLevel.ABDOMEN, OverlayStyle.DEFAULT.withOutline(true));
        int grey = 96;
        int background = (grey << 16) | (grey << 8) | grey;
        assertEquals(0x2CA02C, r.pixel(1, 1), "corner of the liver block");
        assertEquals(0x2CA02C, r.pixel(3, 2), "edge of the block");
        assertEquals(background, r.pixel(2, 2), "inside the block");
        assertEquals(background, r.pixel(0, 0), "outside");
    }

    @Test
    void startSliceHasTheMostVoxelsOfTheHighestLabel() {
        ImageGeometry g = ImageGeometry.of(2, 2, 3, new double[3], new double[] {1, 1, 1});
        double[] labels = new double[12];
        labels[g.index(0, 0, 0)] = 1;
        labels[g.index(1, 0, 0)] = 1;
        labels[g.index(0, 0, 2)] = 2;
        Image3D image = new Image3D(g, new double[12]);
        ViewerInput input = new ViewerInput("t", java.util.List.of(new ViewerInput.Panel("img", image, null)),
                new Image3D(g, labels));
        assertEquals(2, input.startSlice(SliceOrientation.AXIAL));
        ImageGeometry other = ImageGeometry.of(2, 2, 2, new double[3], new double[] {1, 1, 1});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ViewerInput("t",
                java.util.List.of(new ViewerInput.Panel("img", image, null)), new Image3D(other, new double[8])));
        assertTrue(e.getMessage().contains("mask"), e.getMessage());
    }

    @Test
    void imagePathsFindTheImageAndItsMaskInARow() {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("PatientID", "P001");
        row.put("arterial", "/d/P001_arterial.nii.gz");
        row.put("portal", "/d/P001_portal.nii.gz");
        row.put("mask", "/d/P001_mask.nii.gz");
        ImagePaths.ImagePair clicked = ImagePaths.fromRow(row, "portal", null).orElseThrow();
        assertEquals(Path.of("/d/P001_portal.nii.gz"), clicked.image());
        assertEquals(Path.of("/d/P001_mask.nii.gz"), clicked.mask());
        ImagePaths.ImagePair first = ImagePaths.fromRow(row, "PatientID", null).orElseThrow();
        assertEquals("arterial", first.imageColumn());
        Map<String, String> relative = new LinkedHashMap<>();
        relative.put("image", "img/a.nrrd");
        assertEquals(Path.of("/base/img/a.nrrd"), ImagePaths.fromRow(relative, null, Path.of("/base")).orElseThrow().image());
        assertTrue(ImagePaths.fromRow(Map.of("x", "notes.txt"), null, null).isEmpty());
    }
}
