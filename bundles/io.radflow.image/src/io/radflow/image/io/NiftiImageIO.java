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
 * NIfTI-1 single-file images ({@code .nii}, {@code .nii.gz}, magic {@code n+1}), read and written in
 * pure Java.
 *
 * <p><b>Reading.</b> Both byte orders (detected from {@code sizeof_hdr = 348}); datatypes uint8, int8,
 * int16, uint16, int32, uint32, float32 and float64; {@code scl_slope}/{@code scl_inter} are applied as
 * {@code value * slope + inter} when the slope is non-zero. {@code dim[0]} must be 3, or 4..7 with every
 * extra dimension of size 1. The voxel-to-world affine comes, in this order of preference, from the
 * sform ({@code sform_code > 0}; spacing = column norms, direction = normalised columns), the qform
 * ({@code qform_code > 0}; quaternion, {@code pixdim[1..3]}, {@code qfac = pixdim[0]}) or
 * {@code pixdim} alone (the NIfTI "method 1", identity direction). NIfTI world space is RAS; as ITK
 * does, the first two rows of the affine are negated to obtain Radflow's LPS geometry.
 *
 * <p><b>Writing.</b> Little-endian NIfTI-1, gzip-compressed when the name ends with {@code .gz}; int16
 * when every voxel is an integer in [-32768, 32767], else float32. Both the sform and the qform (code 1,
 * scanner) describe the same affine, so ITK, nibabel and this reader agree on the geometry. The file is
 * written to a temporary file in the same folder and then moved into place.
 */
public final class NiftiImageIO implements ImageIO {

    private static final int HEADER_SIZE = 348;
    private static final int VOX_OFFSET = 352;

    @Override
    public List<String> extensions() {
        return List.of(".nii", ".nii.gz");
    }

    @Override
    public Image3D read(Path file) throws IOException {
        byte[] raw = ImageBytes.readFile(file);
        byte[] bytes = ImageBytes.isGzip(raw) ? ImageBytes.gunzip(file, raw, 0, raw.length) : raw;
        if (bytes.length < HEADER_SIZE) {
            throw new ImageFormatException(file, "truncated header: " + bytes.length + " bytes, a NIfTI-1 header has "
                    + HEADER_SIZE);
        }
        ByteBuffer h = ByteBuffer.wrap(bytes, 0, HEADER_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        int sizeofHdr = h.getInt(0);
        if (sizeofHdr != HEADER_SIZE) {
            h.order(ByteOrder.BIG_ENDIAN);
            sizeofHdr = h.getInt(0);
            if (sizeofHdr == 540 || Integer.reverseBytes(sizeofHdr) == 540) {
                throw new ImageFormatException(file, "NIfTI-2 files are not supported (only NIfTI-1)");
            }
            if (sizeofHdr != HEADER_SIZE) {
                throw new ImageFormatException(file, "not a NIfTI-1 file: sizeof_hdr is " + h.order(ByteOrder.LITTLE_ENDIAN)
                        .getInt(0) + ", expected 348 (wrong magic)");
            }
        }
        String magic = new String(bytes, 344, 3, StandardCharsets.ISO_8859_1);
        if (magic.equals("ni1")) {
            throw new ImageFormatException(file, "two-file NIfTI (.hdr/.img, magic 'ni1') is not supported; convert to .nii");
        }
        if (!magic.equals("n+1") || bytes[347] != 0) {
            throw new ImageFormatException(file, "wrong magic '" + printable(bytes, 344, 4)
                    + "', expected 'n+1' for a single-file NIfTI-1");
        }
        int[] dim = new int[8];
        for (int i = 0; i < 8; i++) {
            dim[i] = h.getShort(40 + 2 * i);
        }
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
            if (dim[i] <= 0) {
                throw new ImageFormatException(file, "dim[" + i + "] = " + dim[i] + " is not a positive size");
            }
        }
        int datatype = h.getShort(70);
        ImageBytes.Type type = switch (datatype) {
            case 2 -> ImageBytes.Type.UINT8;
            case 256 -> ImageBytes.Type.INT8;
            case 4 -> ImageBytes.Type.INT16;
            case 512 -> ImageBytes.Type.UINT16;
            case 8 -> ImageBytes.Type.INT32;
            case 768 -> ImageBytes.Type.UINT32;
            case 16 -> ImageBytes.Type.FLOAT32;
            case 64 -> ImageBytes.Type.FLOAT64;
            default -> throw new ImageFormatException(file, "unsupported NIfTI datatype " + datatype + " ("
                    + datatypeName(datatype) + "); supported: uint8, int8, int16, uint16, int32, uint32, float32, float64");
        };
        float[] pixdim = new float[8];
        for (int i = 0; i < 8; i++) {
            pixdim[i] = h.getFloat(76 + 4 * i);
        }
        float voxOffset = h.getFloat(108);
        if (!(voxOffset >= HEADER_SIZE) || voxOffset > Integer.MAX_VALUE) {
            throw new ImageFormatException(file, "vox_offset " + voxOffset + " points inside the header");
        }
        double slope = h.getFloat(112);
        double inter = h.getFloat(116);
        int qformCode = h.getShort(252);
        int sformCode = h.getShort(254);

        // RAS affine: world = M * (i, j, k) + t
        double[][] m = new double[3][3];
        double[] t = new double[3];
        if (sformCode > 0) {
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 3; c++) {
                    m[r][c] = h.getFloat(280 + 16 * r + 4 * c);
                }
                t[r] = h.getFloat(280 + 16 * r + 12);
            }
        } else {
            for (int i = 1; i <= 3; i++) {
                if (!(pixdim[i] > 0) || Float.isInfinite(pixdim[i])) {
                    throw new ImageFormatException(file, "pixdim[" + i + "] = " + pixdim[i]
                            + " is not a positive voxel spacing");
                }
            }
            double[][] rot;
            if (qformCode > 0) {
                rot = quaternionToRotation(h.getFloat(256), h.getFloat(260), h.getFloat(264));
                t[0] = h.getFloat(268);
                t[1] = h.getFloat(272);
                t[2] = h.getFloat(276);
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
                        + (sformCode > 0 ? " (sform column " + c + ")" : "") + "; it must be positive");
            }
            spacing[c] = norm;
            for (int r = 0; r < 3; r++) {
                double lps = r < 2 ? -m[r][c] : m[r][c];
                direction[3 * r + c] = lps / norm + 0.0; // + 0.0 turns -0.0 into 0.0
            }
        }
        double[] origin = {-t[0] + 0.0, -t[1] + 0.0, t[2]};
        ImageGeometry geometry = new ImageGeometry(new int[] {dim[1], dim[2], dim[3]}, origin, spacing, direction);
        long count = (long) dim[1] * dim[2] * dim[3];
        if (count > Integer.MAX_VALUE / 8) {
            throw new ImageFormatException(file, "image of " + count + " voxels is too large");
        }
        double[] voxels = ImageBytes.decode(file, bytes, (int) voxOffset, count, type, h.order());
        if (slope != 0 && Double.isFinite(slope) && Double.isFinite(inter) && !(slope == 1 && inter == 0)) {
            for (int i = 0; i < voxels.length; i++) {
                voxels[i] = voxels[i] * slope + inter;
            }
        }
        return Image3D.wrap(geometry, voxels);
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
        byte[] header = header(image);
        double[] voxels = image.voxels();
        ImageBytes.Type type = ImageBytes.storageType(voxels);
        ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN)
                .putShort(70, (short) (type == ImageBytes.Type.INT16 ? 4 : 16))
                .putShort(72, (short) (8 * type.bytes));
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

    /** The 352-byte header (348 + 4 empty extension bytes) without datatype and bitpix. */
    private static byte[] header(Image3D image) {
        ImageGeometry g = image.geometry();
        ByteBuffer h = ByteBuffer.allocate(VOX_OFFSET).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(0, HEADER_SIZE);
        h.put(38, (byte) 'r');
        short[] dim = {3, (short) g.sizeX(), (short) g.sizeY(), (short) g.sizeZ(), 1, 1, 1, 1};
        if (g.sizeX() > Short.MAX_VALUE || g.sizeY() > Short.MAX_VALUE || g.sizeZ() > Short.MAX_VALUE) {
            throw new IllegalArgumentException("NIfTI-1 sizes are limited to 32767 voxels per axis: " + g);
        }
        for (int i = 0; i < 8; i++) {
            h.putShort(40 + 2 * i, dim[i]);
        }
        double[] spacing = g.spacing();
        double[] dir = g.direction();
        double[] origin = g.origin();
        // RAS rotation part: LPS direction with the first two rows negated
        double[][] ras = new double[3][3];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                ras[r][c] = (r < 2 ? -1 : 1) * dir[3 * r + c];
            }
        }
        double[] rasOrigin = {-origin[0], -origin[1], origin[2]};
        double det = ras[0][0] * (ras[1][1] * ras[2][2] - ras[1][2] * ras[2][1])
                - ras[0][1] * (ras[1][0] * ras[2][2] - ras[1][2] * ras[2][0])
                + ras[0][2] * (ras[1][0] * ras[2][1] - ras[1][1] * ras[2][0]);
        double qfac = det < 0 ? -1 : 1;
        h.putFloat(76, (float) qfac);
        for (int i = 0; i < 3; i++) {
            h.putFloat(80 + 4 * i, (float) spacing[i]);
        }
        h.putFloat(108, VOX_OFFSET);
        h.putFloat(112, 1f);
        h.putFloat(116, 0f);
        h.put(123, (byte) 2); // xyzt_units: mm
        byte[] descrip = "Radflow".getBytes(StandardCharsets.US_ASCII);
        h.put(148, descrip);
        h.putShort(252, (short) 1);
        h.putShort(254, (short) 1);
        double[][] rotation = new double[3][3];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                rotation[r][c] = ras[r][c] * (c == 2 ? qfac : 1);
            }
        }
        double[] q = rotationToQuaternion(orthonormalize(rotation));
        h.putFloat(256, (float) q[1]);
        h.putFloat(260, (float) q[2]);
        h.putFloat(264, (float) q[3]);
        for (int r = 0; r < 3; r++) {
            h.putFloat(268 + 4 * r, (float) rasOrigin[r]);
            for (int c = 0; c < 3; c++) {
                h.putFloat(280 + 16 * r + 4 * c, (float) (ras[r][c] * spacing[c]));
            }
            h.putFloat(280 + 16 * r + 12, (float) rasOrigin[r]);
        }
        h.put(344, "n+1\0".getBytes(StandardCharsets.US_ASCII));
        return h.array();
    }

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
            case 1024 -> "int64";
            case 1280 -> "uint64";
            case 1536 -> "float128";
            case 1792 -> "complex128";
            case 2048 -> "complex256";
            case 2304 -> "rgba32";
            default -> "not a NIfTI-1 datatype";
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
