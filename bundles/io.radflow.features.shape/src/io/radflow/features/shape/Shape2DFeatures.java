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
 * PyRadiomics' 2D shape features ({@code radiomics/shape2D.py}, family key {@code shape2D}) of an ROI that lies
 * in one slice, computed from the <b>morphological</b> mask with the direction-free pixel spacing.
 *
 * <p>As in PyRadiomics, {@code force2D} must be true and the ROI must span a single slice along
 * {@code force2Ddimension} (0: z, axial slices; 1: y, coronal; 2: x, sagittal, numbered as PyRadiomics numbers
 * the numpy axes z, y, x); otherwise {@link #compute} throws. The slice, padded by one empty pixel, is
 * contoured by marching squares ({@link MarchingSquares}).
 *
 * <p>Notation: {@code N_p} the number of ROI pixels; {@code N_f} contour segments {@code (a_i, b_i)};
 * {@code A} the mesh surface, {@code P} the perimeter; {@code \lambda_{major} \ge \lambda_{minor}} the
 * eigenvalues of the covariance of the in-plane physical pixel centres.
 *
 * <p>References: van Griethuysen et al., Cancer Research 77(21):e104-e107, 2017 (PyRadiomics).
 */
public final class Shape2DFeatures implements FeatureFamily {

    /** The family key, {@value}. */
    public static final String KEY = "shape2D";

    public static final Setting<Boolean> FORCE_2D = Setting.ofBoolean("force2D", false,
            "Compute 2D features on one slice; shape2D requires it (as PyRadiomics does).");
    public static final Setting<Integer> FORCE_2D_DIMENSION = Setting.ofInt("force2Ddimension", 0,
            "The out-of-plane axis for force2D: 0 z (axial slices), 1 y (coronal), 2 x (sagittal).");

    private record Coefficients(double perimeter, double surface, double diameter, int pixelCount,
            double pixelArea, double[] eigenvalues) {
    }

    private static final List<FeatureFormula<Coefficients>> FEATURES = List.of(
            FeatureFormula.of("MeshSurface", "", "Area enclosed by the marching-squares contour (mm^2).",
                    Shape2DFeatures::meshSurface),
            FeatureFormula.of("PixelSurface", "", "Number of ROI pixels times the pixel area (mm^2).",
                    Shape2DFeatures::pixelSurface),
            FeatureFormula.of("Perimeter", "", "Length of the contour (mm).", Shape2DFeatures::perimeter),
            FeatureFormula.of("PerimeterSurfaceRatio", "", "Perimeter divided by mesh surface (1/mm).",
                    Shape2DFeatures::perimeterSurfaceRatio),
            FeatureFormula.of("Sphericity", "", "Perimeter of the circle of equal area over the perimeter.",
                    Shape2DFeatures::sphericity),
            FeatureFormula.deprecated("SphericalDisproportion", "", "Inverse of Sphericity (deprecated).",
                    Shape2DFeatures::sphericalDisproportion),
            FeatureFormula.of("MaximumDiameter", "", "Largest distance between two contour vertices (mm).",
                    Shape2DFeatures::maximumDiameter),
            FeatureFormula.of("MajorAxisLength", "", "4 sqrt(largest eigenvalue of the pixel position covariance) (mm).",
                    Shape2DFeatures::majorAxisLength),
            FeatureFormula.of("MinorAxisLength", "", "4 sqrt(smallest eigenvalue of the pixel position covariance) (mm).",
                    Shape2DFeatures::minorAxisLength),
            FeatureFormula.of("Elongation", "", "sqrt(minor / major eigenvalue): 1 for a round ROI.",
                    Shape2DFeatures::elongation));

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
        return List.of(FeatureSettings.LABEL, FORCE_2D, FORCE_2D_DIMENSION);
    }

    /**
     * @throws IllegalArgumentException when {@code force2D} is false, {@code force2Ddimension} is not 0, 1 or 2,
     *                                  or the ROI spans more than one slice along it
     */
    @Override
    public FeatureValues compute(Roi roi, FeatureSettings settings) {
        return compute(roi, settings, FeatureFormula.enabledNames(FEATURES));
    }

    /** Computes the named features (deprecated ones included when named), in declaration order. */
    public FeatureValues compute(Roi roi, FeatureSettings settings, Collection<String> names) {
        if (!settings.get(FORCE_2D)) {
            throw new IllegalArgumentException("shape2D features need force2D = true (and an ROI in one slice along "
                    + "force2Ddimension), as in PyRadiomics");
        }
        int dimension = settings.get(FORCE_2D_DIMENSION);
        if (dimension < 0 || dimension > 2) {
            throw new IllegalArgumentException("force2Ddimension must be 0 (z), 1 (y) or 2 (x), got " + dimension);
        }
        return FeatureFormula.compute(KEY, FEATURES, names, () -> coefficients(roi.morphological(), dimension));
    }

    private static Coefficients coefficients(Mask mask, int dimension) {
        CroppedMask box = CroppedMask.of(mask);
        int normal = 2 - dimension; // our axis (x 0, y 1, z 2) of PyRadiomics' numpy axis
        int rowAxis = dimension == 0 ? 1 : 2;
        int colAxis = dimension == 2 ? 1 : 0;
        int[] n = {box.nx(), box.ny(), box.nz()};
        if (n[normal] != 3) {
            throw new IllegalArgumentException("shape2D: the ROI spans " + (n[normal] - 2) + " slices along "
                    + "force2Ddimension " + dimension + " (" + "xyz".charAt(normal) + "); it must lie in one slice");
        }
        int rows = n[rowAxis];
        int cols = n[colAxis];
        boolean[] plane = new boolean[rows * cols];
        int count = 0;
        double[] sum = new double[2];
        int[] p = new int[3];
        p[normal] = 1;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                p[rowAxis] = r;
                p[colAxis] = c;
                if (box.inside(p[0], p[1], p[2])) {
                    plane[r * cols + c] = true;
                    count++;
                    sum[0] += r;
                    sum[1] += c;
                }
            }
        }
        double rowSpacing = box.spacing(rowAxis);
        double colSpacing = box.spacing(colAxis);
        double[][] covariance = new double[2][2];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (plane[r * cols + c]) {
                    double dr = (r - sum[0] / count) * rowSpacing;
                    double dc = (c - sum[1] / count) * colSpacing;
                    covariance[0][0] += dr * dr / count;
                    covariance[0][1] += dr * dc / count;
                    covariance[1][1] += dc * dc / count;
                }
            }
        }
        covariance[1][0] = covariance[0][1];
        if (count < 2) {
            throw new IllegalArgumentException("The ROI has a single pixel: shape2D features need at least 2 pixels");
        }
        double[] pad = MarchingSquares.perimeterAreaDiameter(plane, rows, cols, rowSpacing, colSpacing);
        return new Coefficients(pad[0], pad[1], pad[2], count, rowSpacing * colSpacing,
                PrincipalAxes.symmetricEigenvalues(covariance));
    }

    /**
     * <b>Mesh Surface</b> (PyRadiomics shape2D {@code MeshSurface}): {@code A = \sum_{i=1}^{N_f} \frac{1}{2}
     * \text{Oa}_i \times \text{Ob}_i}, signed triangles between the origin and each contour segment.
     */
    static double meshSurface(Coefficients k) {
        return k.surface();
    }

    /** <b>Pixel Surface</b> (PyRadiomics shape2D {@code PixelSurface}): {@code A_{pixel} = N_p \cdot s_r s_c}. */
    static double pixelSurface(Coefficients k) {
        return k.pixelCount() * k.pixelArea();
    }

    /** <b>Perimeter</b> (PyRadiomics shape2D {@code Perimeter}): {@code P = \sum_{i=1}^{N_f} |a_i - b_i|}. */
    static double perimeter(Coefficients k) {
        return k.perimeter();
    }

    /** <b>Perimeter to Surface ratio</b> (PyRadiomics shape2D {@code PerimeterSurfaceRatio}): {@code P / A}. */
    static double perimeterSurfaceRatio(Coefficients k) {
        return k.perimeter() / k.surface();
    }

    /** <b>Sphericity</b> (PyRadiomics shape2D {@code Sphericity}): {@code \frac{2 \sqrt{\pi A}}{P}}, 1 for a circle. */
    static double sphericity(Coefficients k) {
        return 2 * Math.sqrt(Math.PI * k.surface()) / k.perimeter();
    }

    /**
     * <b>Spherical Disproportion</b> (PyRadiomics shape2D {@code SphericalDisproportion}, deprecated):
     * {@code \frac{P}{2 \sqrt{\pi A}}}.
     */
    static double sphericalDisproportion(Coefficients k) {
        return k.perimeter() / (2 * Math.sqrt(Math.PI * k.surface()));
    }

    /** <b>Maximum 2D diameter</b> (PyRadiomics shape2D {@code MaximumDiameter}): largest vertex distance. */
    static double maximumDiameter(Coefficients k) {
        return k.diameter();
    }

    /** <b>Major Axis Length</b> (PyRadiomics shape2D {@code MajorAxisLength}): {@code 4 \sqrt{\lambda_{major}}}. */
    static double majorAxisLength(Coefficients k) {
        return 4 * Math.sqrt(k.eigenvalues()[1]);
    }

    /** <b>Minor Axis Length</b> (PyRadiomics shape2D {@code MinorAxisLength}): {@code 4 \sqrt{\lambda_{minor}}}. */
    static double minorAxisLength(Coefficients k) {
        return 4 * Math.sqrt(k.eigenvalues()[0]);
    }

    /** <b>Elongation</b> (PyRadiomics shape2D {@code Elongation}): {@code \sqrt{\lambda_{minor} / \lambda_{major}}}. */
    static double elongation(Coefficients k) {
        return Math.sqrt(k.eigenvalues()[0] / k.eigenvalues()[1]);
    }
}
