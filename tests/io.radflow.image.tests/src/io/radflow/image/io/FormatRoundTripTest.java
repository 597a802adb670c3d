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
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every writer, read back: voxels exactly, oblique geometry with anisotropic spacing within rounding. */
class FormatRoundTripTest {

    @TempDir
    Path dir;

    /** Writer and file name; NIfTI-1 stores the affine as float32, the others keep doubles. */
    static Stream<Arguments> writers() {
        return Stream.of(
                Arguments.of("img.nii", new NiftiImageIO(), 1e-6),
                Arguments.of("img.nii.gz", new NiftiImageIO(), 1e-6),
                Arguments.of("img2.nii.gz", NiftiImageIO.nifti2(), 1e-12),
                Arguments.of("img.nrrd", new NrrdImageIO(), 1e-12),
                Arguments.of("img.nhdr", new NrrdImageIO(), 1e-12),
                Arguments.of("img.mha", new MetaImageIO(), 1e-12),
                Arguments.of("img.mhd", new MetaImageIO(), 1e-12),
                Arguments.of("raw.mha", MetaImageIO.uncompressed(), 1e-12),
                Arguments.of("raw.mhd", MetaImageIO.uncompressed(), 1e-12));
    }

    /** A rotation by 30 degrees about (1, 2, 3), optionally with the k axis flipped (left-handed). */
    static double[] oblique(boolean flipK) {
        double n = Math.sqrt(14);
        double x = 1 / n;
        double y = 2 / n;
        double z = 3 / n;
        double c = Math.cos(Math.toRadians(30));
        double s = Math.sin(Math.toRadians(30));
        double u = 1 - c;
        double f = flipK ? -1 : 1;
        return new double[] {
            c + x * x * u, x * y * u - z * s, f * (x * z * u + y * s),
            y * x * u + z * s, c + y * y * u, f * (y * z * u - x * s),
            z * x * u - y * s, z * y * u + x * s, f * (c + z * z * u)};
    }

    /** int16, int32, float32 and float64 voxels: each writer picks the smallest lossless type. */
    static List<double[]> voxelSets(int count) {
        Random random = new Random(7);
        double[] int16 = new double[count];
        double[] int32 = new double[count];
        double[] float32 = new double[count];
        double[] float64 = new double[count];
        for (int i = 0; i < count; i++) {
            int16[i] = random.nextInt(65536) - 32768;
            int32[i] = random.nextInt() / 3;
            float32[i] = (float) (random.nextGaussian() * 100);
            float64[i] = random.nextGaussian() * 1e3 + 1e-9 * i;
        }
        return List.of(int16, int32, float32, float64);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writers")
    void roundTripKeepsVoxelsAndObliqueAnisotropicGeometry(String name, ImageIO format, double tolerance)
            throws IOException {
        for (boolean flip : new boolean[] {false, true}) {
            ImageGeometry g = new ImageGeometry(new int[] {6, 4, 3}, new double[] {-120.5, 33.25, -7.125},
                    new double[] {0.7, 1.3, 3.1}, oblique(flip));
            for (double[] voxels : voxelSets(g.voxelCount())) {
                Path file = dir.resolve(name);
                format.write(new Image3D(g, voxels), file);
                Image3D back = ImageFiles.read(file);
                assertArrayEquals(voxels, back.voxels(), 0.0, name);
                assertTrue(g.sameGrid(back.geometry(), tolerance), name + ": " + g.mismatch(back.geometry(), tolerance));
                // corners in world coordinates, the property downstream code relies on
                assertArrayEquals(g.indexToWorld(5, 3, 2), back.geometry().indexToWorld(5, 3, 2), 1e3 * tolerance, name);
            }
        }
    }

    @Test
    void nifti2HeaderIsWrittenAndWideImagesSwitchToNifti2() throws IOException {
        ImageGeometry g = new ImageGeometry(new int[] {2, 3, 2}, new double[] {1, 2, 3}, new double[] {0.5, 0.25, 2},
                oblique(false));
        Path v2 = dir.resolve("v2.nii");
        NiftiImageIO.nifti2().write(new Image3D(g, new double[12]), v2);
        ByteBuffer h = ByteBuffer.wrap(Files.readAllBytes(v2)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(540, h.getInt(0));
        assertEquals("n+2", new String(Files.readAllBytes(v2), 4, 3, java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(3L, h.getLong(16));
        assertEquals(544L, h.getLong(168));
        assertEquals(544 + 12 * 2, h.capacity());

        ImageGeometry wide = ImageGeometry.of(40000, 1, 2, new double[3], new double[] {1, 1, 1});
        double[] v = new double[wide.voxelCount()];
        v[39999] = 7;
        Path file = dir.resolve("wide.nii.gz");
        ImageFiles.write(new Image3D(wide, v), file);
        Image3D back = ImageFiles.read(file);
        assertArrayEquals(wide.size(), back.geometry().size());
        assertEquals(7, back.get(39999, 0, 0));
    }

    @Test
    void nifti1And64BitDatatypesAreRead() throws IOException {
        for (short datatype : new short[] {1024, 1280}) {
            RawNifti raw = new RawNifti();
            raw.datatype = datatype;
            raw.values(1, 2, 3, 4, 5, 6, 7, 1L << 40);
            Path file = dir.resolve("long" + datatype + ".nii");
            Files.write(file, raw.bytes());
            assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6, 7, 1L << 40}, ImageFiles.read(file).voxels(), 0.0);
        }
    }

    /** Files whose names say nothing are recognised by their first bytes. */
    @Test
    void formatsAreRecognisedByContent() throws IOException {
        ImageGeometry g = new ImageGeometry(new int[] {3, 2, 2}, new double[] {1, 2, 3}, new double[] {0.5, 0.75, 2},
                oblique(false));
        double[] voxels = voxelSets(g.voxelCount()).get(2);
        String[] names = {"a.nii", "b.nii.gz", "c.nii", "d.nrrd", "e.mha", "f.mhd"};
        ImageIO[] formats = {new NiftiImageIO(), new NiftiImageIO(), NiftiImageIO.nifti2(), new NrrdImageIO(),
            new MetaImageIO(), MetaImageIO.uncompressed()};
        for (int n = 0; n < names.length; n++) {
            Path named = dir.resolve(names[n]);
            formats[n].write(new Image3D(g, voxels), named);
            Path anonymous = dir.resolve("image" + n + ".data");
            Files.copy(named, anonymous);
            Image3D back = ImageFiles.read(anonymous);
            assertArrayEquals(voxels, back.voxels(), 0.0, names[n]);
            assertTrue(g.sameGrid(back.geometry(), 1e-6), names[n]);
        }
    }
}
