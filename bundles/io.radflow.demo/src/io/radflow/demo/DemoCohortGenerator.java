package io.radflow.demo;

import io.radflow.core.io.AtomicFiles;
import io.radflow.core.data.Cohort;
import io.radflow.core.data.Column;
import io.radflow.core.data.Table;
import io.radflow.image.Image3D;
import io.radflow.image.ImageGeometry;
import io.radflow.image.io.ImageFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Generates Radflow's synthetic, HCC-like demo cohort (format 2): per patient a two-phase contrast CT
 * (arterial and portal venous), an MRI-like T2 image and two readers' label maps, plus a clinical table
 * with overall survival, microvascular invasion, a pathology grade and the recruiting centre.
 * Everything is derived from one seed, so two generations give byte-identical files. No real
 * patient data is involved.
 *
 * <h2>Images</h2>
 * Grid {@value #SIZE_X} x {@value #SIZE_Y} x {@value #SIZE_Z} voxels, spacing 1 x 1 x 2.5 mm, identity
 * direction, centred on the world origin (LPS), int16 Hounsfield units. Air outside the body is
 * exactly -1000 HU. Inside the body (an elliptic cylinder) soft tissue is 40 HU, the liver (an
 * ellipsoid on the patient's right, i.e. at negative x) 60 HU arterial / 100 HU portal, and the
 * tumour (an ellipsoid wholly inside the liver) hyper-enhances in the arterial phase (about 115 HU)
 * and washes out in the portal phase (about 72 HU), as hepatocellular carcinoma does. Every body
 * voxel gets independent CT noise (SD {@value #CT_NOISE_HU} HU per phase); the liver a smooth texture
 * (lattice {@value #LIVER_CELL_MM} mm); the tumour a finer smooth texture (lattice
 * {@value #TUMOUR_CELL_MM} mm) of amplitude {@code 3 + 22 h} HU plus voxel-wise heterogeneity of SD
 * {@code 4 + 26 h} HU, where {@code h} in [0, 1] is the patient's latent heterogeneity. Label map:
 * 0 background, 1 liver, 2 tumour.
 *
 * <p>T2-like image (no unit, {@code >= 0}): air 0, soft tissue 350, liver 250 (+1.5 x its texture), tumour
 * 520 + 1.5 x (texture + heterogeneity noise), noise SD 15, drawn from a generator of its own so the CT
 * images are those of format 1. Reader 2's label map has the same liver and a tumour whose centre is
 * shifted by N(0, 0.7 mm) per axis and whose semi-axes are scaled by {@code 1 + 0.05 N(0, 1)} (clamped to
 * [0.85, 1.15]), so shape and first-order features of the two readers agree closely but not exactly.
 *
 * <h2>Survival model</h2>
 * Tumour radius {@code r ~ U(6, 20)} mm and {@code h ~ U(0, 1)} set the linear predictor
 * {@code lp = 3.6 (h - 0.5) + 0.08 (r - 13)}. The event time is Weibull with shape
 * {@code k = 1.3} and a median of 22 months at {@code lp = 0} (proportional hazards):
 * {@code T = 22 (E / (ln 2 e^lp))^(1/k)}, {@code E ~ Exp(1)}. Censoring: loss to follow-up
 * {@code C ~ Exp(mean 150 months)} and administrative censoring at {@value #ADMINISTRATIVE_CENSORING_MONTHS}
 * months; {@code time = min(T, C, 60)}, {@code event = T <= min(C, 60)}. Because {@code h} scales
 * the tumour's grey-level spread, first-order features of the tumour in the portal phase
 * (Variance, StandardDeviation, Range, Entropy) are prognostic: a median split gives well
 * separated Kaplan-Meier curves.
 *
 * <h2>Clinical table</h2>
 * {@code PatientID, centre (A/B/C), age, sex (M/F), afp (ng/mL, log-normal, rising with h; missing
 * with probability 0.12, written as an empty cell), tumour_size_mm (longest diameter),
 * bclc (0/A/B/C, a simplified rule on size and a random vascular-invasion draw), grade (1-3: the
 * latent {@code h + 0.25 N(0, 1)} cut at 0.35 and 0.7), mvi (microvascular invasion, Bernoulli with
 * {@code logit p = -0.5 + 4 (h - 0.5) + 0.06 (r - 13)}), time_months, event (1 death / 0 censored)}.
 * Grade, mvi and reader 2 are drawn after all format-1 values, so those are unchanged.
 *
 * <h2>Determinism</h2>
 * Patient {@code i} draws from its own {@link SplittableRandom} seeded with a mix of the cohort
 * seed and {@code i}, so the first patients of a smaller cohort equal those of the full one.
 * Gaussian deviates use the polar method and {@link StrictMath} so results do not depend on the JVM.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class DemoCohortGenerator {

    /** Seed of the built-in demo cohort. */
    public static final long DEFAULT_SEED = 20251125L;
    /** Number of patients of the built-in demo cohort. */
    public static final int DEFAULT_PATIENTS = 60;

    /** File name of the cohort manifest (image columns followed by the clinical columns). */
    public static final String MANIFEST_FILE = "cohort.csv";
    /** File name of the clinical table. */
    public static final String CLINICAL_FILE = "clinical.csv";
    /** File name of the read-me. */
    public static final String README_FILE = "README.txt";
    /** Marker written last; its content identifies the generator version, seed and size. */
    public static final String COMPLETE_MARKER = ".complete";

    /** Manifest column of the arterial-phase image. */
    public static final String ARTERIAL = "arterial";
    /** Manifest column of the portal-venous-phase image. */
    public static final String PORTAL = "portal";
    /** Manifest column of the MRI-like T2-weighted image. */
    public static final String T2 = "t2";
    /** Manifest column of the label map (reader 1). */
    public static final String MASK = "mask";
    /** Manifest column of the second reader's label map (same liver, slightly different tumour outline). */
    public static final String MASK_READER2 = "mask_reader2";
    /** Image columns of the manifest, in order. */
    public static final List<String> FILE_COLUMNS = List.of(ARTERIAL, PORTAL, T2, MASK, MASK_READER2);

    /** Label of the liver in the label map. */
    public static final int LIVER_LABEL = 1;
    /** Label of the tumour in the label map. */
    public static final int TUMOUR_LABEL = 2;

    /** Clinical columns, in file order. */
    public static final List<String> CLINICAL_COLUMNS = List.of(Cohort.PATIENT_ID, "centre", "age", "sex", "afp",
            "tumour_size_mm", "bclc", "grade", "mvi", "time_months", "event");

    /** Voxels along x. */
    public static final int SIZE_X = 96;
    /** Voxels along y. */
    public static final int SIZE_Y = 96;
    /** Voxels along z. */
    public static final int SIZE_Z = 48;
    /** Administrative censoring time in months. */
    public static final double ADMINISTRATIVE_CENSORING_MONTHS = 60;

    static final double CT_NOISE_HU = 9;
    static final double LIVER_CELL_MM = 14;
    static final double TUMOUR_CELL_MM = 4.5;

    private static final int FORMAT_VERSION = 2;
    private static final double[] SPACING = {1, 1, 2.5};
    private static final double AIR_HU = -1000;
    private static final double BODY_HU = 40;
    private static final double LIVER_ARTERIAL_HU = 60;
    private static final double LIVER_PORTAL_HU = 100;
    private static final double LIVER_TEXTURE_HU = 6;
    private static final double BETA_HETEROGENEITY = 3.6;
    private static final double BETA_RADIUS_PER_MM = 0.08;
    private static final double WEIBULL_SHAPE = 1.3;
    private static final double BASELINE_MEDIAN_MONTHS = 22;
    private static final double LOSS_TO_FOLLOW_UP_MEAN_MONTHS = 150;
    private static final double AFP_MISSING_PROBABILITY = 0.12;
    private static final double TUMOUR_MARGIN_MM = 2;
    private static final double T2_AIR = 0;
    private static final double T2_BODY = 350;
    private static final double T2_LIVER = 250;
    private static final double T2_TUMOUR = 520;
    private static final double T2_NOISE = 15;

    private final long seed;
    private final int patientCount;

    /** The built-in demo cohort: seed {@value #DEFAULT_SEED}, {@value #DEFAULT_PATIENTS} patients. */
    public DemoCohortGenerator() {
        this(DEFAULT_SEED, DEFAULT_PATIENTS);
    }

    /**
     * @param seed     the seed all data derive from
     * @param patients number of patients, 1 to 999
     */
    public DemoCohortGenerator(long seed, int patients) {
        if (patients < 1 || patients > 999) {
            throw new IllegalArgumentException("The demo cohort needs 1 to 999 patients, got " + patients);
        }
        this.seed = seed;
        this.patientCount = patients;
    }

    public long seed() {
        return seed;
    }

    public int patientCount() {
        return patientCount;
    }

    /** The geometry shared by all images: 96 x 96 x 48 voxels, 1 x 1 x 2.5 mm, centred on the origin. */
    public static ImageGeometry geometry() {
        double[] origin = {-(SIZE_X - 1) * SPACING[0] / 2, -(SIZE_Y - 1) * SPACING[1] / 2, -(SIZE_Z - 1) * SPACING[2] / 2};
        return ImageGeometry.of(SIZE_X, SIZE_Y, SIZE_Z, origin, SPACING);
    }

    // ------------------------------------------------------------------ simulation (pure)

    /** Simulates the clinical records and image parameters of all patients (no images, no I/O). */
    public List<DemoPatient> patients() {
        List<DemoPatient> patients = new ArrayList<>(patientCount);
        for (int i = 0; i < patientCount; i++) {
            patients.add(simulate(i));
        }
        return List.copyOf(patients);
    }

    /** Simulates patient {@code index} (0-based); independent of the cohort size. */
    public DemoPatient simulate(int index) {
        SplittableRandom random = new SplittableRandom(mix64(seed ^ mix64(index + 1L)));
        String id = String.format(Locale.ROOT, "P%03d", index + 1);

        double u = random.nextDouble();
        String centre = u < 0.40 ? "A" : u < 0.75 ? "B" : "C";
        int age = (int) Math.round(Math.max(28, Math.min(88, 63 + 9 * gaussian(random))));
        String sex = random.nextDouble() < 0.78 ? "M" : "F";

        double heterogeneity = random.nextDouble();
        double radius = 6 + 14 * random.nextDouble();

        Ellipsoid body = new Ellipsoid(0, 0, 0, 43 + 2 * random.nextDouble(), 35 + 2 * random.nextDouble(),
                Double.POSITIVE_INFINITY);
        Ellipsoid liver = new Ellipsoid(-8 + 2 * (random.nextDouble() - 0.5), 2 * (random.nextDouble() - 0.5), 0,
                31 + 2 * random.nextDouble(), 27 + 2 * random.nextDouble(), 48 + 4 * random.nextDouble());
        double ax = radius;
        double ay = radius * (0.8 + 0.2 * random.nextDouble());
        double az = radius * (0.8 + 0.2 * random.nextDouble());
        Ellipsoid tumour = placeTumour(random, liver, ax, ay, az);

        double tumourArterial = 115 + 8 * gaussian(random);
        double tumourPortal = 72 + 5 * gaussian(random);
        double tumourNoise = 4 + 26 * heterogeneity;
        double tumourTexture = 3 + 22 * heterogeneity;

        double lp = BETA_HETEROGENEITY * (heterogeneity - 0.5) + BETA_RADIUS_PER_MM * (radius - 13);
        double e = -StrictMath.log(1 - random.nextDouble());
        double eventTime = BASELINE_MEDIAN_MONTHS * StrictMath.pow(e / (StrictMath.log(2) * StrictMath.exp(lp)),
                1 / WEIBULL_SHAPE);
        double lossTime = -LOSS_TO_FOLLOW_UP_MEAN_MONTHS * StrictMath.log(1 - random.nextDouble());
        double censorTime = Math.min(lossTime, ADMINISTRATIVE_CENSORING_MONTHS);
        boolean event = eventTime <= censorTime;
        double time = Math.max(0.1, Math.round(Math.min(eventTime, censorTime) * 10) / 10.0);

        boolean afpMissing = random.nextDouble() < AFP_MISSING_PROBABILITY;
        double afpValue = StrictMath.exp(StrictMath.log(12) + 2.0 * heterogeneity + 1.3 * gaussian(random));
        double afp = afpMissing ? Double.NaN : Math.max(1, Math.round(afpValue * 10) / 10.0);

        double diameter = tumour.longestDiameter();
        String bclc;
        if (random.nextDouble() < 0.08 + 0.12 * heterogeneity) {
            bclc = "C";
        } else if (diameter < 20) {
            bclc = "0";
        } else if (diameter < 32) {
            bclc = "A";
        } else {
            bclc = "B";
        }
        long imageSeed = random.nextLong();
        // format 2 additions, drawn last so that every earlier value equals format 1's
        double latentGrade = heterogeneity + 0.25 * gaussian(random);
        int grade = latentGrade < 0.35 ? 1 : latentGrade < 0.7 ? 2 : 3;
        double mviLogit = -0.5 + 4 * (heterogeneity - 0.5) + 0.06 * (radius - 13);
        boolean mvi = random.nextDouble() < 1 / (1 + StrictMath.exp(-mviLogit));
        Ellipsoid tumourReader2 = new Ellipsoid(tumour.cx() + 0.7 * gaussian(random), tumour.cy() + 0.7 * gaussian(random),
                tumour.cz() + 0.7 * gaussian(random), tumour.ax() * readerScale(random), tumour.ay() * readerScale(random),
                tumour.az() * readerScale(random));
        return new DemoPatient(id, centre, age, sex, afp, bclc, time, event, heterogeneity, lp, body, liver, tumour,
                tumourArterial, tumourPortal, tumourNoise, tumourTexture, imageSeed, grade, mvi, tumourReader2);
    }

    /** A second reader's semi-axis factor, {@code 1 + 0.05 N(0, 1)} clamped to [0.85, 1.15]. */
    private static double readerScale(SplittableRandom random) {
        return Math.max(0.85, Math.min(1.15, 1 + 0.05 * gaussian(random)));
    }

    /**
     * Places the tumour by rejection sampling: a candidate centre is accepted when points on the
     * tumour surface in 200 directions (a Fibonacci sphere) all lie at least {@value #TUMOUR_MARGIN_MM} mm
     * inside the liver (tested against the liver with semi-axes shrunk by the margin).
     */
    private static Ellipsoid placeTumour(SplittableRandom random, Ellipsoid liver, double ax, double ay, double az) {
        Ellipsoid inner = new Ellipsoid(liver.cx(), liver.cy(), liver.cz(), liver.ax() - TUMOUR_MARGIN_MM,
                liver.ay() - TUMOUR_MARGIN_MM, liver.az() - TUMOUR_MARGIN_MM);
        for (int attempt = 0; attempt < 10_000; attempt++) {
            double cx = liver.cx() + (2 * random.nextDouble() - 1) * (liver.ax() - ax);
            double cy = liver.cy() + (2 * random.nextDouble() - 1) * (liver.ay() - ay);
            double cz = liver.cz() + (2 * random.nextDouble() - 1) * (liver.az() - az) * 0.6;
            Ellipsoid candidate = new Ellipsoid(cx, cy, cz, ax, ay, az);
            if (inside(candidate, inner)) {
                return candidate;
            }
        }
        throw new IllegalStateException("Cannot place a tumour of semi-axes " + ax + ", " + ay + ", " + az
                + " mm inside the liver " + liver);
    }

    private static boolean inside(Ellipsoid tumour, Ellipsoid liver) {
        int n = 200;
        double golden = Math.PI * (3 - Math.sqrt(5));
        for (int i = 0; i < n; i++) {
            double z = 1 - 2 * (i + 0.5) / n;
            double rho = Math.sqrt(1 - z * z);
            double phi = golden * i;
            double x = tumour.cx() + tumour.ax() * rho * StrictMath.cos(phi);
            double y = tumour.cy() + tumour.ay() * rho * StrictMath.sin(phi);
            double w = tumour.cz() + tumour.az() * z;
            if (!liver.contains(x, y, w)) {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------ rendering (pure)

    /** The images of one patient. */
    public record PatientImages(Image3D arterial, Image3D portal, Image3D t2, Image3D mask, Image3D maskReader2) {
    }

    /**
     * Renders the arterial and portal CT, the T2-like image and both readers' label maps of {@code patient} (pure,
     * deterministic). The T2 noise comes from its own generator, so the CT images equal format 1's.
     */
    public static PatientImages render(DemoPatient patient) {
        ImageGeometry geometry = geometry();
        int n = geometry.voxelCount();
        double[] arterial = new double[n];
        double[] portal = new double[n];
        double[] t2 = new double[n];
        double[] labels = new double[n];
        double[] labels2 = new double[n];
        SplittableRandom random = new SplittableRandom(patient.imageSeed());
        Gaussians t2Noise = new Gaussians(new SplittableRandom(mix64(patient.imageSeed() ^ 0x7432L)));
        Gaussians noise = new Gaussians(random);
        double[] origin = geometry.origin();
        double[] max = geometry.indexToWorld(SIZE_X - 1, SIZE_Y - 1, SIZE_Z - 1);
        SmoothNoise liverTexture = new SmoothNoise(random, origin, max, LIVER_CELL_MM);
        Ellipsoid t = patient.tumour();
        SmoothNoise tumourTexture = new SmoothNoise(random,
                new double[] {t.cx() - t.ax(), t.cy() - t.ay(), t.cz() - t.az()},
                new double[] {t.cx() + t.ax(), t.cy() + t.ay(), t.cz() + t.az()}, TUMOUR_CELL_MM);
        Ellipsoid body = patient.body();
        Ellipsoid liver = patient.liver();
        int index = 0;
        for (int z = 0; z < SIZE_Z; z++) {
            double wz = origin[2] + z * SPACING[2];
            for (int y = 0; y < SIZE_Y; y++) {
                double wy = origin[1] + y * SPACING[1];
                for (int x = 0; x < SIZE_X; x++, index++) {
                    double wx = origin[0] + x * SPACING[0];
                    if (!body.contains(wx, wy, wz)) {
                        arterial[index] = AIR_HU;
                        portal[index] = AIR_HU;
                        t2[index] = T2_AIR;
                        continue;
                    }
                    double a;
                    double p;
                    double w;
                    boolean inLiver = liver.contains(wx, wy, wz);
                    if (inLiver && patient.tumourReader2().contains(wx, wy, wz)) {
                        labels2[index] = TUMOUR_LABEL;
                    } else if (inLiver) {
                        labels2[index] = LIVER_LABEL;
                    }
                    if (t.contains(wx, wy, wz) && inLiver) {
                        double texture = tumourTexture.value(wx, wy, wz) * patient.tumourTextureHu();
                        a = patient.tumourArterialHu() + texture + patient.tumourNoiseHu() * noise.next();
                        p = patient.tumourPortalHu() + texture + patient.tumourNoiseHu() * noise.next();
                        w = T2_TUMOUR + 1.5 * (texture + patient.tumourNoiseHu() * t2Noise.next());
                        labels[index] = TUMOUR_LABEL;
                    } else if (inLiver) {
                        double texture = liverTexture.value(wx, wy, wz) * LIVER_TEXTURE_HU;
                        a = LIVER_ARTERIAL_HU + texture;
                        p = LIVER_PORTAL_HU + texture;
                        w = T2_LIVER + 1.5 * texture;
                        labels[index] = LIVER_LABEL;
                    } else {
                        a = BODY_HU;
                        p = BODY_HU;
                        w = T2_BODY;
                    }
                    t2[index] = Math.max(0, Math.rint(w + T2_NOISE * t2Noise.next()));
                    arterial[index] = hounsfield(a + CT_NOISE_HU * noise.next());
                    portal[index] = hounsfield(p + CT_NOISE_HU * noise.next());
                }
            }
        }
        return new PatientImages(Image3D.wrap(geometry, arterial), Image3D.wrap(geometry, portal),
                Image3D.wrap(geometry, t2), Image3D.wrap(geometry, labels), Image3D.wrap(geometry, labels2));
    }

    private static double hounsfield(double value) {
        return Math.max(-1024, Math.min(3071, Math.rint(value)));
    }

    // ------------------------------------------------------------------ files

    /** Receives progress while a cohort is written; may throw an unchecked exception to stop. */
    @FunctionalInterface
    public interface ProgressListener {
        /** Called after the images of {@code done} of {@code total} patients are written. */
        void patientsWritten(int done, int total);
    }

    /**
     * Whether {@code folder} holds a complete cohort of this generator: the marker matches seed,
     * size and format, and every file of the cohort exists (contents are not re-hashed).
     */
    public boolean isComplete(Path folder) {
        Path marker = folder.resolve(COMPLETE_MARKER);
        try {
            if (!Files.isRegularFile(marker) || !Files.readString(marker, StandardCharsets.UTF_8).equals(markerText())) {
                return false;
            }
        } catch (IOException unreadable) {
            return false;
        }
        for (String name : List.of(MANIFEST_FILE, CLINICAL_FILE, README_FILE)) {
            if (!Files.isRegularFile(folder.resolve(name))) {
                return false;
            }
        }
        for (int i = 1; i <= patientCount; i++) {
            String id = String.format(Locale.ROOT, "P%03d", i);
            for (String column : FILE_COLUMNS) {
                if (!Files.isRegularFile(folder.resolve(id + "_" + column + ".nii.gz"))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Writes the cohort into {@code folder} unless a complete copy is there; returns the manifest. */
    public Path ensure(Path folder, ProgressListener listener) throws IOException {
        if (isComplete(folder)) {
            return folder.resolve(MANIFEST_FILE);
        }
        return write(folder, listener);
    }

    /** As {@link #write(Path, ProgressListener)} without progress. */
    public Path write(Path folder) throws IOException {
        return write(folder, (done, total) -> {
        });
    }

    /**
     * Writes the cohort into {@code folder} (created if needed): per patient
     * {@code Pnnn_arterial.nii.gz}, {@code Pnnn_portal.nii.gz}, {@code Pnnn_mask.nii.gz}, then
     * {@value #CLINICAL_FILE}, {@value #MANIFEST_FILE}, {@value #README_FILE} and last the
     * {@value #COMPLETE_MARKER} marker. The marker is removed first, so an interrupted run leaves
     * a folder that {@link #isComplete(Path)} rejects. Each file is written to a temporary file in
     * the folder and moved into place atomically; because the content is deterministic, two
     * processes generating into the same folder at once still leave a correct cohort. One patient is
     * held in memory at a time.
     *
     * @return the manifest file
     */
    public Path write(Path folder, ProgressListener listener) throws IOException {
        Files.createDirectories(folder);
        Files.deleteIfExists(folder.resolve(COMPLETE_MARKER));
        List<DemoPatient> patients = patients();
        for (int i = 0; i < patients.size(); i++) {
            DemoPatient patient = patients.get(i);
            PatientImages images = render(patient);
            // ImageFiles.write itself writes to a temporary file and moves it into place.
            ImageFiles.write(images.arterial(), folder.resolve(fileName(patient, ARTERIAL)));
            ImageFiles.write(images.portal(), folder.resolve(fileName(patient, PORTAL)));
            ImageFiles.write(images.t2(), folder.resolve(fileName(patient, T2)));
            ImageFiles.write(images.mask(), folder.resolve(fileName(patient, MASK)));
            ImageFiles.write(images.maskReader2(), folder.resolve(fileName(patient, MASK_READER2)));
            listener.patientsWritten(i + 1, patients.size());
        }
        clinicalTable(patients).writeCsv(folder.resolve(CLINICAL_FILE));
        manifestTable(patients).writeCsv(folder.resolve(MANIFEST_FILE));
        String readme = readme(patients);
        AtomicFiles.writeString(folder.resolve(README_FILE), readme);
        String marker = markerText();
        AtomicFiles.writeString(folder.resolve(COMPLETE_MARKER), marker);
        return folder.resolve(MANIFEST_FILE);
    }

    /** File name of one image of {@code patient}: {@code <id>_<column>.nii.gz}. */
    public static String fileName(DemoPatient patient, String column) {
        return patient.id() + "_" + column + ".nii.gz";
    }

    /** The clinical table of {@code patients}, columns {@link #CLINICAL_COLUMNS}. */
    public static Table clinicalTable(List<DemoPatient> patients) {
        int n = patients.size();
        String[] ids = new String[n];
        String[] centres = new String[n];
        double[] ages = new double[n];
        String[] sexes = new String[n];
        double[] afps = new double[n];
        double[] sizes = new double[n];
        String[] stages = new String[n];
        double[] grades = new double[n];
        double[] mvis = new double[n];
        double[] times = new double[n];
        double[] events = new double[n];
        for (int i = 0; i < n; i++) {
            DemoPatient p = patients.get(i);
            ids[i] = p.id();
            centres[i] = p.centre();
            ages[i] = p.age();
            sexes[i] = p.sex();
            afps[i] = p.afp();
            sizes[i] = p.tumourSizeMm();
            stages[i] = p.bclc();
            grades[i] = p.grade();
            mvis[i] = p.mvi() ? 1 : 0;
            times[i] = p.timeMonths();
            events[i] = p.event() ? 1 : 0;
        }
        return new Table(List.of(Column.text(CLINICAL_COLUMNS.get(0), ids), Column.text("centre", centres),
                Column.numeric("age", ages), Column.text("sex", sexes), Column.numeric("afp", afps),
                Column.numeric("tumour_size_mm", sizes), Column.text("bclc", stages), Column.numeric("grade", grades),
                Column.numeric("mvi", mvis),
                Column.numeric("time_months", times), Column.numeric("event", events)));
    }

    /** The manifest: {@code PatientID} and the {@link #FILE_COLUMNS} (relative file names), then the clinical columns. */
    public static Table manifestTable(List<DemoPatient> patients) {
        int n = patients.size();
        List<Column> columns = new ArrayList<>();
        Table clinical = clinicalTable(patients);
        columns.add(clinical.column(Cohort.PATIENT_ID));
        for (String column : FILE_COLUMNS) {
            String[] files = new String[n];
            for (int i = 0; i < n; i++) {
                files[i] = fileName(patients.get(i), column);
            }
            columns.add(Column.text(column, files));
        }
        for (Column column : clinical.columns()) {
            if (!column.name().equals(Cohort.PATIENT_ID)) {
                columns.add(column);
            }
        }
        return new Table(columns);
    }

    private String markerText() {
        return "radflow demo cohort format=" + FORMAT_VERSION + " seed=" + seed + " patients=" + patientCount + "\n";
    }

    private String readme(List<DemoPatient> patients) {
        long missingAfp = patients.stream().filter(DemoPatient::afpMissing).count();
        return String.join("\n",
                "Radflow demo cohort - SYNTHETIC DATA",
                "",
                "Every file in this folder was generated by io.radflow.demo.DemoCohortGenerator (format "
                        + FORMAT_VERSION + ", seed " + seed + ", " + patientCount + " patients).",
                "No real patient data were used; the images are simple geometric phantoms with noise.",
                "The data may be used freely for any purpose.",
                "",
                "Per patient: <id>_arterial.nii.gz and <id>_portal.nii.gz (int16 CT-like HU, 96 x 96 x 48 voxels,",
                "1 x 1 x 2.5 mm), <id>_t2.nii.gz (an MRI-like T2 contrast: bright tumour, dark liver),",
                "<id>_mask.nii.gz (0 background, 1 liver, 2 tumour) and <id>_mask_reader2.nii.gz (a second reader's",
                "label map: the tumour outline shifted and scaled by a few percent).",
                "The tumour enhances in the arterial phase and washes out in the portal phase (HCC-like).",
                "",
                "clinical.csv: PatientID, centre (A/B/C), age, sex (M/F), afp (ng/mL), tumour_size_mm (longest",
                "diameter), bclc (0/A/B/C, simplified), grade (pathology grade 1-3, rising with heterogeneity),",
                "mvi (microvascular invasion 0/1, more likely with heterogeneity and size), time_months,",
                "event (1 death, 0 censored).",
                "Every cell is filled except afp: " + missingAfp + " of the " + patients.size()
                        + " patients have no AFP (each with probability " + AFP_MISSING_PROBABILITY
                        + "), written as an empty cell.",
                "cohort.csv: the Radflow manifest, PatientID, arterial, portal, t2, mask, mask_reader2 (file names relative to this",
                "folder) followed by the clinical columns.",
                "",
                "Survival was simulated from a Weibull proportional-hazards model whose hazard rises with tumour",
                "radius and with a latent heterogeneity that scales the tumour's grey-level spread, with loss to",
                "follow-up and administrative censoring at 60 months. Portal-phase first-order features of the",
                "tumour (Variance, StandardDeviation, Range, Entropy) are therefore prognostic by construction.",
                "Do not draw any clinical conclusion from these data.",
                "");
    }

    // ------------------------------------------------------------------ random numbers

    /** A standard normal deviate by Marsaglia's polar method (one of the pair; the other is discarded). */
    static double gaussian(SplittableRandom random) {
        while (true) {
            double u = 2 * random.nextDouble() - 1;
            double v = 2 * random.nextDouble() - 1;
            double s = u * u + v * v;
            if (s > 0 && s < 1) {
                return u * StrictMath.sqrt(-2 * StrictMath.log(s) / s);
            }
        }
    }

    /** Standard normal deviates by the polar method, using both values of each pair. Not thread-safe. */
    private static final class Gaussians {
        private final SplittableRandom random;
        private double spare;
        private boolean hasSpare;

        Gaussians(SplittableRandom random) {
            this.random = random;
        }

        double next() {
            if (hasSpare) {
                hasSpare = false;
                return spare;
            }
            while (true) {
                double u = 2 * random.nextDouble() - 1;
                double v = 2 * random.nextDouble() - 1;
                double s = u * u + v * v;
                if (s > 0 && s < 1) {
                    double factor = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
                    spare = v * factor;
                    hasSpare = true;
                    return u * factor;
                }
            }
        }
    }

    /** The MurmurHash3 64-bit finaliser (fmix64), used to derive independent per-patient seeds. */
    static long mix64(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb93e53a1ad79L;
        return z ^ (z >>> 33);
    }
}
