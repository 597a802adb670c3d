package io.radflow.features.texture;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the 2-D float64 matrices of PyRadiomics' {@code data/baseline/*.npy} files (numpy format 1.0 or 2.0,
 * {@code '<f8'}): magic {@code \x93NUMPY}, version, header length, a Python dict with {@code descr},
 * {@code fortran_order} and {@code shape}, then the values row by row, or column by column when
 * {@code fortran_order} is True (some of the baselines are stored so).
 */
final class NpyZonesReader {

    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\((\\d+),\\s*(\\d+),?\\s*\\)");

    private NpyZonesReader() {
    }

    static double[][] read(Path file) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        byte[] magic = new byte[6];
        buffer.get(magic);
        if (magic[0] != (byte) 0x93 || !new String(magic, 1, 5, StandardCharsets.US_ASCII).equals("NUMPY")) {
            throw new IOException(file + ": not a .npy file");
        }
        int major = buffer.get();
        buffer.get();
        int headerLength = major == 1 ? Short.toUnsignedInt(buffer.getShort()) : buffer.getInt();
        byte[] header = new byte[headerLength];
        buffer.get(header);
        String dict = new String(header, StandardCharsets.US_ASCII);
        if (!dict.contains("'descr': '<f8'")) {
            throw new IOException(file + ": expected little-endian float64, header " + dict.trim());
        }
        boolean columnMajor = dict.contains("'fortran_order': True");
        Matcher shape = SHAPE.matcher(dict);
        if (!shape.find()) {
            throw new IOException(file + ": expected a 2-D shape, header " + dict.trim());
        }
        int rows = Integer.parseInt(shape.group(1));
        int columns = Integer.parseInt(shape.group(2));
        if (buffer.remaining() != 8L * rows * columns) {
            throw new IOException(file + ": " + buffer.remaining() + " data bytes for shape (" + rows + ", " + columns + ")");
        }
        double[][] out = new double[rows][columns];
        for (int k = 0; k < rows * columns; k++) {
            double v = buffer.getDouble();
            if (columnMajor) {
                out[k % rows][k / rows] = v;
            } else {
                out[k / columns][k % columns] = v;
            }
        }
        return out;
    }
}
