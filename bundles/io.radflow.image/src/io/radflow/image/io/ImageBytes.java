package io.radflow.image.io;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** Byte-level helpers shared by the NIfTI and NRRD readers and writers (package-private). */
final class ImageBytes {

    /** Voxel data types the readers decode; NIfTI and NRRD names map onto these. */
    enum Type {
        UINT8(1), INT8(1), INT16(2), UINT16(2), INT32(4), UINT32(4), FLOAT32(4), FLOAT64(8);

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

    /** INT16 when every value is an integer in the int16 range, else FLOAT32. */
    static Type storageType(double[] voxels) {
        for (double v : voxels) {
            if (v != Math.rint(v) || v < Short.MIN_VALUE || v > Short.MAX_VALUE) {
                return Type.FLOAT32;
            }
        }
        return Type.INT16;
    }

    /** Encodes voxels as INT16 or FLOAT32. */
    static byte[] encode(double[] voxels, Type type, ByteOrder order) {
        ByteBuffer buf = ByteBuffer.allocate(voxels.length * type.bytes).order(order);
        if (type == Type.INT16) {
            for (double v : voxels) {
                buf.putShort((short) v);
            }
        } else if (type == Type.FLOAT32) {
            for (double v : voxels) {
                buf.putFloat((float) v);
            }
        } else {
            throw new IllegalArgumentException("Writing " + type + " is not supported");
        }
        return buf.array();
    }

    static String lowerName(Path file) {
        Path name = file.getFileName();
        return name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
    }
}
