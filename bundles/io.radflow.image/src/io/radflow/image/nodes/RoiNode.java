package io.radflow.image.nodes;

import io.radflow.core.node.Parameters;
import io.radflow.image.Image3D;
import io.radflow.image.Mask;
import io.radflow.image.mask.BoundingBox;
import io.radflow.image.mask.Connectivity;
import io.radflow.image.mask.Grids;
import io.radflow.image.mask.LabelMaps;
import io.radflow.image.mask.MaskOperations;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Node {@code radflow.image.roi}: builds a region of interest from each patient's label map. Region A is the union of
 * {@code labels} of the mask column; region B the union of {@code otherLabels} of {@code otherMask} (default: the
 * same mask column). {@code operation}:
 * <ul>
 * <li>{@code selectLabel}: A (e.g. tumour = 2 of an nnU-Net liver segmentation);</li>
 * <li>{@code union}, {@code intersection}, {@code subtract}: A or / and / minus B (liver parenchyma: labels 1,2
 * minus label 2);</li>
 * <li>{@code ring}: the voxels within {@code distance} mm of A that are not in A (Euclidean, on the anisotropic
 * grid), clipped to B when {@code otherLabels} is set (peritumoural liver);</li>
 * <li>{@code largestComponent}: the largest connected component of A ({@code connectivity} 6 or 26);</li>
 * <li>{@code fillHoles}: A with its enclosed holes filled;</li>
 * <li>{@code crop}: image and label map cropped to the bounding box of A plus {@code padding} voxels (labels
 * kept).</li>
 * </ul>
 * {@code sliceWise} makes ring, largest component and hole filling work per axial slice (2D). The result is written as
 * a 0/1 mask to the column {@code output} (default: the mask column itself). A result with no voxel fails the patient.
 */
public final class RoiNode extends CohortImageNode {

    /** The operations, as the {@code operation} parameter names them. */
    public static final List<String> OPERATIONS = List.of("selectLabel", "union", "intersection", "subtract", "ring",
            "largestComponent", "fillHoles", "crop");

    @Override
    protected String task() {
        return "ROI operation";
    }

    @Override
    public void validate(Parameters p) {
        column(p, "mask");
        String operation = p.getString("operation");
        if (!OPERATIONS.contains(operation)) {
            throw new IllegalArgumentException("parameter 'operation' must be one of " + OPERATIONS + ", got '" + operation + "'");
        }
        if (labels(p, "labels").length == 0) {
            throw new IllegalArgumentException("parameter 'labels' must name at least one label");
        }
        boolean needsOther = List.of("union", "intersection", "subtract").contains(operation);
        if (needsOther && labels(p, "otherLabels").length == 0) {
            throw new IllegalArgumentException("operation '" + operation + "' needs parameter 'otherLabels'");
        }
        if (!p.getString("otherMask", "").isBlank() && labels(p, "otherLabels").length == 0) {
            throw new IllegalArgumentException("parameter 'otherMask' is set but 'otherLabels' is empty: name the labels of "
                    + "region B");
        }
        if (operation.equals("ring") && !(p.getDouble("distance") > 0)) {
            throw new IllegalArgumentException("parameter 'distance' (ring thickness in mm) must be positive, got "
                    + p.getString("distance"));
        }
        if (operation.equals("crop")) {
            column(p, "image");
        }
        Connectivity.of(p.getInt("connectivity"));
    }

    @Override
    protected Map<String, Path> processPatient(PatientFiles files, Parameters p) throws PatientFailure {
        String maskColumn = column(p, "mask");
        String operation = p.getString("operation");
        Image3D labelMap = files.read(maskColumn);
        Mask a = files.check(maskColumn, () -> LabelMaps.select(labelMap, labels(p, "labels")));
        int[] otherLabels = labels(p, "otherLabels");
        String otherColumn = p.getString("otherMask", "").isBlank() ? maskColumn : p.getString("otherMask", "").trim();
        Mask b = null;
        if (otherLabels.length > 0) {
            Image3D otherMap = otherColumn.equals(maskColumn) ? labelMap : files.read(otherColumn);
            b = files.check(otherColumn, () -> {
                Grids.requireSameGrid(labelMap.geometry(), otherMap.geometry(), "mask columns '" + maskColumn
                        + "' and '" + otherColumn + "'");
                return LabelMaps.select(otherMap, otherLabels);
            });
        }
        Connectivity connectivity = Connectivity.of(p.getInt("connectivity"));
        boolean sliceWise = p.getBoolean("sliceWise");
        String output = p.getString("output", "").isBlank() ? maskColumn : p.getString("output", "").trim();
        if (operation.equals("crop")) {
            String imageColumn = column(p, "image");
            Image3D image = files.read(imageColumn);
            BoundingBox box = files.check(maskColumn, () -> {
                Grids.requireSameGrid(image.geometry(), labelMap.geometry(), "the image and the mask");
                return BoundingBox.of(a).padded(p.getInt("padding"), image.geometry());
            });
            Map<String, Path> changed = new LinkedHashMap<>();
            changed.put(imageColumn, files.write(box.crop(image), imageColumn));
            changed.put(output, files.write(box.crop(labelMap), output));
            return changed;
        }
        Mask other = b;
        Mask result = files.check(maskColumn, () -> switch (operation) {
            case "selectLabel" -> a;
            case "union" -> MaskOperations.union(a, other);
            case "intersection" -> MaskOperations.intersection(a, other);
            case "subtract" -> MaskOperations.subtract(a, other);
            case "ring" -> MaskOperations.ring(a, p.getDouble("distance"), other, sliceWise);
            case "largestComponent" -> MaskOperations.largestComponent(a, connectivity, sliceWise);
            case "fillHoles" -> MaskOperations.fillHoles(a, sliceWise);
            default -> throw new IllegalArgumentException("unknown operation " + operation);
        });
        if (result.count() == 0) {
            Path file = files.file(maskColumn);
            throw new PatientFailure(file.toString(), file + ": the " + operation.toLowerCase(Locale.ROOT)
                    + " result is empty (no voxel)");
        }
        return Map.of(output, files.write(LabelMaps.toLabelMap(result, 1), output));
    }
}
