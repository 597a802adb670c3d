package io.radflow.features.texture.nodes;

import io.radflow.core.node.CanceledExecutionException;
import io.radflow.core.node.Parameters;
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
import io.radflow.image.nodes.CohortImageNode;

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
 * {@code <work directory>/<patient>_<imageType>_<family>_<Feature>.nrrd} on the image grid.
 *
 * <p>Parameters: {@code image}, {@code mask}, {@code label}, {@code imageType} (default {@code original}),
 * {@code family} (firstorder or a texture family key), {@code features} (optional list of feature names; empty: the
 * family's default features), the voxel settings {@code kernelRadius}, {@code maskedKernel}, {@code initValue},
 * and any setting of the family by its key ({@code binWidth}, {@code binCount}, {@code distances} ...).
 *
 * <p>A patient whose files are missing or unreadable, whose grids differ, whose mask lacks the label, or whose
 * intensities the discretisation rejects is reported and left out ({@link CohortImageNode} runs the patient loop);
 * the node fails only when every patient fails. Kernels a family rejects keep {@code initValue} and are logged
 * with their count.
 */
public final class VoxelMapsNode extends CohortImageNode {

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
    protected String task() {
        return "voxel-based maps";
    }

    @Override
    protected Map<String, Path> processPatient(PatientFiles files, Parameters parameters)
            throws PatientFailure, CanceledExecutionException {
        VoxelBasedExtractor extractor = extractor(parameters);
        String imageColumn = parameters.getString("image").trim();
        String maskColumn = parameters.getString("mask").trim();
        String imageType = parameters.getString("imageType", "original").trim();
        String family = extractor.families().get(0).key();
        Image3D image = files.read(imageColumn);
        Image3D labels = files.read(maskColumn);
        Mask mask = files.check(maskColumn, () -> Mask.ofLabel(labels, extractor.settings().label()));
        FeatureMaps maps;
        try {
            maps = files.check(imageColumn, () -> extractor.compute(image, mask, files::progress, files::isCanceled));
        } catch (CancellationException e) {
            throw new CanceledExecutionException();
        }
        maps.firstFailure(family).ifPresent(first -> files.log("Patient " + files.patient().id() + ": "
                + maps.failedKernels(family) + " " + family + " kernels kept initValue; first: " + first));
        Map<String, Path> written = new LinkedHashMap<>();
        for (FeatureMaps.Entry entry : maps.entries()) {
            String column = entry.key(imageType);
            written.put(column, files.write(maps.image(entry), column));
        }
        return written;
    }
}
