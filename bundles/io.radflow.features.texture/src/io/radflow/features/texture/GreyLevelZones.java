package io.radflow.features.texture;

import java.util.Arrays;

/**
 * The zones of a {@link GreyLevelVolume}: maximal groups of ROI voxels with the same grey level, linked through
 * a {@link Neighbourhood} (IBSI-1 3.8: Chebyshev distance 1, 26-connected in 3D and 8-connected in-plane;
 * PyRadiomics' GLSZM likewise). The basis of the GLSZM (zone sizes) and the GLDZM (zone distances). Immutable.
 *
 * <p>Labelling is an iterative flood fill with an explicit stack of primitive ints over the padded volume (no
 * recursion), visiting each ROI voxel once: O(N_v x neighbours).
 */
public final class GreyLevelZones {

    private final int[] zoneOfVoxel;
    private final int[] level;
    private final int[] size;
    private final int count;
    private final int voxelCount;

    private GreyLevelZones(int[] zoneOfVoxel, int[] level, int[] size, int count, int voxelCount) {
        this.zoneOfVoxel = zoneOfVoxel;
        this.level = level;
        this.size = size;
        this.count = count;
        this.voxelCount = voxelCount;
    }

    /** Labels the zones of {@code volume} with voxels linked by {@code linkage}. */
    public static GreyLevelZones label(GreyLevelVolume volume, Neighbourhood linkage) {
        Neighbourhood.Padded padded = linkage.pad(volume);
        int[] levels = padded.values();
        int[] offsets = padded.linearOffsets();
        int sx = volume.sizeX();
        int sy = volume.sizeY();
        int sz = volume.sizeZ();
        int n = volume.voxelCount();
        int[] zoneOfPadded = new int[levels.length];
        Arrays.fill(zoneOfPadded, -1);
        int[] stack = new int[Math.max(1, n)];
        int[] zoneLevel = new int[Math.max(1, n)];
        int[] zoneSize = new int[Math.max(1, n)];
        int zones = 0;
        for (int z = 0; z < sz; z++) {
            for (int y = 0; y < sy; y++) {
                int p = padded.index(0, y, z);
                for (int x = 0; x < sx; x++, p++) {
                    int gl = levels[p];
                    if (gl <= 0 || zoneOfPadded[p] >= 0) {
                        continue;
                    }
                    int zone = zones++;
                    int top = 0;
                    stack[top++] = p;
                    zoneOfPadded[p] = zone;
                    int members = 0;
                    while (top > 0) {
                        int q = stack[--top];
                        members++;
                        for (int o : offsets) {
                            int r = q + o;
                            if (levels[r] == gl && zoneOfPadded[r] < 0) {
                                zoneOfPadded[r] = zone;
                                stack[top++] = r;
                            }
                        }
                    }
                    zoneLevel[zone] = gl;
                    zoneSize[zone] = members;
                }
            }
        }
        int[] zoneOfVoxel = new int[sx * sy * sz];
        for (int z = 0; z < sz; z++) {
            for (int y = 0; y < sy; y++) {
                System.arraycopy(zoneOfPadded, padded.index(0, y, z), zoneOfVoxel, sx * (y + sy * z), sx);
            }
        }
        return new GreyLevelZones(zoneOfVoxel, zoneLevel, zoneSize, zones, n);
    }

    /** Number of zones ({@code N_s}). */
    public int count() {
        return count;
    }

    /** Number of ROI voxels ({@code N_v}). */
    public int voxelCount() {
        return voxelCount;
    }

    /** Grey level of zone {@code k}. */
    public int level(int k) {
        return level[k];
    }

    /** Number of voxels of zone {@code k}. */
    public int size(int k) {
        return size[k];
    }

    /** The zone of every box voxel (x fastest; -1 outside the ROI), a copy: a zone map for voxel-based use. */
    public int[] zoneMap() {
        return zoneOfVoxel.clone();
    }

    int[] zoneMapShared() {
        return zoneOfVoxel;
    }

    int[] levelsShared() {
        return level;
    }

    int[] sizesShared() {
        return size;
    }
}
