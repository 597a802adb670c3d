package io.radflow.image.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hand-written NRRD and MetaImage files: the variants the writers do not produce, with known geometry. */
class NrrdAndMetaImageTest {

    @TempDir
    Path dir;

    private static byte[] concat(String header, byte[] data) {
        byte[] head = header.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[head.length + data.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(data, 0, out, head.length, data.length);
        return out;
    }

    private static byte[] shorts(ByteOrder order, int... values) {
        ByteBuffer b = ByteBuffer.allocate(2 * values.length).order(order);
        for (int v : values) {
            b.putShort((short) v);
        }
        return b.array();
    }

    @Test
    void nrrdAsciiEncodingAndLasSpace() throws IOException {
        Path file = dir.resolve("ascii.nrrd");
        Files.writeString(file, "NRRD0004\ntype: double\ndimension: 3\nspace: left-anterior-superior\nsizes: 2 1 2\n"
                + "space directions: (0.5,0,0) (0,2,0) (0,0,3)\nencoding: ascii\nspace origin: (1,2,3)\n\n"
                + "1.5 -2\n3e2\n  4\n");
        Image3D image = ImageFiles.read(file);
        assertArrayEquals(new double[] {1.5, -2, 300, 4}, image.voxels(), 0.0);
        // LAS -> LPS negates the second world axis
        assertArrayEquals(new double[] {1, -2, 3}, image.geometry().origin(), 0.0);
        assertArrayEquals(new double[] {1, 0, 0, 0, -1, 0, 0, 0, 1}, image.geometry().direction(), 0.0);
        assertArrayEquals(new double[] {0.5, 2, 3}, image.geometry().spacing(), 0.0);
    }

    @Test
    void nrrdDetachedGzipDataInASubfolder() throws IOException {
        Files.createDirectories(dir.resolve("data"));
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(shorts(ByteOrder.LITTLE_ENDIAN, 1, 2, 3, 4, 5, 6, 7, 8));
        }
        Files.write(dir.resolve("data/vol.raw.gz"), gz.toByteArray());
        Path header = dir.resolve("vol.nhdr");
        Files.writeString(header, "NRRD0005\ntype: int16\ndimension: 3\nspace: LPS\nsizes: 2 2 2\n"
                + "space directions: (0,1,0) (-1,0,0) (0,0,2)\nendian: little\nencoding: gzip\n"
                + "space origin: (5,6,7)\ndata file: data/vol.raw.gz\n");
        Image3D image = ImageFiles.read(header);
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6, 7, 8}, image.voxels(), 0.0);
        // voxel (1,1,1): origin + (0,1,0) + (-1,0,0) + (0,0,2)
        assertArrayEquals(new double[] {4, 7, 9}, image.geometry().indexToWorld(1, 1, 1), 1e-12);
    }

    @Test
    void nrrdUnsupportedEncodingsNameTheFile() throws IOException {
        for (String encoding : new String[] {"bzip2", "hex"}) {
            Path file = dir.resolve(encoding + ".nrrd");
            Files.writeString(file, "NRRD0004\ntype: short\ndimension: 3\nsizes: 1 1 1\nencoding: " + encoding + "\n\n00");
            ImageFormatException e = assertThrows(ImageFormatException.class, () -> ImageFiles.read(file));
            assertTrue(e.getMessage().startsWith(file + ": unsupported encoding '" + encoding + "'"), e.getMessage());
        }
        Path scanner = dir.resolve("scanner.nrrd");
        Files.writeString(scanner, "NRRD0004\ntype: short\ndimension: 3\nsizes: 1 1 1\nspace: scanner-xyz\n"
                + "space directions: (1,0,0) (0,1,0) (0,0,1)\nencoding: raw\n\n00");
        ImageFormatException e = assertThrows(ImageFormatException.class, () -> ImageFiles.read(scanner));
        assertTrue(e.getMessage().contains("unsupported space 'scanner-xyz'"), e.getMessage());
    }

    /** TransformMatrix triples are the axis directions: "0 1 0 -1 0 0 0 0 1" sends i along +y and j along -x. */
    @Test
    void metaImageDetachedRawBigEndianWithTransformMatrixAndHeaderSize() throws IOException {
        byte[] data = concat("skip", shorts(ByteOrder.BIG_ENDIAN, 10, 20, 30, 40, 50, 60, 65535 - 65536, -5));
        Files.write(dir.resolve("vol.raw"), data);
        Path header = dir.resolve("vol.mhd");
        Files.writeString(header, "ObjectType = Image\nNDims = 3\nBinaryData = True\nBinaryDataByteOrderMSB = True\n"
                + "CompressedData = False\nTransformMatrix = 0 1 0 -1 0 0 0 0 1\nOffset = 10 20 30\n"
                + "ElementSpacing = 2 3 4\nDimSize = 2 2 2\nHeaderSize = 4\nElementType = MET_SHORT\n"
                + "ElementDataFile = vol.raw\n");
        Image3D image = ImageFiles.read(header);
        assertArrayEquals(new double[] {10, 20, 30, 40, 50, 60, -1, -5}, image.voxels(), 0.0);
        ImageGeometry g = image.geometry();
        assertArrayEquals(new double[] {0, -1, 0, 1, 0, 0, 0, 0, 1}, g.direction(), 0.0);
        assertArrayEquals(new double[] {10, 22, 30}, g.indexToWorld(1, 0, 0), 1e-12);
        assertArrayEquals(new double[] {7, 20, 30}, g.indexToWorld(0, 1, 0), 1e-12);
        assertArrayEquals(new double[] {10, 20, 34}, g.indexToWorld(0, 0, 1), 1e-12);
    }

    @Test
    void metaImageInlineCompressedUshortAndAsciiData() throws IOException {
        ByteArrayOutputStream zlib = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(zlib)) {
            out.write(shorts(ByteOrder.LITTLE_ENDIAN, 1, 2, 3, 65535));
        }
        Path mha = dir.resolve("z.mha");
        Files.write(mha, concat("ObjectType = Image\nNDims = 3\nDimSize = 2 2 1\nElementType = MET_USHORT\n"
                + "CompressedData = True\nCompressedDataSize = " + zlib.size() + "\nElementDataFile = LOCAL\n",
                zlib.toByteArray()));
        assertArrayEquals(new double[] {1, 2, 3, 65535}, ImageFiles.read(mha).voxels(), 0.0);

        Path ascii = dir.resolve("a.mha");
        Files.writeString(ascii, "NDims = 3\nDimSize = 1 1 3\nElementType = MET_FLOAT\nBinaryData = False\n"
                + "ElementDataFile = LOCAL\n0.5 1.5\n-2.5\n");
        assertArrayEquals(new double[] {0.5, 1.5, -2.5}, ImageFiles.read(ascii).voxels(), 0.0);
    }

    /** ITK's orientation letters name where each axis comes from: RAI is the identity, LPS flips all axes. */
    @Test
    void metaImageAnatomicalOrientationWithoutMatrix() throws IOException {
        Path mha = dir.resolve("o.mha");
        Files.write(mha, concat("ObjectType = Image\nNDims = 3\nDimSize = 1 1 1\nElementType = MET_UCHAR\n"
                + "AnatomicalOrientation = LPS\nElementDataFile = LOCAL\n", new byte[] {9}));
        assertArrayEquals(new double[] {-1, 0, 0, 0, -1, 0, 0, 0, -1}, ImageFiles.read(mha).geometry().direction(), 0.0);
        assertEquals("RAI", MetaImageIO.orientationCode(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}));
        assertEquals("LSA", MetaImageIO.orientationCode(new double[] {-1, 0, 0, 0, 0, 1, 0, -1, 0}));
    }

    @Test
    void metaImageBadHeaders() throws IOException {
        Path wrong = dir.resolve("wrong.mha");
        Files.writeString(wrong, "NRRD0004\ntype: short\n");
        ImageFormatException e = assertThrows(ImageFormatException.class, () -> ImageFiles.read(wrong));
        assertTrue(e.getMessage().startsWith(wrong + ": not a MetaImage header (wrong magic)"), e.getMessage());
        Path zero = dir.resolve("zero.mha");
        Files.writeString(zero, "NDims = 3\nDimSize = 1 1 1\nElementSpacing = 1 0 1\nElementType = MET_UCHAR\n"
                + "ElementDataFile = LOCAL\nx");
        e = assertThrows(ImageFormatException.class, () -> ImageFiles.read(zero));
        assertTrue(e.getMessage().contains("voxel spacing 0.0 along axis 1 is not positive"), e.getMessage());
        Path type = dir.resolve("type.mha");
        Files.writeString(type, "NDims = 3\nDimSize = 1 1 1\nElementType = MET_STRING\nElementDataFile = LOCAL\nx");
        e = assertThrows(ImageFormatException.class, () -> ImageFiles.read(type));
        assertTrue(e.getMessage().contains("unsupported ElementType 'MET_STRING'"), e.getMessage());
        Path shortData = dir.resolve("short.mha");
        Files.writeString(shortData, "NDims = 3\nDimSize = 2 2 2\nElementType = MET_SHORT\nElementDataFile = LOCAL\nabc");
        e = assertThrows(ImageFormatException.class, () -> ImageFiles.read(shortData));
        assertTrue(e.getMessage().contains("truncated data") && e.getMessage().contains("16 bytes"), e.getMessage());
    }
}
