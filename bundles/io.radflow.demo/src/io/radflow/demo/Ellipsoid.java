package io.radflow.demo;

/**
 * An axis-aligned ellipsoid in world coordinates (mm): centre {@code (cx, cy, cz)} and semi-axes
 * {@code (ax, ay, az)}. A semi-axis may be {@code +Infinity}, which makes an elliptic cylinder (the
 * body of the demo phantom). Immutable.
 */
public record Ellipsoid(double cx, double cy, double cz, double ax, double ay, double az) {

    public Ellipsoid {
        if (!(ax > 0) || !(ay > 0) || !(az > 0)) {
            throw new IllegalArgumentException("Ellipsoid semi-axes must be positive, got " + ax + ", " + ay + ", " + az);
        }
    }

    /**
     * The implicit function {@code ((x-cx)/ax)^2 + ((y-cy)/ay)^2 + ((z-cz)/az)^2}: at most 1 inside,
     * above 1 outside.
     */
    public double level(double x, double y, double z) {
        double u = (x - cx) / ax;
        double v = (y - cy) / ay;
        double w = (z - cz) / az;
        return u * u + v * v + w * w;
    }

    /** Whether (x, y, z) lies inside or on the surface. */
    public boolean contains(double x, double y, double z) {
        return level(x, y, z) <= 1;
    }

    /** The longest finite diameter in mm. */
    public double longestDiameter() {
        double longest = 0;
        for (double a : new double[] {ax, ay, az}) {
            if (Double.isFinite(a)) {
                longest = Math.max(longest, 2 * a);
            }
        }
        return longest;
    }
}
