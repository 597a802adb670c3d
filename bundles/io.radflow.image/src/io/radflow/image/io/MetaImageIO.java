package io.radflow.image.io;

import io.radflow.core.io.AtomicFiles;
import io.radflow.image.Image3D;
import io.radflow.image.ImageGeometry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * MetaImage (ITK MetaIO) images: {@code .mha} with the data inline after the header
 * ({@code ElementDataFile = LOCAL}) and {@code .mhd} with a separate data file, read and written in pure
 * Java. Specification: "MetaIO" documentation of the Insight Toolkit (itk.org, MetaIO/Documentation,
 * "Reference: Tags of MetaImage"); world coordinates are ITK's LPS.
 *
 * <p><b>Reading.</b> Header lines {@code Key = Value} (keys case-insensitive) up to
 * {@code ElementDataFile}, which must be the last one. {@code NDims = 3}; {@code DimSize};
 * {@code ElementType} {@code MET_CHAR, MET_UCHAR, MET_SHORT, MET_USHORT, MET_INT, MET_UINT, MET_LONG,
 * MET_ULONG} (4 bytes in MetaIO), {@code MET_LONG_LONG, MET_ULONG_LONG, MET_FLOAT, MET_DOUBLE};
 * {@code ElementNumberOfChannels} must be 1; {@code BinaryData} (False = whitespace-separated ascii
 * values); {@code BinaryDataByteOrderMSB}/{@code ElementByteOrderMSB}; {@code CompressedData} (zlib);
 * {@code HeaderSize} (bytes to skip in the data file, -1 = data at its end). Geometry: {@code ElementSpacing}
 * (or {@code ElementSize}), {@code Offset} (or {@code Position}, {@code Origin}) as the LPS origin, and
 * {@code TransformMatrix} (or {@code Rotation}, {@code Orientation}), whose consecutive triples are the
 * world directions of the i, j and k axes (ITK reads the matrix transposed into its direction). Only
 * without a matrix, {@code AnatomicalOrientation} gives the directions in ITK's convention: each letter
 * names the side an axis comes from, so {@code RAI} is the identity in LPS. {@code ElementDataFile} is
 * {@code LOCAL} or a file name relative to the header; {@code LIST} and file patterns are rejected.
 *
 * <p><b>Writing.</b> {@code .mha}: inline data; {@code .mhd}: header plus {@code <name>.zraw} (compressed)
 * or {@code <name>.raw} in the same folder. Little endian; zlib-compressed unless {@link #uncompressed()}
 * is used; the voxel type is the smallest lossless one of MET_SHORT, MET_INT, MET_FLOAT and MET_DOUBLE;
 * {@code TransformMatrix}, {@code Offset}, {@code ElementSpacing} and the nearest
 * {@code AnatomicalOrientation} are written. Files are written to a temporary file, then moved into place.
 */
public final class MetaImageIO implements ImageIO {

    private final boolean compress;

    /** Reads every supported variant; writes zlib-compressed data. */
    public MetaImageIO() {
        this(true);
    }

    private MetaImageIO(boolean compress) {
        this.compress = compress;
    }

    /** Reads every supported variant; writes uncompressed data. */
    public static MetaImageIO uncompressed() {
        return new MetaImageIO(false);
    }

    @Override
    public List<String> extensions() {
        return List.of(".mha", ".mhd");
    }

    @Override
    public Image3D read(Path file) throws IOException {
        byte[] bytes = ImageBytes.readFile(file);
        Map<String, String> fields = new LinkedHashMap<>();
        int pos = 0;
        int dataStart = -1;
        while (pos < bytes.length) {
            int end = pos;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            String line = new String(bytes, pos, end - pos, StandardCharsets.ISO_8859_1).strip();
            pos = Math.min(end + 1, bytes.length);
            if (line.isEmpty()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                if (fields.isEmpty()) {
                    throw new ImageFormatException(file, "not a MetaImage header (wrong magic): the first line '"
                            + abbreviate(line) + "' is not 'Key = Value'");
                }
                throw new ImageFormatException(file, "malformed MetaImage header line '" + abbreviate(line) + "'");
            }
            String key = line.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            if (fields.isEmpty() && !key.equals("objecttype") && !key.equals("ndims")) {
                throw new ImageFormatException(file, "not a MetaImage header (wrong magic): it starts with '" + key
                        + "', expected ObjectType or NDims");
            }
            fields.put(key, line.substring(eq + 1).strip());
            if (key.equals("elementdatafile")) {
                dataStart = pos;
                break;
            }
        }
        if (dataStart < 0) {
            throw new ImageFormatException(file, "MetaImage header has no 'ElementDataFile' line");
        }
        String objectType = fields.getOrDefault("objecttype", "Image");
        if (!objectType.equalsIgnoreCase("Image")) {
            throw new ImageFormatException(file, "ObjectType is '" + objectType + "', only Image is supported");
        }
        int ndims = (int) numbers(file, fields, "NDims", 1)[0];
        if (ndims != 3) {
            throw new ImageFormatException(file, "NDims is " + ndims + ", only 3D images are supported");
        }
        double[] dimSize = numbers(file, fields, "DimSize", 3);
        int[] size = new int[3];
        for (int i = 0; i < 3; i++) {
            if (dimSize[i] != Math.rint(dimSize[i]) || dimSize[i] < 1 || dimSize[i] > Integer.MAX_VALUE) {
                throw new ImageFormatException(file, "DimSize " + dimSize[i] + " along axis " + i + " is not a positive integer");
            }
            size[i] = (int) dimSize[i];
        }
        String channels = fields.get("elementnumberofchannels");
        if (channels != null && !channels.equals("1")) {
            throw new ImageFormatException(file, "ElementNumberOfChannels is " + channels + ", only scalar images are supported");
        }
        ImageBytes.Type type = type(file, fields.get("elementtype"));
        boolean binary = !"false".equalsIgnoreCase(fields.getOrDefault("binarydata", "true"));
        String msb = fields.getOrDefault("binarydatabyteordermsb", fields.getOrDefault("elementbyteordermsb", "false"));
        ByteOrder order = "true".equalsIgnoreCase(msb) ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        boolean compressed = "true".equalsIgnoreCase(fields.getOrDefault("compresseddata", "false"));
        ImageGeometry geometry = geometry(file, fields, size);

        String dataFile = fields.get("elementdatafile");
        Path dataPath = file;
        byte[] data = bytes;
        int offset = dataStart;
        if (!dataFile.equalsIgnoreCase("LOCAL")) {
            if (dataFile.toUpperCase(Locale.ROOT).startsWith("LIST") || dataFile.contains("%")) {
                throw new ImageFormatException(file, "multi-file 'ElementDataFile = " + dataFile + "' is not supported");
            }
            dataPath = file.toAbsolutePath().getParent().resolve(dataFile);
            if (!Files.exists(dataPath)) {
                throw new ImageFormatException(file, "its data file " + dataPath + " does not exist");
            }
            data = ImageBytes.readFile(dataPath);
            offset = 0;
        }
        long count = (long) size[0] * size[1] * size[2];
        if (count > Integer.MAX_VALUE / 8) {
            throw new ImageFormatException(file, "image of " + count + " voxels is too large");
        }
        int headerSize = fields.containsKey("headersize") ? (int) numbers(file, fields, "HeaderSize", 1)[0] : 0;
        if (compressed) {
            data = ImageBytes.inflate(dataPath, data, offset, data.length - offset, false);
            offset = 0;
        }
        if (headerSize == -1) {
            offset = (int) Math.max(offset, data.length - count * type.bytes);
        } else if (headerSize < -1) {
            throw new ImageFormatException(file, "HeaderSize " + headerSize + " is not allowed");
        } else if (!compressed) {
            offset += headerSize;
        }
        double[] voxels = binary ? ImageBytes.decode(dataPath, data, offset, count, type, order)
                : ImageBytes.ascii(dataPath, data, offset, (int) count);
        return Image3D.wrap(geometry, voxels);
    }

    private static ImageGeometry geometry(Path file, Map<String, String> fields, int[] size) throws ImageFormatException {
        double[] spacing = {1, 1, 1};
        for (String key : new String[] {"ElementSpacing", "ElementSize"}) {
            if (fields.containsKey(key.toLowerCase(Locale.ROOT))) {
                spacing = numbers(file, fields, key, 3);
                break;
            }
        }
        for (int i = 0; i < 3; i++) {
            if (!(spacing[i] > 0) || Double.isInfinite(spacing[i])) {
                throw new ImageFormatException(file, "voxel spacing " + spacing[i] + " along axis " + i
                        + " is not positive (ElementSpacing)");
            }
        }
        double[] origin = new double[3];
        for (String key : new String[] {"Offset", "Position", "Origin"}) {
            if (fields.containsKey(key.toLowerCase(Locale.ROOT))) {
                origin = numbers(file, fields, key, 3);
                break;
            }
        }
        double[] direction = null;
        for (String key : new String[] {"TransformMatrix", "Rotation", "Orientation"}) {
            if (fields.containsKey(key.toLowerCase(Locale.ROOT))) {
                double[] m = numbers(file, fields, key, 9);
                direction = new double[9];
                for (int c = 0; c < 3; c++) {
                    double norm = Math.sqrt(m[3 * c] * m[3 * c] + m[3 * c + 1] * m[3 * c + 1] + m[3 * c + 2] * m[3 * c + 2]);
                    if (!(norm > 1e-6)) {
                        throw new ImageFormatException(file, key + " has a zero direction for axis " + c);
                    }
                    for (int r = 0; r < 3; r++) {
                        direction[3 * r + c] = m[3 * c + r] + 0.0;
                    }
                }
                break;
            }
        }
        if (direction == null) {
            String orientation = fields.get("anatomicalorientation");
            direction = orientation == null || orientation.contains("?") ? new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}
                    : fromOrientation(file, orientation);
        }
        return new ImageGeometry(size, origin, spacing, direction);
    }

    /** Directions of an ITK orientation code such as RAI: the letter names the side an axis comes from. */
    private static double[] fromOrientation(Path file, String code) throws ImageFormatException {
        String letters = code.strip().toUpperCase(Locale.ROOT);
        double[] direction = new double[9];
        boolean[] used = new boolean[3];
        for (int c = 0; c < 3 && letters.length() == 3; c++) {
            int index = "RLAPIS".indexOf(letters.charAt(c));
            if (index < 0 || used[index / 2]) {
                break;
            }
            used[index / 2] = true;
            direction[3 * (index / 2) + c] = index % 2 == 0 ? 1 : -1;
            if (c == 2) {
                return direction;
            }
        }
        throw new ImageFormatException(file, "AnatomicalOrientation '" + code
                + "' is not three distinct letters from R/L, A/P, I/S");
    }

    /** ITK's orientation code of the axes' dominant directions (identity = RAI). */
    static String orientationCode(double[] direction) {
        StringBuilder code = new StringBuilder();
        for (int c = 0; c < 3; c++) {
            int best = 0;
            for (int r = 1; r < 3; r++) {
                if (Math.abs(direction[3 * r + c]) > Math.abs(direction[3 * best + c])) {
                    best = r;
                }
            }
            code.append("RLAPIS".charAt(2 * best + (direction[3 * best + c] >= 0 ? 0 : 1)));
        }
        return code.toString();
    }

    private static ImageBytes.Type type(Path file, String name) throws ImageFormatException {
        if (name == null) {
            throw new ImageFormatException(file, "MetaImage header has no 'ElementType'");
        }
        return switch (name.toUpperCase(Locale.ROOT)) {
            case "MET_CHAR" -> ImageBytes.Type.INT8;
            case "MET_UCHAR" -> ImageBytes.Type.UINT8;
            case "MET_SHORT" -> ImageBytes.Type.INT16;
            case "MET_USHORT" -> ImageBytes.Type.UINT16;
            case "MET_INT", "MET_LONG" -> ImageBytes.Type.INT32;
            case "MET_UINT", "MET_ULONG" -> ImageBytes.Type.UINT32;
            case "MET_LONG_LONG" -> ImageBytes.Type.INT64;
            case "MET_ULONG_LONG" -> ImageBytes.Type.UINT64;
            case "MET_FLOAT" -> ImageBytes.Type.FLOAT32;
            case "MET_DOUBLE" -> ImageBytes.Type.FLOAT64;
            default -> throw new ImageFormatException(file, "unsupported ElementType '" + name
                    + "'; supported: MET_(U)CHAR, MET_(U)SHORT, MET_(U)INT, MET_(U)LONG, MET_(U)LONG_LONG, MET_FLOAT, MET_DOUBLE");
        };
    }

    private static double[] numbers(Path file, Map<String, String> fields, String key, int count)
            throws ImageFormatException {
        String text = fields.get(key.toLowerCase(Locale.ROOT));
        if (text == null) {
            throw new ImageFormatException(file, "MetaImage header has no '" + key + "'");
        }
        String[] tokens = text.strip().split("\\s+");
        if (tokens.length != count) {
            throw new ImageFormatException(file, "'" + key + " = " + text + "' has " + tokens.length + " values, expected "
                    + count);
        }
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            try {
                out[i] = Double.parseDouble(tokens[i]);
            } catch (NumberFormatException e) {
                throw new ImageFormatException(file, "'" + key + "' has a value that is not a number: '" + tokens[i] + "'");
            }
        }
        return out;
    }

    private static String abbreviate(String line) {
        String clean = line.replaceAll("[^\\x20-\\x7e]", "?");
        return clean.length() > 40 ? clean.substring(0, 40) + "..." : clean;
    }

    @Override
    public void write(Image3D image, Path file) throws IOException {
        String name = ImageBytes.lowerName(file);
        boolean detached = name.endsWith(".mhd");
        if (!detached && !name.endsWith(".mha")) {
            throw new ImageFormatException(file, "a MetaImage file name must end with .mha (inline) or .mhd (detached)");
        }
        ImageGeometry g = image.geometry();
        double[] voxels = image.voxels();
        ImageBytes.Type type = ImageBytes.storageType(voxels);
        byte[] data = ImageBytes.encode(voxels, type, ByteOrder.LITTLE_ENDIAN);
        if (compress) {
            ByteArrayOutputStream zipped = new ByteArrayOutputStream(data.length / 4 + 64);
            try (DeflaterOutputStream out = new DeflaterOutputStream(zipped, new Deflater(Deflater.DEFAULT_COMPRESSION),
                    1 << 16)) {
                out.write(data);
            }
            data = zipped.toByteArray();
        }
        double[] d = g.direction();
        String fileName = file.getFileName().toString();
        String dataName = fileName.substring(0, fileName.length() - 4) + (compress ? ".zraw" : ".raw");
        StringBuilder h = new StringBuilder();
        h.append("ObjectType = Image\nNDims = 3\nBinaryData = True\nBinaryDataByteOrderMSB = False\n");
        h.append("CompressedData = ").append(compress ? "True" : "False").append('\n');
        if (compress) {
            h.append("CompressedDataSize = ").append(data.length).append('\n');
        }
        h.append("TransformMatrix =");
        for (int c = 0; c < 3; c++) {
            for (int r = 0; r < 3; r++) {
                h.append(' ').append(num(d[3 * r + c]));
            }
        }
        h.append("\nOffset =").append(list(g.origin())).append('\n');
        h.append("CenterOfRotation = 0 0 0\n");
        h.append("AnatomicalOrientation = ").append(orientationCode(d)).append('\n');
        h.append("ElementSpacing =").append(list(g.spacing())).append('\n');
        h.append("DimSize = ").append(g.sizeX()).append(' ').append(g.sizeY()).append(' ').append(g.sizeZ()).append('\n');
        h.append("ElementType = ").append(switch (type) {
            case INT16 -> "MET_SHORT";
            case INT32 -> "MET_INT";
            case FLOAT32 -> "MET_FLOAT";
            default -> "MET_DOUBLE";
        }).append('\n');
        h.append("ElementDataFile = ").append(detached ? dataName : "LOCAL").append('\n');
        byte[] head = h.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] payload = data;
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (detached) {
            AtomicFiles.write(file.resolveSibling(dataName), out -> out.write(payload));
            AtomicFiles.write(file, out -> out.write(head));
        } else {
            AtomicFiles.write(file, out -> {
                out.write(head);
                out.write(payload);
            });
        }
    }

    private static String list(double[] values) {
        StringBuilder s = new StringBuilder();
        for (double v : values) {
            s.append(' ').append(num(v));
        }
        return s.toString();
    }

    private static String num(double v) {
        return Double.toString(v == 0 ? 0.0 : v);
    }
}
