package io.radflow.ui.diagram;

/** Plain geometry in diagram coordinates (integers, y downwards), free of SWT. */
public final class Geometry {

    private Geometry() {
    }

    /** A point. */
    public record Point(int x, int y) {
    }

    /** An axis-aligned rectangle; {@code contains} includes the left/top edge and excludes right/bottom. */
    public record Box(int x, int y, int width, int height) {
        public boolean contains(int px, int py) {
            return px >= x && py >= y && px < x + width && py < y + height;
        }

        public int right() {
            return x + width;
        }

        public int bottom() {
            return y + height;
        }

        public Point center() {
            return new Point(x + width / 2, y + height / 2);
        }

        /** This box grown by {@code d} on every side. */
        public Box expand(int d) {
            return new Box(x - d, y - d, width + 2 * d, height + 2 * d);
        }
    }

    /** An RGB colour with components in 0..255. */
    public record Rgb(int red, int green, int blue) {
        public Rgb {
            if (red < 0 || red > 255 || green < 0 || green > 255 || blue < 0 || blue > 255) {
                throw new IllegalArgumentException("RGB components must be in 0..255: " + red + "," + green + "," + blue);
            }
        }

        /**
         * Parses {@code #RRGGBB} (as in port type declarations).
         *
         * @throws IllegalArgumentException naming the bad text
         */
        public static Rgb parse(String hex) {
            String s = hex == null ? "" : hex.trim();
            if (!s.matches("#[0-9a-fA-F]{6}")) {
                throw new IllegalArgumentException("Not a #RRGGBB colour: '" + hex + "'");
            }
            int v = Integer.parseInt(s.substring(1), 16);
            return new Rgb((v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF);
        }
    }
}
