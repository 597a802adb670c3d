package io.radflow.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.image.Image3D;
import io.radflow.image.ImageGeometry;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The pure parts of the demo cohort: simulation and rendering, without files. */
class DemoCohortGeneratorTest {

    private final DemoCohortGenerator generator = new DemoCohortGenerator();

    @Test
    void simulationIsDeterministicAndPatientsDoNotDependOnCohortSize() {
        List<DemoPatient> first = generator.patients();
        assertEquals(60, first.size());
        assertEquals(first, new DemoCohortGenerator().patients());
        assertEquals(first.subList(0, 5), new DemoCohortGenerator(DemoCohortGenerator.DEFAULT_SEED, 5).patients());
        assertNotEquals(first.get(0), new DemoCohortGenerator(DemoCohortGenerator.DEFAULT_SEED + 1, 5).patients().get(0));
        assertEquals("P001", first.get(0).id());
        assertEquals("P060", first.get(59).id());
    }

    @Test
    void rejectsImpossibleCohortSizes() {
        assertThrows(IllegalArgumentException.class, () -> new DemoCohortGenerator(1, 0));
        assertThrows(IllegalArgumentException.class, () -> new DemoCohortGenerator(1, 1000));
    }

    @Test
    void clinicalValuesAreInTheirDocumentedRanges() {
        List<DemoPatient> patients = generator.patients();
        int events = 0;
        int missingAfp = 0;
        int administrative = 0;
        for (DemoPatient p : patients) {
            assertTrue(Set.of("A", "B", "C").contains(p.centre()), p.id());
            assertTrue(Set.of("M", "F").contains(p.sex()), p.id());
            assertTrue(Set.of("0", "A", "B", "C").contains(p.bclc()), p.id());
            assertTrue(p.age() >= 28 && p.age() <= 88, p.id());
            assertTrue(p.timeMonths() > 0 && p.timeMonths() <= DemoCohortGenerator.ADMINISTRATIVE_CENSORING_MONTHS,
                    p.id() + " time " + p.timeMonths());
            assertTrue(p.tumourSizeMm() >= 12 && p.tumourSizeMm() <= 40, p.id() + " size " + p.tumourSizeMm());
            assertTrue(p.heterogeneity() >= 0 && p.heterogeneity() < 1);
            events += p.event() ? 1 : 0;
            missingAfp += p.afpMissing() ? 1 : 0;
            if (!p.event() && p.timeMonths() == DemoCohortGenerator.ADMINISTRATIVE_CENSORING_MONTHS) {
                administrative++;
            }
            if (!p.afpMissing()) {
                assertTrue(p.afp() >= 1, p.id() + " afp " + p.afp());
            }
        }
        assertTrue(events >= 30 && events <= 54, "events " + events);
        assertTrue(missingAfp >= 1 && missingAfp <= 15, "missing AFP " + missingAfp);
        assertTrue(administrative >= 1, "no patient is censored at 60 months");
        assertTrue(events < patients.size() - administrative, "no patient is lost to follow-up before 60 months");
    }

    /** The simulated truth: higher heterogeneity, shorter time (Spearman, p < 0.01 with 58 df: |t| > 2.663). */
    @Test
    void heterogeneityShortensSurvivalInTheSimulation() {
        List<DemoPatient> patients = generator.patients();
        double[] h = patients.stream().mapToDouble(DemoPatient::heterogeneity).toArray();
        double[] time = patients.stream().mapToDouble(DemoPatient::timeMonths).toArray();
        double rho = SurvivalChecks.spearman(h, time);
        assertTrue(SurvivalChecks.correlationT(rho, h.length) < -2.663, "rho " + rho);
    }

    @Test
    void rendersTheDocumentedGeometryLabelsAndEnhancement() {
        ImageGeometry geometry = DemoCohortGenerator.geometry();
        assertEquals(96, geometry.sizeX());
        assertEquals(96, geometry.sizeY());
        assertEquals(48, geometry.sizeZ());
        assertEquals(List.of(1.0, 1.0, 2.5), List.of(geometry.spacing()[0], geometry.spacing()[1], geometry.spacing()[2]));
        for (DemoPatient patient : generator.patients().subList(0, 12)) {
            DemoCohortGenerator.PatientImages images = DemoCohortGenerator.render(patient);
            assertEquals(geometry, images.arterial().geometry());
            assertEquals(geometry, images.portal().geometry());
            assertEquals(geometry, images.mask().geometry());
            Stats air = new Stats();
            Stats[] arterial = {new Stats(), new Stats(), new Stats()};
            Stats[] portal = {new Stats(), new Stats(), new Stats()};
            for (int i = 0; i < geometry.voxelCount(); i++) {
                double label = images.mask().get(i);
                double a = images.arterial().get(i);
                double p = images.portal().get(i);
                assertTrue(label == 0 || label == 1 || label == 2, "label " + label);
                assertEquals(Math.rint(a), a, "arterial values are integers (int16)");
                assertEquals(Math.rint(p), p, "portal values are integers (int16)");
                if (a == -1000 && p == -1000) {
                    air.add(a);
                    assertEquals(0, label, "air inside an organ");
                    continue;
                }
                arterial[(int) label].add(a);
                portal[(int) label].add(p);
            }
            assertTrue(air.n > 0.2 * geometry.voxelCount(), patient.id() + ": too little air");
            assertEquals(40, arterial[0].mean(), 2, patient.id() + " body arterial");
            assertEquals(40, portal[0].mean(), 2, patient.id() + " body portal");
            assertEquals(60, arterial[1].mean(), 4, patient.id() + " liver arterial");
            assertEquals(100, portal[1].mean(), 4, patient.id() + " liver portal");
            assertTrue(arterial[2].mean() > arterial[1].mean() + 20, patient.id() + ": tumour does not enhance arterially");
            assertTrue(portal[2].mean() < portal[1].mean() - 10, patient.id() + ": tumour does not wash out");
            Ellipsoid t = patient.tumour();
            double expectedVoxels = 4.0 / 3 * Math.PI * t.ax() * t.ay() * t.az() / geometry.voxelVolume();
            assertEquals(expectedVoxels, portal[2].n, 0.1 * expectedVoxels, patient.id() + " tumour volume");
            assertTumourInsideLiver(images.mask(), patient.id());
        }
    }

    @Test
    void heterogeneityWidensTheTumourGreyLevels() {
        List<DemoPatient> patients = new ArrayList<>(generator.patients().subList(0, 20));
        patients.sort((a, b) -> Double.compare(a.heterogeneity(), b.heterogeneity()));
        double low = tumourSd(patients.get(0));
        double high = tumourSd(patients.get(patients.size() - 1));
        assertTrue(high > 1.5 * low, "SD " + low + " (h=" + patients.get(0).heterogeneity() + ") vs " + high);
    }

    @Test
    void studyAdditionsFollowTheHeterogeneity() {
        List<DemoPatient> patients = generator.patients();
        double[] h = patients.stream().mapToDouble(DemoPatient::heterogeneity).toArray();
        double[] grade = patients.stream().mapToDouble(DemoPatient::grade).toArray();
        assertTrue(pearson(h, grade) > 0.6, "grade follows h: r = " + pearson(h, grade));
        long mvi = patients.stream().filter(DemoPatient::mvi).count();
        assertTrue(mvi >= 10 && mvi <= 50, "both mvi classes: " + mvi);
        double meanHMvi = patients.stream().filter(DemoPatient::mvi).mapToDouble(DemoPatient::heterogeneity).average()
                .orElseThrow();
        double meanHNo = patients.stream().filter(p -> !p.mvi()).mapToDouble(DemoPatient::heterogeneity).average()
                .orElseThrow();
        assertTrue(meanHMvi > meanHNo + 0.1, meanHMvi + " vs " + meanHNo);
        DemoPatient p = patients.get(0);
        DemoCohortGenerator.PatientImages images = DemoCohortGenerator.render(p);
        int both = 0;
        int one = 0;
        int two = 0;
        Stats tumourT2 = new Stats();
        Stats liverT2 = new Stats();
        for (int i = 0; i < images.mask().voxelCount(); i++) {
            boolean a = images.mask().get(i) == DemoCohortGenerator.TUMOUR_LABEL;
            boolean b = images.maskReader2().get(i) == DemoCohortGenerator.TUMOUR_LABEL;
            both += a && b ? 1 : 0;
            one += a ? 1 : 0;
            two += b ? 1 : 0;
            if (a) {
                tumourT2.add(images.t2().get(i));
            } else if (images.mask().get(i) == DemoCohortGenerator.LIVER_LABEL) {
                liverT2.add(images.t2().get(i));
            }
        }
        double dice = 2.0 * both / (one + two);
        assertTrue(dice > 0.75 && dice < 1, "readers agree closely but not exactly: Dice " + dice);
        assertTrue(tumourT2.mean() > liverT2.mean() + 150, "T2: bright tumour, dark liver");
    }

    private static double pearson(double[] x, double[] y) {
        double mx = java.util.Arrays.stream(x).average().orElseThrow();
        double my = java.util.Arrays.stream(y).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    private static double tumourSd(DemoPatient patient) {
        DemoCohortGenerator.PatientImages images = DemoCohortGenerator.render(patient);
        Stats stats = new Stats();
        for (int i = 0; i < images.mask().voxelCount(); i++) {
            if (images.mask().get(i) == DemoCohortGenerator.TUMOUR_LABEL) {
                stats.add(images.portal().get(i));
            }
        }
        return stats.sd();
    }

    /** Every tumour voxel is off the image border and none of its 6 neighbours is background. */
    static void assertTumourInsideLiver(Image3D mask, String patient) {
        ImageGeometry g = mask.geometry();
        int tumour = 0;
        int liver = 0;
        for (int z = 0; z < g.sizeZ(); z++) {
            for (int y = 0; y < g.sizeY(); y++) {
                for (int x = 0; x < g.sizeX(); x++) {
                    double label = mask.get(x, y, z);
                    if (label == DemoCohortGenerator.LIVER_LABEL) {
                        liver++;
                    }
                    if (label != DemoCohortGenerator.TUMOUR_LABEL) {
                        continue;
                    }
                    tumour++;
                    assertTrue(x > 0 && y > 0 && z > 0 && x < g.sizeX() - 1 && y < g.sizeY() - 1 && z < g.sizeZ() - 1,
                            patient + ": tumour touches the image border at " + x + "," + y + "," + z);
                    int[][] steps = {{1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}, {0, 0, 1}, {0, 0, -1}};
                    for (int[] s : steps) {
                        assertTrue(mask.get(x + s[0], y + s[1], z + s[2]) != 0,
                                patient + ": tumour voxel " + x + "," + y + "," + z + " borders background");
                    }
                }
            }
        }
        assertTrue(tumour > 100, patient + ": only " + tumour + " tumour voxels");
        assertTrue(liver > 5 * tumour, patient + ": liver " + liver + " voxels, tumour " + tumour);
    }

    static final class Stats {
        int n;
        double sum;
        double sumSq;

        void add(double v) {
            n++;
            sum += v;
            sumSq += v * v;
        }

        double mean() {
            return sum / n;
        }

        double sd() {
            double mean = mean();
            return Math.sqrt(sumSq / n - mean * mean);
        }
    }
}
