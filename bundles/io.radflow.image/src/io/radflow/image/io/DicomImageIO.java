package io.radflow.image.io;

import io.radflow.image.Image3D;
import io.radflow.image.ImageGeometry;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * DICOM images read in pure Java: a CT or MR series from a folder of single-frame files, one multi-frame
 * (enhanced CT/MR) file, or a binary segmentation (SEG) as a label map. Writing DICOM is not supported.
 *
 * <p>Files: DICOM Part 10 (PS3.10 section 7.1) in implicit or explicit VR little endian, or deflated explicit
 * VR little endian (see {@link DicomDataset}); other transfer syntaxes fail with a message naming the file
 * and the transfer syntax UID. Pixels: one sample per pixel (MONOCHROME1/2; values are not inverted for
 * MONOCHROME1), Bits Allocated 8, 16 or 32, Bits Stored/High Bit honoured, Pixel Representation 0 (unsigned)
 * or 1 (two's complement), then {@code RescaleSlope * stored + RescaleIntercept} (PS3.3 C.11.1.1.2,
 * per slice or per frame).
 *
 * <p>Geometry (PS3.3 C.7.6.2.1.1, Image Plane module): Image Orientation (Patient) (0020,0037) gives the
 * LPS directions of a row (the i axis, along which the column index grows) and of a column (the j axis);
 * the slice normal is their cross product (the k axis). Slices or frames are sorted by Image Position
 * (Patient) (0020,0032) projected on the normal; the origin is the position of the first. Pixel Spacing
 * (0028,0030) is "row spacing \ column spacing", so the i spacing is its second value and the j spacing its
 * first. The k spacing is the distance between consecutive positions, which must be uniform (within
 * 1 % or 0.01 mm): a larger gap fails as a missing slice naming the two files and the gap. A single slice
 * uses Spacing Between Slices (0018,0088), else Slice Thickness (0018,0050), else 1 mm. Mixed orientations,
 * sizes or pixel spacings, duplicate positions and slices not stacked along the normal (gantry tilt) fail
 * with a message naming the files. Enhanced multi-frame files take position, orientation, pixel spacing
 * and rescale per frame from the Per-frame Functional Groups Sequence (5200,9230), else from the Shared
 * Functional Groups Sequence (5200,9229) (PS3.3 C.7.6.16), else from the top level.
 *
 * <p>A folder may hold several series only when {@link #readSeries(Path, String)} names one by its
 * Series Instance UID; otherwise the error lists the series found. Files without the {@code DICM} marker
 * and DICOMDIR files are skipped. Segmentations: see {@link #readSegmentation(Path)}.
 */
public final class DicomImageIO implements ImageIO {

    static final String SEG_SOP_CLASS = "1.2.840.10008.5.1.4.1.1.66.4";
    private static final String DICOMDIR_SOP_CLASS = "1.2.840.10008.1.3.10";

    static final int SOP_CLASS_UID = 0x00080016;
    static final int MODALITY = 0x00080060;
    static final int SERIES_DESCRIPTION = 0x0008103E;
    static final int SLICE_THICKNESS = 0x00180050;
    static final int SPACING_BETWEEN_SLICES = 0x00180088;
    static final int SERIES_INSTANCE_UID = 0x0020000E;
    static final int IMAGE_POSITION = 0x00200032;
    static final int IMAGE_ORIENTATION = 0x00200037;
    static final int PLANE_POSITION_SEQUENCE = 0x00209113;
    static final int PLANE_ORIENTATION_SEQUENCE = 0x00209116;
    static final int SAMPLES_PER_PIXEL = 0x00280002;
    static final int PHOTOMETRIC = 0x00280004;
    static final int NUMBER_OF_FRAMES = 0x00280008;
    static final int ROWS = 0x00280010;
    static final int COLUMNS = 0x00280011;
    static final int PIXEL_SPACING = 0x00280030;
    static final int BITS_ALLOCATED = 0x00280100;
    static final int BITS_STORED = 0x00280101;
    static final int HIGH_BIT = 0x00280102;
    static final int PIXEL_REPRESENTATION = 0x00280103;
    static final int RESCALE_INTERCEPT = 0x00281052;
    static final int RESCALE_SLOPE = 0x00281053;
    static final int PIXEL_MEASURES_SEQUENCE = 0x00289110;
    static final int PIXEL_VALUE_TRANSFORMATION_SEQUENCE = 0x00289145;
    static final int SHARED_GROUPS = 0x52009229;
    static final int PER_FRAME_GROUPS = 0x52009230;

    /** Tolerance (mm) for positions and relative tolerance for spacings when stacking slices. */
    private static final double POSITION_TOLERANCE = 0.01;
    private static final double RELATIVE_TOLERANCE = 0.01;

    @Override
    public List<String> extensions() {
        return List.of(".dcm");
    }

    /** A folder, or a {@code .dcm} name, or a name without extension (see {@link ImageFiles}). */
    @Override
    public boolean canHandle(Path file) {
        return Files.isDirectory(file) || ImageIO.super.canHandle(file);
    }

    /**
     * A folder: {@link #readSeries(Path, String)} with no UID. A file: its frames as a volume (one slice for a
     * classic single-frame file), or the label map of a segmentation.
     */
    @Override
    public Image3D read(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            return readSeries(file, null);
        }
        DicomDataset.File dicom = DicomDataset.parse(file, ImageBytes.readFile(file));
        if (isSegmentation(dicom.dataset())) {
            return segmentationLabelMap(file, DicomSegmentation.of(dicom));
        }
        return volume(frames(dicom));
    }

    /** Writing DICOM is not supported; always fails. */
    @Override
    public void write(Image3D image, Path file) throws IOException {
        throw new ImageFormatException(file, "writing DICOM is not supported; write NIfTI, NRRD or MetaImage");
    }

    /** One series of a folder: its UID, modality, description and number of files. */
    public record SeriesInfo(String seriesInstanceUid, String modality, String description, int files) {
    }

    /** The series in {@code folder} (Part 10 files directly inside it), in order of first appearance by file name. */
    public static List<SeriesInfo> listSeries(Path folder) throws IOException {
        List<SeriesInfo> out = new ArrayList<>();
        for (Map.Entry<String, List<DicomDataset.File>> e : bySeries(folder).entrySet()) {
            DicomDataset first = e.getValue().get(0).dataset();
            out.add(new SeriesInfo(e.getKey(), first.string(MODALITY), first.string(SERIES_DESCRIPTION), e.getValue().size()));
        }
        return out;
    }

    /**
     * Reads one series of {@code folder} as a volume in LPS coordinates (a segmentation series gives its
     * label map).
     *
     * @param seriesInstanceUid the series to read, or {@code null} when the folder holds exactly one
     * @throws ImageFormatException naming the folder or file: no DICOM files, several series (listing them),
     *                              unknown UID, unsupported transfer syntax, missing slice, mixed orientations ...
     */
    public static Image3D readSeries(Path folder, String seriesInstanceUid) throws IOException {
        Map<String, List<DicomDataset.File>> series = bySeries(folder);
        List<DicomDataset.File> files;
        if (seriesInstanceUid == null) {
            if (series.size() > 1) {
                StringBuilder list = new StringBuilder();
                for (SeriesInfo info : listSeries(folder)) {
                    list.append("; ").append(info.seriesInstanceUid()).append(" (").append(info.modality()).append(", ")
                            .append(info.files()).append(info.files() == 1 ? " file" : " files")
                            .append(info.description() == null ? "" : ", '" + info.description() + "'").append(')');
                }
                throw new ImageFormatException(folder, "mixed SeriesInstanceUID: the folder holds " + series.size()
                        + " series; choose one by its UID (DicomImageIO.readSeries(folder, uid))" + list);
            }
            files = series.values().iterator().next();
        } else {
            files = series.get(seriesInstanceUid);
            if (files == null) {
                throw new ImageFormatException(folder, "no series with SeriesInstanceUID " + seriesInstanceUid
                        + "; present: " + String.join(", ", series.keySet()));
            }
        }
        if (files.size() == 1 && isSegmentation(files.get(0).dataset())) {
            return segmentationLabelMap(files.get(0).path(), DicomSegmentation.of(files.get(0)));
        }
        List<Frame> frames = new ArrayList<>();
        for (DicomDataset.File file : files) {
            if (isSegmentation(file.dataset())) {
                throw new ImageFormatException(file.path(), "a series with several segmentation files is not supported; "
                        + "read each with DicomImageIO.readSegmentation");
            }
            if (files.size() > 1 && numberOfFrames(file.dataset()) > 1) {
                throw new ImageFormatException(file.path(), "a series of several multi-frame files is not supported; "
                        + "read each file on its own");
            }
            frames.addAll(frames(file));
        }
        return volume(frames);
    }

    /**
     * The binary segmentation (DICOM SEG, PS3.3 A.51 and C.8.20) in {@code file}, on its own grid.
     *
     * @throws ImageFormatException naming the file when it is not a binary SEG or its frames do not form a grid
     */
    public static DicomSegmentation readSegmentation(Path file) throws IOException {
        DicomDataset.File dicom = DicomDataset.parse(file, ImageBytes.readFile(file));
        if (!isSegmentation(dicom.dataset())) {
            throw new ImageFormatException(file, "not a DICOM segmentation (SOP class " + dicom.dataset().string(SOP_CLASS_UID)
                    + ", expected " + SEG_SOP_CLASS + ")");
        }
        return DicomSegmentation.of(dicom);
    }

    private static Image3D segmentationLabelMap(Path file, DicomSegmentation segmentation) throws ImageFormatException {
        try {
            return segmentation.labelMap();
        } catch (IllegalStateException e) {
            throw new ImageFormatException(file, e.getMessage(), e);
        }
    }

    static boolean isSegmentation(DicomDataset dataset) {
        return SEG_SOP_CLASS.equals(dataset.string(SOP_CLASS_UID)) || "SEG".equals(dataset.string(MODALITY));
    }

    /** Part 10 files directly in {@code folder} grouped by SeriesInstanceUID, files sorted by name. */
    private static Map<String, List<DicomDataset.File>> bySeries(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new ImageFormatException(folder, "is not a folder");
        }
        List<Path> paths;
        try (Stream<Path> list = Files.list(folder)) {
            paths = list.filter(Files::isRegularFile).sorted().toList();
        }
        Map<String, List<DicomDataset.File>> series = new LinkedHashMap<>();
        for (Path path : paths) {
            byte[] bytes = Files.readAllBytes(path);
            if (!DicomDataset.isPart10(bytes)) {
                continue;
            }
            DicomDataset.File file = DicomDataset.parse(path, bytes);
            if (DICOMDIR_SOP_CLASS.equals(file.meta().string(0x00020002))) {
                continue;
            }
            String uid = file.dataset().string(SERIES_INSTANCE_UID);
            series.computeIfAbsent(uid == null ? "(no SeriesInstanceUID)" : uid, k -> new ArrayList<>()).add(file);
        }
        if (series.isEmpty()) {
            throw new ImageFormatException(folder, "no DICOM Part 10 files in the folder (" + paths.size()
                    + " files checked; files need 'DICM' after the 128-byte preamble)");
        }
        return series;
    }

    static int numberOfFrames(DicomDataset dataset) {
        double[] n = dataset.numbers(NUMBER_OF_FRAMES);
        return n == null ? 1 : (int) n[0];
    }

    /** One 2D frame to stack: where it is and how to decode it. */
    record Frame(String source, Path file, double[] position, double[] orientation, double[] pixelSpacing, double slope,
            double intercept, int rows, int columns, Pixels pixels, int index, double sliceSpacingHint) {

        /** An error about this frame: the file, then "frame n: " for multi-frame files, then the problem. */
        ImageFormatException error(String problem) {
            String frame = source.equals(file.toString()) ? "" : source.substring(file.toString().length() + 1) + ": ";
            return new ImageFormatException(file, frame + problem);
        }
    }

    /** The pixel data of one file and how its stored values are laid out (PS3.3 C.7.6.3, Image Pixel module). */
    record Pixels(Path file, DicomDataset.Element data, int bitsAllocated, int bitsStored, int highBit, boolean signed) {

        static Pixels of(DicomDataset.File file) throws ImageFormatException {
            DicomDataset d = file.dataset();
            Path path = file.path();
            DicomDataset.Element data = d.element(DicomDataset.PIXEL_DATA);
            if (data == null) {
                throw new ImageFormatException(path, "no Pixel Data (7FE0,0010)");
            }
            int samples = (int) number(d, SAMPLES_PER_PIXEL, 1);
            String photometric = d.string(PHOTOMETRIC);
            if (samples != 1 || photometric != null && !photometric.startsWith("MONOCHROME")) {
                throw new ImageFormatException(path, "only grey-scale images are supported (SamplesPerPixel " + samples
                        + ", PhotometricInterpretation " + photometric + ")");
            }
            int allocated = (int) required(path, d, BITS_ALLOCATED, "BitsAllocated");
            int stored = (int) number(d, BITS_STORED, allocated);
            int high = (int) number(d, HIGH_BIT, stored - 1);
            int representation = (int) number(d, PIXEL_REPRESENTATION, 0);
            if (allocated != 1 && allocated != 8 && allocated != 16 && allocated != 32) {
                throw new ImageFormatException(path, "unsupported BitsAllocated " + allocated + "; supported: 8, 16, 32");
            }
            if (stored < 1 || stored > allocated || high < stored - 1 || high >= allocated) {
                throw new ImageFormatException(path, "inconsistent pixel layout: BitsAllocated " + allocated
                        + ", BitsStored " + stored + ", HighBit " + high);
            }
            return new Pixels(path, data, allocated, stored, high, representation == 1);
        }

        /** The stored values of frame {@code frame} ({@code count} pixels) as doubles. */
        double[] frame(int frame, int count) throws ImageFormatException {
            if (bitsAllocated < 8) {
                throw new ImageFormatException(file, "BitsAllocated " + bitsAllocated + " is only supported in segmentations");
            }
            int bytesPer = bitsAllocated / 8;
            long start = (long) frame * count * bytesPer;
            if (start + (long) count * bytesPer > data.length()) {
                throw new ImageFormatException(file, "truncated pixel data: frame " + (frame + 1) + " needs bytes " + start
                        + " to " + (start + (long) count * bytesPer) + " of Pixel Data, which has " + data.length());
            }
            ByteBuffer b = ByteBuffer.wrap(data.bytes()).order(ByteOrder.LITTLE_ENDIAN);
            int base = data.offset() + (int) start;
            int shift = highBit + 1 - bitsStored;
            long mask = (1L << bitsStored) - 1;
            double[] out = new double[count];
            for (int i = 0; i < count; i++) {
                long raw = switch (bytesPer) {
                    case 1 -> b.get(base + i) & 0xffL;
                    case 2 -> b.getShort(base + 2 * i) & 0xffffL;
                    default -> b.getInt(base + 4 * i) & 0xffffffffL;
                };
                long v = (raw >>> shift) & mask;
                if (signed && (v & (1L << (bitsStored - 1))) != 0) {
                    v -= 1L << bitsStored;
                }
                out[i] = v;
            }
            return out;
        }
    }

    /** The frames of one file: one for a classic image, one per frame for a multi-frame image. */
    static List<Frame> frames(DicomDataset.File file) throws ImageFormatException {
        DicomDataset d = file.dataset();
        Path path = file.path();
        int rows = (int) required(path, d, ROWS, "Rows");
        int columns = (int) required(path, d, COLUMNS, "Columns");
        Pixels pixels = Pixels.of(file);
        int count = numberOfFrames(d);
        List<DicomDataset> shared = d.sequence(SHARED_GROUPS);
        List<DicomDataset> perFrame = d.sequence(PER_FRAME_GROUPS);
        boolean enhanced = !perFrame.isEmpty() || !shared.isEmpty();
        if (enhanced && !perFrame.isEmpty() && perFrame.size() != count) {
            throw new ImageFormatException(path, "NumberOfFrames is " + count + " but the Per-frame Functional Groups "
                    + "Sequence has " + perFrame.size() + " items");
        }
        List<Frame> frames = new ArrayList<>();
        for (int f = 0; f < count; f++) {
            List<DicomDataset> groups = new ArrayList<>();
            if (!perFrame.isEmpty()) {
                groups.add(perFrame.get(f));
            }
            if (!shared.isEmpty()) {
                groups.add(shared.get(0));
            }
            String source = count == 1 ? path.toString() : path + " frame " + (f + 1);
            double[] position = functional(groups, PLANE_POSITION_SEQUENCE, IMAGE_POSITION, d);
            double[] orientation = functional(groups, PLANE_ORIENTATION_SEQUENCE, IMAGE_ORIENTATION, d);
            double[] spacing = functional(groups, PIXEL_MEASURES_SEQUENCE, PIXEL_SPACING, d);
            double[] slope = functional(groups, PIXEL_VALUE_TRANSFORMATION_SEQUENCE, RESCALE_SLOPE, d);
            double[] intercept = functional(groups, PIXEL_VALUE_TRANSFORMATION_SEQUENCE, RESCALE_INTERCEPT, d);
            if (position == null || position.length != 3) {
                throw new ImageFormatException(path, (count == 1 ? "" : "frame " + (f + 1) + ": ")
                        + "no valid ImagePositionPatient (0020,0032)");
            }
            if (orientation == null || orientation.length != 6) {
                throw new ImageFormatException(path, (count == 1 ? "" : "frame " + (f + 1) + ": ")
                        + "no valid ImageOrientationPatient (0020,0037)");
            }
            if (spacing == null || spacing.length != 2 || !(spacing[0] > 0) || !(spacing[1] > 0)) {
                throw new ImageFormatException(path, (count == 1 ? "" : "frame " + (f + 1) + ": ")
                        + "PixelSpacing (0028,0030) is " + (spacing == null ? "missing" : Arrays.toString(spacing))
                        + "; it needs two positive values");
            }
            double s = slope == null || slope[0] == 0 ? 1 : slope[0];
            double i = intercept == null ? 0 : intercept[0];
            double[] between = functional(groups, PIXEL_MEASURES_SEQUENCE, SPACING_BETWEEN_SLICES, d);
            double[] thickness = functional(groups, PIXEL_MEASURES_SEQUENCE, SLICE_THICKNESS, d);
            double hint = between != null && between[0] > 0 ? between[0] : thickness != null && thickness[0] > 0 ? thickness[0] : 0;
            frames.add(new Frame(source, path, position, orientation, spacing, s, i, rows, columns, pixels, f, hint));
        }
        return frames;
    }

    /** An attribute from the first functional group macro that has it, else from the top level data set. */
    static double[] functional(List<DicomDataset> groups, int macro, int tag, DicomDataset top) {
        for (DicomDataset group : groups) {
            for (DicomDataset item : group.sequence(macro)) {
                double[] v = item.numbers(tag);
                if (v != null) {
                    return v;
                }
            }
        }
        return top.numbers(tag);
    }

    static double number(DicomDataset d, int tag, double fallback) {
        double[] v = d.numbers(tag);
        return v == null ? fallback : v[0];
    }

    static double required(Path file, DicomDataset d, int tag, String name) throws ImageFormatException {
        double[] v = d.numbers(tag);
        if (v == null) {
            throw new ImageFormatException(file, "no " + name + " " + DicomDataset.tagName(tag));
        }
        return v[0];
    }

    /** Unit row, column and normal directions of an ImageOrientationPatient value, checked for orthonormality. */
    static double[][] axes(Path file, double[] iop) throws ImageFormatException {
        double[] row = {iop[0], iop[1], iop[2]};
        double[] col = {iop[3], iop[4], iop[5]};
        double rowNorm = norm(row);
        double colNorm = norm(col);
        if (Math.abs(rowNorm - 1) > 1e-3 || Math.abs(colNorm - 1) > 1e-3 || Math.abs(dot(row, col)) > 1e-3) {
            throw new ImageFormatException(file, "ImageOrientationPatient " + Arrays.toString(iop)
                    + " is not two orthogonal unit vectors");
        }
        for (int a = 0; a < 3; a++) {
            row[a] /= rowNorm;
            col[a] /= colNorm;
        }
        double[] normal = {row[1] * col[2] - row[2] * col[1], row[2] * col[0] - row[0] * col[2],
            row[0] * col[1] - row[1] * col[0]};
        return new double[][] {row, col, normal};
    }

    static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    /** Sorts, checks and stacks frames into a volume. */
    static Image3D volume(List<Frame> frames) throws ImageFormatException {
        Frame first = frames.get(0);
        for (Frame f : frames) {
            if (f.rows() != first.rows() || f.columns() != first.columns()) {
                throw f.error("mixed image sizes: " + f.rows() + " x " + f.columns()
                        + " pixels, but " + first.source() + " has " + first.rows() + " x " + first.columns());
            }
            for (int a = 0; a < 6; a++) {
                if (Math.abs(f.orientation()[a] - first.orientation()[a]) > 1e-4) {
                    throw f.error("mixed orientations: ImageOrientationPatient "
                            + Arrays.toString(f.orientation()) + ", but " + first.source() + " has "
                            + Arrays.toString(first.orientation()) + " (different stacks or a localizer in the series)");
                }
            }
            for (int a = 0; a < 2; a++) {
                if (Math.abs(f.pixelSpacing()[a] - first.pixelSpacing()[a]) > 1e-4 * first.pixelSpacing()[a]) {
                    throw f.error("mixed pixel spacings: PixelSpacing "
                            + Arrays.toString(f.pixelSpacing()) + ", but " + first.source() + " has "
                            + Arrays.toString(first.pixelSpacing()));
                }
            }
        }
        double[][] axes = axes(first.file(), first.orientation());
        double[] normal = axes[2];
        List<Frame> sorted = new ArrayList<>(frames);
        sorted.sort(Comparator.comparingDouble(f -> dot(f.position(), normal)));
        double sliceSpacing = stackSpacing(sorted, axes, first.pixelSpacing());
        Frame origin = sorted.get(0);
        double[] direction = new double[9];
        for (int c = 0; c < 3; c++) {
            for (int r = 0; r < 3; r++) {
                direction[3 * r + c] = axes[c][r] + 0.0;
            }
        }
        ImageGeometry geometry = new ImageGeometry(new int[] {first.columns(), first.rows(), sorted.size()},
                origin.position().clone(), new double[] {first.pixelSpacing()[1], first.pixelSpacing()[0], sliceSpacing},
                direction);
        int plane = first.rows() * first.columns();
        double[] voxels = new double[plane * sorted.size()];
        for (int k = 0; k < sorted.size(); k++) {
            Frame f = sorted.get(k);
            double[] stored = f.pixels().frame(f.index(), plane);
            for (int p = 0; p < plane; p++) {
                voxels[k * plane + p] = stored[p] * f.slope() + f.intercept();
            }
        }
        return Image3D.wrap(geometry, voxels);
    }

    /** The uniform distance between sorted frames along the normal, or a clear error when it is not uniform. */
    private static double stackSpacing(List<Frame> sorted, double[][] axes, double[] pixelSpacing)
            throws ImageFormatException {
        Frame first = sorted.get(0);
        if (sorted.size() == 1) {
            return first.sliceSpacingHint() > 0 ? first.sliceSpacingHint() : 1;
        }
        double[] gaps = new double[sorted.size() - 1];
        double minGap = Double.POSITIVE_INFINITY;
        double inPlaneTolerance = Math.max(POSITION_TOLERANCE, RELATIVE_TOLERANCE * Math.min(pixelSpacing[0], pixelSpacing[1]));
        for (int k = 1; k < sorted.size(); k++) {
            Frame a = sorted.get(k - 1);
            Frame b = sorted.get(k);
            gaps[k - 1] = dot(b.position(), axes[2]) - dot(a.position(), axes[2]);
            if (gaps[k - 1] < POSITION_TOLERANCE) {
                throw b.error(String.format(Locale.ROOT,
                        "two slices at the same position %.4f mm along the slice normal: this one and %s (several volumes in "
                                + "one series, e.g. echoes or phases?)", dot(b.position(), axes[2]), a.source()));
            }
            minGap = Math.min(minGap, gaps[k - 1]);
            double[] offset = new double[3];
            for (int r = 0; r < 3; r++) {
                offset[r] = b.position()[r] - first.position()[r];
            }
            double along = dot(offset, axes[2]);
            double lateral = Math.sqrt(Math.max(0, dot(offset, offset) - along * along));
            if (lateral > inPlaneTolerance) {
                throw b.error(String.format(Locale.ROOT,
                        "slices are not stacked along the slice normal: this slice is shifted by %.4f mm in-plane relative "
                                + "to %s (gantry tilt or sheared acquisition is not supported)", lateral, first.source()));
            }
        }
        for (int k = 0; k < gaps.length; k++) {
            if (Math.abs(gaps[k] - minGap) > Math.max(POSITION_TOLERANCE, RELATIVE_TOLERANCE * minGap)) {
                Frame a = sorted.get(k);
                Frame b = sorted.get(k + 1);
                long missing = Math.round(gaps[k] / minGap) - 1;
                throw a.error(String.format(Locale.ROOT,
                        "missing slice: the gap between %s (position %.4f mm along the slice normal) and %s (%.4f mm) is "
                                + "%.4f mm, but the other slices are %.4f mm apart%s", a.source(),
                        dot(a.position(), axes[2]), b.source(), dot(b.position(), axes[2]), gaps[k], minGap,
                        missing >= 1 ? " (about " + missing + " slice" + (missing == 1 ? "" : "s") + " missing)"
                                : " (non-uniform slice spacing)"));
            }
        }
        Frame last = sorted.get(sorted.size() - 1);
        return (dot(last.position(), axes[2]) - dot(first.position(), axes[2])) / (sorted.size() - 1);
    }
}
