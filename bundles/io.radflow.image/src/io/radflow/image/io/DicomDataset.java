package io.radflow.image.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One parsed DICOM data set (package-private): elements by tag, sequences as nested data sets, values
 * left in the file's byte array until asked for. Parses DICOM Part 10 files (PS3.10 section 7.1: 128-byte
 * preamble, {@code DICM}, File Meta Information group 0002 in explicit VR little endian) with the transfer
 * syntaxes implicit VR little endian ({@code 1.2.840.10008.1.2}), explicit VR little endian
 * ({@code 1.2.840.10008.1.2.1}) and deflated explicit VR little endian ({@code 1.2.840.10008.1.2.1.99});
 * data element encoding per PS3.5 section 7.1 (explicit VRs with 4-byte lengths: OB, OD, OF, OL, OV, OW, SQ,
 * SV, UC, UN, UR, UT, UV), sequences and items of defined and undefined length per PS3.5 section 7.5.
 * Other transfer syntaxes (big endian, JPEG, JPEG-LS, JPEG 2000, RLE ...) are rejected with their UID.
 */
final class DicomDataset {

    /** One data element; {@code items} is non-null for sequences. */
    record Element(int tag, String vr, byte[] bytes, int offset, int length, List<DicomDataset> items) {
    }

    static final int ITEM = 0xFFFEE000;
    static final int ITEM_END = 0xFFFEE00D;
    static final int SEQUENCE_END = 0xFFFEE0DD;
    static final int PIXEL_DATA = 0x7FE00010;

    static final String IMPLICIT_LE = "1.2.840.10008.1.2";
    static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";
    static final String DEFLATED_LE = "1.2.840.10008.1.2.1.99";
    static final String EXPLICIT_BE = "1.2.840.10008.1.2.2";

    private static final Set<String> LONG_VRS = Set.of("OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR",
            "UT", "UV");

    /** VRs of the attributes Radflow reads, for implicit VR data sets (PS3.6 data dictionary). */
    private static final Map<Integer, String> DICTIONARY = Map.ofEntries(
            Map.entry(0x00080016, "UI"), Map.entry(0x00080018, "UI"), Map.entry(0x00080060, "CS"),
            Map.entry(0x0008103E, "LO"), Map.entry(0x00180050, "DS"), Map.entry(0x00180088, "DS"),
            Map.entry(0x0020000D, "UI"), Map.entry(0x0020000E, "UI"), Map.entry(0x00200013, "IS"),
            Map.entry(0x00200032, "DS"), Map.entry(0x00200037, "DS"), Map.entry(0x00200052, "UI"),
            Map.entry(0x00209111, "SQ"), Map.entry(0x00209113, "SQ"), Map.entry(0x00209116, "SQ"),
            Map.entry(0x00280002, "US"), Map.entry(0x00280004, "CS"), Map.entry(0x00280008, "IS"),
            Map.entry(0x00280010, "US"), Map.entry(0x00280011, "US"), Map.entry(0x00280030, "DS"),
            Map.entry(0x00280100, "US"), Map.entry(0x00280101, "US"), Map.entry(0x00280102, "US"),
            Map.entry(0x00280103, "US"), Map.entry(0x00281052, "DS"), Map.entry(0x00281053, "DS"),
            Map.entry(0x00289110, "SQ"), Map.entry(0x00289145, "SQ"), Map.entry(0x00620001, "CS"),
            Map.entry(0x00620002, "SQ"), Map.entry(0x00620004, "US"), Map.entry(0x00620005, "LO"),
            Map.entry(0x0062000A, "SQ"), Map.entry(0x0062000B, "US"), Map.entry(0x52009229, "SQ"),
            Map.entry(0x52009230, "SQ"), Map.entry(PIXEL_DATA, "OW"));

    private final Map<Integer, Element> elements = new TreeMap<>(Integer::compareUnsigned);

    /** A parsed Part 10 file: its meta information, transfer syntax and main data set. */
    record File(Path path, String transferSyntax, DicomDataset meta, DicomDataset dataset) {
    }

    /** Whether {@code bytes} start like a Part 10 file (preamble and {@code DICM}). */
    static boolean isPart10(byte[] bytes) {
        return bytes.length >= 132 && bytes[128] == 'D' && bytes[129] == 'I' && bytes[130] == 'C' && bytes[131] == 'M';
    }

    /** Parses a Part 10 file; fails naming the file for a missing {@code DICM}, an unsupported transfer syntax or a cut file. */
    static File parse(Path path, byte[] bytes) throws ImageFormatException {
        if (!isPart10(bytes)) {
            throw new ImageFormatException(path, "not a DICOM Part 10 file (no 'DICM' after the 128-byte preamble)");
        }
        DicomDataset meta = new DicomDataset();
        Parser metaParser = new Parser(path, bytes, true);
        int pos = 132;
        while (pos + 8 <= bytes.length && (ByteBuffer.wrap(bytes, pos, 2).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xffff) == 2) {
            pos = metaParser.element(pos, bytes.length, meta);
        }
        String syntax = meta.string(0x00020010);
        if (syntax == null) {
            throw new ImageFormatException(path, "DICOM file meta information has no TransferSyntaxUID (0002,0010)");
        }
        DicomDataset dataset = new DicomDataset();
        switch (syntax) {
            case IMPLICIT_LE -> new Parser(path, bytes, false).dataset(pos, bytes.length, dataset);
            case EXPLICIT_LE -> new Parser(path, bytes, true).dataset(pos, bytes.length, dataset);
            case DEFLATED_LE -> {
                byte[] inflated = ImageBytes.inflate(path, bytes, pos, bytes.length - pos, true);
                new Parser(path, inflated, true).dataset(0, inflated.length, dataset);
            }
            default -> throw new ImageFormatException(path, "unsupported DICOM transfer syntax " + syntax + " ("
                    + syntaxName(syntax) + "); supported: implicit VR little endian (1.2.840.10008.1.2), explicit VR "
                    + "little endian (1.2.840.10008.1.2.1) and deflated explicit VR little endian (1.2.840.10008.1.2.1.99)"
                    + "; decompress the files first (e.g. gdcmconv --raw or dcmdjpeg)");
        }
        return new File(path, syntax, meta, dataset);
    }

    private static String syntaxName(String uid) {
        if (uid.equals(EXPLICIT_BE)) {
            return "explicit VR big endian, retired";
        }
        if (uid.startsWith("1.2.840.10008.1.2.4.")) {
            return "JPEG-family compressed pixel data";
        }
        if (uid.equals("1.2.840.10008.1.2.5")) {
            return "RLE compressed pixel data";
        }
        return "not an uncompressed little endian transfer syntax";
    }

    /** Reads elements of one encoding from one byte array. */
    private static final class Parser {
        private final Path path;
        private final byte[] bytes;
        private final ByteBuffer buffer;
        private final boolean explicit;

        Parser(Path path, byte[] bytes, boolean explicit) {
            this.path = path;
            this.bytes = bytes;
            this.buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            this.explicit = explicit;
        }

        /** Elements from {@code pos} to {@code end}, or to an item delimiter when {@code end} is unknown (-1). */
        int dataset(int pos, int end, DicomDataset into) throws ImageFormatException {
            int limit = end < 0 ? bytes.length : end;
            while (pos < limit) {
                if (pos + 8 > limit) {
                    if (end >= 0 && allZero(pos, limit)) {
                        return limit; // trailing padding
                    }
                    throw truncated(pos, "an element header");
                }
                if (tag(pos) == ITEM_END) {
                    if (end >= 0) {
                        throw new ImageFormatException(path, "unexpected item delimiter at byte " + pos);
                    }
                    return pos + 8;
                }
                pos = element(pos, limit, into);
            }
            if (end < 0) {
                throw truncated(pos, "the end of an item of undefined length");
            }
            return pos;
        }

        private boolean allZero(int from, int to) {
            for (int i = from; i < to; i++) {
                if (bytes[i] != 0) {
                    return false;
                }
            }
            return true;
        }

        private int tag(int pos) {
            return (buffer.getShort(pos) & 0xffff) << 16 | (buffer.getShort(pos + 2) & 0xffff);
        }

        /** One element at {@code pos}; returns the position after it. */
        int element(int pos, int limit, DicomDataset into) throws ImageFormatException {
            int tag = tag(pos);
            String vr;
            long length;
            int valueStart;
            boolean implicitItems = !explicit;
            if (explicit) {
                if (pos + 8 > limit) {
                    throw truncated(pos, "an element header");
                }
                vr = new String(bytes, pos + 4, 2, StandardCharsets.US_ASCII);
                if (LONG_VRS.contains(vr)) {
                    if (pos + 12 > limit) {
                        throw truncated(pos, "an element header");
                    }
                    length = buffer.getInt(pos + 8) & 0xffffffffL;
                    valueStart = pos + 12;
                } else {
                    length = buffer.getShort(pos + 6) & 0xffff;
                    valueStart = pos + 8;
                }
                implicitItems = vr.equals("UN"); // UN of undefined length holds an implicit VR sequence (PS3.5 6.2.2)
            } else {
                vr = DICTIONARY.getOrDefault(tag, "UN");
                length = buffer.getInt(pos + 4) & 0xffffffffL;
                valueStart = pos + 8;
            }
            boolean undefined = length == 0xffffffffL;
            if (undefined && tag == PIXEL_DATA) {
                throw new ImageFormatException(path, "encapsulated (compressed) pixel data is not supported");
            }
            if (vr.equals("SQ") || undefined) {
                List<DicomDataset> items = new ArrayList<>();
                Parser itemParser = implicitItems == !explicit ? this : new Parser(path, bytes, !implicitItems);
                int next = itemParser.items(valueStart, undefined ? -1 : checkedEnd(pos, valueStart, length, limit), items);
                into.elements.put(tag, new Element(tag, "SQ", bytes, valueStart, next - valueStart, List.copyOf(items)));
                return next;
            }
            int end = checkedEnd(pos, valueStart, length, limit);
            into.elements.put(tag, new Element(tag, vr, bytes, valueStart, (int) length, null));
            return end;
        }

        private int items(int pos, int end, List<DicomDataset> items) throws ImageFormatException {
            int limit = end < 0 ? bytes.length : end;
            while (pos < limit) {
                if (pos + 8 > limit) {
                    throw truncated(pos, "a sequence item header");
                }
                int tag = tag(pos);
                long length = buffer.getInt(pos + 4) & 0xffffffffL;
                if (tag == SEQUENCE_END) {
                    if (end >= 0) {
                        throw new ImageFormatException(path, "unexpected sequence delimiter at byte " + pos);
                    }
                    return pos + 8;
                }
                if (tag != ITEM) {
                    throw new ImageFormatException(path, String.format(Locale.ROOT,
                            "malformed sequence: expected an item (FFFE,E000) at byte %d, found (%04X,%04X)", pos,
                            tag >>> 16, tag & 0xffff));
                }
                DicomDataset item = new DicomDataset();
                if (length == 0xffffffffL) {
                    pos = dataset(pos + 8, -1, item);
                } else {
                    int itemEnd = checkedEnd(pos, pos + 8, length, limit);
                    dataset(pos + 8, itemEnd, item);
                    pos = itemEnd;
                }
                items.add(item);
            }
            if (end < 0) {
                throw truncated(pos, "the end of a sequence of undefined length");
            }
            return pos;
        }

        private int checkedEnd(int pos, int valueStart, long length, int limit) throws ImageFormatException {
            if (valueStart + length > limit) {
                int tag = tag(pos);
                throw new ImageFormatException(path, String.format(Locale.ROOT,
                        "truncated DICOM file: element (%04X,%04X) at byte %d announces %d bytes, but only %d remain",
                        tag >>> 16, tag & 0xffff, pos, length, Math.max(0, limit - valueStart)));
            }
            return (int) (valueStart + length);
        }

        private ImageFormatException truncated(int pos, String what) {
            return new ImageFormatException(path, "truncated DICOM file: it ends at byte " + bytes.length + " inside "
                    + what + " (byte " + pos + ")");
        }
    }

    Element element(int tag) {
        return elements.get(tag);
    }

    /** The text value without padding (trailing spaces and NULs), or null when absent. */
    String string(int tag) {
        Element e = elements.get(tag);
        if (e == null || e.items() != null) {
            return null;
        }
        String s = new String(e.bytes(), e.offset(), e.length(), StandardCharsets.ISO_8859_1);
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == 0)) {
            end--;
        }
        return s.substring(0, end).stripLeading();
    }

    /** Numbers of a DS/IS (backslash-separated text), US/SS/UL/SL or FL/FD value; null when absent or empty. */
    double[] numbers(int tag) {
        Element e = elements.get(tag);
        if (e == null || e.items() != null || e.length() == 0) {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(e.bytes(), e.offset(), e.length()).order(ByteOrder.LITTLE_ENDIAN);
        int n = e.length();
        return switch (e.vr()) {
            case "US" -> binary(n / 2, i -> b.getShort(e.offset() + 2 * i) & 0xffff);
            case "SS" -> binary(n / 2, i -> b.getShort(e.offset() + 2 * i));
            case "UL" -> binary(n / 4, i -> b.getInt(e.offset() + 4 * i) & 0xffffffffL);
            case "SL" -> binary(n / 4, i -> b.getInt(e.offset() + 4 * i));
            case "FL" -> binary(n / 4, i -> b.getFloat(e.offset() + 4 * i));
            case "FD" -> binary(n / 8, i -> b.getDouble(e.offset() + 8 * i));
            default -> text(string(tag));
        };
    }

    private interface IndexToDouble {
        double at(int i);
    }

    private static double[] binary(int count, IndexToDouble value) {
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = value.at(i);
        }
        return out;
    }

    private static double[] text(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String[] parts = s.split("\\\\");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return out;
    }

    /** The items of a sequence (empty when absent). */
    List<DicomDataset> sequence(int tag) {
        Element e = elements.get(tag);
        return e == null || e.items() == null ? List.of() : e.items();
    }

    /** "(gggg,eeee)" of a tag, for messages. */
    static String tagName(int tag) {
        return String.format(Locale.ROOT, "(%04X,%04X)", tag >>> 16, tag & 0xffff);
    }
}
