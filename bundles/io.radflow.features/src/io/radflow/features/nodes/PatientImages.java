package io.radflow.features.nodes;

import io.radflow.core.data.Cohort;
import io.radflow.core.node.ExecutionContext;
import io.radflow.image.Image3D;
import io.radflow.image.Mask;
import io.radflow.image.io.ImageFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reading a patient's images and masks in feature nodes, with failures that name the file. */
final class PatientImages {

    private PatientImages() {
    }

    /** The patient's file in {@code column}. */
    static Path file(Cohort.Patient patient, String column) throws PatientFailure {
        try {
            return patient.file(column);
        } catch (IllegalArgumentException e) {
            throw new PatientFailure(column, e.getMessage());
        }
    }

    /** Reads an image and records it as a run input. */
    static Image3D read(Path file, ExecutionContext context) throws PatientFailure {
        if (Files.isRegularFile(file)) {
            context.recordInput(file);
        }
        try {
            return ImageFiles.read(file);
        } catch (IOException e) {
            throw new PatientFailure(file.toString(), e.getMessage());
        }
    }

    /**
     * The ROI {@code label} of the label map in {@code column}, which must lie on the grid of {@code image}
     * (within {@link Mask#GRID_TOLERANCE}) and must not be empty.
     */
    static Mask mask(Cohort.Patient patient, String column, int label, Image3D image, ExecutionContext context)
            throws PatientFailure {
        Path maskFile = file(patient, column);
        Image3D labels = read(maskFile, context);
        String mismatch = image.geometry().mismatch(labels.geometry(), Mask.GRID_TOLERANCE);
        if (mismatch != null) {
            throw new PatientFailure(maskFile.toString(), "the mask grid differs from the image grid: " + mismatch);
        }
        boolean anyLabel = false;
        for (int v = 0; v < labels.voxelCount() && !anyLabel; v++) {
            anyLabel = labels.get(v) != 0;
        }
        if (!anyLabel) {
            throw new PatientFailure(maskFile.toString(), "the mask is empty (no non-zero voxel)");
        }
        try {
            return Mask.ofLabel(labels, label);
        } catch (IllegalArgumentException e) {
            throw new PatientFailure(maskFile.toString(), e.getMessage());
        }
    }
}
