package io.radflow.image.io;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.DataFormatException;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/** Byte-level helpers shared by the image readers and writers (package-private). */
final class ImageBytes {

    /** Voxel data types the readers decode; NIfTI, NRRD, MetaImage and DICOM names map onto these. */
    enum Type {
        UINT8(1), INT8(1), INT16(2), UINT16(2), INT32(4), UINT32(4), INT64(8), UINT64(8), FLOAT32(4), FLOAT64(8);

        final int bytes;

        Type(int bytes) {
            this.bytes = bytes;
        }
    }

    private ImageBytes() {
    }

    /** Fails with "file does not exist" / "is a directory" before any format-specific parsing. */
    static void checkReadable(Path file) throws ImageFormatException {
        if (!Files.exists(file)) {
            throw new ImageFormatException(file, "file does not exist");
        }
        if (Files.isDirectory(file)) {
            throw new ImageFormatException(file, "is a directory, not an image file");
        }
    }

    /** All bytes of {@code file}. */
    static byte[] readFile(Path file) throws IOException {
        checkReadable(file);
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ImageFormatException(file, "file does not exist", e);
        }
    }

    static boolean isGzip(byte[] bytes) {
        return bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
    }

    /** Decompresses a zlib stream (MetaImage {@code CompressedData}, DICOM deflate with {@code nowrap}). */
    static byte[] inflate(Path file, byte[] compressed, int offset, int length, boolean nowrap)
            throws ImageFormatException {
        Inflater inflater = new Inflater(nowrap);
        try {
            inflater.setInput(compressed, offset, length);
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, length * 4));
            byte[] buffer = new byte[1 << 16];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    if (nowrap && inflater.getRemaining() == 0 && out.size() > 0) {
                        break; // raw deflate may end without a final marker being consumed
                    }
                    throw new ImageFormatException(file, "truncated compressed data (the file ends before the "
                            + (nowrap ? "deflate" : "zlib") + " stream does)");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new ImageFormatException(file, "corrupt " + (nowrap ? "deflate" : "zlib") + " data: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    /** Decompresses a gzip stream; a cut or corrupt stream becomes an {@link ImageFormatException}. */
    static byte[] gunzip(Path file, byte[] compressed, int offset, int length) throws ImageFormatException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed, offset, length), 1 << 16)) {
            return in.readAllBytes();
        } catch (EOFException e) {
            throw new ImageFormatException(file, "truncated gzip stream (the file ends before the compressed data does)", e);
        } catch (ZipException e) {
            throw new ImageFormatException(file, "corrupt gzip stream: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ImageFormatException(file, "cannot decompress gzip data: " + e.getMessage(), e);
        }
    }

    /**
     * Decodes {@code count} voxels of {@code type} starting at {@code offset}; fails naming the file when
     * fewer bytes are present than needed.
     */
    static double[] decode(Path file, byte[] data, int offset, long count, Type type, ByteOrder order)
            throws ImageFormatException {
        long needed = count * type.bytes;
        long available = (long) data.length - offset;
        if (offset < 0 || available < needed) {
            throw new ImageFormatException(file, String.format(Locale.ROOT,
                    "truncated data: the header announces %d voxels of %s (%d bytes) from byte %d, but only %d bytes are present",
                    count, type.name().toLowerCase(Locale.ROOT), needed, offset, Math.max(0, available)));
        }
        ByteBuffer buf = ByteBuffer.wrap(data, offset, (int) needed).order(order);
        double[] out = new double[(int) count];
        switch (type) {
            case UINT8 -> {
                for (int i = 0; i < out.length; i++) {
                    out[i] = buf.get() & 0xff;
                }
            }
            case INT8 -> {
                for (int i = 0; i < out.length; i++) {
                    out[i] = buf.get();
                }
            }
            case INT16 -> {
                for (int i = 0; i < out.length; i++) {
                    out[i] = buf.getShort();
                }
            }
            case UINT16 -> {
                for (int i = 0; i < out.length; i++) {
                    out[i] = buf.getShort() & 0xffff;
                }
            }
            case INT32 -> {
                for (int i = 0; i < out.length; i++) {
                    out[i] = buf.getInt();
                }
            }
            case UINT32 -> {
                for (int i = 0; i < out.length; i++) {
                    out[i] = buf.getInt() & 0xffffffffL;
                }
            }
            case INT64 -> {
                for (int i = 0; i < out.length; i++) {
                    out[i] = buf.getLong();
                }
            }
            case UINT64 -> {
                for (int i = 0; i < out.length; i++) {
                    long v = buf.getLong();
                    out[i] = v >= 0 ? v : (v >>> 1) * 2.0 + (v & 1);
                }
            }
            case FLOAT32 -> {
                for (int i = 0; i < out.length; i++) {
                    out[i] = buf.getFloat();
                }
            }
            case FLOAT64 -> {
                for (int i = 0; i < out.length; i++) {
                    out[i] = buf.getDouble();
                }
            }
            default -> throw new IllegalStateException(type.name());
        }
        return out;
    }

    /** Parses {@code count} numbers separated by white space or commas (NRRD ascii encoding, MetaImage {@code BinaryData = False}). */
    static double[] ascii(Path file, byte[] data, int offset, int count) throws ImageFormatException {
        double[] values = new double[count];
        int n = 0;
        int pos = offset;
        while (n < count) {
            while (pos < data.length && (Character.isWhitespace(data[pos]) || data[pos] == ',')) {
                pos++;
            }
            if (pos >= data.length) {
                throw new ImageFormatException(file, "truncated data: the header announces " + count
                        + " ascii values, but only " + n + " are present");
            }
            int start = pos;
            while (pos < data.length && !Character.isWhitespace(data[pos]) && data[pos] != ',') {
                pos++;
            }
            String token = new String(data, start, pos - start, StandardCharsets.ISO_8859_1);
            try {
                values[n++] = Double.parseDouble(token);
            } catch (NumberFormatException e) {
                throw new ImageFormatException(file, "ascii value " + n + " is not a number: '" + token + "'");
            }
        }
        return values;
    }

    /**
     * The smallest lossless storage type among int16, int32, float32 and float64: int16 when every value
     * is an integer in the int16 range, int32 for larger integers, float32 when every value survives the
     * round trip through float, else float64.
     */
    static Type storageType(double[] voxels) {
        boolean int16 = true;
        boolean int32 = true;
        boolean float32 = true;
        for (double v : voxels) {
            if (v != Math.rint(v) || v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                int16 = false;
                int32 = false;
            } else if (v < Short.MIN_VALUE || v > Short.MAX_VALUE) {
                int16 = false;
            }
            if ((double) (float) v != v && !Double.isNaN(v)) {
                float32 = false;
            }
        }
        return int16 ? Type.INT16 : int32 ? Type.INT32 : float32 ? Type.FLOAT32 : Type.FLOAT64;
    }

    /** Encodes voxels as {@code type} (values are cast; callers choose a type that holds them). */
    static byte[] encode(double[] voxels, Type type, ByteOrder order) {
        ByteBuffer buf = ByteBuffer.allocate(voxels.length * type.bytes).order(order);
        for (double v : voxels) {
            switch (type) {
                case UINT8, INT8 -> buf.put((byte) (long) v);
                case INT16, UINT16 -> buf.putShort((short) (long) v);
                case INT32, UINT32 -> buf.putInt((int) (long) v);
                case INT64, UINT64 -> buf.putLong((long) v);
                case FLOAT32 -> buf.putFloat((float) v);
                case FLOAT64 -> buf.putDouble(v);
                default -> throw new IllegalStateException(type.name());
            }
        }
        return buf.array();
    }

    static String lowerName(Path file) {
        Path name = file.getFileName();
        return name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
    }
}
