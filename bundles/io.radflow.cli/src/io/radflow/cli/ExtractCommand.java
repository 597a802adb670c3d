package io.radflow.cli;

import io.radflow.core.data.Cohort;
import io.radflow.core.data.Csv;
import io.radflow.core.io.AtomicFiles;
import io.radflow.features.Convention;
import io.radflow.features.FeatureFamily;
import io.radflow.features.extraction.ExtractionParameters;
import io.radflow.features.extraction.FeatureExtractor;
import io.radflow.features.extraction.ImageType;
import io.radflow.features.extraction.VoxelBasedExtractor;
import io.radflow.features.nodes.FeatureFamilyNode;
import io.radflow.image.io.ImageFiles;
import io.radflow.pipeline.engine.NodeType;
import io.radflow.pipeline.engine.NodeTypeRegistry;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code radflow-cli extract}: PyRadiomics-style batch extraction driven by a parameter file, for one image and
 * mask or for every patient of a cohort manifest (in parallel, with a progress bar). Output: a CSV with one row
 * per case: {@code PatientID}, {@code Image}, {@code Mask}, the diagnostics columns, then one column per feature.
 * With {@code --voxel-based}: feature maps instead ({@link VoxelMapsExtraction}).
 */
@Command(name = "extract", description = "Extract features like pyradiomics: one image and mask, or a cohort manifest.")
final class ExtractCommand implements Callable<Integer> {

    @ParentCommand
    private RadflowCli cli;

    static final class Input {
        @ArgGroup(exclusive = false)
        Single single;

        @Option(names = "--cohort", paramLabel = "MANIFEST", required = true,
                description = "Cohort CSV: PatientID, image and mask columns (paths relative to the manifest).")
        Path cohort;
    }

    static final class Single {
        @Option(names = "--image", paramLabel = "IMG", required = true, description = "Image file (NIfTI, NRRD ...).")
        Path image;

        @Option(names = "--mask", paramLabel = "MASK", required = true, description = "Label map on the image grid.")
        Path mask;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Input input;

    @Option(names = "--params", paramLabel = "PARAMS.yaml", description = "PyRadiomics parameter file (default: all families, Original); "
            + "imageType may name the installed filters (LoG, Wavelet, Square, SquareRoot, Logarithm, Exponential, Gradient, LBP2D, LBP3D).")
    private Path params;

    @Option(names = "--label", paramLabel = "N", description = "ROI label (overrides the parameter file's label).")
    private Integer label;

    @Option(names = "--convention", paramLabel = "pyradiomics|ibsi", description = "Overrides the convention setting.")
    private String convention;

    @Option(names = "--image-column", defaultValue = "image", description = "Cohort column of the images (default: ${DEFAULT-VALUE}).")
    private String imageColumn;

    @Option(names = "--mask-column", defaultValue = "mask", description = "Cohort column of the masks (default: ${DEFAULT-VALUE}).")
    private String maskColumn;

    @Option(names = {"-j", "--jobs"}, description = "Patients extracted in parallel, or threads per patient with --voxel-based (default: number of cores).")
    private Integer jobs;

    @Option(names = "--out", paramLabel = "features.csv", description = "Output CSV (required unless --voxel-based).")
    private Path out;

    @Option(names = "--voxel-based", description = "Voxel-based extraction (PyRadiomics voxelSetting: kernelRadius, "
            + "maskedKernel, initValue): one gzip NRRD map per feature, <imageType>_<family>_<Feature>.nrrd, into --out-dir.")
    private boolean voxelBased;

    @Option(names = "--out-dir", paramLabel = "DIR", description = "Folder of the voxel-based maps (a sub-folder per patient for a cohort).")
    private Path outDir;

    /** One case to extract. */
    record Case(String id, Path image, Path mask) {
    }

    @Override
    public Integer call() {
        FeatureExtractor extractor;
        List<Case> cases;
        try {
            ExtractionParameters p = params == null ? ExtractionParameters.defaults() : ExtractionParameters.read(params);
            if (label != null) {
                Map<String, Object> settings = new LinkedHashMap<>(p.settings());
                settings.put("label", label);
                p = new ExtractionParameters(p.imageTypes(), p.featureClasses(), settings, p.voxelSettings());
            }
            if (voxelBased != (outDir != null) || voxelBased == (out != null)) {
                throw new IllegalArgumentException(voxelBased ? "--voxel-based writes maps into --out-dir (not --out)"
                        : "--out is required (--out-dir only with --voxel-based)");
            }
            if (voxelBased) {
                int threads = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
                return VoxelMapsExtraction.run(cli, VoxelBasedExtractor.of(families(cli.registry.get()), p,
                        convention == null ? null : Convention.parse(convention), Math.max(1, threads)), cases(), outDir,
                        input.single == null);
            }
            extractor = new FeatureExtractor(families(cli.registry.get()), imageTypes(cli.registry.get()), p,
                    convention == null ? null : Convention.parse(convention));
            cases = cases();
        } catch (IOException | IllegalArgumentException e) {
            cli.err.println("radflow-cli: " + e.getMessage());
            return ExitCodes.INVALID;
        }
        return extractAll(extractor, cases);
    }

    private List<Case> cases() throws IOException {
        if (input.single != null) {
            String id = input.single.image.getFileName().toString().replaceAll("\\.(nii\\.gz|nii|nrrd|nhdr|mha|mhd)$", "");
            return List.of(new Case(id, input.single.image, input.single.mask));
        }
        Cohort cohort = Cohort.read(input.cohort);
        if (!cohort.fileColumns().contains(imageColumn) || !cohort.fileColumns().contains(maskColumn)) {
            throw new IllegalArgumentException(input.cohort + ": no file column '" + imageColumn + "' or '" + maskColumn
                    + "'; file columns: " + cohort.fileColumns() + " (use --image-column / --mask-column)");
        }
        List<Case> out = new ArrayList<>();
        for (Cohort.Patient patient : cohort.patients()) {
            out.add(new Case(patient.id(), patient.files().get(imageColumn), patient.files().get(maskColumn)));
        }
        return out;
    }

    private int extractAll(FeatureExtractor extractor, List<Case> cases) {
        int threads = Math.max(1, Math.min(cases.size(), jobs != null ? jobs : Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicBoolean canceled = new AtomicBoolean();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        CancelOnShutdown cancelOnShutdown = new CancelOnShutdown(() -> {
            canceled.set(true);
            pool.shutdownNow();
        }, 10_000);
        try {
            List<Future<FeatureExtractor.Result>> futures = new ArrayList<>();
            for (Case c : cases) {
                futures.add(pool.submit(() -> {
                    try {
                        if (c.image() == null || c.mask() == null) {
                            throw new IllegalArgumentException("no file in column '" + (c.image() == null ? imageColumn : maskColumn) + "'");
                        }
                        return extractor.extract(ImageFiles.read(c.image()), ImageFiles.read(c.mask()));
                    } catch (IOException | IllegalArgumentException e) {
                        failed.incrementAndGet();
                        synchronized (cli.err) {
                            cli.err.println("\nradflow-cli: patient " + c.id() + ": " + c.image() + " / " + c.mask() + ": "
                                    + e.getMessage());
                        }
                        return null;
                    } finally {
                        progress(done.incrementAndGet(), cases.size(), failed.get());
                    }
                }));
            }
            List<List<String>> rows = new ArrayList<>();
            Set<String> diagnostics = new LinkedHashSet<>();
            List<FeatureExtractor.Result> results = new ArrayList<>();
            for (int i = 0; i < cases.size(); i++) {
                FeatureExtractor.Result r = futures.get(i).get();
                results.add(r);
                if (r != null) {
                    diagnostics.addAll(r.diagnostics().keySet());
                }
            }
            cli.err.println();
            List<String> header = new ArrayList<>(List.of("PatientID", "Image", "Mask"));
            header.addAll(diagnostics);
            header.addAll(extractor.featureKeys());
            for (int i = 0; i < cases.size(); i++) {
                FeatureExtractor.Result r = results.get(i);
                if (r == null) {
                    continue;
                }
                Case c = cases.get(i);
                List<String> row = new ArrayList<>(List.of(c.id(), c.image().toString(), c.mask().toString()));
                diagnostics.forEach(d -> row.add(r.diagnostics().getOrDefault(d, "")));
                extractor.featureKeys().forEach(k -> row.add(Double.toString(r.features().get(k))));
                rows.add(row);
            }
            if (rows.isEmpty()) {
                cli.err.println("radflow-cli: extraction failed for all " + cases.size() + " case(s)");
                return ExitCodes.RUN_FAILED;
            }
            writeCsv(header, rows);
            cli.out.println("Extracted " + extractor.featureKeys().size() + " features of " + rows.size() + " of "
                    + cases.size() + " case(s) into " + out.toAbsolutePath());
            return failed.get() > 0 ? ExitCodes.PATIENT_FAILURES : ExitCodes.OK;
        } catch (InterruptedException | java.util.concurrent.CancellationException e) {
            cli.err.println("\nradflow-cli: extraction canceled");
            return ExitCodes.CANCELED;
        } catch (ExecutionException e) {
            cli.err.println("\nradflow-cli: " + (canceled.get() ? "extraction canceled" : e.getCause()));
            return canceled.get() ? ExitCodes.CANCELED : ExitCodes.RUN_FAILED;
        } catch (IOException e) {
            cli.err.println("radflow-cli: cannot write " + out + ": " + e.getMessage());
            return ExitCodes.RUN_FAILED;
        } finally {
            pool.shutdownNow();
            cancelOnShutdown.close();
        }
    }

    private synchronized void progress(int done, int total, int failed) {
        int width = 30;
        int filled = (int) ((long) width * done / total);
        cli.err.print("\rextract [" + "#".repeat(filled) + ".".repeat(width - filled) + "] " + done + "/" + total
                + (failed > 0 ? " (" + failed + " failed)" : ""));
        cli.err.flush();
    }

    private void writeCsv(List<String> header, List<List<String>> rows) throws IOException {
        Path absolute = out.toAbsolutePath();
        java.nio.file.Files.createDirectories(absolute.getParent());
        AtomicFiles.write(absolute, stream -> {
            Writer w = new java.io.OutputStreamWriter(stream, java.nio.charset.StandardCharsets.UTF_8);
            w.write(Csv.formatRow(header));
            w.write('\n');
            for (List<String> row : rows) {
                w.write(Csv.formatRow(row));
                w.write('\n');
            }
            w.flush();
        });
    }

    /** The image types (filters) offered by the installed node types ({@link ImageType.Provider}), one per name. */
    static List<ImageType> imageTypes(NodeTypeRegistry registry) {
        Map<String, ImageType> byName = new LinkedHashMap<>();
        for (NodeType type : registry.nodeTypes()) {
            try {
                if (type.factory().create() instanceof ImageType.Provider provider) {
                    byName.putIfAbsent(provider.imageType().name(), provider.imageType());
                }
            } catch (Exception e) {
                throw new IllegalArgumentException("node type " + type.id() + " cannot be created: " + e, e);
            }
        }
        return List.copyOf(byName.values());
    }

    /** The feature families of the installed feature node types, one per key. */
    static List<FeatureFamily> families(NodeTypeRegistry registry) {
        Map<String, FeatureFamily> byKey = new LinkedHashMap<>();
        for (NodeType type : registry.nodeTypes()) {
            try {
                if (type.factory().create() instanceof FeatureFamilyNode node) {
                    byKey.putIfAbsent(node.family().key(), node.family());
                }
            } catch (Exception e) {
                throw new IllegalArgumentException("node type " + type.id() + " cannot be created: " + e, e);
            }
        }
        return List.copyOf(byKey.values());
    }
}
