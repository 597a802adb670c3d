package io.radflow.image.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.image.Image3D;
import io.radflow.image.ImageGeometry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken files fail with an {@link ImageFormatException} whose message starts with the file and says why. */
class CorruptInputTest {

    @TempDir
    Path dir;

    private static void assertFails(Path file, String... expectedWords) {
        ImageFormatException e = assertThrows(ImageFormatException.class, () -> ImageFiles.read(file));
        assertTrue(e.getMessage().startsWith(file.toString() + ": "), "message names the file: " + e.getMessage());
        for (String word : expectedWords) {
            assertTrue(e.getMessage().toLowerCase(Locale.ROOT).contains(word.toLowerCase(Locale.ROOT)),
                    "message says '" + word + "': " + e.getMessage());
        }
    }

    private Path writeGood(String name) throws IOException {
        ImageGeometry g = ImageGeometry.of(6, 5, 4, new double[] {1, 2, 3}, new double[] {1, 1, 2});
        double[] v = new double[g.voxelCount()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (i * 7919) % 1000 + 0.5;
        }
        Path file = dir.resolve(name);
        ImageFiles.write(new Image3D(g, v), file);
        return file;
    }

    @Test
    void missingFile() {
        assertFails(dir.resolve("absent.nii.gz"), "does not exist");
        assertFails(dir.resolve("absent.nrrd"), "does not exist");
    }

    @Test
    void unknownExtensionListsTheSupportedOnes() throws IOException {
        Path file = dir.resolve("image.png");
        Files.write(file, new byte[] {1, 2, 3});
        assertFails(file, "unknown image file extension", ".nii.gz", ".nrrd");
    }

    @Test
    void truncatedGzip() throws IOException {
        for (String name : new String[] {"cut.nii.gz", "cut.nrrd"}) {
            Path file = writeGood(name);
            byte[] bytes = Files.readAllBytes(file);
            Files.write(file, Arrays.copyOf(bytes, bytes.length * 2 / 3));
            assertFails(file, "truncated gzip");
        }
    }

    @Test
    void truncatedDataInUncompressedNifti() throws IOException {
        Path file = writeGood("short.nii");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 10));
        assertFails(file, "truncated data", "bytes");
    }

    @Test
    void truncatedDataInsideAValidGzipStream() throws IOException {
        RawNifti raw = new RawNifti();
        raw.values(1, 2, 3, 4, 5, 6, 7, 8);
        byte[] bytes = raw.bytes();
        Path file = dir.resolve("short.nii.gz");
        Files.write(file, gzip(Arrays.copyOf(bytes, bytes.length - 3)));
        assertFails(file, "truncated data");
    }

    @Test
    void garbageAndWrongMagic() throws IOException {
        Path garbage = dir.resolve("garbage.nii.gz");
        byte[] noise = new byte[2000];
        new java.util.Random(1).nextBytes(noise);
        noise[0] = 0;
        Files.write(garbage, noise);
        assertFails(garbage, "not a NIfTI-1 file");
        RawNifti raw = new RawNifti();
        raw.magic = "abc\0";
        raw.values(1, 2, 3, 4, 5, 6, 7, 8);
        Path magic = dir.resolve("magic.nii");
        Files.write(magic, raw.bytes());
        assertFails(magic, "wrong magic");
        Path tiny = dir.resolve("tiny.nii");
        Files.write(tiny, new byte[] {1, 2, 3});
        assertFails(tiny, "truncated header");
        Path nrrd = dir.resolve("magic.nrrd");
        Files.writeString(nrrd, "NRRX0004\ntype: short\n\n");
        assertFails(nrrd, "wrong magic");
    }

    @Test
    void unsupportedDatatypes() throws IOException {
        RawNifti raw = new RawNifti();
        raw.datatype = 32; // complex64
        raw.data = new byte[64];
        Path file = dir.resolve("complex.nii");
        Files.write(file, raw.bytes());
        assertFails(file, "unsupported", "datatype 32", "complex64");
        Path nrrd = dir.resolve("long.nrrd");
        Files.writeString(nrrd, "NRRD0004\ntype: long long\ndimension: 3\nsizes: 1 1 1\nencoding: raw\n\n12345678");
        assertFails(nrrd, "unsupported NRRD type 'long long'");
    }

    @Test
    void dimensionOtherThanThree() throws IOException {
        RawNifti twoD = new RawNifti();
        twoD.dim = new short[] {2, 2, 2, 1, 1, 1, 1, 1};
        twoD.values(1, 2, 3, 4);
        Path f2 = dir.resolve("2d.nii");
        Files.write(f2, twoD.bytes());
        assertFails(f2, "dimension is 2");
        RawNifti fourD = new RawNifti();
        fourD.dim = new short[] {4, 2, 2, 2, 2, 1, 1, 1};
        fourD.values(new double[16]);
        Path f4 = dir.resolve("4d.nii");
        Files.write(f4, fourD.bytes());
        assertFails(f4, "dimension is 4", "dim[4] = 2");
        Path nrrd = dir.resolve("2d.nrrd");
        Files.writeString(nrrd, "NRRD0004\ntype: uchar\ndimension: 2\nsizes: 2 2\nencoding: raw\n\nabcd");
        assertFails(nrrd, "dimension is 2");
    }

    @Test
    void zeroOrNegativeSpacing() throws IOException {
        RawNifti zero = new RawNifti();
        zero.pixdim = new float[] {1, 1, 0, 1, 0, 0, 0, 0};
        zero.values(1, 2, 3, 4, 5, 6, 7, 8);
        Path f = dir.resolve("zero.nii");
        Files.write(f, zero.bytes());
        assertFails(f, "pixdim[2]", "spacing");
        RawNifti negative = new RawNifti();
        negative.pixdim = new float[] {1, -1, 1, 1, 0, 0, 0, 0};
        negative.values(1, 2, 3, 4, 5, 6, 7, 8);
        Path n = dir.resolve("neg.nii");
        Files.write(n, negative.bytes());
        assertFails(n, "pixdim[1]", "spacing");
        RawNifti sform = new RawNifti();
        sform.sformCode = 1;
        sform.srow = new float[] {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0}; // k column is zero
        sform.values(1, 2, 3, 4, 5, 6, 7, 8);
        Path s = dir.resolve("sform.nii");
        Files.write(s, sform.bytes());
        assertFails(s, "spacing along axis 2");
        Path nrrd = dir.resolve("zero.nrrd");
        Files.writeString(nrrd, "NRRD0004\ntype: uchar\ndimension: 3\nsizes: 2 1 1\nspace: left-posterior-superior\n"
                + "space directions: (1,0,0) (0,0,0) (0,0,1)\nencoding: raw\n\nab");
        assertFails(nrrd, "spacing must be positive");
    }

    @Test
    void truncatedRawNrrd() throws IOException {
        Path nrrd = dir.resolve("short.nrrd");
        Files.writeString(nrrd, "NRRD0004\ntype: short\ndimension: 3\nsizes: 2 2 2\nendian: little\nencoding: raw\n\n0123456789");
        assertFails(nrrd, "truncated data", "16 bytes");
    }

    /** Positive NRRD cases the reference files do not cover: detached header, raw big-endian data, RAS space. */
    @Test
    void detachedRawBigEndianRasNrrd() throws IOException {
        ByteBuffer data = ByteBuffer.allocate(8 * 4).order(ByteOrder.BIG_ENDIAN);
        for (int i = 0; i < 8; i++) {
            data.putFloat(i * 1.5f - 2);
        }
        Files.write(dir.resolve("vol.raw"), data.array());
        Path header = dir.resolve("vol.nhdr");
        Files.writeString(header, "NRRD0005\n# detached\ntype: float\ndimension: 3\nspace: right-anterior-superior\n"
                + "sizes: 2 2 2\nspace directions: (-2,0,0) (0,-3,0) (0,0,4)\nkinds: domain domain domain\n"
                + "endian: big\nencoding: raw\nspace origin: (10,20,30)\ndata file: vol.raw\n", StandardCharsets.US_ASCII);
        Image3D image = ImageFiles.read(header);
        assertArrayEquals(new double[] {-2, -0.5, 1, 2.5, 4, 5.5, 7, 8.5}, image.voxels(), 0.0);
        assertArrayEquals(new double[] {2, 3, 4}, image.geometry().spacing(), 0.0);
        assertArrayEquals(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, image.geometry().direction(), 0.0);
        assertArrayEquals(new double[] {-10, -20, 30}, image.geometry().origin(), 0.0);
        Files.delete(dir.resolve("vol.raw"));
        assertFails(header, "data file", "does not exist");
    }

    @Test
    void nrrdWriteRoundTrip() throws IOException {
        ImageGeometry g = new ImageGeometry(new int[] {3, 4, 2}, new double[] {-5.5, 2.25, 100},
                new double[] {0.5, 0.7, 3}, new double[] {0, 1, 0, -1, 0, 0, 0, 0, 1});
        double[] v = new double[g.voxelCount()];
        for (int i = 0; i < v.length; i++) {
            v[i] = i * 0.25 - 3;
        }
        Path file = dir.resolve("w.nrrd");
        ImageFiles.write(new Image3D(g, v), file);
        Image3D back = ImageFiles.read(file);
        assertArrayEquals(v, back.voxels(), 0.0);
        assertTrue(g.sameGrid(back.geometry(), 1e-12), g.mismatch(back.geometry(), 1e-12));
    }

    private static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(raw);
        }
        return out.toByteArray();
    }
}
