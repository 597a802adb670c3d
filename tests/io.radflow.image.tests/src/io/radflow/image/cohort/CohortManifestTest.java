package io.radflow.image.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.radflow.core.data.Cohort;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Multi-image manifests: NIfTI, NRRD and DICOM-folder columns beside clinical columns. */
class CohortManifestTest {

    @TempDir
    Path dir;

    @Test
    void imageFilesAndDicomFoldersAreFileColumnsRelativeToTheManifest() throws Exception {
        Files.createDirectories(dir.resolve("p1/arterial"));
        Files.createDirectories(dir.resolve("p2/arterial"));
        Path manifest = dir.resolve("cohort.csv");
        Files.writeString(manifest, "PatientID,arterial,portal,mask,age,site\n"
                + "p1,p1/arterial,p1/portal.nii.gz,p1/seg.nrrd,61,A\n"
                + "p2,p2/arterial,p2/portal.nii.gz,,70,B\n");
        Cohort cohort = Cohort.read(manifest);
        assertEquals(List.of("arterial", "portal", "mask"), cohort.fileColumns());
        assertEquals(dir.resolve("p1/arterial").toAbsolutePath(), cohort.patients().get(0).file("arterial"));
        assertEquals(dir.resolve("p2/portal.nii.gz").toAbsolutePath(), cohort.patients().get(1).file("portal"));
        assertEquals(List.of("PatientID", "age", "site"), cohort.clinical().columnNames());
    }

    @Test
    void aColumnNamingMissingFoldersIsClinical() throws Exception {
        Path manifest = dir.resolve("cohort.csv");
        Files.writeString(manifest, "PatientID,note\np1,no-such-folder\n");
        assertEquals(List.of(), Cohort.read(manifest).fileColumns());
    }
}
