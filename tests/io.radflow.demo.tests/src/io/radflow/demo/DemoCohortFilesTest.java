package io.radflow.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.core.data.Cohort;
import io.radflow.core.data.Column;
import io.radflow.core.data.Table;
import io.radflow.image.Image3D;
import io.radflow.image.ImageGeometry;
import io.radflow.image.io.ImageFiles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The written demo cohort: files, determinism, manifest, images read back and the feature-survival link. */
class DemoCohortFilesTest {

    @TempDir
    static Path temp;

    private static Path folder;
    private static Path manifest;
    private static List<DemoPatient> patients;

    @BeforeAll
    static void generate() throws IOException {
        folder = temp.resolve("cohort");
        DemoCohortGenerator generator = new DemoCohortGenerator();
        manifest = generator.write(folder);
        patients = generator.patients();
    }

    @Test
    void writesEveryFileAndTheMarkerLast() throws IOException {
        assertEquals(folder.resolve("cohort.csv"), manifest);
        Set<String> names = Set.copyOf(list(folder).keySet());
        assertEquals(60 * DemoCohortGenerator.FILE_COLUMNS.size() + 4, names.size(), names.toString());
        for (String expected : List.of("clinical.csv", "cohort.csv", "README.txt", ".complete", "P001_arterial.nii.gz",
                "P001_portal.nii.gz", "P001_mask.nii.gz", "P060_mask.nii.gz")) {
            assertTrue(names.contains(expected), expected + " missing");
        }
        assertTrue(Files.readString(folder.resolve("README.txt")).contains("SYNTHETIC"));
        assertTrue(new DemoCohortGenerator().isComplete(folder));
        assertFalse(new DemoCohortGenerator(DemoCohortGenerator.DEFAULT_SEED, 59).isComplete(folder),
                "a marker of another cohort size must not count as complete");
        long markerTime = Files.getLastModifiedTime(folder.resolve(".complete")).toMillis();
        for (Path file : list(folder).values()) {
            assertTrue(Files.getLastModifiedTime(file).toMillis() <= markerTime, file + " written after the marker");
        }
    }

    @Test
    void twoGenerationsAreByteIdentical() throws IOException {
        Path second = temp.resolve("second");
        new DemoCohortGenerator().write(second);
        Map<String, String> a = hashes(folder);
        Map<String, String> b = hashes(second);
        assertEquals(a, b);
        Path other = temp.resolve("other-seed");
        new DemoCohortGenerator(7, 2).write(other);
        Map<String, String> c = hashes(other);
        assertNotEquals(a.get("P001_portal.nii.gz"), c.get("P001_portal.nii.gz"));
        assertNotEquals(a.get("P001_mask.nii.gz"), c.get("P001_mask.nii.gz"));
    }

    @Test
    void manifestReadsBackAsACohort() throws IOException {
        Cohort cohort = Cohort.read(manifest);
        assertEquals(60, cohort.patients().size());
        assertEquals(DemoCohortGenerator.FILE_COLUMNS, cohort.fileColumns());
        assertEquals(DemoCohortGenerator.CLINICAL_COLUMNS, cohort.clinical().columnNames());
        for (int i = 0; i < 60; i++) {
            Cohort.Patient patient = cohort.patients().get(i);
            assertEquals(patients.get(i).id(), patient.id());
            assertEquals(folder.resolve(patient.id() + "_portal.nii.gz").toAbsolutePath().normalize(),
                    patient.file("portal"));
            for (Path file : patient.files().values()) {
                assertTrue(Files.isRegularFile(file), file + " missing");
            }
        }
        assertEquals(Table.readCsv(folder.resolve("clinical.csv")), cohort.clinical());
    }

    @Test
    void clinicalColumnsAreCompleteExceptTheDocumentedMissingAfp() throws IOException {
        Table clinical = Table.readCsv(folder.resolve("clinical.csv"));
        assertEquals(DemoCohortGenerator.CLINICAL_COLUMNS, clinical.columnNames());
        assertEquals(60, clinical.rowCount());
        for (String numeric : List.of("age", "afp", "tumour_size_mm", "grade", "mvi", "time_months", "event")) {
            assertTrue(clinical.column(numeric).isNumeric(), numeric + " is not numeric");
        }
        for (Column column : clinical.columns()) {
            int missing = 0;
            for (int row = 0; row < 60; row++) {
                missing += column.text(row).isEmpty() ? 1 : 0;
            }
            if (column.name().equals("afp")) {
                long expected = patients.stream().filter(DemoPatient::afpMissing).count();
                assertEquals(expected, missing);
                assertTrue(missing >= 1 && missing <= 15, "missing AFP " + missing);
            } else {
                assertEquals(0, missing, "missing values in " + column.name());
            }
        }
        for (int row = 0; row < 60; row++) {
            double event = clinical.column("event").number(row);
            assertTrue(event == 0 || event == 1);
            assertEquals(patients.get(row).timeMonths(), clinical.column("time_months").number(row));
            assertTrue(Set.of("0", "A", "B", "C").contains(clinical.column("bclc").text(row)));
        }
        long missingAfp = patients.stream().filter(DemoPatient::afpMissing).count();
        String readme = Files.readString(folder.resolve("README.txt"));
        assertTrue(readme.contains(missingAfp + " of the 60 patients have no AFP"), readme);
    }

    @Test
    void imagesReadBackWithTheDocumentedGeometryTypeAndLabels() throws IOException {
        ImageGeometry expected = DemoCohortGenerator.geometry();
        Table clinical = Table.readCsv(folder.resolve("clinical.csv"));
        for (int i = 0; i < patients.size(); i++) {
            DemoPatient patient = patients.get(i);
            Image3D mask = ImageFiles.read(folder.resolve(patient.id() + "_mask.nii.gz"));
            assertNull(expected.mismatch(mask.geometry(), 1e-6), patient.id());
            assertArrayEquals(new int[] {96, 96, 48}, mask.geometry().size());
            assertArrayEquals(new double[] {1, 1, 2.5}, mask.geometry().spacing(), 1e-6);
            DemoCohortGeneratorTest.assertTumourInsideLiver(mask, patient.id());
            // the tumour's extent along x (its longest axis) matches tumour_size_mm
            int minX = Integer.MAX_VALUE;
            int maxX = -1;
            for (int z = 0; z < 48; z++) {
                for (int y = 0; y < 96; y++) {
                    for (int x = 0; x < 96; x++) {
                        if (mask.get(x, y, z) == DemoCohortGenerator.TUMOUR_LABEL) {
                            minX = Math.min(minX, x);
                            maxX = Math.max(maxX, x);
                        }
                    }
                }
            }
            assertEquals(clinical.column("tumour_size_mm").number(i), maxX - minX + 1, 2.0, patient.id());
            if (i < 3) {
                DemoCohortGenerator.PatientImages rendered = DemoCohortGenerator.render(patient);
                Image3D portal = ImageFiles.read(folder.resolve(patient.id() + "_portal.nii.gz"));
                Image3D arterial = ImageFiles.read(folder.resolve(patient.id() + "_arterial.nii.gz"));
                assertArrayEquals(rendered.portal().voxels(), portal.voxels(), patient.id());
                assertArrayEquals(rendered.arterial().voxels(), arterial.voxels(), patient.id());
                assertArrayEquals(rendered.mask().voxels(), mask.voxels(), patient.id());
                for (String column : List.of("arterial", "portal", "mask")) {
                    assertEquals(4, niftiDatatype(folder.resolve(patient.id() + "_" + column + ".nii.gz")),
                            column + " is not stored as int16");
                }
            }
        }
    }

    /**
     * The link the demo pipeline shows, measured on the written files: the standard deviation and
     * the entropy (PyRadiomics first-order Entropy, bin width 25) of the tumour in the portal phase
     * correlate negatively with time (Spearman, p < 0.01), and their median split separates the
     * survival curves (log-rank p < 0.001).
     */
    @Test
    void portalTumourHeterogeneityPredictsSurvival() throws IOException {
        int n = patients.size();
        double[] sd = new double[n];
        double[] entropy = new double[n];
        double[] time = new double[n];
        boolean[] event = new boolean[n];
        for (int i = 0; i < n; i++) {
            DemoPatient patient = patients.get(i);
            Image3D mask = ImageFiles.read(folder.resolve(patient.id() + "_mask.nii.gz"));
            Image3D portal = ImageFiles.read(folder.resolve(patient.id() + "_portal.nii.gz"));
            DemoCohortGeneratorTest.Stats stats = new DemoCohortGeneratorTest.Stats();
            Map<Long, Integer> bins = new TreeMap<>();
            for (int v = 0; v < mask.voxelCount(); v++) {
                if (mask.get(v) == DemoCohortGenerator.TUMOUR_LABEL) {
                    stats.add(portal.get(v));
                    bins.merge((long) Math.floor(portal.get(v) / 25), 1, Integer::sum);
                }
            }
            sd[i] = stats.sd();
            for (int count : bins.values()) {
                double p = count / (double) stats.n;
                entropy[i] -= p * Math.log(p) / Math.log(2);
            }
            time[i] = patient.timeMonths();
            event[i] = patient.event();
        }
        double rho = SurvivalChecks.spearman(sd, time);
        // two-sided p < 0.01 with 58 degrees of freedom: t < -2.663
        assertTrue(SurvivalChecks.correlationT(rho, n) < -2.663, "Spearman rho(SD, time) = " + rho);
        for (double[] feature : List.of(sd, entropy)) {
            double median = SurvivalChecks.median(feature);
            boolean[] high = new boolean[n];
            for (int i = 0; i < n; i++) {
                high[i] = feature[i] > median;
            }
            double chi2 = SurvivalChecks.logRankChiSquare(time, event, high);
            assertTrue(chi2 > SurvivalChecks.CHI2_P001, "log-rank chi-square " + chi2);
            double medianHigh = medianSurvival(time, event, high, true);
            double medianLow = medianSurvival(time, event, high, false);
            assertTrue(medianHigh < 0.5 * medianLow, "median survival high " + medianHigh + " vs low " + medianLow);
        }
    }

    @Test
    void anIncompleteFolderIsDetectedAndRegenerated() throws IOException {
        DemoCohortGenerator small = new DemoCohortGenerator(DemoCohortGenerator.DEFAULT_SEED, 3);
        Path target = temp.resolve("small");
        small.write(target);
        Map<String, String> before = hashes(target);
        Files.delete(target.resolve(".complete"));
        Files.delete(target.resolve("P002_portal.nii.gz"));
        assertFalse(small.isComplete(target));
        assertEquals(target.resolve("cohort.csv"), small.ensure(target, (done, total) -> {
        }));
        assertTrue(small.isComplete(target));
        assertEquals(before, hashes(target));
        // a file deleted from a complete cohort makes it incomplete
        Files.delete(target.resolve("P003_mask.nii.gz"));
        assertFalse(small.isComplete(target));
        small.ensure(target, (done, total) -> {
        });
        assertEquals(before, hashes(target));
        // a complete folder is left alone
        long marker = Files.getLastModifiedTime(target.resolve(".complete")).toMillis();
        small.ensure(target, (done, total) -> {
            throw new AssertionError("regenerated a complete cohort");
        });
        assertEquals(marker, Files.getLastModifiedTime(target.resolve(".complete")).toMillis());
        // the first patients equal those of the full cohort
        assertEquals(hashes(folder).get("P002_portal.nii.gz"), before.get("P002_portal.nii.gz"));
    }

    /** Kaplan-Meier median: the first time the product-limit estimate drops to 0.5 or below; +Inf if never. */
    private static double medianSurvival(double[] time, boolean[] event, boolean[] group, boolean which) {
        double survival = 1;
        double[] times = java.util.stream.IntStream.range(0, time.length).filter(i -> group[i] == which && event[i])
                .mapToDouble(i -> time[i]).distinct().sorted().toArray();
        for (double t : times) {
            int atRisk = 0;
            int deaths = 0;
            for (int i = 0; i < time.length; i++) {
                if (group[i] == which && time[i] >= t) {
                    atRisk++;
                    if (time[i] == t && event[i]) {
                        deaths++;
                    }
                }
            }
            survival *= 1 - deaths / (double) atRisk;
            if (survival <= 0.5) {
                return t;
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    private static int niftiDatatype(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            byte[] header = in.readNBytes(348);
            return ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN).getShort(70);
        }
    }

    private static Map<String, Path> list(Path dir) throws IOException {
        Map<String, Path> files = new TreeMap<>();
        try (Stream<Path> stream = Files.list(dir)) {
            stream.forEach(p -> files.put(p.getFileName().toString(), p));
        }
        return files;
    }

    private static Map<String, String> hashes(Path dir) throws IOException {
        Map<String, String> hashes = new TreeMap<>();
        for (Map.Entry<String, Path> entry : list(dir).entrySet()) {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                hashes.put(entry.getKey(), HexFormat.of().formatHex(sha.digest(Files.readAllBytes(entry.getValue()))));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return hashes;
    }
}
