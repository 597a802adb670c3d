package io.radflow.image.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.image.Image3D;
import io.radflow.image.ImageGeometry;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NiftiImageIOTest {

    @TempDir
    Path dir;

    /** A rotation by 30 degrees about (1, 2, 3)/|.|: an oblique, proper direction matrix. */
    private static double[] obliqueDirection(boolean flipK) {
        double[] axis = {1, 2, 3};
        double n = Math.sqrt(14);
        double x = axis[0] / n;
        double y = axis[1] / n;
        double z = axis[2] / n;
        double t = Math.toRadians(30);
        double c = Math.cos(t);
        double s = Math.sin(t);
        double u = 1 - c;
        double f = flipK ? -1 : 1;
        return new double[] {
            c + x * x * u, x * y * u - z * s, f * (x * z * u + y * s),
            y * x * u + z * s, c + y * y * u, f * (y * z * u - x * s),
            z * x * u - y * s, z * y * u + x * s, f * (c + z * z * u)};
    }

    private static ImageGeometry geometry(boolean flipK) {
        return new ImageGeometry(new int[] {7, 5, 3}, new double[] {-12.5, 7.25, 3.0}, new double[] {0.8, 1.2, 2.5},
                obliqueDirection(flipK));
    }

    private static void assertSameGeometry(ImageGeometry expected, ImageGeometry actual) {
        assertArrayEquals(expected.size(), actual.size());
        assertArrayEquals(expected.spacing(), actual.spacing(), 1e-6);
        assertArrayEquals(expected.origin(), actual.origin(), 1e-6);
        assertArrayEquals(expected.direction(), actual.direction(), 1e-6);
    }

    @Test
    void roundTripKeepsFloatVoxelsAndObliqueGeometry() throws IOException {
        ImageGeometry g = geometry(false);
        Random random = new Random(42);
        double[] voxels = new double[g.voxelCount()];
        for (int i = 0; i < voxels.length; i++) {
            voxels[i] = (float) (random.nextGaussian() * 300); // float32-representable
        }
        Path file = dir.resolve("random.nii.gz");
        ImageFiles.write(new Image3D(g, voxels), file);
        Image3D back = ImageFiles.read(file);
        assertArrayEquals(voxels, back.voxels(), 0.0);
        assertSameGeometry(g, back.geometry());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void integerImagesAreStoredAsInt16AndReadBackExactly() throws IOException {
        ImageGeometry g = geometry(true); // left-handed: qfac = -1
        Random random = new Random(7);
        double[] voxels = new double[g.voxelCount()];
        for (int i = 0; i < voxels.length; i++) {
            voxels[i] = random.nextInt(65536) - 32768;
        }
        Path file = dir.resolve("labels.nii");
        ImageFiles.write(new Image3D(g, voxels), file);
        byte[] bytes = Files.readAllBytes(file);
        assertEquals(352 + 2 * voxels.length, bytes.length, "int16 data after a 352-byte header");
        ByteBuffer h = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(4, h.getShort(70), "datatype int16");
        Image3D back = ImageFiles.read(file);
        assertArrayEquals(voxels, back.voxels(), 0.0);
        assertSameGeometry(g, back.geometry());
    }

    /** The qform written beside the sform must describe the same geometry (what ITK may prefer). */
    @Test
    void qformAloneGivesTheSameGeometry() throws IOException {
        for (boolean flip : new boolean[] {false, true}) {
            ImageGeometry g = geometry(flip);
            Path file = dir.resolve("q" + flip + ".nii");
            ImageFiles.write(new Image3D(g, new double[g.voxelCount()]), file);
            byte[] bytes = Files.readAllBytes(file);
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putShort(254, (short) 0); // sform_code = 0
            Files.write(file, bytes);
            assertSameGeometry(g, ImageFiles.read(file).geometry());
        }
    }

    @Test
    void overwritingReplacesTheFile() throws IOException {
        ImageGeometry g = ImageGeometry.of(2, 2, 2, new double[3], new double[] {1, 1, 1});
        Path file = dir.resolve("x.nii.gz");
        ImageFiles.write(new Image3D(g, new double[] {1, 2, 3, 4, 5, 6, 7, 8}), file);
        ImageFiles.write(new Image3D(g, new double[] {8, 7, 6, 5, 4, 3, 2, 1.5}), file);
        assertArrayEquals(new double[] {8, 7, 6, 5, 4, 3, 2, 1.5}, ImageFiles.read(file).voxels(), 0.0);
    }

    @Test
    void readsBigEndianWithEveryDatatypeAndScaling() throws IOException {
        double[] values = {0, 1, 2, 3, 4, 5, 100, 127};
        for (ByteOrder order : new ByteOrder[] {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN}) {
            for (short datatype : new short[] {2, 256, 4, 512, 8, 768, 16, 64}) {
                RawNifti raw = new RawNifti();
                raw.order = order;
                raw.datatype = datatype;
                raw.pixdim = new float[] {1, 0.5f, 0.75f, 3f, 0, 0, 0, 0};
                raw.values(values);
                Path file = dir.resolve("t" + datatype + order + ".nii");
                Files.write(file, raw.bytes());
                Image3D image = ImageFiles.read(file);
                assertArrayEquals(values, image.voxels(), 0.0, "datatype " + datatype + " " + order);
                assertArrayEquals(new double[] {0.5, 0.75, 3}, image.geometry().spacing(), 1e-7);
                // pixdim-only geometry ("method 1"): RAS identity becomes LPS diag(-1,-1,1)
                assertArrayEquals(new double[] {-1, 0, 0, 0, -1, 0, 0, 0, 1}, image.geometry().direction(), 0.0);
            }
        }
        // unsigned types above the signed range, negative signed values
        RawNifti u16 = new RawNifti();
        u16.datatype = 512;
        u16.values(65535, 40000, 0, 1, 2, 3, 4, 5);
        Path f = dir.resolve("u16.nii");
        Files.write(f, u16.bytes());
        assertEquals(65535, ImageFiles.read(f).get(0), 0.0);
        assertEquals(40000, ImageFiles.read(f).get(1), 0.0);
        RawNifti scaled = new RawNifti();
        scaled.order = ByteOrder.BIG_ENDIAN;
        scaled.slope = 2.5f;
        scaled.inter = -1000;
        scaled.values(-3, 0, 1, 2, 3, 4, 5, 6);
        Path s = dir.resolve("scaled.nii");
        Files.write(s, scaled.bytes());
        assertArrayEquals(new double[] {-1007.5, -1000, -997.5, -995, -992.5, -990, -987.5, -985},
                ImageFiles.read(s).voxels(), 1e-9);
    }

    @Test
    void fourDimensionalFileWithOneTimePointIsRead() throws IOException {
        RawNifti raw = new RawNifti();
        raw.dim = new short[] {4, 2, 2, 2, 1, 1, 1, 1};
        raw.values(1, 2, 3, 4, 5, 6, 7, 8);
        Path file = dir.resolve("t1.nii");
        Files.write(file, raw.bytes());
        assertArrayEquals(new int[] {2, 2, 2}, ImageFiles.read(file).geometry().size());
    }

    @Test
    void sformOverridesQformAndQformOverridesPixdim() throws IOException {
        RawNifti raw = new RawNifti();
        raw.values(1, 2, 3, 4, 5, 6, 7, 8);
        raw.qformCode = 1;
        // quaternion (0,0,1): 180 degrees about z, so RAS (-1,-1,1) -> LPS identity; offset (10, 20, 30)
        raw.quatern = new float[] {0, 0, 1, 10, 20, 30};
        raw.pixdim = new float[] {1, 2, 3, 4, 0, 0, 0, 0};
        Path q = dir.resolve("q.nii");
        Files.write(q, raw.bytes());
        ImageGeometry gq = ImageFiles.read(q).geometry();
        assertArrayEquals(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, gq.direction(), 1e-7);
        assertArrayEquals(new double[] {-10, -20, 30}, gq.origin(), 1e-6);
        assertArrayEquals(new double[] {2, 3, 4}, gq.spacing(), 1e-7);
        raw.sformCode = 2;
        raw.srow = new float[] {0, 5, 0, 1, 6, 0, 0, 2, 0, 0, 7, 3}; // i -> +y (6 mm), j -> +x (5 mm)
        Path s = dir.resolve("s.nii");
        Files.write(s, raw.bytes());
        ImageGeometry gs = ImageFiles.read(s).geometry();
        assertArrayEquals(new double[] {6, 5, 7}, gs.spacing(), 1e-7);
        assertArrayEquals(new double[] {0, -1, 0, -1, 0, 0, 0, 0, 1}, gs.direction(), 1e-7);
        assertArrayEquals(new double[] {-1, -2, 3}, gs.origin(), 1e-7);
        assertFalse(gs.sameGrid(gq, 1e-3));
        assertTrue(new NiftiImageIO().canHandle(Path.of("A.NII.GZ")));
    }
}
