package io.radflow.image.io;

import io.radflow.image.Image3D;
import io.radflow.image.ImageGeometry;
import io.radflow.image.Mask;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A binary DICOM segmentation (SEG) on its own voxel grid in LPS coordinates. Immutable.
 *
 * <p>Read per PS3.3 A.51 (Segmentation IOD) and C.8.20 (Segmentation modules): Segmentation Type (0062,0001)
 * must be BINARY with Bits Allocated 1; the frames' bits are packed contiguously across frame boundaries,
 * least significant bit first (PS3.5 section 8.1.1 and 8.2). Each frame's segment is the Referenced Segment
 * Number (0062,000B) of its Segment Identification Sequence (0062,000A) in the Per-frame Functional Groups
 * Sequence; its position, orientation and pixel spacing come from the functional groups as for enhanced
 * images (see {@link DicomImageIO}). Segment labels come from the Segment Sequence (0062,0002).
 *
 * <p>Grid: i and j follow Image Orientation (Patient) and Pixel Spacing; k runs along the slice normal from
 * the lowest frame position. A SEG may leave out empty frames, so the k spacing is Spacing Between Slices
 * (0018,0088) when every gap is a multiple of it, else the smallest gap between frame positions; slices
 * without a frame are empty. Frames off that grid fail with a message. Resampling onto a reference image is
 * left to the resampling code: {@link #geometry()} is the SEG's own grid.
 */
public final class DicomSegmentation {

    private static final int SEGMENTATION_TYPE = 0x00620001;
    private static final int SEGMENT_SEQUENCE = 0x00620002;
    private static final int SEGMENT_NUMBER = 0x00620004;
    private static final int SEGMENT_LABEL = 0x00620005;
    private static final int SEGMENT_IDENTIFICATION_SEQUENCE = 0x0062000A;
    private static final int REFERENCED_SEGMENT_NUMBER = 0x0062000B;

    private final ImageGeometry geometry;
    private final Map<Integer, String> labels;
    private final Map<Integer, boolean[]> masks;

    private DicomSegmentation(ImageGeometry geometry, Map<Integer, String> labels, Map<Integer, boolean[]> masks) {
        this.geometry = geometry;
        this.labels = Collections.unmodifiableMap(labels);
        this.masks = masks;
    }

    /** The SEG's own grid. */
    public ImageGeometry geometry() {
        return geometry;
    }

    /** Segment number to Segment Label, in segment number order. */
    public Map<Integer, String> segments() {
        return labels;
    }

    /**
     * The voxels of one segment (possibly empty when the SEG has no frame for it).
     *
     * @throws IllegalArgumentException when the segment number is not defined (the message lists the defined ones)
     */
    public Mask mask(int segmentNumber) {
        boolean[] inside = masks.get(segmentNumber);
        if (inside == null) {
            throw new IllegalArgumentException("segment " + segmentNumber + " is not in the segmentation (segments: "
                    + labels + ")");
        }
        return new Mask(geometry, inside);
    }

    /**
     * A label map with each voxel's segment number (0 outside every segment).
     *
     * @throws IllegalStateException when two segments share voxels (the message names them and the count)
     */
    public Image3D labelMap() {
        double[] voxels = new double[geometry.voxelCount()];
        for (Map.Entry<Integer, boolean[]> e : masks.entrySet()) {
            boolean[] inside = e.getValue();
            int overlap = 0;
            int other = 0;
            for (int i = 0; i < inside.length; i++) {
                if (inside[i]) {
                    if (voxels[i] != 0) {
                        overlap++;
                        other = (int) voxels[i];
                    }
                    voxels[i] = e.getKey();
                }
            }
            if (overlap > 0) {
                throw new IllegalStateException("segments " + other + " and " + e.getKey() + " overlap in " + overlap
                        + " voxels, so they do not fit in one label map; read each segment with "
                        + "DicomImageIO.readSegmentation(file).mask(number)");
            }
        }
        return Image3D.wrap(geometry, voxels);
    }

    static DicomSegmentation of(DicomDataset.File file) throws ImageFormatException {
        DicomDataset d = file.dataset();
        Path path = file.path();
        String type = d.string(SEGMENTATION_TYPE);
        if (type != null && !type.equals("BINARY")) {
            throw new ImageFormatException(path, "SegmentationType " + type + " is not supported (only BINARY)");
        }
        int bitsAllocated = (int) DicomImageIO.required(path, d, DicomImageIO.BITS_ALLOCATED, "BitsAllocated");
        if (bitsAllocated != 1) {
            throw new ImageFormatException(path, "a binary segmentation needs BitsAllocated 1, found " + bitsAllocated);
        }
        Map<Integer, String> labels = new TreeMap<>();
        for (DicomDataset segment : d.sequence(SEGMENT_SEQUENCE)) {
            double[] number = segment.numbers(SEGMENT_NUMBER);
            if (number == null) {
                throw new ImageFormatException(path, "a Segment Sequence item has no SegmentNumber (0062,0004)");
            }
            String label = segment.string(SEGMENT_LABEL);
            labels.put((int) number[0], label == null ? "" : label);
        }
        if (labels.isEmpty()) {
            throw new ImageFormatException(path, "the segmentation has no Segment Sequence (0062,0002)");
        }
        List<DicomImageIO.Frame> frames = DicomImageIO.frames(file);
        List<DicomDataset> perFrame = d.sequence(DicomImageIO.PER_FRAME_GROUPS);
        int[] segmentOf = new int[frames.size()];
        for (int f = 0; f < frames.size(); f++) {
            double[] number = null;
            if (!perFrame.isEmpty()) {
                for (DicomDataset item : perFrame.get(f).sequence(SEGMENT_IDENTIFICATION_SEQUENCE)) {
                    number = item.numbers(REFERENCED_SEGMENT_NUMBER);
                }
            }
            if (number == null && labels.size() == 1) {
                number = new double[] {labels.keySet().iterator().next()};
            }
            if (number == null) {
                throw new ImageFormatException(path, "frame " + (f + 1) + " has no ReferencedSegmentNumber (0062,000B)");
            }
            segmentOf[f] = (int) number[0];
            if (!labels.containsKey(segmentOf[f])) {
                throw new ImageFormatException(path, "frame " + (f + 1) + " references segment " + segmentOf[f]
                        + ", which the Segment Sequence does not define (segments: " + labels.keySet() + ")");
            }
        }
        DicomImageIO.Frame first = frames.get(0);
        for (DicomImageIO.Frame f : frames) {
            for (int a = 0; a < 6; a++) {
                if (Math.abs(f.orientation()[a] - first.orientation()[a]) > 1e-4) {
                    throw f.error("mixed orientations: ImageOrientationPatient " + Arrays.toString(f.orientation())
                            + ", but frame 1 has " + Arrays.toString(first.orientation()));
                }
            }
            for (int a = 0; a < 2; a++) {
                if (Math.abs(f.pixelSpacing()[a] - first.pixelSpacing()[a]) > 1e-4 * first.pixelSpacing()[a]) {
                    throw f.error("mixed pixel spacings: " + Arrays.toString(f.pixelSpacing()) + ", but frame 1 has "
                            + Arrays.toString(first.pixelSpacing()));
                }
            }
        }
        double[][] axes = DicomImageIO.axes(path, first.orientation());
        double[] normal = axes[2];
        DicomImageIO.Frame lowest = first;
        for (DicomImageIO.Frame f : frames) {
            if (DicomImageIO.dot(f.position(), normal) < DicomImageIO.dot(lowest.position(), normal)) {
                lowest = f;
            }
        }
        double base = DicomImageIO.dot(lowest.position(), normal);
        double inPlaneTolerance = Math.max(0.01, 0.01 * Math.min(first.pixelSpacing()[0], first.pixelSpacing()[1]));
        List<Double> distinct = new ArrayList<>();
        for (DicomImageIO.Frame f : frames) {
            double[] offset = new double[3];
            for (int r = 0; r < 3; r++) {
                offset[r] = f.position()[r] - lowest.position()[r];
            }
            double along = DicomImageIO.dot(offset, normal);
            double lateral = Math.sqrt(Math.max(0, DicomImageIO.dot(offset, offset) - along * along));
            if (lateral > inPlaneTolerance) {
                throw f.error(String.format(Locale.ROOT, "frame position is shifted by %.4f mm in-plane from the lowest "
                        + "frame: the frames are not on one grid", lateral));
            }
            if (distinct.stream().noneMatch(p -> Math.abs(p - along) < 0.01)) {
                distinct.add(along);
            }
        }
        Collections.sort(distinct);
        double spacing = sliceSpacing(distinct, first.sliceSpacingHint());
        int sizeZ = (int) Math.round(distinct.get(distinct.size() - 1) / spacing) + 1;
        for (DicomImageIO.Frame f : frames) {
            double along = DicomImageIO.dot(f.position(), normal) - base;
            double k = along / spacing;
            if (Math.abs(k - Math.rint(k)) * spacing > Math.max(0.01, 0.01 * spacing)) {
                throw f.error(String.format(Locale.ROOT, "frame position %.4f mm along the normal is not on the slice grid "
                        + "of spacing %.4f mm starting at the lowest frame", along, spacing));
            }
        }
        double[] direction = new double[9];
        for (int c = 0; c < 3; c++) {
            for (int r = 0; r < 3; r++) {
                direction[3 * r + c] = axes[c][r] + 0.0;
            }
        }
        ImageGeometry geometry = new ImageGeometry(new int[] {first.columns(), first.rows(), sizeZ},
                lowest.position().clone(), new double[] {first.pixelSpacing()[1], first.pixelSpacing()[0], spacing},
                direction);

        DicomDataset.Element data = first.pixels().data();
        int plane = first.rows() * first.columns();
        long bitsNeeded = (long) plane * frames.size();
        if ((bitsNeeded + 7) / 8 > data.length()) {
            throw new ImageFormatException(path, "truncated pixel data: " + frames.size() + " frames of " + first.rows()
                    + " x " + first.columns() + " bits need " + (bitsNeeded + 7) / 8 + " bytes, Pixel Data has "
                    + data.length());
        }
        Map<Integer, boolean[]> masks = new LinkedHashMap<>();
        for (int number : labels.keySet()) {
            masks.put(number, new boolean[geometry.voxelCount()]);
        }
        byte[] bytes = data.bytes();
        for (int f = 0; f < frames.size(); f++) {
            DicomImageIO.Frame frame = frames.get(f);
            int k = (int) Math.round((DicomImageIO.dot(frame.position(), normal) - base) / spacing);
            boolean[] inside = masks.get(segmentOf[f]);
            long bit = (long) f * plane;
            for (int p = 0; p < plane; p++, bit++) {
                if ((bytes[data.offset() + (int) (bit >>> 3)] >> (int) (bit & 7) & 1) != 0) {
                    inside[k * plane + p] = true;
                }
            }
        }
        return new DicomSegmentation(geometry, labels, masks);
    }

    /** Spacing Between Slices when every gap is a multiple of it, else the smallest gap (1 mm for one slice). */
    private static double sliceSpacing(List<Double> distinct, double hint) {
        if (distinct.size() == 1) {
            return hint > 0 ? hint : 1;
        }
        double smallest = Double.POSITIVE_INFINITY;
        for (int i = 1; i < distinct.size(); i++) {
            smallest = Math.min(smallest, distinct.get(i) - distinct.get(i - 1));
        }
        if (hint > 0 && hint <= smallest * 1.01) {
            boolean fits = true;
            for (double p : distinct) {
                double k = p / hint;
                fits &= Math.abs(k - Math.rint(k)) * hint <= Math.max(0.01, 0.01 * hint);
            }
            if (fits) {
                return hint;
            }
        }
        return smallest;
    }
}
