package io.radflow.image.io;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.Deflater;

/**
 * A small test-only DICOM Part 10 writer, written from PS3.5 (data element encoding, sequences) and PS3.10
 * (preamble, DICM, file meta group), independent of the reader. Explicit or implicit VR little endian,
 * deflated, or a foreign transfer syntax UID (for rejection tests); sequences with defined or undefined lengths.
 */
final class DicomTestWriter {

    enum Syntax {
        IMPLICIT("1.2.840.10008.1.2"), EXPLICIT("1.2.840.10008.1.2.1"), DEFLATED("1.2.840.10008.1.2.1.99"),
        BIG_ENDIAN("1.2.840.10008.1.2.2"), JPEG_BASELINE("1.2.840.10008.1.2.4.50");

        final String uid;

        Syntax(String uid) {
            this.uid = uid;
        }
    }

    private static final Set<String> LONG_VRS = Set.of("OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR",
            "UT", "UV");

    /** A data set under construction: tag to (VR, value); values are String, int[] (US/UL), byte[] or List of DataSet. */
    static final class DataSet {
        final Map<Long, Object[]> elements = new TreeMap<>();

        DataSet put(int tag, String vr, Object value) {
            elements.put(tag & 0xffffffffL, new Object[] {vr, value});
            return this;
        }

        /** A DS (decimal string) value of up to 12 significant digits per number. */
        DataSet ds(int tag, double... values) {
            return put(tag, "DS", decimals(values));
        }

        DataSet us(int tag, int... values) {
            return put(tag, "US", values);
        }

        DataSet sq(int tag, DataSet... items) {
            return put(tag, "SQ", List.of(items));
        }
    }

    static String decimals(double... values) {
        StringBuilder s = new StringBuilder();
        for (double v : values) {
            if (s.length() > 0) {
                s.append('\\');
            }
            double x = Math.abs(v) < 1e-10 ? 0 : v;
            s.append(new BigDecimal(x).round(new MathContext(12)).stripTrailingZeros().toPlainString());
        }
        return s.toString();
    }

    private DicomTestWriter() {
    }

    /** A Part 10 file: preamble, DICM, meta group (explicit VR LE) and the data set in {@code syntax}. */
    static byte[] file(DataSet dataset, String sopClassUid, Syntax syntax, boolean undefinedLengths) {
        DataSet meta = new DataSet()
                .put(0x00020001, "OB", new byte[] {0, 1})
                .put(0x00020002, "UI", sopClassUid)
                .put(0x00020003, "UI", "1.2.826.0.1.3680043.10.999." + System.identityHashCode(dataset))
                .put(0x00020010, "UI", syntax.uid)
                .put(0x00020012, "UI", "1.2.826.0.1.3680043.10.999.1");
        byte[] metaBytes = encode(meta, true, false);
        boolean explicit = syntax != Syntax.IMPLICIT;
        byte[] body = encode(dataset, explicit, undefinedLengths);
        if (syntax == Syntax.DEFLATED) {
            Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
            deflater.setInput(body);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            deflater.end();
            body = out.toByteArray();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[128]);
        out.writeBytes("DICM".getBytes(StandardCharsets.US_ASCII));
        ByteBuffer groupLength = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        groupLength.putShort((short) 2).putShort((short) 0).put((byte) 'U').put((byte) 'L').putShort((short) 4)
                .putInt(metaBytes.length);
        out.writeBytes(groupLength.array());
        out.writeBytes(metaBytes);
        out.writeBytes(body);
        return out.toByteArray();
    }

    static byte[] encode(DataSet dataset, boolean explicit, boolean undefinedLengths) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<Long, Object[]> e : dataset.elements.entrySet()) {
            int tag = (int) (long) e.getKey();
            String vr = (String) e.getValue()[0];
            Object value = e.getValue()[1];
            if (vr.equals("SQ")) {
                @SuppressWarnings("unchecked")
                List<DataSet> items = (List<DataSet>) value;
                ByteArrayOutputStream content = new ByteArrayOutputStream();
                for (DataSet item : items) {
                    byte[] itemBytes = encode(item, explicit, undefinedLengths);
                    content.writeBytes(header(0xFFFEE000, undefinedLengths ? -1 : itemBytes.length));
                    content.writeBytes(itemBytes);
                    if (undefinedLengths) {
                        content.writeBytes(header(0xFFFEE00D, 0));
                    }
                }
                if (undefinedLengths) {
                    content.writeBytes(header(0xFFFEE0DD, 0));
                }
                out.writeBytes(elementHeader(tag, vr, explicit, undefinedLengths ? -1 : content.size()));
                out.writeBytes(content.toByteArray());
                continue;
            }
            byte[] bytes = valueBytes(vr, value);
            out.writeBytes(elementHeader(tag, vr, explicit, bytes.length));
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }

    private static byte[] valueBytes(String vr, Object value) {
        if (value instanceof String text) {
            byte[] b = text.getBytes(StandardCharsets.US_ASCII);
            if (b.length % 2 == 1) {
                byte[] padded = new byte[b.length + 1];
                System.arraycopy(b, 0, padded, 0, b.length);
                padded[b.length] = (byte) (vr.equals("UI") ? 0 : ' ');
                return padded;
            }
            return b;
        }
        if (value instanceof int[] ints) {
            int size = vr.equals("UL") || vr.equals("SL") ? 4 : 2;
            ByteBuffer b = ByteBuffer.allocate(ints.length * size).order(ByteOrder.LITTLE_ENDIAN);
            for (int v : ints) {
                if (size == 4) {
                    b.putInt(v);
                } else {
                    b.putShort((short) v);
                }
            }
            return b.array();
        }
        byte[] raw = (byte[]) value;
        if (raw.length % 2 == 1) {
            byte[] padded = new byte[raw.length + 1];
            System.arraycopy(raw, 0, padded, 0, raw.length);
            return padded;
        }
        return raw;
    }

    private static byte[] header(int tag, int length) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putShort((short) (tag >>> 16)).putShort((short) tag)
                .putInt(length).array();
    }

    private static byte[] elementHeader(int tag, String vr, boolean explicit, int length) {
        if (!explicit) {
            return header(tag, length);
        }
        if (LONG_VRS.contains(vr)) {
            return ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putShort((short) (tag >>> 16)).putShort((short) tag)
                    .put((byte) vr.charAt(0)).put((byte) vr.charAt(1)).putShort((short) 0).putInt(length).array();
        }
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putShort((short) (tag >>> 16)).putShort((short) tag)
                .put((byte) vr.charAt(0)).put((byte) vr.charAt(1)).putShort((short) length).array();
    }

    /** 16-bit little-endian pixel bytes. */
    static byte[] pixels16(int[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            b.putShort((short) v);
        }
        return b.array();
    }

    /** Bits packed contiguously over all frames, least significant bit first (PS3.5 8.1.1). */
    static byte[] packBits(boolean[] bits) {
        byte[] out = new byte[(bits.length + 7) / 8];
        for (int i = 0; i < bits.length; i++) {
            if (bits[i]) {
                out[i >>> 3] |= (byte) (1 << (i & 7));
            }
        }
        return out;
    }
}
