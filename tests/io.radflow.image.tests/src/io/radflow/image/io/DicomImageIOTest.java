package io.radflow.image.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.image.Image3D;
import io.radflow.image.ImageGeometry;
import io.radflow.image.Mask;
import io.radflow.image.io.DicomTestWriter.DataSet;
import io.radflow.image.io.DicomTestWriter.Syntax;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DICOM series, multi-frame and SEG files written by {@link DicomTestWriter} with known geometry, read back. */
class DicomImageIOTest {

    private static final String CT_IMAGE = "1.2.840.10008.5.1.4.1.1.2";
    private static final String ENHANCED_CT = "1.2.840.10008.5.1.4.1.1.2.1";
    private static final String SEG = "1.2.840.10008.5.1.4.1.1.66.4";
    private static final String SERIES = "1.2.826.0.1.3680043.10.999.7";

    @TempDir
    Path dir;

    /** Oblique (30 degrees about (1,2,3)) and anisotropic: 5 columns, 3 rows, 6 slices. */
    private static ImageGeometry oblique() {
        return new ImageGeometry(new int[] {5, 3, 6}, new double[] {-100.25, 40.5, 12.75}, new double[] {0.7, 0.9, 2.5},
                FormatRoundTripTest.oblique(false));
    }

    private static double[] column(ImageGeometry g, int c) {
        double[] d = g.direction();
        return new double[] {d[c], d[3 + c], d[6 + c]};
    }

    private static double[] iop(ImageGeometry g) {
        double[] row = column(g, 0);
        double[] col = column(g, 1);
        return new double[] {row[0], row[1], row[2], col[0], col[1], col[2]};
    }

    /** Stored values of slice k: distinct per voxel, signed. */
    private static int[] stored(ImageGeometry g, int k) {
        int plane = g.sizeX() * g.sizeY();
        int[] v = new int[plane];
        for (int p = 0; p < plane; p++) {
            v[p] = (k * plane + p) * 37 - 500;
        }
        return v;
    }

    private static DataSet slice(ImageGeometry g, int k, String series, double slope, double intercept) {
        return new DataSet()
                .put(0x00080016, "UI", CT_IMAGE)
                .put(0x00080060, "CS", "CT")
                .put(0x0020000E, "UI", series)
                .put(0x00200013, "IS", Integer.toString(k + 1))
                .ds(0x00200032, g.indexToWorld(0, 0, k))
                .ds(0x00200037, iop(g))
                .ds(0x00180050, g.spacing()[2])
                .us(0x00280002, 1)
                .put(0x00280004, "CS", "MONOCHROME2")
                .us(0x00280010, g.sizeY())
                .us(0x00280011, g.sizeX())
                .ds(0x00280030, g.spacing()[1], g.spacing()[0])
                .us(0x00280100, 16)
                .us(0x00280101, 16)
                .us(0x00280102, 15)
                .us(0x00280103, 1)
                .ds(0x00281052, intercept)
                .ds(0x00281053, slope)
                .put(0x7FE00010, "OW", DicomTestWriter.pixels16(stored(g, k)));
    }

    /** Writes one file per slice under shuffled names, so only the positions can order them. */
    private Path writeSeries(String folder, ImageGeometry g, Syntax syntax, int skipSlice) throws IOException {
        Path out = Files.createDirectories(dir.resolve(folder));
        List<Integer> order = new ArrayList<>();
        for (int k = 0; k < g.sizeZ(); k++) {
            order.add(k);
        }
        Collections.shuffle(order, new Random(3));
        for (int n = 0; n < order.size(); n++) {
            int k = order.get(n);
            if (k != skipSlice) {
                Files.write(out.resolve(String.format(Locale.ROOT, "IM%04d", n)),
                        DicomTestWriter.file(slice(g, k, SERIES, 2, -1024), CT_IMAGE, syntax, false));
            }
        }
        return out;
    }

    private static void assertVolume(ImageGeometry expected, Image3D image, double slope, double intercept) {
        ImageGeometry g = image.geometry();
        assertArrayEquals(expected.size(), g.size());
        assertArrayEquals(expected.spacing(), g.spacing(), 1e-9);
        assertArrayEquals(expected.origin(), g.origin(), 1e-9);
        assertArrayEquals(expected.direction(), g.direction(), 1e-9);
        int plane = g.sizeX() * g.sizeY();
        for (int k = 0; k < g.sizeZ(); k++) {
            int[] stored = stored(expected, k);
            for (int p = 0; p < plane; p++) {
                assertEquals(stored[p] * slope + intercept, image.get(k * plane + p), 0.0, "voxel " + p + " of slice " + k);
            }
        }
    }

    @Test
    void obliqueSeriesInEveryTransferSyntax() throws IOException {
        ImageGeometry g = oblique();
        for (Syntax syntax : new Syntax[] {Syntax.EXPLICIT, Syntax.IMPLICIT, Syntax.DEFLATED}) {
            Path folder = writeSeries(syntax.name(), g, syntax, -1);
            Files.writeString(folder.resolve("README.txt"), "not DICOM, skipped");
            Image3D image = ImageFiles.read(folder);
            assertVolume(g, image, 2, -1024);
            // far corner by hand: origin + R * diag(spacing) * (4, 2, 5)
            double[] corner = image.geometry().indexToWorld(4, 2, 5);
            double[] expected = g.origin();
            for (int a = 0; a < 3; a++) {
                expected[a] += column(g, 0)[a] * 0.7 * 4 + column(g, 1)[a] * 0.9 * 2 + column(g, 2)[a] * 2.5 * 5;
            }
            assertArrayEquals(expected, corner, 1e-9);
        }
    }

    @Test
    void unsignedTwelveBitEightBitAndSingleFile() throws IOException {
        ImageGeometry g = ImageGeometry.of(2, 2, 1, new double[] {1, 2, 3}, new double[] {0.5, 0.25, 4});
        // 12 bits stored in the high bits of 16 (HighBit 15): stored value v appears as v << 4
        DataSet ds = slice(g, 0, SERIES, 1, 0).us(0x00280101, 12).us(0x00280102, 15).us(0x00280103, 0)
                .put(0x7FE00010, "OW", DicomTestWriter.pixels16(new int[] {1 << 4, 4095 << 4, 7 << 4, 0xF}));
        Path file = dir.resolve("twelve.dcm");
        Files.write(file, DicomTestWriter.file(ds, CT_IMAGE, Syntax.IMPLICIT, false));
        Image3D image = ImageFiles.read(file);
        assertArrayEquals(new double[] {1, 4095, 7, 0}, image.voxels(), 0.0);
        assertArrayEquals(new double[] {0.5, 0.25, 4}, image.geometry().spacing(), 0.0); // k spacing: SliceThickness

        DataSet bytes = slice(g, 0, SERIES, 1, 0).us(0x00280100, 8).us(0x00280101, 8).us(0x00280102, 7)
                .us(0x00280103, 1).put(0x7FE00010, "OB", new byte[] {-128, -1, 0, 127});
        Path signed8 = dir.resolve("int8");  // no extension: recognised by DICM
        Files.write(signed8, DicomTestWriter.file(bytes, CT_IMAGE, Syntax.EXPLICIT, false));
        assertArrayEquals(new double[] {-128, -1, 0, 127}, ImageFiles.read(signed8).voxels(), 0.0);
    }

    @Test
    void enhancedMultiFrameWithPerFramePositions() throws IOException {
        ImageGeometry g = oblique();
        int plane = g.sizeX() * g.sizeY();
        for (boolean undefinedLengths : new boolean[] {true, false}) {
            for (Syntax syntax : new Syntax[] {Syntax.EXPLICIT, Syntax.IMPLICIT}) {
                List<Integer> order = new ArrayList<>(List.of(3, 0, 5, 1, 4, 2));
                int[] pixels = new int[plane * order.size()];
                DataSet[] perFrame = new DataSet[order.size()];
                for (int f = 0; f < order.size(); f++) {
                    int k = order.get(f);
                    System.arraycopy(stored(g, k), 0, pixels, f * plane, plane);
                    perFrame[f] = new DataSet()
                            .sq(0x00209111, new DataSet().put(0x00209157, "UL", new int[] {1, k + 1}))
                            .sq(0x00209113, new DataSet().ds(0x00200032, g.indexToWorld(0, 0, k)));
                }
                DataSet shared = new DataSet()
                        .sq(0x00209116, new DataSet().ds(0x00200037, iop(g)))
                        .sq(0x00289110, new DataSet().ds(0x00280030, g.spacing()[1], g.spacing()[0]).ds(0x00180050, 2.5))
                        .sq(0x00289145, new DataSet().ds(0x00281052, 10).ds(0x00281053, 0.5));
                DataSet ds = new DataSet()
                        .put(0x00080016, "UI", ENHANCED_CT)
                        .put(0x00080060, "CS", "CT")
                        .put(0x0020000E, "UI", SERIES)
                        .us(0x00280002, 1).put(0x00280004, "CS", "MONOCHROME2")
                        .put(0x00280008, "IS", Integer.toString(order.size()))
                        .us(0x00280010, g.sizeY()).us(0x00280011, g.sizeX())
                        .us(0x00280100, 16).us(0x00280101, 16).us(0x00280102, 15).us(0x00280103, 1)
                        .sq(0x52009229, shared)
                        .sq(0x52009230, perFrame)
                        .put(0x7FE00010, "OW", DicomTestWriter.pixels16(pixels));
                Path file = dir.resolve("enhanced-" + syntax + undefinedLengths + ".dcm");
                Files.write(file, DicomTestWriter.file(ds, ENHANCED_CT, syntax, undefinedLengths));
                assertVolume(g, ImageFiles.read(file), 0.5, 10);
            }
        }
    }

    @Test
    void unsupportedTransferSyntaxesNameTheUidAndFile() throws IOException {
        ImageGeometry g = oblique();
        for (Syntax syntax : new Syntax[] {Syntax.BIG_ENDIAN, Syntax.JPEG_BASELINE}) {
            Path file = dir.resolve(syntax + ".dcm");
            Files.write(file, DicomTestWriter.file(slice(g, 0, SERIES, 1, 0), CT_IMAGE, syntax, false));
            ImageFormatException e = assertThrows(ImageFormatException.class, () -> ImageFiles.read(file));
            assertTrue(e.getMessage().startsWith(file + ": unsupported DICOM transfer syntax " + syntax.uid), e.getMessage());
        }
    }

    @Test
    void missingSliceNamesTheGap() throws IOException {
        Path folder = writeSeries("gap", oblique(), Syntax.EXPLICIT, 3);
        ImageFormatException e = assertThrows(ImageFormatException.class, () -> ImageFiles.read(folder));
        assertTrue(e.getMessage().contains("missing slice"), e.getMessage());
        assertTrue(e.getMessage().contains("is 5.0000 mm, but the other slices are 2.5000 mm apart (about 1 slice missing)"),
                e.getMessage());
        assertTrue(e.getMessage().startsWith(folder.toString()), e.getMessage());
    }

    @Test
    void mixedOrientationsAndDuplicatePositionsAndTruncatedFiles() throws IOException {
        ImageGeometry g = oblique();
        Path folder = writeSeries("mixed", g, Syntax.EXPLICIT, -1);
        DataSet tilted = slice(g, 2, SERIES, 2, -1024).ds(0x00200037, 1, 0, 0, 0, 1, 0);
        Files.write(folder.resolve("IM0002"), DicomTestWriter.file(tilted, CT_IMAGE, Syntax.EXPLICIT, false));
        ImageFormatException e = assertThrows(ImageFormatException.class, () -> ImageFiles.read(folder));
        assertTrue(e.getMessage().contains("mixed orientations: ImageOrientationPatient"), e.getMessage());

        Path twice = writeSeries("twice", g, Syntax.EXPLICIT, -1);
        Files.write(twice.resolve("IM9999"), DicomTestWriter.file(slice(g, 2, SERIES, 2, -1024), CT_IMAGE, Syntax.EXPLICIT,
                false));
        e = assertThrows(ImageFormatException.class, () -> ImageFiles.read(twice));
        assertTrue(e.getMessage().contains("two slices at the same position"), e.getMessage());

        Path cut = dir.resolve("cut.dcm");
        byte[] full = DicomTestWriter.file(slice(g, 0, SERIES, 1, 0), CT_IMAGE, Syntax.EXPLICIT, false);
        Files.write(cut, Arrays.copyOf(full, full.length - 7));
        e = assertThrows(ImageFormatException.class, () -> ImageFiles.read(cut));
        assertTrue(e.getMessage().startsWith(cut + ": truncated DICOM file: element (7FE0,0010)"), e.getMessage());

        Path zero = dir.resolve("zero.dcm");
        Files.write(zero, DicomTestWriter.file(slice(g, 0, SERIES, 1, 0).ds(0x00280030, 0, 0.7), CT_IMAGE,
                Syntax.EXPLICIT, false));
        e = assertThrows(ImageFormatException.class, () -> ImageFiles.read(zero));
        assertTrue(e.getMessage().startsWith(zero + ": PixelSpacing (0028,0030) is [0.0, 0.7]; it needs two positive"),
                e.getMessage());

        Path empty = Files.createDirectories(dir.resolve("empty"));
        Files.writeString(empty.resolve("notes.txt"), "nothing");
        e = assertThrows(ImageFormatException.class, () -> ImageFiles.read(empty));
        assertTrue(e.getMessage().contains("no DICOM Part 10 files in the folder (1 files checked"), e.getMessage());
    }

    @Test
    void mixedSeriesAreListedAndOneCanBeChosen() throws IOException {
        ImageGeometry g = oblique();
        Path folder = writeSeries("two", g, Syntax.EXPLICIT, -1);
        ImageGeometry other = ImageGeometry.of(5, 3, 2, new double[3], new double[] {1, 1, 1});
        for (int k = 0; k < 2; k++) {
            Files.write(folder.resolve("other" + k), DicomTestWriter.file(slice(other, k, "1.2.3.4", 1, 0), CT_IMAGE,
                    Syntax.EXPLICIT, false));
        }
        ImageFormatException e = assertThrows(ImageFormatException.class, () -> ImageFiles.read(folder));
        assertTrue(e.getMessage().contains("mixed SeriesInstanceUID: the folder holds 2 series"), e.getMessage());
        assertTrue(e.getMessage().contains("1.2.3.4 (CT, 2 files)") && e.getMessage().contains(SERIES + " (CT, 6 files)"),
                e.getMessage());
        assertEquals(2, DicomImageIO.listSeries(folder).size());
        assertVolume(g, DicomImageIO.readSeries(folder, SERIES), 2, -1024);
        assertArrayEquals(other.size(), DicomImageIO.readSeries(folder, "1.2.3.4").geometry().size());
    }

    /**
     * A SEG with two segments on slices 1, 2 (segment 1) and 4 (segment 2) of {@link #oblique()}: frames of
     * 15 bits, so frame boundaries fall inside bytes. Its grid starts at slice 1 and keeps the empty slice 3.
     */
    private byte[] segmentation(ImageGeometry g, boolean overlap, boolean spacingBetweenSlices, Syntax syntax) {
        int plane = g.sizeX() * g.sizeY();
        int[][] frames = {{2, 1}, {4, 2}, {1, 1}}; // (slice k, segment) in file order
        if (overlap) {
            frames = new int[][] {{2, 1}, {2, 2}};
        }
        boolean[] bits = new boolean[plane * frames.length];
        DataSet[] perFrame = new DataSet[frames.length];
        for (int f = 0; f < frames.length; f++) {
            for (int p = 0; p < plane; p++) {
                bits[f * plane + p] = overlap || expectedBit(frames[f][0], frames[f][1], p);
            }
            perFrame[f] = new DataSet()
                    .sq(0x00209113, new DataSet().ds(0x00200032, g.indexToWorld(0, 0, frames[f][0])))
                    .sq(0x0062000A, new DataSet().us(0x0062000B, frames[f][1]));
        }
        DataSet measures = new DataSet().ds(0x00280030, g.spacing()[1], g.spacing()[0]).ds(0x00180050, 9);
        if (spacingBetweenSlices) {
            measures.ds(0x00180088, g.spacing()[2]);
        }
        DataSet ds = new DataSet()
                .put(0x00080016, "UI", SEG)
                .put(0x00080060, "CS", "SEG")
                .put(0x0020000E, "UI", "1.2.3.99")
                .us(0x00280002, 1).put(0x00280004, "CS", "MONOCHROME2")
                .put(0x00280008, "IS", Integer.toString(frames.length))
                .us(0x00280010, g.sizeY()).us(0x00280011, g.sizeX())
                .us(0x00280100, 1).us(0x00280101, 1).us(0x00280102, 0).us(0x00280103, 0)
                .put(0x00620001, "CS", "BINARY")
                .sq(0x00620002, new DataSet().us(0x00620004, 1).put(0x00620005, "LO", "GTV"),
                        new DataSet().us(0x00620004, 2).put(0x00620005, "LO", "node"))
                .sq(0x52009229, new DataSet().sq(0x00209116, new DataSet().ds(0x00200037, iop(g)))
                        .sq(0x00289110, measures))
                .sq(0x52009230, perFrame)
                .put(0x7FE00010, "OB", DicomTestWriter.packBits(bits));
        return DicomTestWriter.file(ds, SEG, syntax, true);
    }

    private static boolean expectedBit(int k, int segment, int p) {
        return (p * 7 + k * 3 + segment) % 4 == 0;
    }

    @Test
    void segmentationOnItsOwnObliqueGrid() throws IOException {
        ImageGeometry g = oblique();
        int plane = g.sizeX() * g.sizeY();
        for (boolean between : new boolean[] {true, false}) {
            for (Syntax syntax : new Syntax[] {Syntax.EXPLICIT, Syntax.IMPLICIT}) {
                Path file = dir.resolve("seg-" + between + syntax + ".dcm");
                Files.write(file, segmentation(g, false, between, syntax));
                DicomSegmentation seg = DicomImageIO.readSegmentation(file);
                ImageGeometry sg = seg.geometry();
                assertArrayEquals(new int[] {5, 3, 4}, sg.size());
                assertArrayEquals(g.indexToWorld(0, 0, 1), sg.origin(), 1e-9);
                assertArrayEquals(g.spacing(), sg.spacing(), 1e-9);
                assertArrayEquals(g.direction(), sg.direction(), 1e-9);
                assertEquals("GTV", seg.segments().get(1));
                Image3D labels = ImageFiles.read(file);
                for (int k = 0; k < 4; k++) {
                    for (int p = 0; p < plane; p++) {
                        int gk = k + 1;
                        double expected = gk == 1 || gk == 2 ? (expectedBit(gk, 1, p) ? 1 : 0)
                                : gk == 4 ? (expectedBit(gk, 2, p) ? 2 : 0) : 0;
                        assertEquals(expected, labels.get(k * plane + p), "slice " + gk + " pixel " + p);
                    }
                }
                Mask node = seg.mask(2);
                assertTrue(node.count() > 0);
                assertThrows(IllegalArgumentException.class, () -> seg.mask(3));
            }
        }
    }

    @Test
    void overlappingSegmentsDoNotFitOneLabelMap() throws IOException {
        Path file = dir.resolve("overlap.dcm");
        Files.write(file, segmentation(oblique(), true, true, Syntax.EXPLICIT));
        ImageFormatException e = assertThrows(ImageFormatException.class, () -> ImageFiles.read(file));
        assertTrue(e.getMessage().contains("segments 1 and 2 overlap in"), e.getMessage());
        DicomSegmentation seg = DicomImageIO.readSegmentation(file);
        assertEquals(1, seg.geometry().sizeZ());
        assertEquals(15, seg.mask(1).count());
        assertEquals(15, seg.mask(2).count());
    }
}
