package io.radflow.features.texture.nodes;

import io.radflow.core.data.Cohort;
import io.radflow.core.node.CanceledExecutionException;
import io.radflow.core.node.ExecutionContext;
import io.radflow.core.node.NodeExecutionException;
import io.radflow.core.node.NodeImplementation;
import io.radflow.core.node.NodeInputs;
import io.radflow.core.node.Parameters;
import io.radflow.core.port.PortObject;
import io.radflow.features.FeatureFamily;
import io.radflow.features.FeatureSettings;
import io.radflow.features.FirstOrderFeatures;
import io.radflow.features.Setting;
import io.radflow.features.VoxelBasedFamily;
import io.radflow.features.extraction.FeatureMaps;
import io.radflow.features.extraction.VoxelBasedExtractor;
import io.radflow.features.extraction.VoxelSettings;
import io.radflow.features.texture.GlcmFeatures;
import io.radflow.features.texture.GldmFeatures;
import io.radflow.features.texture.GldzmFeatures;
import io.radflow.features.texture.GlrlmFeatures;
import io.radflow.features.texture.GlszmFeatures;
import io.radflow.features.texture.NgldmFeatures;
import io.radflow.features.texture.NgtdmFeatures;
import io.radflow.image.Image3D;
import io.radflow.image.Mask;
import io.radflow.image.io.ImageFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * Node {@code radflow.features.voxelMaps}: voxel-based feature maps ({@link VoxelBasedExtractor}) of one family for
 * every patient of a cohort. Input and output port {@code cohort}; the output cohort has one new file column per
 * map, {@code <imageType>_<family>_<Feature>}, pointing to gzip NRRD files
 * {@code <work directory>/<patient>/<imageType>_<family>_<Feature>.nrrd} on the image grid.
 *
 * <p>Parameters: {@code image}, {@code mask}, {@code label}, {@code imageType} (default {@code original}),
 * {@code family} (firstorder or a texture family key), {@code features} (optional list of feature names; empty: the
 * family's default features), the voxel settings {@code kernelRadius}, {@code maskedKernel}, {@code initValue},
 * and any setting of the family by its key ({@code binWidth}, {@code binCount}, {@code distances} ...).
 *
 * <p>A patient whose files are missing or unreadable, whose grids differ, whose mask lacks the label, or whose
 * intensities the discretisation rejects is reported through {@link ExecutionContext#reportPatientFailure} and left
 * out; the node fails only when every patient fails. Kernels a family rejects keep {@code initValue} and are logged
 * with their count.
 */
public final class VoxelMapsNode implements NodeImplementation {

    /** The families with voxel-based computation that this node offers, by key. */
    static final Map<String, VoxelBasedFamily> FAMILIES = families();

    private static Map<String, VoxelBasedFamily> families() {
        Map<String, VoxelBasedFamily> out = new LinkedHashMap<>();
        for (VoxelBasedFamily f : List.of(new FirstOrderFeatures(), new GlcmFeatures(), new GlrlmFeatures(),
                new GlszmFeatures(), new GldmFeatures(), new NgtdmFeatures(), new GldzmFeatures(), new NgldmFeatures())) {
            out.put(f.key(), f);
        }
        return out;
    }

    @Override
    public void validate(Parameters parameters) {
        extractor(parameters);
        for (String key : List.of("image", "mask")) {
            if (parameters.getString(key, "").isBlank()) {
                throw new IllegalArgumentException("parameter '" + key + "' (the cohort file column of the " + key
                        + ") is empty");
            }
        }
    }

    /** The extractor the parameters ask for (one family, its settings, the voxel settings). */
    static VoxelBasedExtractor extractor(Parameters parameters) {
        String key = parameters.getString("family", "").trim();
        VoxelBasedFamily family = FAMILIES.get(key);
        if (family == null) {
            throw new IllegalArgumentException("parameter 'family': '" + key + "' has no voxel-based maps; families: "
                    + FAMILIES.keySet());
        }
        FeatureSettings settings = FeatureSettings.defaults();
        List<Setting<?>> declared = new ArrayList<>(family.settings());
        if (!declared.contains(FeatureSettings.LABEL)) {
            declared.add(FeatureSettings.LABEL);
        }
        for (Setting<?> setting : declared) {
            if (parameters.has(setting.key())) {
                settings = settings.with(setting, parameters.getString(setting.key()));
            }
        }
        Map<String, String> voxel = new LinkedHashMap<>();
        for (String k : VoxelSettings.KEYS) {
            if (parameters.has(k)) {
                voxel.put(k, parameters.getString(k));
            }
        }
        List<String> names = new ArrayList<>();
        for (String name : parameters.getString("features", "").replace("[", "").replace("]", "").split("[,\\s]+")) {
            if (!name.isBlank()) {
                names.add(name.trim());
            }
        }
        return new VoxelBasedExtractor(Map.of(family, names), settings, VoxelSettings.of(voxel),
                Runtime.getRuntime().availableProcessors());
    }

    @Override
    public Map<String, PortObject> execute(NodeInputs inputs, Parameters parameters, ExecutionContext context)
            throws NodeExecutionException, CanceledExecutionException {
        Cohort cohort = inputs.get("cohort", Cohort.class);
        VoxelBasedExtractor extractor;
        try {
            validate(parameters);
            extractor = extractor(parameters);
        } catch (IllegalArgumentException e) {
            throw new NodeExecutionException(e.getMessage(), e);
        }
        String imageColumn = parameters.getString("image").trim();
        String maskColumn = parameters.getString("mask").trim();
        String imageType = parameters.getString("imageType", "original").trim();
        String family = extractor.families().get(0).key();
        List<Cohort.Patient> patients = cohort.patients();
        if (patients.isEmpty()) {
            throw new NodeExecutionException("The cohort " + cohort.manifest() + " has no patients");
        }
        Path work;
        try {
            work = context.workDirectory();
        } catch (IOException e) {
            throw new NodeExecutionException("Cannot create the folder for the maps: " + e.getMessage(), e);
        }
        List<Cohort.Patient> done = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        List<String> columns = new ArrayList<>(cohort.fileColumns());
        String lastFailure = null;
        for (int i = 0; i < patients.size(); i++) {
            context.checkCanceled();
            Cohort.Patient patient = patients.get(i);
            double start = (double) i / patients.size();
            String message = family + " maps of patient " + patient.id();
            context.progress(start, message);
            String field = imageColumn;
            try {
                Path imageFile = patient.file(imageColumn);
                field = imageFile.toString();
                Image3D image = read(imageFile, context);
                field = maskColumn;
                Path maskFile = patient.file(maskColumn);
                field = maskFile.toString();
                Mask mask = Mask.ofLabel(read(maskFile, context), extractor.settings().label());
                field = imageFile.toString();
                FeatureMaps maps = extractor.compute(image, mask,
                        f -> context.progress(start + f / patients.size(), message), context::isCanceled);
                maps.firstFailure(family).ifPresent(first -> context.log("Patient " + patient.id() + ": "
                        + maps.failedKernels(family) + " " + family + " kernels kept initValue; first: " + first));
                Path folder = work.resolve(patient.id().replaceAll("[^A-Za-z0-9._-]", "_"));
                Map<String, Path> written = maps.write(folder, imageType);
                Map<String, Path> files = new LinkedHashMap<>(patient.files());
                files.putAll(written);
                for (String column : written.keySet()) {
                    if (!columns.contains(column)) {
                        columns.add(column);
                    }
                }
                done.add(new Cohort.Patient(patient.id(), files));
                rows.add(i);
            } catch (CancellationException e) {
                throw new CanceledExecutionException();
            } catch (IOException | IllegalArgumentException e) {
                String why = e.getMessage() == null ? e.toString() : e.getMessage();
                context.reportPatientFailure(patient.id(), field, why);
                lastFailure = "patient " + patient.id() + ": " + field + ": " + why;
            }
        }
        context.progress(1, family + " maps of " + done.size() + " of " + patients.size() + " patients");
        if (done.isEmpty()) {
            throw new NodeExecutionException(family + " maps failed for all " + patients.size()
                    + " patients; last failure: " + lastFailure);
        }
        return Map.of("cohort", new Cohort(cohort.manifest(), done, columns, cohort.clinical().rows(rows)));
    }

    private static Image3D read(Path file, ExecutionContext context) throws IOException {
        if (Files.isRegularFile(file)) {
            context.recordInput(file);
        }
        return ImageFiles.read(file);
    }
}
