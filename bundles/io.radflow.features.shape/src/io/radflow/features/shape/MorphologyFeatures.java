package io.radflow.features.shape;

import io.radflow.features.FeatureDefinition;
import io.radflow.features.FeatureFamily;
import io.radflow.features.FeatureFormula;
import io.radflow.features.FeatureSettings;
import io.radflow.features.FeatureValues;
import io.radflow.features.Roi;
import io.radflow.features.Setting;
import io.radflow.image.Image3D;
import io.radflow.image.ImageGeometry;

import java.util.Collection;
import java.util.List;

/**
 * IBSI-1 morphological features (IBSI reference manual section 3.1, family key {@code morphology}), in the
 * IBSI convention. The mesh (marching cubes at iso-level 0.5 on the ROI mask, {@link MarchingCubes}), volumes,
 * diameters and principal axes come from the <b>morphological</b> mask; the intensity-based features (centre of
 * mass shift, integrated intensity, Moran's I, Geary's C) use the image inside the <b>intensity</b> mask.
 * Positions are voxel index times spacing (mm), without the direction matrix (distances do not depend on it).
 *
 * <p>Notation: {@code V} mesh volume, {@code A} mesh area, {@code N_{v,m}} morphological voxels,
 * {@code \lambda_{major} \ge \lambda_{minor} \ge \lambda_{least}} eigenvalues of the sample covariance (N - 1,
 * as IBSI's reference values need; PyRadiomics divides by N) of the morphological voxel positions, {@code a = 2\sqrt{\lambda_{major}}}, {@code b = 2\sqrt{\lambda_{minor}}},
 * {@code c = 2\sqrt{\lambda_{least}}} the semi-axes of the approximate enclosing ellipsoid.
 *
 * <p>Not computed: the oriented minimum bounding box (ZH1A, IQYR) and minimum volume enclosing ellipsoid
 * (SWZ1, BRI8) densities, which IBSI-1 does not standardise (no reference values).
 *
 * <p>Reference: Zwanenburg et al., Radiology 295(2):328-338, 2020; IBSI reference manual arXiv:1612.07003.
 */
public final class MorphologyFeatures implements FeatureFamily {

    /** The family key, {@value}. */
    public static final String KEY = "morphology";

    /** What the features share, computed once per ROI; the spatial autocorrelation only when asked for. */
    static final class Coefficients {
        final ShapeCoefficients shape;
        final Roi roi;
        private double[] moranGeary;

        Coefficients(ShapeCoefficients shape, Roi roi) {
            this.shape = shape;
            this.roi = roi;
        }

        double volume() {
            return shape.mesh().volume();
        }

        double area() {
            return shape.mesh().area();
        }

        double[] moranGeary() {
            if (moranGeary == null) {
                moranGeary = SpatialAutocorrelation.moranGeary(roi.image(), roi.intensity());
            }
            return moranGeary;
        }
    }

    private static final List<FeatureFormula<Coefficients>> FEATURES = List.of(
            FeatureFormula.of("Volume", "RNU0", "Volume enclosed by the ROI mesh (mm^3).", MorphologyFeatures::volume),
            FeatureFormula.of("ApproximateVolume", "YEKZ", "Number of ROI voxels times the voxel volume (mm^3).",
                    MorphologyFeatures::approximateVolume),
            FeatureFormula.of("SurfaceArea", "C0JK", "Area of the ROI mesh (mm^2).", MorphologyFeatures::surfaceArea),
            FeatureFormula.of("SurfaceVolumeRatio", "2PR5", "A / V (1/mm).", MorphologyFeatures::surfaceVolumeRatio),
            FeatureFormula.of("Compactness1", "SKGS", "V / (sqrt(pi) A^(3/2)).", MorphologyFeatures::compactness1),
            FeatureFormula.of("Compactness2", "BQWJ", "36 pi V^2 / A^3.", MorphologyFeatures::compactness2),
            FeatureFormula.of("SphericalDisproportion", "KRCK", "A / (36 pi V^2)^(1/3).",
                    MorphologyFeatures::sphericalDisproportion),
            FeatureFormula.of("Sphericity", "QCFX", "(36 pi V^2)^(1/3) / A.", MorphologyFeatures::sphericity),
            FeatureFormula.of("Asphericity", "25C7", "(A^3 / (36 pi V^2))^(1/3) - 1.", MorphologyFeatures::asphericity),
            FeatureFormula.of("CentreOfMassShift", "KLMA",
                    "Distance between the ROI centroid and its intensity-weighted centroid (mm).",
                    MorphologyFeatures::centreOfMassShift),
            FeatureFormula.of("Maximum3DDiameter", "L0JK", "Largest distance between two mesh vertices (mm).",
                    MorphologyFeatures::maximum3DDiameter),
            FeatureFormula.of("MajorAxisLength", "TDIC", "4 sqrt(lambda_major) (mm).", MorphologyFeatures::majorAxisLength),
            FeatureFormula.of("MinorAxisLength", "P9VJ", "4 sqrt(lambda_minor) (mm).", MorphologyFeatures::minorAxisLength),
            FeatureFormula.of("LeastAxisLength", "7J51", "4 sqrt(lambda_least) (mm).", MorphologyFeatures::leastAxisLength),
            FeatureFormula.of("Elongation", "Q3CK", "sqrt(lambda_minor / lambda_major).", MorphologyFeatures::elongation),
            FeatureFormula.of("Flatness", "N17B", "sqrt(lambda_least / lambda_major).", MorphologyFeatures::flatness),
            FeatureFormula.of("VolumeDensityAABB", "PBX1", "V over the volume of the axis-aligned bounding box of the mesh.",
                    MorphologyFeatures::volumeDensityAabb),
            FeatureFormula.of("AreaDensityAABB", "R59B", "A over the surface of the axis-aligned bounding box of the mesh.",
                    MorphologyFeatures::areaDensityAabb),
            FeatureFormula.of("VolumeDensityAEE", "6BDE", "V over the volume of the approximate enclosing ellipsoid.",
                    MorphologyFeatures::volumeDensityAee),
            FeatureFormula.of("AreaDensityAEE", "RDD2", "A over the surface of the approximate enclosing ellipsoid.",
                    MorphologyFeatures::areaDensityAee),
            FeatureFormula.of("VolumeDensityConvexHull", "R3ER", "V over the volume of the convex hull of the mesh.",
                    MorphologyFeatures::volumeDensityConvexHull),
            FeatureFormula.of("AreaDensityConvexHull", "7T7F", "A over the surface of the convex hull of the mesh.",
                    MorphologyFeatures::areaDensityConvexHull),
            FeatureFormula.of("IntegratedIntensity", "99N0", "Mesh volume times the mean intensity.",
                    MorphologyFeatures::integratedIntensity),
            FeatureFormula.of("MoransI", "N365", "Moran's I spatial autocorrelation of the intensities.",
                    MorphologyFeatures::moransI),
            FeatureFormula.of("GearysC", "NPT7", "Geary's C spatial autocorrelation of the intensities.",
                    MorphologyFeatures::gearysC));

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
        return compute(roi, FeatureFormula.enabledNames(FEATURES));
    }

    /** Computes the named features, in declaration order. */
    public FeatureValues compute(Roi roi, Collection<String> names) {
        return FeatureFormula.compute(KEY, FEATURES, names,
                () -> new Coefficients(ShapeCoefficients.of(roi.morphological(), true), roi));
    }

    /** <b>Volume (mesh)</b> (IBSI RNU0): {@code V = \frac{1}{6} \sum_i a_i \cdot (b_i \times c_i)}. */
    static double volume(Coefficients k) {
        return k.volume();
    }

    /** <b>Approximate volume</b> (IBSI YEKZ, voxel counting): {@code V_{aprx} = N_{v,m} s_x s_y s_z}. */
    static double approximateVolume(Coefficients k) {
        return k.shape.voxelCount() * k.shape.voxelVolume();
    }

    /** <b>Surface area (mesh)</b> (IBSI C0JK): {@code A = \sum_i \frac{1}{2} |(b_i - a_i) \times (c_i - a_i)|}. */
    static double surfaceArea(Coefficients k) {
        return k.area();
    }

    /** <b>Surface to volume ratio</b> (IBSI 2PR5): {@code A / V}. */
    static double surfaceVolumeRatio(Coefficients k) {
        return k.area() / k.volume();
    }

    /** <b>Compactness 1</b> (IBSI SKGS): {@code \frac{V}{\pi^{1/2} A^{3/2}}}. */
    static double compactness1(Coefficients k) {
        return k.volume() / (Math.sqrt(Math.PI) * Math.pow(k.area(), 1.5));
    }

    /** <b>Compactness 2</b> (IBSI BQWJ): {@code 36 \pi \frac{V^2}{A^3}}. */
    static double compactness2(Coefficients k) {
        return 36 * Math.PI * k.volume() * k.volume() / Math.pow(k.area(), 3);
    }

    /** <b>Spherical disproportion</b> (IBSI KRCK): {@code \frac{A}{(36 \pi V^2)^{1/3}}}. */
    static double sphericalDisproportion(Coefficients k) {
        return k.area() / Math.cbrt(36 * Math.PI * k.volume() * k.volume());
    }

    /** <b>Sphericity</b> (IBSI QCFX): {@code \frac{(36 \pi V^2)^{1/3}}{A}}. */
    static double sphericity(Coefficients k) {
        return Math.cbrt(36 * Math.PI * k.volume() * k.volume()) / k.area();
    }

    /** <b>Asphericity</b> (IBSI 25C7): {@code \left(\frac{A^3}{36 \pi V^2}\right)^{1/3} - 1}. */
    static double asphericity(Coefficients k) {
        return Math.cbrt(Math.pow(k.area(), 3) / (36 * Math.PI * k.volume() * k.volume())) - 1;
    }

    /**
     * <b>Centre of mass shift</b> (IBSI KLMA): {@code \left\| \frac{1}{N_{v,m}} \sum_k \vec X_{c,k} -
     * \frac{\sum_k X_{gl,k} \vec X_{c,k}}{\sum_k X_{gl,k}} \right\|}: the first sum over the morphological
     * mask, the weighted one over the intensity mask, {@code \vec X_c} voxel positions (mm).
     */
    static double centreOfMassShift(Coefficients k) {
        Image3D image = k.roi.image();
        ImageGeometry g = image.geometry();
        double[] s = g.spacing();
        double[] geometric = new double[3];
        double[] weighted = new double[3];
        double weight = 0;
        int n = 0;
        for (int z = 0; z < g.sizeZ(); z++) {
            for (int y = 0; y < g.sizeY(); y++) {
                for (int x = 0; x < g.sizeX(); x++) {
                    int i = g.index(x, y, z);
                    if (k.roi.morphological().contains(i)) {
                        geometric[0] += x;
                        geometric[1] += y;
                        geometric[2] += z;
                        n++;
                    }
                    if (k.roi.intensity().contains(i)) {
                        double v = image.get(i);
                        weighted[0] += v * x;
                        weighted[1] += v * y;
                        weighted[2] += v * z;
                        weight += v;
                    }
                }
            }
        }
        if (weight == 0) {
            throw new IllegalArgumentException("Centre of mass shift: the intensities in the ROI sum to 0, so the "
                    + "intensity-weighted centre is undefined");
        }
        double sum = 0;
        for (int a = 0; a < 3; a++) {
            double d = (geometric[a] / n - weighted[a] / weight) * s[a];
            sum += d * d;
        }
        return Math.sqrt(sum);
    }

    /** <b>Maximum 3D diameter</b> (IBSI L0JK): {@code \max_{k,l} |\vec v_k - \vec v_l|} over mesh vertices. */
    static double maximum3DDiameter(Coefficients k) {
        return k.shape.mesh().diameters()[3];
    }

    /** <b>Major axis length</b> (IBSI TDIC): {@code 4 \sqrt{\lambda_{major}}}. */
    static double majorAxisLength(Coefficients k) {
        return 4 * Math.sqrt(k.shape.eigenvalues()[2]);
    }

    /** <b>Minor axis length</b> (IBSI P9VJ): {@code 4 \sqrt{\lambda_{minor}}}. */
    static double minorAxisLength(Coefficients k) {
        return 4 * Math.sqrt(k.shape.eigenvalues()[1]);
    }

    /** <b>Least axis length</b> (IBSI 7J51): {@code 4 \sqrt{\lambda_{least}}}. */
    static double leastAxisLength(Coefficients k) {
        return 4 * Math.sqrt(k.shape.eigenvalues()[0]);
    }

    /** <b>Elongation</b> (IBSI Q3CK): {@code \sqrt{\lambda_{minor} / \lambda_{major}}}. */
    static double elongation(Coefficients k) {
        return Math.sqrt(k.shape.eigenvalues()[1] / k.shape.eigenvalues()[2]);
    }

    /** <b>Flatness</b> (IBSI N17B): {@code \sqrt{\lambda_{least} / \lambda_{major}}}. */
    static double flatness(Coefficients k) {
        return Math.sqrt(k.shape.eigenvalues()[0] / k.shape.eigenvalues()[2]);
    }

    /** <b>Volume density (AABB)</b> (IBSI PBX1): {@code V / (\Delta x \Delta y \Delta z)}, extents of the mesh. */
    static double volumeDensityAabb(Coefficients k) {
        SurfaceMesh m = k.shape.mesh();
        return k.volume() / (m.extent(0) * m.extent(1) * m.extent(2));
    }

    /**
     * <b>Area density (AABB)</b> (IBSI R59B): {@code A / (2 (\Delta x \Delta y + \Delta x \Delta z + \Delta y
     * \Delta z))}.
     */
    static double areaDensityAabb(Coefficients k) {
        SurfaceMesh m = k.shape.mesh();
        double x = m.extent(0);
        double y = m.extent(1);
        double z = m.extent(2);
        return k.area() / (2 * (x * y + x * z + y * z));
    }

    /** <b>Volume density (AEE)</b> (IBSI 6BDE): {@code \frac{3 V}{4 \pi a b c}}. */
    static double volumeDensityAee(Coefficients k) {
        double[] abc = semiAxes(k);
        return 3 * k.volume() / (4 * Math.PI * abc[0] * abc[1] * abc[2]);
    }

    /**
     * <b>Area density (AEE)</b> (IBSI RDD2): {@code A / A_{ee}} with the ellipsoid surface approximated as IBSI
     * does, {@code A_{ee} = 4 \pi a b \sum_{\nu=0}^{20} \frac{(\alpha \beta)^\nu}{1 - 4 \nu^2}
     * P_\nu\left(\frac{\alpha^2 + \beta^2}{2 \alpha \beta}\right)}, {@code \alpha = \sqrt{1 - b^2/a^2}},
     * {@code \beta = \sqrt{1 - c^2/a^2}}, {@code P_\nu} the Legendre polynomials.
     */
    static double areaDensityAee(Coefficients k) {
        double[] abc = semiAxes(k);
        return k.area() / ellipsoidArea(abc[0], abc[1], abc[2]);
    }

    /** IBSI's Legendre-series approximation of the surface of an ellipsoid with semi-axes a &ge; b &ge; c. */
    static double ellipsoidArea(double a, double b, double c) {
        double alpha = Math.sqrt(1 - b * b / (a * a));
        double beta = Math.sqrt(1 - c * c / (a * a));
        // q_nu = (alpha beta)^nu P_nu(x), x = (alpha^2 + beta^2) / (2 alpha beta), by the Legendre recurrence
        // multiplied through by (alpha beta)^(nu + 1), so alpha beta = 0 (a sphere) needs no division.
        double half = (alpha * alpha + beta * beta) / 2;
        double product2 = alpha * beta * alpha * beta;
        double previous = 1;
        double current = half;
        double sum = previous + current / (1 - 4.0);
        for (int nu = 1; nu < 20; nu++) {
            double next = ((2 * nu + 1) * half * current - nu * product2 * previous) / (nu + 1);
            previous = current;
            current = next;
            sum += current / (1 - 4.0 * (nu + 1) * (nu + 1));
        }
        return 4 * Math.PI * a * b * sum;
    }

    private static double[] semiAxes(Coefficients k) {
        double[] e = k.shape.eigenvalues();
        return new double[] {2 * Math.sqrt(e[2]), 2 * Math.sqrt(e[1]), 2 * Math.sqrt(e[0])};
    }

    /** <b>Volume density (convex hull)</b> (IBSI R3ER): {@code V / V_{convex}}, hull of the mesh vertices. */
    static double volumeDensityConvexHull(Coefficients k) {
        SurfaceMesh m = k.shape.mesh();
        return k.volume() / m.convexHull().volume(m.halfSpacing());
    }

    /** <b>Area density (convex hull)</b> (IBSI 7T7F): {@code A / A_{convex}}. */
    static double areaDensityConvexHull(Coefficients k) {
        SurfaceMesh m = k.shape.mesh();
        return k.area() / m.convexHull().area(m.halfSpacing());
    }

    /** <b>Integrated intensity</b> (IBSI 99N0): {@code V \cdot \frac{1}{N_{v,gl}} \sum_k X_{gl,k}}. */
    static double integratedIntensity(Coefficients k) {
        double[] values = k.roi.intensities();
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return k.volume() * sum / values.length;
    }

    /**
     * <b>Moran's I index</b> (IBSI N365): {@code I = \frac{N_{v,gl}}{\sum_{k \ne l} w_{kl}} \frac{\sum_{k \ne l}
     * w_{kl} (X_k - \mu)(X_l - \mu)}{\sum_k (X_k - \mu)^2}}, {@code w_{kl} = 1 / |\vec X_{c,k} - \vec X_{c,l}|}
     * (see {@link SpatialAutocorrelation}).
     */
    static double moransI(Coefficients k) {
        return k.moranGeary()[0];
    }

    /**
     * <b>Geary's C measure</b> (IBSI NPT7): {@code C = \frac{N_{v,gl} - 1}{2 \sum_{k \ne l} w_{kl}}
     * \frac{\sum_{k \ne l} w_{kl} (X_k - X_l)^2}{\sum_k (X_k - \mu)^2}}.
     */
    static double gearysC(Coefficients k) {
        return k.moranGeary()[1];
    }
}
