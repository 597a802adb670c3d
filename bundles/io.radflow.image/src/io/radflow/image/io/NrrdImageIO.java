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
import java.util.zip.GZIPOutputStream;

/**
 * NRRD images ({@code .nrrd} with attached header, {@code .nhdr} with a detached data file), magic
 * {@code NRRD0001} to {@code NRRD0005}, read and written in pure Java. Specification: "Definition of
 * NRRD File Format", teem.sourceforge.net/nrrd/format.html (NRRD0005), sections "Basic field
 * specifications", "Space and orientation information" and "Detached headers".
 *
 * <p><b>Reading.</b> {@code dimension: 3}; {@code type} signed/unsigned char, short, int (all NRRD
 * spellings, e.g. {@code short}, {@code int16}, {@code ushort}, {@code uint8_t}), float and double;
 * {@code encoding} raw, gzip or ascii (also spelled {@code gz}, {@code txt}, {@code text}); bzip2 and
 * hex are rejected with "unsupported encoding" naming the file; {@code endian} little or big;
 * {@code byte skip} (including -1 for raw data at the end of the file) and {@code line skip};
 * {@code data file} relative to the header. Geometry comes from {@code space directions} (spacing =
 * vector lengths, direction = unit vectors) and {@code space origin}, or, without a space, from
 * {@code spacings} with identity direction and zero origin. Spaces {@code left-posterior-superior} (LPS, kept), {@code right-anterior-superior} (RAS) and
 * {@code left-anterior-superior} (LAS) are converted to Radflow's LPS by negating the affected world axes;
 * other spaces ({@code scanner-xyz}, {@code 3D-right-handed} ...) are rejected because their relation to
 * the patient is unknown. Multi-file data ({@code data file: LIST} or a format string) is rejected.
 *
 * <p><b>Writing.</b> {@code .nrrd}: attached header; {@code .nhdr}: detached header plus the data file
 * {@code <name>.raw.gz} in the same folder ({@code data file:} relative). Gzip encoding, little endian, LPS
 * space; the voxel type is the smallest lossless one of short, int, float and double. Files are written to
 * a temporary file in the same folder, then moved into place.
 */
public final class NrrdImageIO implements ImageIO {

    @Override
    public List<String> extensions() {
        return List.of(".nrrd", ".nhdr");
    }

    @Override
    public Image3D read(Path file) throws IOException {
        byte[] bytes = ImageBytes.readFile(file);
        if (bytes.length < 8 || !new String(bytes, 0, 7, StandardCharsets.ISO_8859_1).equals("NRRD000")
                || bytes[7] < '1' || bytes[7] > '5') {
            String start = new String(bytes, 0, Math.min(8, bytes.length), StandardCharsets.ISO_8859_1)
                    .replaceAll("[^\\x20-\\x7e]", "?");
            throw new ImageFormatException(file, "wrong magic '" + start + "', expected NRRD0001 to NRRD0005");
        }
        // header lines up to the first empty line (or the end of a detached header)
        Map<String, String> fields = new LinkedHashMap<>();
        int pos = 0;
        int dataStart = -1;
        boolean first = true;
        while (pos < bytes.length) {
            int end = pos;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            String line = new String(bytes, pos, end - pos, StandardCharsets.ISO_8859_1);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            pos = Math.min(end + 1, bytes.length);
            if (first) {
                first = false;
                continue;
            }
            if (line.isEmpty()) {
                dataStart = pos;
                break;
            }
            if (line.startsWith("#") || line.contains(":=")) {
                continue; // comment or key/value pair
            }
            int colon = line.indexOf(": ");
            if (colon < 0) {
                throw new ImageFormatException(file, "malformed NRRD header line '" + line + "'");
            }
            fields.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 2).trim());
        }

        String dimensionText = require(file, fields, "dimension");
        int dimension = parseInt(file, "dimension", dimensionText);
        if (dimension != 3) {
            throw new ImageFormatException(file, "dimension is " + dimension + ", only 3D images are supported");
        }
        String[] sizeTokens = require(file, fields, "sizes").split("\\s+");
        if (sizeTokens.length != 3) {
            throw new ImageFormatException(file, "'sizes' has " + sizeTokens.length + " values, dimension is 3");
        }
        int[] size = new int[3];
        for (int i = 0; i < 3; i++) {
            size[i] = parseInt(file, "sizes", sizeTokens[i]);
            if (size[i] <= 0) {
                throw new ImageFormatException(file, "size " + size[i] + " along axis " + i + " is not positive");
            }
        }
        ImageBytes.Type type = type(file, require(file, fields, "type"));
        String encoding = require(file, fields, "encoding").toLowerCase(Locale.ROOT);
        boolean gzip = encoding.equals("gzip") || encoding.equals("gz");
        boolean ascii = encoding.equals("ascii") || encoding.equals("txt") || encoding.equals("text");
        if (!gzip && !ascii && !encoding.equals("raw")) {
            throw new ImageFormatException(file, "unsupported encoding '" + encoding + "'; supported: raw, gzip, ascii");
        }
        String endian = fields.getOrDefault("endian", "little").toLowerCase(Locale.ROOT);
        ByteOrder order;
        if (endian.equals("little")) {
            order = ByteOrder.LITTLE_ENDIAN;
        } else if (endian.equals("big")) {
            order = ByteOrder.BIG_ENDIAN;
        } else {
            throw new ImageFormatException(file, "unknown endian '" + endian + "'");
        }

        ImageGeometry geometry = geometry(file, fields, size);

        // locate the data
        String dataFileName = fields.containsKey("data file") ? fields.get("data file") : fields.get("datafile");
        Path dataPath = file;
        byte[] dataBytes = bytes;
        int offset;
        if (dataFileName != null) {
            if (dataFileName.startsWith("LIST") || dataFileName.contains("%")) {
                throw new ImageFormatException(file, "multi-file 'data file: " + dataFileName + "' is not supported");
            }
            Path parent = file.toAbsolutePath().getParent();
            dataPath = parent.resolve(dataFileName);
            if (!Files.exists(dataPath)) {
                throw new ImageFormatException(file, "its data file " + dataPath + " does not exist");
            }
            dataBytes = ImageBytes.readFile(dataPath);
            offset = 0;
        } else {
            if (dataStart < 0) {
                throw new ImageFormatException(file, "header without data: no empty line ends the header and no 'data file' is given");
            }
            offset = dataStart;
        }
        int lineSkip = fields.containsKey("line skip") ? parseInt(file, "line skip", fields.get("line skip")) : 0;
        for (int l = 0; l < lineSkip; l++) {
            while (offset < dataBytes.length && dataBytes[offset] != '\n') {
                offset++;
            }
            offset++;
        }
        int byteSkip = fields.containsKey("byte skip") ? parseInt(file, "byte skip", fields.get("byte skip")) : 0;
        long count = (long) size[0] * size[1] * size[2];
        if (count > Integer.MAX_VALUE / 8) {
            throw new ImageFormatException(file, "image of " + count + " voxels is too large");
        }
        byte[] payload;
        if (gzip) {
            if (offset > dataBytes.length) {
                throw new ImageFormatException(dataPath, "truncated data: no gzip data after the header");
            }
            payload = ImageBytes.gunzip(dataPath, dataBytes, offset, dataBytes.length - offset);
            offset = 0;
        } else {
            payload = dataBytes;
        }
        if (ascii) {
            return Image3D.wrap(geometry, ImageBytes.ascii(dataPath, payload, offset, (int) count));
        }
        if (byteSkip == -1) {
            if (gzip) {
                throw new ImageFormatException(file, "'byte skip: -1' is only allowed with raw encoding");
            }
            offset = (int) Math.max(0, payload.length - count * type.bytes);
        } else if (byteSkip < 0) {
            throw new ImageFormatException(file, "'byte skip: " + byteSkip + "' is not allowed");
        } else {
            offset += byteSkip;
        }
        double[] voxels = ImageBytes.decode(dataPath, payload, offset, count, type, order);
        return Image3D.wrap(geometry, voxels);
    }

    private static ImageGeometry geometry(Path file, Map<String, String> fields, int[] size) throws ImageFormatException {
        String space = fields.get("space");
        double[] spacing = new double[3];
        double[] direction = {1, 0, 0, 0, 1, 0, 0, 0, 1};
        double[] origin = new double[3];
        if (space == null && !fields.containsKey("space directions")) {
            String spacings = fields.get("spacings");
            if (spacings == null) {
                spacing = new double[] {1, 1, 1};
            } else {
                String[] tokens = spacings.split("\\s+");
                if (tokens.length != 3) {
                    throw new ImageFormatException(file, "'spacings' has " + tokens.length + " values, dimension is 3");
                }
                for (int i = 0; i < 3; i++) {
                    spacing[i] = parseDouble(file, "spacings", tokens[i]);
                }
            }
        } else {
            double[] sign = {1, 1, 1};
            String normalized = space == null ? "left-posterior-superior" : space.toLowerCase(Locale.ROOT);
            switch (normalized) {
                case "left-posterior-superior", "lps" -> {
                }
                case "right-anterior-superior", "ras" -> sign = new double[] {-1, -1, 1};
                case "left-anterior-superior", "las" -> sign = new double[] {1, -1, 1};
                default -> throw new ImageFormatException(file, "unsupported space '" + space
                        + "'; supported: left-posterior-superior, right-anterior-superior, left-anterior-superior");
            }
            double[][] vectors = vectors(file, "space directions", require(file, fields, "space directions"), 3);
            for (int c = 0; c < 3; c++) {
                double[] v = vectors[c];
                double norm = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
                if (!(norm > 0) || Double.isInfinite(norm)) {
                    throw new ImageFormatException(file, "space direction of axis " + c + " has length " + norm
                            + "; the voxel spacing must be positive");
                }
                spacing[c] = norm;
                for (int r = 0; r < 3; r++) {
                    direction[3 * r + c] = sign[r] * v[r] / norm + 0.0;
                }
            }
            if (fields.containsKey("space origin")) {
                double[] o = vectors(file, "space origin", fields.get("space origin"), 1)[0];
                for (int r = 0; r < 3; r++) {
                    origin[r] = sign[r] * o[r] + 0.0;
                }
            }
        }
        for (int i = 0; i < 3; i++) {
            if (!(spacing[i] > 0) || Double.isInfinite(spacing[i])) {
                throw new ImageFormatException(file, "voxel spacing " + spacing[i] + " along axis " + i + " is not positive");
            }
        }
        return new ImageGeometry(size, origin, spacing, direction);
    }

    /** Parses {@code count} vectors "(x,y,z)" separated by blanks. */
    private static double[][] vectors(Path file, String field, String text, int count) throws ImageFormatException {
        double[][] out = new double[count][];
        String rest = text.trim();
        for (int n = 0; n < count; n++) {
            if (rest.startsWith("none")) {
                throw new ImageFormatException(file, "'" + field + "' has 'none' for a spatial axis");
            }
            int open = rest.indexOf('(');
            int close = rest.indexOf(')');
            if (open != 0 || close < 0) {
                throw new ImageFormatException(file, "'" + field + ": " + text + "' needs " + count + " vectors (x,y,z)");
            }
            String[] parts = rest.substring(1, close).split(",");
            if (parts.length != 3) {
                throw new ImageFormatException(file, "'" + field + "' vector (" + rest.substring(1, close)
                        + ") does not have 3 components");
            }
            out[n] = new double[3];
            for (int k = 0; k < 3; k++) {
                out[n][k] = parseDouble(file, field, parts[k].trim());
            }
            rest = rest.substring(close + 1).trim();
        }
        return out;
    }

    private static ImageBytes.Type type(Path file, String name) throws ImageFormatException {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "signed char", "char", "int8", "int8_t" -> ImageBytes.Type.INT8;
            case "uchar", "unsigned char", "uint8", "uint8_t" -> ImageBytes.Type.UINT8;
            case "short", "short int", "signed short", "signed short int", "int16", "int16_t" -> ImageBytes.Type.INT16;
            case "ushort", "unsigned short", "unsigned short int", "uint16", "uint16_t" -> ImageBytes.Type.UINT16;
            case "int", "signed int", "int32", "int32_t" -> ImageBytes.Type.INT32;
            case "uint", "unsigned int", "uint32", "uint32_t" -> ImageBytes.Type.UINT32;
            case "float" -> ImageBytes.Type.FLOAT32;
            case "double" -> ImageBytes.Type.FLOAT64;
            default -> throw new ImageFormatException(file, "unsupported NRRD type '" + name
                    + "'; supported: (u)char, (u)short, (u)int, float, double");
        };
    }

    private static String require(Path file, Map<String, String> fields, String key) throws ImageFormatException {
        String value = fields.get(key);
        if (value == null) {
            throw new ImageFormatException(file, "NRRD header has no '" + key + "' field");
        }
        return value;
    }

    private static int parseInt(Path file, String field, String text) throws ImageFormatException {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new ImageFormatException(file, "'" + field + "' is not an integer: '" + text + "'");
        }
    }

    private static double parseDouble(Path file, String field, String text) throws ImageFormatException {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new ImageFormatException(file, "'" + field + "' has a value that is not a number: '" + text + "'");
        }
    }

    @Override
    public void write(Image3D image, Path file) throws IOException {
        String name = ImageBytes.lowerName(file);
        boolean detached = name.endsWith(".nhdr");
        if (!detached && !name.endsWith(".nrrd")) {
            throw new ImageFormatException(file, "a NRRD file name must end with .nrrd (attached) or .nhdr (detached)");
        }
        ImageGeometry g = image.geometry();
        double[] voxels = image.voxels();
        ImageBytes.Type type = ImageBytes.storageType(voxels);
        double[] s = g.spacing();
        double[] d = g.direction();
        double[] o = g.origin();
        String fileName = file.getFileName().toString();
        String dataName = fileName.substring(0, fileName.length() - ".nhdr".length()) + ".raw.gz";
        StringBuilder header = new StringBuilder("NRRD0004\n");
        header.append("# written by Radflow\n");
        header.append("type: ").append(switch (type) {
            case INT16 -> "short";
            case INT32 -> "int";
            case FLOAT32 -> "float";
            default -> "double";
        }).append('\n');
        header.append("dimension: 3\nspace: left-posterior-superior\n");
        header.append("sizes: ").append(g.sizeX()).append(' ').append(g.sizeY()).append(' ').append(g.sizeZ()).append('\n');
        header.append("space directions:");
        for (int c = 0; c < 3; c++) {
            header.append(" (").append(num(d[c] * s[c])).append(',').append(num(d[3 + c] * s[c])).append(',')
                    .append(num(d[6 + c] * s[c])).append(')');
        }
        header.append("\nkinds: domain domain domain\nendian: little\nencoding: gzip\n");
        header.append("space origin: (").append(num(o[0])).append(',').append(num(o[1])).append(',').append(num(o[2]))
                .append(")\n");
        header.append(detached ? "data file: " + dataName + "\n" : "\n");
        byte[] data = ImageBytes.encode(voxels, type, ByteOrder.LITTLE_ENDIAN);
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(data.length / 4 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(compressed, 1 << 16)) {
            gz.write(data);
        }
        byte[] head = header.toString().getBytes(StandardCharsets.US_ASCII);
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (detached) {
            AtomicFiles.write(file.resolveSibling(dataName), compressed::writeTo);
            AtomicFiles.write(file, out -> out.write(head));
        } else {
            AtomicFiles.write(file, out -> {
                out.write(head);
                compressed.writeTo(out);
            });
        }
    }

    private static String num(double v) {
        return Double.toString(v == 0 ? 0.0 : v);
    }
}
