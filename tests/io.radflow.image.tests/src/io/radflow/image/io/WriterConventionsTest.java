package io.radflow.image.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.image.Image3D;
import io.radflow.image.ImageGeometry;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the writers put in the headers for an oblique grid, against values worked out by hand from each
 * specification's convention (not only a round trip, which would hide a convention error made twice).
 */
class WriterConventionsTest {

    private static final double H = Math.sqrt(0.5);

    /** i along (H, H, 0), j along (-H, H, 0), k along +z in LPS; spacing 2, 3, 4; origin (10, 20, 30). */
    private static final ImageGeometry GRID = new ImageGeometry(new int[] {5, 4, 3}, new double[] {10, 20, 30},
            new double[] {2, 3, 4}, new double[] {H, -H, 0, H, H, 0, 0, 0, 1});

    @TempDir
    Path dir;

    private Path write(ImageIO format, String name) throws IOException {
        Path file = dir.resolve(name);
        format.write(new Image3D(GRID, new double[GRID.voxelCount()]), file);
        return file;
    }

    /** NIfTI srow is RAS: the LPS columns times spacing with x and y negated, the origin likewise. */
    @Test
    void niftiSformIsTheRasAffine() throws IOException {
        double[] expected = {-2 * H, 3 * H, 0, -10, -2 * H, -3 * H, 0, -20, 0, 0, 4, 30};
        ByteBuffer v1 = ByteBuffer.wrap(Files.readAllBytes(write(new NiftiImageIO(), "a.nii"))).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer v2 = ByteBuffer.wrap(Files.readAllBytes(write(NiftiImageIO.nifti2(), "b.nii"))).order(ByteOrder.LITTLE_ENDIAN);
        double[] srow1 = new double[12];
        double[] srow2 = new double[12];
        for (int i = 0; i < 12; i++) {
            srow1[i] = v1.getFloat(280 + 4 * i);
            srow2[i] = v2.getDouble(400 + 8 * i);
        }
        assertArrayEquals(expected, srow1, 1e-6);
        assertArrayEquals(expected, srow2, 1e-12);
        assertEquals(1, v1.getShort(254)); // sform_code scanner
        assertEquals(1, v2.getInt(348));
    }

    /** NRRD space directions are the LPS columns times spacing. */
    @Test
    void nrrdSpaceDirectionsAreScaledLpsColumns() throws IOException {
        String header = Files.readString(write(new NrrdImageIO(), "c.nhdr"));
        assertTrue(header.contains("space: left-posterior-superior\n"), header);
        String directions = header.lines().filter(l -> l.startsWith("space directions:")).findFirst().orElseThrow();
        double[] values = Arrays.stream(directions.substring(17).replaceAll("[()]", " ").trim().split("[ ,]+"))
                .mapToDouble(Double::parseDouble).toArray();
        assertArrayEquals(new double[] {2 * H, 2 * H, 0, -3 * H, 3 * H, 0, 0, 0, 4}, values, 1e-12);
        assertTrue(header.contains("space origin: (10.0,20.0,30.0)\n"), header);
        assertTrue(header.contains("data file: c.raw.gz\n"), header);
    }

    /** MetaImage TransformMatrix lists the axis directions one after another; identity-like codes per ITK. */
    @Test
    void metaImageTransformMatrixListsAxisDirections() throws IOException {
        String header = Files.readString(write(MetaImageIO.uncompressed(), "d.mhd"));
        String matrix = header.lines().filter(l -> l.startsWith("TransformMatrix")).findFirst().orElseThrow();
        double[] values = Arrays.stream(matrix.substring(matrix.indexOf('=') + 1).trim().split("\\s+"))
                .mapToDouble(Double::parseDouble).toArray();
        assertArrayEquals(new double[] {H, H, 0, -H, H, 0, 0, 0, 1}, values, 1e-12);
        assertTrue(header.contains("Offset = 10.0 20.0 30.0\n"), header);
        assertTrue(header.contains("ElementSpacing = 2.0 3.0 4.0\n"), header);
        assertTrue(header.contains("ElementDataFile = d.raw\n"), header);
        assertEquals(GRID.voxelCount() * 2L, Files.size(dir.resolve("d.raw"))); // MET_SHORT
    }
}
