package io.radflow.image.io;

import io.radflow.core.io.AtomicFiles;
import io.radflow.image.Image3D;
import io.radflow.image.ImageGeometry;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * NIfTI-1 and NIfTI-2 single-file images ({@code .nii}, {@code .nii.gz}; magic {@code n+1} or
 * {@code n+2}), read and written in pure Java.
 *
 * <p>Specifications: NIfTI-1 header {@code nifti1.h} (NIfTI Data Format Working Group, 2004, "ORIENTATION
 * AND LOCATION IN SPACE" and "DATA SCALING" sections) and NIfTI-2 header {@code nifti2.h} (2014: the same
 * fields widened to int64/double, 540-byte header, magic {@code n+2\0\r\n\032\n}).
 *
 * <p><b>Reading.</b> Both versions and both byte orders (detected from {@code sizeof_hdr}, 348 or 540);
 * datatypes uint8, int8, int16, uint16, int32, uint32, int64, uint64, float32 and float64;
 * {@code scl_slope}/{@code scl_inter} are applied as {@code value * slope + inter} when the slope is
 * non-zero and finite. {@code dim[0]} must be 3, or 4..7 with every extra dimension of size 1. The
 * voxel-to-world affine comes, in this order of preference, from the sform ({@code sform_code > 0};
 * spacing = column norms, direction = normalised columns), the qform ({@code qform_code > 0}; quaternion,
 * {@code pixdim[1..3]}, {@code qfac = pixdim[0]}) or {@code pixdim} alone (the NIfTI "method 1",
 * identity direction). NIfTI world space is RAS; as ITK does, the first two rows of the affine are
 * negated to obtain Radflow's LPS geometry. Rejected with a message naming the file: two-file
 * {@code .hdr/.img} pairs (magic {@code ni1}/{@code ni2}), complex, RGB and float128 datatypes, images
 * with more than one time point or component.
 *
 * <p><b>Writing.</b> Little-endian, gzip-compressed when the name ends with {@code .gz}; NIfTI-1 unless
 * {@link #nifti2()} is used or a size exceeds 32767 voxels (then NIfTI-2). The voxel type is the smallest
 * lossless one of int16, int32, float32 and float64. Both the sform and the qform (code 1, scanner)
 * describe the same affine, so ITK, nibabel and this reader agree on the geometry. The file is written to
 * a temporary file in the same folder and then moved into place.
 */
public final class NiftiImageIO implements ImageIO {

    private static final int HEADER1 = 348;
    private static final int HEADER2 = 540;

    private final boolean writeNifti2;

    /** Reads NIfTI-1 and NIfTI-2; writes NIfTI-1 (NIfTI-2 only when a size needs it). */
    public NiftiImageIO() {
        this(false);
    }

    private NiftiImageIO(boolean writeNifti2) {
        this.writeNifti2 = writeNifti2;
    }

    /** Reads NIfTI-1 and NIfTI-2; always writes NIfTI-2. */
    public static NiftiImageIO nifti2() {
        return new NiftiImageIO(true);
    }

    @Override
    public List<String> extensions() {
        return List.of(".nii", ".nii.gz");
    }

    /** The header fields the reader uses, version-independent. */
    private record Header(int version, ByteOrder order, long[] dim, int datatype, double[] pixdim, long voxOffset,
            double slope, double inter, int qformCode, int sformCode, double[] quatern, double[] qoffset,
            double[] srow) {
    }

    @Override
    public Image3D read(Path file) throws IOException {
        byte[] raw = ImageBytes.readFile(file);
        byte[] bytes = ImageBytes.isGzip(raw) ? ImageBytes.gunzip(file, raw, 0, raw.length) : raw;
        Header h = header(file, bytes);
        long[] dim = h.dim();
        if (dim[0] < 3 || dim[0] > 7) {
            throw new ImageFormatException(file, "image dimension is " + dim[0] + ", only 3D images are supported");
        }
        for (int i = 4; i <= dim[0]; i++) {
            if (dim[i] != 1) {
                throw new ImageFormatException(file, "image dimension is " + dim[0] + " with dim[" + i + "] = " + dim[i]
                        + "; only 3D images (or 4D with one time point) are supported");
            }
        }
        for (int i = 1; i <= 3; i++) {
            if (dim[i] <= 0 || dim[i] > Integer.MAX_VALUE) {
                throw new ImageFormatException(file, "dim[" + i + "] = " + dim[i] + " is not a positive size");
            }
        }
        ImageBytes.Type type = switch (h.datatype()) {
            case 2 -> ImageBytes.Type.UINT8;
            case 256 -> ImageBytes.Type.INT8;
            case 4 -> ImageBytes.Type.INT16;
            case 512 -> ImageBytes.Type.UINT16;
            case 8 -> ImageBytes.Type.INT32;
            case 768 -> ImageBytes.Type.UINT32;
            case 1024 -> ImageBytes.Type.INT64;
            case 1280 -> ImageBytes.Type.UINT64;
            case 16 -> ImageBytes.Type.FLOAT32;
            case 64 -> ImageBytes.Type.FLOAT64;
            default -> throw new ImageFormatException(file, "unsupported NIfTI datatype " + h.datatype() + " ("
                    + datatypeName(h.datatype()) + "); supported: uint8, int8, int16, uint16, int32, uint32, int64, uint64, "
                    + "float32, float64");
        };
        int headerSize = h.version() == 1 ? HEADER1 : HEADER2;
        if (h.voxOffset() < headerSize || h.voxOffset() > Integer.MAX_VALUE) {
            throw new ImageFormatException(file, "vox_offset " + h.voxOffset() + " points inside the header");
        }
        double[] pixdim = h.pixdim();
        // RAS affine: world = M * (i, j, k) + t
        double[][] m = new double[3][3];
        double[] t = new double[3];
        if (h.sformCode() > 0) {
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 3; c++) {
                    m[r][c] = h.srow()[4 * r + c];
                }
                t[r] = h.srow()[4 * r + 3];
            }
        } else {
            for (int i = 1; i <= 3; i++) {
                if (!(pixdim[i] > 0) || Double.isInfinite(pixdim[i])) {
                    throw new ImageFormatException(file, "pixdim[" + i + "] = " + pixdim[i]
                            + " is not a positive voxel spacing");
                }
            }
            double[][] rot;
            if (h.qformCode() > 0) {
                rot = quaternionToRotation(h.quatern()[0], h.quatern()[1], h.quatern()[2]);
                t = h.qoffset().clone();
            } else {
                rot = new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
            }
            double qfac = pixdim[0] < 0 ? -1 : 1;
            double[] scale = {pixdim[1], pixdim[2], qfac * pixdim[3]};
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 3; c++) {
                    m[r][c] = rot[r][c] * scale[c];
                }
            }
        }
        double[] spacing = new double[3];
        double[] direction = new double[9];
        for (int c = 0; c < 3; c++) {
            double norm = Math.sqrt(m[0][c] * m[0][c] + m[1][c] * m[1][c] + m[2][c] * m[2][c]);
            if (!(norm > 0) || Double.isInfinite(norm)) {
                throw new ImageFormatException(file, "voxel spacing along axis " + c + " is " + norm
                        + (h.sformCode() > 0 ? " (sform column " + c + ")" : "") + "; it must be positive");
            }
            spacing[c] = norm;
            for (int r = 0; r < 3; r++) {
                double lps = r < 2 ? -m[r][c] : m[r][c];
                direction[3 * r + c] = lps / norm + 0.0; // + 0.0 turns -0.0 into 0.0
            }
        }
        double[] origin = {-t[0] + 0.0, -t[1] + 0.0, t[2]};
        ImageGeometry geometry = new ImageGeometry(new int[] {(int) dim[1], (int) dim[2], (int) dim[3]}, origin, spacing,
                direction);
        long count = dim[1] * dim[2] * dim[3];
        if (count > Integer.MAX_VALUE / 8) {
            throw new ImageFormatException(file, "image of " + count + " voxels is too large");
        }
        double[] voxels = ImageBytes.decode(file, bytes, (int) h.voxOffset(), count, type, h.order());
        double slope = h.slope();
        double inter = h.inter();
        if (slope != 0 && Double.isFinite(slope) && Double.isFinite(inter) && !(slope == 1 && inter == 0)) {
            for (int i = 0; i < voxels.length; i++) {
                voxels[i] = voxels[i] * slope + inter;
            }
        }
        return Image3D.wrap(geometry, voxels);
    }

    /** Detects version and byte order from {@code sizeof_hdr}, checks the magic and reads the fields. */
    private static Header header(Path file, byte[] bytes) throws ImageFormatException {
        if (bytes.length < 4) {
            throw new ImageFormatException(file, "truncated header: " + bytes.length + " bytes, a NIfTI-1 header has "
                    + HEADER1);
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        int little = b.order(ByteOrder.LITTLE_ENDIAN).getInt(0);
        int big = b.order(ByteOrder.BIG_ENDIAN).getInt(0);
        ByteOrder order;
        int version;
        if (little == HEADER1 || big == HEADER1) {
            version = 1;
            order = little == HEADER1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        } else if (little == HEADER2 || big == HEADER2) {
            version = 2;
            order = little == HEADER2 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        } else {
            throw new ImageFormatException(file, "not a NIfTI-1 file: sizeof_hdr is " + little
                    + ", expected 348 (NIfTI-1) or 540 (NIfTI-2) (wrong magic)");
        }
        int size = version == 1 ? HEADER1 : HEADER2;
        if (bytes.length < size) {
            throw new ImageFormatException(file, "truncated header: " + bytes.length + " bytes, a NIfTI-" + version
                    + " header has " + size);
        }
        b.order(order);
        if (version == 1) {
            String magic = new String(bytes, 344, 3, StandardCharsets.ISO_8859_1);
            if (magic.equals("ni1")) {
                throw new ImageFormatException(file, "two-file NIfTI (.hdr/.img, magic 'ni1') is not supported; convert to .nii");
            }
            if (!magic.equals("n+1") || bytes[347] != 0) {
                throw new ImageFormatException(file, "wrong magic '" + printable(bytes, 344, 4)
                        + "', expected 'n+1' for a single-file NIfTI-1");
            }
            long[] dim = new long[8];
            double[] pixdim = new double[8];
            for (int i = 0; i < 8; i++) {
                dim[i] = b.getShort(40 + 2 * i);
                pixdim[i] = b.getFloat(76 + 4 * i);
            }
            double[] srow = new double[12];
            for (int i = 0; i < 12; i++) {
                srow[i] = b.getFloat(280 + 4 * i);
            }
            float voxOffset = b.getFloat(108);
            if (!(voxOffset >= 0) || voxOffset > Integer.MAX_VALUE) {
                throw new ImageFormatException(file, "vox_offset " + voxOffset + " points inside the header");
            }
            return new Header(1, order, dim, b.getShort(70), pixdim, (long) voxOffset, b.getFloat(112), b.getFloat(116),
                    b.getShort(252), b.getShort(254),
                    new double[] {b.getFloat(256), b.getFloat(260), b.getFloat(264)},
                    new double[] {b.getFloat(268), b.getFloat(272), b.getFloat(276)}, srow);
        }
        String magic = new String(bytes, 4, 3, StandardCharsets.ISO_8859_1);
        if (magic.equals("ni2")) {
            throw new ImageFormatException(file, "two-file NIfTI-2 (.hdr/.img, magic 'ni2') is not supported; convert to .nii");
        }
        byte[] expected = {'n', '+', '2', 0, '\r', '\n', 032, '\n'};
        for (int i = 0; i < 8; i++) {
            if (bytes[4 + i] != expected[i]) {
                throw new ImageFormatException(file, "wrong magic '" + printable(bytes, 4, 8)
                        + "', expected 'n+2\\0\\r\\n\\032\\n' for a single-file NIfTI-2");
            }
        }
        long[] dim = new long[8];
        double[] pixdim = new double[8];
        for (int i = 0; i < 8; i++) {
            dim[i] = b.getLong(16 + 8 * i);
            pixdim[i] = b.getDouble(104 + 8 * i);
        }
        double[] srow = new double[12];
        for (int i = 0; i < 12; i++) {
            srow[i] = b.getDouble(400 + 8 * i);
        }
        return new Header(2, order, dim, b.getShort(12), pixdim, b.getLong(168), b.getDouble(176), b.getDouble(184),
                b.getInt(344), b.getInt(348), new double[] {b.getDouble(352), b.getDouble(360), b.getDouble(368)},
                new double[] {b.getDouble(376), b.getDouble(384), b.getDouble(392)}, srow);
    }

    /** Rotation matrix of the NIfTI quaternion (b, c, d), a = sqrt(1 - b^2 - c^2 - d^2). */
    static double[][] quaternionToRotation(double b, double c, double d) {
        double aa = 1.0 - (b * b + c * c + d * d);
        double a;
        if (aa < 1e-7) {
            double n = Math.sqrt(b * b + c * c + d * d);
            b /= n;
            c /= n;
            d /= n;
            a = 0;
        } else {
            a = Math.sqrt(aa);
        }
        return new double[][] {
            {a * a + b * b - c * c - d * d, 2 * (b * c - a * d), 2 * (b * d + a * c)},
            {2 * (b * c + a * d), a * a + c * c - b * b - d * d, 2 * (c * d - a * b)},
            {2 * (b * d - a * c), 2 * (c * d + a * b), a * a + d * d - c * c - b * b}};
    }

    /** Quaternion (a, b, c, d) with a >= 0 of a proper rotation matrix. */
    static double[] rotationToQuaternion(double[][] r) {
        double trace = r[0][0] + r[1][1] + r[2][2];
        double a;
        double b;
        double c;
        double d;
        if (trace > 0) {
            double s = 0.5 / Math.sqrt(trace + 1);
            a = 0.25 / s;
            b = (r[2][1] - r[1][2]) * s;
            c = (r[0][2] - r[2][0]) * s;
            d = (r[1][0] - r[0][1]) * s;
        } else if (r[0][0] > r[1][1] && r[0][0] > r[2][2]) {
            double s = 2 * Math.sqrt(1 + r[0][0] - r[1][1] - r[2][2]);
            a = (r[2][1] - r[1][2]) / s;
            b = 0.25 * s;
            c = (r[0][1] + r[1][0]) / s;
            d = (r[0][2] + r[2][0]) / s;
        } else if (r[1][1] > r[2][2]) {
            double s = 2 * Math.sqrt(1 + r[1][1] - r[0][0] - r[2][2]);
            a = (r[0][2] - r[2][0]) / s;
            b = (r[0][1] + r[1][0]) / s;
            c = 0.25 * s;
            d = (r[1][2] + r[2][1]) / s;
        } else {
            double s = 2 * Math.sqrt(1 + r[2][2] - r[0][0] - r[1][1]);
            a = (r[1][0] - r[0][1]) / s;
            b = (r[0][2] + r[2][0]) / s;
            c = (r[1][2] + r[2][1]) / s;
            d = 0.25 * s;
        }
        if (a < 0) {
            a = -a;
            b = -b;
            c = -c;
            d = -d;
        }
        return new double[] {a, b, c, d};
    }

    @Override
    public void write(Image3D image, Path file) throws IOException {
        String name = ImageBytes.lowerName(file);
        if (!canHandle(file)) {
            throw new ImageFormatException(file, "a NIfTI file name must end with .nii or .nii.gz");
        }
        boolean gzip = name.endsWith(".gz");
        ImageGeometry g = image.geometry();
        boolean version2 = writeNifti2 || g.sizeX() > Short.MAX_VALUE || g.sizeY() > Short.MAX_VALUE
                || g.sizeZ() > Short.MAX_VALUE;
        double[] voxels = image.voxels();
        ImageBytes.Type type = ImageBytes.storageType(voxels);
        byte[] header = version2 ? header2(g, type) : header1(g, type);
        byte[] data = ImageBytes.encode(voxels, type, ByteOrder.LITTLE_ENDIAN);
        Files.createDirectories(file.toAbsolutePath().getParent());
        AtomicFiles.write(file, out -> {
            OutputStream target = gzip ? new GZIPOutputStream(out, 1 << 16) : out;
            target.write(header);
            target.write(data);
            if (gzip) {
                ((GZIPOutputStream) target).finish();
            }
        });
    }

    private static short datatypeCode(ImageBytes.Type type) {
        return switch (type) {
            case INT16 -> 4;
            case INT32 -> 8;
            case FLOAT32 -> 16;
            case FLOAT64 -> 64;
            default -> throw new IllegalArgumentException("Writing " + type + " is not supported");
        };
    }

    /** The affine in NIfTI terms: RAS rotation/scale columns, RAS origin, quaternion and qfac. */
    private record Affine(double[][] ras, double[] rasOrigin, double[] spacing, double[] quaternion, double qfac) {

        static Affine of(ImageGeometry g) {
            double[] dir = g.direction();
            double[] origin = g.origin();
            // RAS rotation part: LPS direction with the first two rows negated
            double[][] ras = new double[3][3];
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 3; c++) {
                    ras[r][c] = (r < 2 ? -1 : 1) * dir[3 * r + c];
                }
            }
            double det = ras[0][0] * (ras[1][1] * ras[2][2] - ras[1][2] * ras[2][1])
                    - ras[0][1] * (ras[1][0] * ras[2][2] - ras[1][2] * ras[2][0])
                    + ras[0][2] * (ras[1][0] * ras[2][1] - ras[1][1] * ras[2][0]);
            double qfac = det < 0 ? -1 : 1;
            double[][] rotation = new double[3][3];
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 3; c++) {
                    rotation[r][c] = ras[r][c] * (c == 2 ? qfac : 1);
                }
            }
            return new Affine(ras, new double[] {-origin[0], -origin[1], origin[2]}, g.spacing(),
                    rotationToQuaternion(orthonormalize(rotation)), qfac);
        }

        double srow(int r, int c) {
            return c == 3 ? rasOrigin[r] : ras[r][c] * spacing[c];
        }
    }

    /** The 352-byte NIfTI-1 header (348 + 4 empty extension bytes). */
    private static byte[] header1(ImageGeometry g, ImageBytes.Type type) {
        Affine a = Affine.of(g);
        ByteBuffer h = ByteBuffer.allocate(HEADER1 + 4).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(0, HEADER1);
        h.put(38, (byte) 'r');
        short[] dim = {3, (short) g.sizeX(), (short) g.sizeY(), (short) g.sizeZ(), 1, 1, 1, 1};
        for (int i = 0; i < 8; i++) {
            h.putShort(40 + 2 * i, dim[i]);
        }
        h.putShort(70, datatypeCode(type));
        h.putShort(72, (short) (8 * type.bytes));
        h.putFloat(76, (float) a.qfac());
        for (int i = 0; i < 3; i++) {
            h.putFloat(80 + 4 * i, (float) a.spacing()[i]);
        }
        h.putFloat(108, HEADER1 + 4);
        h.putFloat(112, 1f);
        h.putFloat(116, 0f);
        h.put(123, (byte) 2); // xyzt_units: mm
        h.put(148, DESCRIPTION);
        h.putShort(252, (short) 1);
        h.putShort(254, (short) 1);
        for (int i = 0; i < 3; i++) {
            h.putFloat(256 + 4 * i, (float) a.quaternion()[i + 1]);
            h.putFloat(268 + 4 * i, (float) a.rasOrigin()[i]);
        }
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) {
                h.putFloat(280 + 16 * r + 4 * c, (float) a.srow(r, c));
            }
        }
        h.put(344, "n+1\0".getBytes(StandardCharsets.US_ASCII));
        return h.array();
    }

    /** The 544-byte NIfTI-2 header (540 + 4 empty extension bytes). */
    private static byte[] header2(ImageGeometry g, ImageBytes.Type type) {
        Affine a = Affine.of(g);
        ByteBuffer h = ByteBuffer.allocate(HEADER2 + 4).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(0, HEADER2);
        h.put(4, new byte[] {'n', '+', '2', 0, '\r', '\n', 032, '\n'});
        h.putShort(12, datatypeCode(type));
        h.putShort(14, (short) (8 * type.bytes));
        long[] dim = {3, g.sizeX(), g.sizeY(), g.sizeZ(), 1, 1, 1, 1};
        for (int i = 0; i < 8; i++) {
            h.putLong(16 + 8 * i, dim[i]);
        }
        h.putDouble(104, a.qfac());
        for (int i = 0; i < 3; i++) {
            h.putDouble(112 + 8 * i, a.spacing()[i]);
        }
        h.putLong(168, HEADER2 + 4);
        h.putDouble(176, 1);
        h.putDouble(184, 0);
        h.put(240, DESCRIPTION);
        h.putInt(344, 1);
        h.putInt(348, 1);
        for (int i = 0; i < 3; i++) {
            h.putDouble(352 + 8 * i, a.quaternion()[i + 1]);
            h.putDouble(376 + 8 * i, a.rasOrigin()[i]);
        }
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) {
                h.putDouble(400 + 32 * r + 8 * c, a.srow(r, c));
            }
        }
        h.putInt(500, 2); // xyzt_units: mm
        return h.array();
    }

    private static final byte[] DESCRIPTION = "Radflow".getBytes(StandardCharsets.US_ASCII);

    /** Nearest rotation by Gram-Schmidt (direction matrices are orthonormal up to rounding). */
    private static double[][] orthonormalize(double[][] m) {
        double[][] cols = new double[3][3];
        for (int c = 0; c < 3; c++) {
            double[] v = {m[0][c], m[1][c], m[2][c]};
            for (int p = 0; p < c; p++) {
                double dot = v[0] * cols[p][0] + v[1] * cols[p][1] + v[2] * cols[p][2];
                for (int k = 0; k < 3; k++) {
                    v[k] -= dot * cols[p][k];
                }
            }
            double n = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
            for (int k = 0; k < 3; k++) {
                cols[c][k] = v[k] / n;
            }
        }
        double[][] out = new double[3][3];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                out[r][c] = cols[c][r];
            }
        }
        return out;
    }

    private static String datatypeName(int datatype) {
        return switch (datatype) {
            case 0 -> "unknown";
            case 1 -> "binary";
            case 32 -> "complex64";
            case 128 -> "rgb24";
                                    case 1536 -> "float128";
            case 1792 -> "complex128";
            case 2048 -> "complex256";
            case 2304 -> "rgba32";
            default -> "not a NIfTI datatype";
        };
    }

    private static String printable(byte[] bytes, int offset, int length) {
        StringBuilder s = new StringBuilder();
        for (int i = offset; i < offset + length; i++) {
            int b = bytes[i] & 0xff;
            s.append(b >= 32 && b < 127 ? String.valueOf((char) b) : String.format(Locale.ROOT, "\\x%02x", b));
        }
        return s.toString();
    }
}
