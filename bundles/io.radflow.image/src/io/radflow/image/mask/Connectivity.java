package io.radflow.image.mask;

/**
 * Which voxels touch: in 3D, 6-connectivity (shared faces) or 26-connectivity (shared faces, edges or corners);
 * slice-wise (2D), the in-plane restrictions 4 and 8.
 */
public enum Connectivity {
    /** Face neighbours: 6 in 3D, 4 in a slice. */
    FACE(6, 4),
    /** Face, edge and corner neighbours: 26 in 3D, 8 in a slice. */
    FULL(26, 8);

    private final int neighbours3d;
    private final int neighbours2d;

    Connectivity(int neighbours3d, int neighbours2d) {
        this.neighbours3d = neighbours3d;
        this.neighbours2d = neighbours2d;
    }

    /** 6 or 26. */
    public int neighbours3d() {
        return neighbours3d;
    }

    /** 4 or 8. */
    public int neighbours2d() {
        return neighbours2d;
    }

    /**
     * The connectivity with {@code neighbours} 3D neighbours (6 or 26; 4 and 8 are accepted for slice-wise use).
     *
     * @throws IllegalArgumentException for any other number
     */
    public static Connectivity of(int neighbours) {
        return switch (neighbours) {
            case 6, 4 -> FACE;
            case 26, 8 -> FULL;
            default -> throw new IllegalArgumentException("connectivity must be 6 or 26 (4 or 8 in a slice), got "
                    + neighbours);
        };
    }

    /** Neighbour offsets {dx, dy, dz}; with {@code sliceWise} only those with dz = 0. */
    int[][] offsets(boolean sliceWise) {
        int n = sliceWise ? neighbours2d : neighbours3d;
        int[][] out = new int[n][];
        int k = 0;
        for (int dz = sliceWise ? 0 : -1; dz <= (sliceWise ? 0 : 1); dz++) {
            for (int dy = -1; dy <= 1; dy++) {
                for (int dx = -1; dx <= 1; dx++) {
                    int manhattan = Math.abs(dx) + Math.abs(dy) + Math.abs(dz);
                    if (manhattan == 0 || (this == FACE && manhattan > 1)) {
                        continue;
                    }
                    out[k++] = new int[] {dx, dy, dz};
                }
            }
        }
        return out;
    }
}
