package io.radflow.features.extraction;

import io.radflow.features.Convention;
import io.radflow.features.Discretisation;
import io.radflow.features.DiscretisedRegion;
import io.radflow.features.FeatureFamily;
import io.radflow.features.FeatureSettings;
import io.radflow.features.FeatureValues;
import io.radflow.features.Setting;
import io.radflow.features.VoxelBasedFamily;
import io.radflow.image.Image3D;
import io.radflow.image.ImageGeometry;
import io.radflow.image.Mask;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import java.util.stream.IntStream;

/**
 * Voxel-based extraction as PyRadiomics' voxel-based mode computes it ({@code radiomics/base.py},
 * {@code _initVoxelBasedCalculation}, {@code _calculateVoxels}): for every ROI voxel, the features of the kernel
 * around it, written into one map per feature ({@link FeatureMaps}).
 *
 * <ol>
 * <li>The intensities are discretised <b>once</b>, with the convention of the settings
 * ({@link Discretisation#discretise(double[], FeatureSettings)}): the ROI's intensities with a masked kernel, else
 * those of the ROI's bounding box padded by the kernel radius (PyRadiomics' crop) with every voxel in it.</li>
 * <li>The kernel of a voxel is the cube of side {@code 2 kernelRadius + 1} centred on it (the square in the plane
 * with {@code force2D}), clipped to that box; with {@code maskedKernel} only its ROI voxels count.</li>
 * <li>Each family computes its features from the kernel's grey levels ({@link VoxelBasedFamily}), so texture
 * matrices are built from the whole ROI's bins and never re-discretised; first order uses the kernel's raw
 * intensities.</li>
 * </ol>
 *
 * <p>The value at a voxel therefore equals the segment-based feature of the ROI made of its kernel, discretised
 * with the whole ROI's bins. PyRadiomics differs in one detail: its matrices keep the rows of every grey level of
 * the whole ROI and its {@code N_g} is the ROI's highest level, so features normalised by {@code N_g} (GLCM Idn,
 * Idmn) can differ where the kernel lacks the highest levels. A kernel the family rejects (e.g. NGTDM where no
 * voxel has a neighbour) keeps {@code initValue}, as in PyRadiomics; {@link FeatureMaps#failedKernels} counts
 * them.
 *
 * <p>Immutable and thread-safe; voxels are computed in parallel in batches ({@code voxelBatch}), with progress
 * and cancellation checked between batches.
 */
public final class VoxelBasedExtractor {

    /** The same keys as the texture families' {@code force2D} and {@code force2Ddimension}; they shape the kernel. */
    private static final Setting<Boolean> FORCE_2D = Setting.ofBoolean("force2D", false,
            "In-plane kernels (PyRadiomics force2D).");
    private static final Setting<Integer> FORCE_2D_DIMENSION = Setting.ofInt("force2Ddimension", 0,
            "Axis perpendicular to the in-plane kernels: 0 z, 1 y, 2 x.");

    private static final int AUTOMATIC_BATCH = 64;

    private record Selection(VoxelBasedFamily family, List<String> names) {
    }

    private final List<Selection> selections = new ArrayList<>();
    private final FeatureSettings settings;
    private final VoxelSettings voxel;
    private final int threads;

    /**
     * @param families the families and the features of each to map (an empty list: the family's default features
     *                 for the settings)
     * @param settings the feature settings (discretisation, distances ...)
     * @param voxel    kernel radius, masked kernel, init value, batch size
     * @param threads  worker threads (1: all in the caller's thread)
     * @throws IllegalArgumentException for a family without voxel-based computation, an unknown feature, no family,
     *                                  or {@code threads < 1}
     */
    public VoxelBasedExtractor(Map<? extends FeatureFamily, List<String>> families, FeatureSettings settings,
            VoxelSettings voxel, int threads) {
        if (families.isEmpty()) {
            throw new IllegalArgumentException("Voxel-based extraction needs at least one family");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        families.forEach((family, names) -> {
            if (!(family instanceof VoxelBasedFamily v)) {
                throw new IllegalArgumentException("Family " + family.key() + " has no voxel-based computation; "
                        + "voxel-based maps exist for first order and the texture families");
            }
            FeatureFamily.checkNames(family, names);
            selections.add(new Selection(v, names.isEmpty() ? family.featureNames(settings) : List.copyOf(names)));
        });
        this.settings = settings;
        this.voxel = voxel;
        this.threads = threads;
        int dimension = settings.get(FORCE_2D_DIMENSION);
        if (dimension < 0 || dimension > 2) {
            throw new IllegalArgumentException("force2Ddimension must be 0, 1 or 2, got " + dimension);
        }
    }

    /**
     * The voxel-based extraction a parameter file asks for: its families, with the {@code voxelSetting} section
     * applied over the {@code setting} section (as PyRadiomics does). When the file names no {@code featureClass},
     * the enabled families without voxel-based computation (shape ...) are left out, as PyRadiomics leaves out
     * shape; a named one is an error.
     *
     * @param available  the installed families
     * @param convention a convention that overrides the file's, or null
     * @throws IllegalArgumentException for anything the file asks that cannot be honoured
     */
    public static VoxelBasedExtractor of(List<FeatureFamily> available, ExtractionParameters parameters,
            Convention convention, int threads) {
        Map<String, Object> merged = new LinkedHashMap<>(parameters.settings());
        merged.putAll(parameters.voxelSettings());
        FeatureExtractor extractor = new FeatureExtractor(available, new ExtractionParameters(parameters.imageTypes(),
                parameters.featureClasses(), merged, Map.of()), convention);
        Map<FeatureFamily, List<String>> families = new LinkedHashMap<>();
        List<String> keys = extractor.featureKeys();
        for (FeatureFamily family : extractor.families()) {
            if (!(family instanceof VoxelBasedFamily) && parameters.allFamilies()) {
                continue;
            }
            String prefix = FeatureValues.key("original", family.key(), "");
            families.put(family, keys.stream().filter(k -> k.startsWith(prefix))
                    .map(k -> k.substring(prefix.length())).toList());
        }
        return new VoxelBasedExtractor(families, extractor.settings(), VoxelSettings.of(merged), threads);
    }

    /** The mapped families, in order. */
    public List<FeatureFamily> families() {
        return selections.stream().map(s -> (FeatureFamily) s.family()).toList();
    }

    public FeatureSettings settings() {
        return settings;
    }

    public VoxelSettings voxelSettings() {
        return voxel;
    }

    /**
     * Computes the maps of the ROI {@code mask} in {@code image}.
     *
     * @param progress called with the fraction done (from worker threads), or null
     * @param canceled polled between batches, or null
     * @throws IllegalArgumentException when the grids differ, the mask is empty or the discretisation rejects the
     *                                  intensities
     * @throws CancellationException    when {@code canceled} returned true
     */
    public FeatureMaps compute(Image3D image, Mask mask, DoubleConsumer progress, BooleanSupplier canceled) {
        String mismatch = image.geometry().mismatch(mask.geometry(), Mask.GRID_TOLERANCE);
        if (mismatch != null) {
            throw new IllegalArgumentException("the mask grid differs from the image grid: " + mismatch);
        }
        if (mask.count() == 0) {
            throw new IllegalArgumentException("the mask is empty");
        }
        Kernels kernels = new Kernels(image, mask);
        List<FeatureMaps.Entry> entries = new ArrayList<>();
        for (Selection s : selections) {
            s.names().forEach(name -> entries.add(new FeatureMaps.Entry(s.family().key(), name)));
        }
        int n = kernels.centres.length;
        double[][] values = new double[entries.size()][n];
        int batch = voxel.voxelBatch() > 0 ? voxel.voxelBatch() : AUTOMATIC_BATCH;
        int batches = (n + batch - 1) / batch;
        Map<String, AtomicInteger> failed = new HashMap<>();
        Map<String, String> firstFailures = new java.util.concurrent.ConcurrentHashMap<>();
        selections.forEach(s -> failed.put(s.family().key(), new AtomicInteger()));
        AtomicInteger done = new AtomicInteger();
        Runnable[] work = new Runnable[batches];
        for (int b = 0; b < batches; b++) {
            int from = b * batch;
            int to = Math.min(n, from + batch);
            work[b] = () -> {
                if (canceled != null && canceled.getAsBoolean()) {
                    throw new CancellationException("voxel-based extraction canceled");
                }
                for (int v = from; v < to; v++) {
                    DiscretisedRegion region = kernels.region(v);
                    int column = 0;
                    for (Selection s : selections) {
                        FeatureValues result = null;
                        try {
                            result = s.family().compute(region, settings, s.names());
                        } catch (IllegalArgumentException | ArithmeticException e) {
                            failed.get(s.family().key()).incrementAndGet();
                            firstFailures.putIfAbsent(s.family().key(), "kernel of voxel " + kernels.describe(v)
                                    + ": " + e.getMessage());
                        }
                        for (String name : s.names()) {
                            values[column++][v] = result == null ? voxel.initValue() : result.get(name);
                        }
                    }
                }
                if (progress != null) {
                    progress.accept((double) done.incrementAndGet() / batches);
                }
            };
        }
        run(work);
        Map<String, Integer> failures = new LinkedHashMap<>();
        failed.forEach((k, v) -> failures.put(k, v.get()));
        return new FeatureMaps(image.geometry(), kernels.imageIndices, entries, values, voxel.initValue(), failures,
                firstFailures);
    }

    private void run(Runnable[] work) {
        if (threads == 1) {
            for (Runnable r : work) {
                r.run();
            }
            return;
        }
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            pool.submit(() -> IntStream.range(0, work.length).parallel().forEach(b -> work[b].run())).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("voxel-based extraction interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The discretised box around the ROI and the kernel of each ROI voxel. */
    private final class Kernels {
        final int[] size = new int[3];
        final int[] origin = new int[3];
        final int[] radius = new int[3];
        final int[] levels;
        final double[] intensities;
        /** Box index of each ROI voxel, in image order. */
        final int[] centres;
        /** Image index of each ROI voxel. */
        final int[] imageIndices;
        final double[] spacing;
        final boolean[] flat = new boolean[3];

        Kernels(Image3D image, Mask mask) {
            ImageGeometry g = image.geometry();
            int[] imageSize = g.size();
            spacing = g.spacing();
            int[] lo = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE};
            int[] hi = {-1, -1, -1};
            for (int z = 0; z < imageSize[2]; z++) {
                for (int y = 0; y < imageSize[1]; y++) {
                    for (int x = 0; x < imageSize[0]; x++) {
                        if (mask.contains(g.index(x, y, z))) {
                            int[] p = {x, y, z};
                            for (int a = 0; a < 3; a++) {
                                lo[a] = Math.min(lo[a], p[a]);
                                hi[a] = Math.max(hi[a], p[a]);
                            }
                        }
                    }
                }
            }
            int inPlaneAxis = settings.get(FORCE_2D) ? 2 - settings.get(FORCE_2D_DIMENSION) : -1;
            int pad = voxel.maskedKernel() ? 0 : 1;
            for (int a = 0; a < 3; a++) {
                radius[a] = a == inPlaneAxis ? 0 : voxel.kernelRadius();
                origin[a] = Math.max(0, lo[a] - pad * radius[a]);
                size[a] = Math.min(imageSize[a] - 1, hi[a] + pad * radius[a]) - origin[a] + 1;
                flat[a] = imageSize[a] == 1;
            }
            int boxCount = size[0] * size[1] * size[2];
            levels = new int[boxCount];
            intensities = new double[boxCount];
            centres = new int[mask.count()];
            imageIndices = new int[mask.count()];
            boolean[] counted = new boolean[boxCount];
            int roi = 0;
            int countedVoxels = 0;
            for (int z = 0; z < size[2]; z++) {
                for (int y = 0; y < size[1]; y++) {
                    for (int x = 0; x < size[0]; x++) {
                        int b = x + size[0] * (y + size[1] * z);
                        int i = g.index(x + origin[0], y + origin[1], z + origin[2]);
                        intensities[b] = image.get(i);
                        if (mask.contains(i)) {
                            centres[roi] = b;
                            imageIndices[roi++] = i;
                        }
                        counted[b] = !voxel.maskedKernel() || mask.contains(i);
                        if (counted[b]) {
                            countedVoxels++;
                        }
                    }
                }
            }
            double[] values = new double[countedVoxels];
            int next = 0;
            for (int b = 0; b < boxCount; b++) {
                if (counted[b]) {
                    values[next++] = intensities[b];
                }
            }
            int[] bins = Discretisation.discretise(values, settings);
            next = 0;
            for (int b = 0; b < boxCount; b++) {
                if (counted[b]) {
                    levels[b] = bins[next++];
                }
            }
        }

        /** The kernel of ROI voxel {@code v}: its levels and intensities, clipped to the box. */
        DiscretisedRegion region(int v) {
            int b = centres[v];
            int[] c = {b % size[0], (b / size[0]) % size[1], b / (size[0] * size[1])};
            int[] from = new int[3];
            int[] kernelSize = new int[3];
            for (int a = 0; a < 3; a++) {
                from[a] = Math.max(0, c[a] - radius[a]);
                kernelSize[a] = Math.min(size[a] - 1, c[a] + radius[a]) - from[a] + 1;
            }
            int count = kernelSize[0] * kernelSize[1] * kernelSize[2];
            int[] kernelLevels = new int[count];
            double[] kernelIntensities = new double[count];
            int k = 0;
            for (int z = 0; z < kernelSize[2]; z++) {
                for (int y = 0; y < kernelSize[1]; y++) {
                    int row = from[0] + size[0] * (from[1] + y + size[1] * (from[2] + z));
                    System.arraycopy(levels, row, kernelLevels, k, kernelSize[0]);
                    System.arraycopy(intensities, row, kernelIntensities, k, kernelSize[0]);
                    k += kernelSize[0];
                }
            }
            return new DiscretisedRegion(kernelSize, spacing, kernelLevels, kernelIntensities, flat);
        }

        String describe(int v) {
            int b = centres[v];
            return "(" + (b % size[0] + origin[0]) + ", " + ((b / size[0]) % size[1] + origin[1]) + ", "
                    + (b / (size[0] * size[1]) + origin[2]) + ")";
        }
    }
}
