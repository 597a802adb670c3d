package io.radflow.features.shape;

import io.radflow.features.FeatureDefinition;
import io.radflow.features.FeatureFamily;
import io.radflow.features.FeatureFormula;
import io.radflow.features.FeatureSettings;
import io.radflow.features.FeatureValues;
import io.radflow.features.Roi;
import io.radflow.features.Setting;
import io.radflow.image.Mask;

import java.util.Collection;
import java.util.List;

/**
 * PyRadiomics' 3D shape features ({@code radiomics/shape.py} with its C extension {@code _cshape}, family key
 * {@code shape}), computed from the <b>morphological</b> mask of the ROI ({@link Roi#morphological()}) and the
 * voxel spacing without the direction matrix, as PyRadiomics does.
 *
 * <p>Notation: the mask is padded by one empty voxel and meshed by marching cubes ({@link MarchingCubes}), whose
 * vertices lie halfway between an ROI voxel and a neighbour outside it; {@code N_f} triangles with vertices
 * {@code a_i, b_i, c_i} (mm). {@code A} the mesh surface area, {@code V} the mesh volume, {@code N_v} the number
 * of ROI voxels, {@code V_voxel} the volume of one voxel, {@code \lambda_{major} \ge \lambda_{minor} \ge
 * \lambda_{least}} the eigenvalues of the covariance of the physical voxel centres ({@link PrincipalAxes}).
 *
 * <p>Settings read: none besides {@code label} (which selects the mask). Deprecated features (Compactness1,
 * Compactness2, SphericalDisproportion) are computed only when named ({@link #compute(Roi, FeatureSettings,
 * Collection)}).
 *
 * <p>References: van Griethuysen et al., Cancer Research 77(21):e104-e107, 2017 (PyRadiomics); Lorensen and
 * Cline, SIGGRAPH Comput Graph 21:163-169, 1987 (marching cubes); Zwanenburg et al., Radiology 295:328-338,
 * 2020 (IBSI).
 */
public final class ShapeFeatures implements FeatureFamily {

    /** The family key, {@value}. */
    public static final String KEY = "shape";

    private static final List<FeatureFormula<ShapeCoefficients>> FEATURES = List.of(
            FeatureFormula.of("MeshVolume", "RNU0", "Volume enclosed by the marching-cubes surface mesh (mm^3).",
                    ShapeFeatures::meshVolume),
            FeatureFormula.of("VoxelVolume", "YEKZ", "Number of ROI voxels times the voxel volume (mm^3).",
                    ShapeFeatures::voxelVolume),
            FeatureFormula.of("SurfaceArea", "C0JK", "Area of the surface mesh (mm^2).", ShapeFeatures::surfaceArea),
            FeatureFormula.of("SurfaceVolumeRatio", "2PR5", "Surface area divided by mesh volume (1/mm).",
                    ShapeFeatures::surfaceVolumeRatio),
            FeatureFormula.of("Sphericity", "QCFX", "Roundness: surface of the sphere of equal volume over the surface area.",
                    ShapeFeatures::sphericity),
            FeatureFormula.deprecated("Compactness1", "", "V / (sqrt(pi) A^(3/2)) (deprecated: a function of Sphericity).",
                    ShapeFeatures::compactness1),
            FeatureFormula.deprecated("Compactness2", "", "36 pi V^2 / A^3 (deprecated: Sphericity cubed).",
                    ShapeFeatures::compactness2),
            FeatureFormula.deprecated("SphericalDisproportion", "",
                    "A over the surface of the sphere of equal volume (deprecated: 1 / Sphericity).",
                    ShapeFeatures::sphericalDisproportion),
            FeatureFormula.of("Maximum3DDiameter", "L0JK", "Largest distance between two mesh vertices (mm).",
                    ShapeFeatures::maximum3DDiameter),
            FeatureFormula.of("Maximum2DDiameterSlice", "",
                    "Largest distance between two mesh vertices in one axial (x-y) plane (mm).",
                    ShapeFeatures::maximum2DDiameterSlice),
            FeatureFormula.of("Maximum2DDiameterColumn", "",
                    "Largest distance between two mesh vertices in one coronal (x-z) plane (mm).",
                    ShapeFeatures::maximum2DDiameterColumn),
            FeatureFormula.of("Maximum2DDiameterRow", "",
                    "Largest distance between two mesh vertices in one sagittal (y-z) plane (mm).",
                    ShapeFeatures::maximum2DDiameterRow),
            FeatureFormula.of("MajorAxisLength", "TDIC", "4 sqrt(largest eigenvalue of the voxel position covariance) (mm).",
                    ShapeFeatures::majorAxisLength),
            FeatureFormula.of("MinorAxisLength", "P9VJ", "4 sqrt(second eigenvalue of the voxel position covariance) (mm).",
                    ShapeFeatures::minorAxisLength),
            FeatureFormula.of("LeastAxisLength", "7J51", "4 sqrt(smallest eigenvalue of the voxel position covariance) (mm).",
                    ShapeFeatures::leastAxisLength),
            FeatureFormula.of("Elongation", "Q3CK", "sqrt(minor / major eigenvalue): 1 for a round cross-section.",
                    ShapeFeatures::elongation),
            FeatureFormula.of("Flatness", "N17B", "sqrt(least / major eigenvalue): 1 for a sphere-like ROI.",
                    ShapeFeatures::flatness));

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public List<FeatureDefinition> features() {
        return FeatureFormula.definitions(FEATURES);
    }

    @Override
    public List<Setting<?>> settings() {
        return List.of(FeatureSettings.LABEL);
    }

    @Override
    public FeatureValues compute(Roi roi, FeatureSettings settings) {
        return compute(roi, settings, FeatureFormula.enabledNames(FEATURES));
    }

    /**
     * Computes the named features (deprecated ones included when named), in declaration order.
     *
     * @throws IllegalArgumentException for an unknown name, or for an ROI of one voxel (no principal axes)
     */
    public FeatureValues compute(Roi roi, FeatureSettings settings, Collection<String> names) {
        return FeatureFormula.compute(KEY, FEATURES, names, () -> ShapeCoefficients.of(roi.morphological(), false));
    }

    /** Computes the non-deprecated features of {@code mask} alone (no image needed). */
    public FeatureValues compute(Mask mask) {
        return FeatureFormula.compute(KEY, FEATURES, FeatureFormula.enabledNames(FEATURES), () -> ShapeCoefficients.of(mask, false));
    }

    /**
     * <b>Mesh Volume</b> (PyRadiomics {@code MeshVolume}, IBSI RNU0):
     * {@code V_i = \frac{a_i \cdot (b_i \times c_i)}{6}}, {@code V = \sum_{i=1}^{N_f} V_i}: the signed volumes
     * of the tetrahedra spanned by the origin and each (outward oriented) triangle add up to the enclosed volume.
     */
    static double meshVolume(ShapeCoefficients k) {
        return k.mesh().volume();
    }

    /**
     * <b>Voxel Volume</b> (PyRadiomics {@code VoxelVolume}, IBSI YEKZ, volume by voxel counting):
     * {@code V_{voxel} = \sum_{k=1}^{N_v} V_k = N_v \cdot s_x s_y s_z}.
     */
    static double voxelVolume(ShapeCoefficients k) {
        return k.voxelCount() * k.voxelVolume();
    }

    /**
     * <b>Surface Area</b> (PyRadiomics {@code SurfaceArea}, IBSI C0JK):
     * {@code A = \sum_{i=1}^{N_f} \frac{1}{2} |(a_i - c_i) \times (b_i - c_i)|}.
     */
    static double surfaceArea(ShapeCoefficients k) {
        return k.mesh().area();
    }

    /** <b>Surface to Volume ratio</b> (PyRadiomics {@code SurfaceVolumeRatio}, IBSI 2PR5): {@code A / V}. */
    static double surfaceVolumeRatio(ShapeCoefficients k) {
        return k.mesh().area() / k.mesh().volume();
    }

    /**
     * <b>Sphericity</b> (PyRadiomics {@code Sphericity}, IBSI QCFX): {@code \frac{\sqrt[3]{36 \pi V^2}}{A}}; 1
     * for a perfect sphere, smaller otherwise.
     */
    static double sphericity(ShapeCoefficients k) {
        return Math.cbrt(36 * Math.PI * k.mesh().volume() * k.mesh().volume()) / k.mesh().area();
    }

    /**
     * <b>Compactness 1</b> (PyRadiomics {@code Compactness1}, deprecated; IBSI SKGS uses the same formula):
     * {@code \frac{V}{\sqrt{\pi} A^{3/2}}}.
     */
    static double compactness1(ShapeCoefficients k) {
        return k.mesh().volume() / (Math.sqrt(Math.PI) * Math.pow(k.mesh().area(), 1.5));
    }

    /**
     * <b>Compactness 2</b> (PyRadiomics {@code Compactness2}, deprecated; IBSI BQWJ uses the same formula):
     * {@code 36 \pi \frac{V^2}{A^3}}, Sphericity cubed.
     */
    static double compactness2(ShapeCoefficients k) {
        return 36 * Math.PI * k.mesh().volume() * k.mesh().volume() / Math.pow(k.mesh().area(), 3);
    }

    /**
     * <b>Spherical Disproportion</b> (PyRadiomics {@code SphericalDisproportion}, deprecated; IBSI KRCK uses the
     * same formula): {@code \frac{A}{\sqrt[3]{36 \pi V^2}}}, the inverse of Sphericity.
     */
    static double sphericalDisproportion(ShapeCoefficients k) {
        return k.mesh().area() / Math.cbrt(36 * Math.PI * k.mesh().volume() * k.mesh().volume());
    }

    /**
     * <b>Maximum 3D diameter</b> (PyRadiomics {@code Maximum3DDiameter}, IBSI L0JK): {@code \max_{j,k} |v_j -
     * v_k|} over all mesh vertices (Feret diameter).
     */
    static double maximum3DDiameter(ShapeCoefficients k) {
        return k.mesh().diameters()[3];
    }

    /**
     * <b>Maximum 2D diameter (Slice)</b> (PyRadiomics {@code Maximum2DDiameterSlice}): {@code \max |v_j - v_k|}
     * over vertex pairs with the same z coordinate (the axial plane).
     */
    static double maximum2DDiameterSlice(ShapeCoefficients k) {
        return k.mesh().diameters()[0];
    }

    /**
     * <b>Maximum 2D diameter (Column)</b> (PyRadiomics {@code Maximum2DDiameterColumn}): {@code \max |v_j - v_k|}
     * over vertex pairs with the same y coordinate (the coronal plane).
     */
    static double maximum2DDiameterColumn(ShapeCoefficients k) {
        return k.mesh().diameters()[1];
    }

    /**
     * <b>Maximum 2D diameter (Row)</b> (PyRadiomics {@code Maximum2DDiameterRow}): {@code \max |v_j - v_k|} over
     * vertex pairs with the same x coordinate (the sagittal plane).
     */
    static double maximum2DDiameterRow(ShapeCoefficients k) {
        return k.mesh().diameters()[2];
    }

    /** <b>Major Axis Length</b> (PyRadiomics {@code MajorAxisLength}, IBSI TDIC): {@code 4 \sqrt{\lambda_{major}}}. */
    static double majorAxisLength(ShapeCoefficients k) {
        return 4 * Math.sqrt(k.eigenvalues()[2]);
    }

    /** <b>Minor Axis Length</b> (PyRadiomics {@code MinorAxisLength}, IBSI P9VJ): {@code 4 \sqrt{\lambda_{minor}}}. */
    static double minorAxisLength(ShapeCoefficients k) {
        return 4 * Math.sqrt(k.eigenvalues()[1]);
    }

    /** <b>Least Axis Length</b> (PyRadiomics {@code LeastAxisLength}, IBSI 7J51): {@code 4 \sqrt{\lambda_{least}}}. */
    static double leastAxisLength(ShapeCoefficients k) {
        return 4 * Math.sqrt(k.eigenvalues()[0]);
    }

    /**
     * <b>Elongation</b> (PyRadiomics {@code Elongation}, IBSI Q3CK): {@code \sqrt{\lambda_{minor} /
     * \lambda_{major}}}, between 0 (line-like) and 1.
     */
    static double elongation(ShapeCoefficients k) {
        return Math.sqrt(k.eigenvalues()[1] / k.eigenvalues()[2]);
    }

    /**
     * <b>Flatness</b> (PyRadiomics {@code Flatness}, IBSI N17B): {@code \sqrt{\lambda_{least} /
     * \lambda_{major}}}, between 0 (flat) and 1 (sphere-like).
     */
    static double flatness(ShapeCoefficients k) {
        return Math.sqrt(k.eigenvalues()[0] / k.eigenvalues()[2]);
    }
}
