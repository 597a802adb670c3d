package io.radflow.image.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Builds NIfTI-1 files byte by byte, independently of {@link NiftiImageIO}, so tests can feed the reader
 * other byte orders, datatypes, scalings and broken headers. Fields default to a valid 3D int16 file with
 * pixdim geometry; tests change what they need before {@link #bytes()}.
 */
final class RawNifti {
    ByteOrder order = ByteOrder.LITTLE_ENDIAN;
    short[] dim = {3, 2, 2, 2, 1, 1, 1, 1};
    short datatype = 4;
    short bitpix = 16;
    float[] pixdim = {1, 1, 1, 1, 0, 0, 0, 0};
    float voxOffset = 352;
    float slope = 0;
    float inter = 0;
    short qformCode = 0;
    short sformCode = 0;
    float[] quatern = new float[6];
    float[] srow = new float[12];
    String magic = "n+1\0";
    byte[] data = new byte[0];

    /** Encodes {@code values} as this header's datatype in its byte order. */
    RawNifti values(double... values) {
        int size = switch (datatype) {
            case 2, 256 -> 1;
            case 4, 512 -> 2;
            case 8, 768, 16 -> 4;
            case 64, 1024, 1280 -> 8;
            default -> throw new IllegalArgumentException("datatype " + datatype);
        };
        bitpix = (short) (8 * size);
        ByteBuffer b = ByteBuffer.allocate(values.length * size).order(order);
        for (double v : values) {
            switch (datatype) {
                case 2, 256 -> b.put((byte) (long) v);
                case 4, 512 -> b.putShort((short) (long) v);
                case 8, 768 -> b.putInt((int) (long) v);
                case 16 -> b.putFloat((float) v);
                case 64 -> b.putDouble(v);
                case 1024, 1280 -> b.putLong((long) v);
                default -> throw new IllegalArgumentException();
            }
        }
        data = b.array();
        return this;
    }

    byte[] bytes() {
        ByteBuffer h = ByteBuffer.allocate((int) voxOffset + data.length).order(order);
        h.putInt(0, 348);
        for (int i = 0; i < 8; i++) {
            h.putShort(40 + 2 * i, dim[i]);
            h.putFloat(76 + 4 * i, pixdim[i]);
        }
        h.putShort(70, datatype);
        h.putShort(72, bitpix);
        h.putFloat(108, voxOffset);
        h.putFloat(112, slope);
        h.putFloat(116, inter);
        h.putShort(252, qformCode);
        h.putShort(254, sformCode);
        for (int i = 0; i < 6; i++) {
            h.putFloat(256 + 4 * i, quatern[i]);
        }
        for (int i = 0; i < 12; i++) {
            h.putFloat(280 + 4 * i, srow[i]);
        }
        byte[] m = magic.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < 4 && i < m.length; i++) {
            h.put(344 + i, m[i]);
        }
        h.position((int) voxOffset);
        h.put(data);
        return h.array();
    }
}
