package io.radflow.cli;

import io.radflow.features.extraction.FeatureMaps;
import io.radflow.features.extraction.VoxelBasedExtractor;
import io.radflow.image.Image3D;
import io.radflow.image.Mask;
import io.radflow.image.io.ImageFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code radflow-cli extract --voxel-based}: the feature maps of each case ({@link VoxelBasedExtractor}, voxels in
 * parallel) written as gzip NRRD {@code <imageType>_<family>_<Feature>.nrrd} into the output folder, or into
 * {@code <folder>/<PatientID>/} for a cohort, with a progress bar per case. Ctrl-C cancels between voxel batches.
 */
final class VoxelMapsExtraction {

    private VoxelMapsExtraction() {
    }

    static int run(RadflowCli cli, VoxelBasedExtractor extractor, List<ExtractCommand.Case> cases, Path outDir,
            boolean folderPerPatient) {
        AtomicBoolean canceled = new AtomicBoolean();
        CancelOnShutdown cancelOnShutdown = new CancelOnShutdown(() -> canceled.set(true), 10_000);
        int failed = 0;
        int maps = 0;
        try {
            for (ExtractCommand.Case c : cases) {
                try {
                    if (c.image() == null || c.mask() == null) {
                        throw new IllegalArgumentException("no image or mask file");
                    }
                    Image3D image = ImageFiles.read(c.image());
                    Mask mask = Mask.ofLabel(ImageFiles.read(c.mask()), extractor.settings().label());
                    FeatureMaps result = extractor.compute(image, mask, f -> progress(cli, c.id(), f), canceled::get);
                    cli.err.println();
                    for (var family : extractor.families()) {
                        result.firstFailure(family.key()).ifPresent(first -> cli.err.println("radflow-cli: patient " + c.id()
                                + ": " + result.failedKernels(family.key()) + " " + family.key()
                                + " kernels kept initValue; first: " + first));
                    }
                    Path folder = folderPerPatient ? outDir.resolve(c.id().replaceAll("[^A-Za-z0-9._-]", "_")) : outDir;
                    maps = result.write(folder, "original").size();
                } catch (IOException | IllegalArgumentException e) {
                    failed++;
                    cli.err.println("\nradflow-cli: patient " + c.id() + ": " + c.image() + " / " + c.mask() + ": "
                            + e.getMessage());
                }
            }
        } catch (CancellationException e) {
            cli.err.println("\nradflow-cli: extraction canceled");
            return ExitCodes.CANCELED;
        } finally {
            cancelOnShutdown.close();
        }
        if (failed == cases.size()) {
            cli.err.println("radflow-cli: voxel-based extraction failed for all " + cases.size() + " case(s)");
            return ExitCodes.RUN_FAILED;
        }
        cli.out.println("Wrote " + maps + " feature maps of " + (cases.size() - failed) + " of " + cases.size()
                + " case(s) into " + outDir.toAbsolutePath());
        return failed > 0 ? ExitCodes.PATIENT_FAILURES : ExitCodes.OK;
    }

    private static synchronized void progress(RadflowCli cli, String id, double fraction) {
        int width = 30;
        int filled = (int) (width * fraction);
        cli.err.print("\rvoxel maps " + id + " [" + "#".repeat(filled) + ".".repeat(width - filled) + "] "
                + Math.round(100 * fraction) + "%");
        cli.err.flush();
    }
}
