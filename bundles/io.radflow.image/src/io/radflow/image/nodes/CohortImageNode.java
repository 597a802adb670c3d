package io.radflow.image.nodes;

import io.radflow.core.data.Cohort;
import io.radflow.core.node.CanceledExecutionException;
import io.radflow.core.node.ExecutionContext;
import io.radflow.core.node.NodeExecutionException;
import io.radflow.core.node.NodeImplementation;
import io.radflow.core.node.NodeInputs;
import io.radflow.core.node.Parameters;
import io.radflow.core.port.PortObject;
import io.radflow.image.Image3D;
import io.radflow.image.io.ImageFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A preprocessing node: input port {@code cohort}, output port {@code cohort}, one derived image or mask per patient.
 * Subclasses implement {@link #processPatient}; this class runs the patient loop with progress and cancellation,
 * writes the derived files as gzip NRRD into {@link ExecutionContext#workDirectory()} (named
 * {@code <patient>_<column>.nrrd}) and returns a cohort whose changed file columns point to them; other columns
 * (clinical data, untouched files) are unchanged.
 *
 * <p>A patient whose files are missing or unreadable, or whose data the operation rejects, is reported through
 * {@link ExecutionContext#reportPatientFailure} (field: the file at fault; message: the file and what is wrong) and
 * left out of the output cohort; the node fails only when every patient fails.
 */
public abstract class CohortImageNode implements NodeImplementation {

    /** Port names of input and output. */
    public static final String COHORT = "cohort";

    /** What the node does, for progress messages, e.g. "resampling". */
    protected abstract String task();

    /**
     * Processes one patient.
     *
     * @return the file columns whose files changed (or that are new) and their new files
     * @throws CanceledExecutionException when long per-patient work saw {@link PatientFiles#isCanceled()}
     */
    protected abstract Map<String, Path> processPatient(PatientFiles files, Parameters parameters)
            throws PatientFailure, CanceledExecutionException;

    @Override
    public final Map<String, PortObject> execute(NodeInputs inputs, Parameters parameters, ExecutionContext context)
            throws NodeExecutionException, CanceledExecutionException {
        Cohort cohort = inputs.get(COHORT, Cohort.class);
        try {
            validate(parameters);
        } catch (IllegalArgumentException e) {
            throw new NodeExecutionException(e.getMessage(), e);
        }
        List<Cohort.Patient> patients = cohort.patients();
        if (patients.isEmpty()) {
            throw new NodeExecutionException("The cohort " + cohort.manifest() + " has no patients");
        }
        Path work;
        try {
            work = context.workDirectory();
        } catch (IOException e) {
            throw new NodeExecutionException("Cannot create the folder for the derived images: " + e.getMessage(), e);
        }
        List<Cohort.Patient> done = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        List<String> columns = new ArrayList<>(cohort.fileColumns());
        String lastFailure = null;
        for (int i = 0; i < patients.size(); i++) {
            context.checkCanceled();
            Cohort.Patient patient = patients.get(i);
            context.progress((double) i / patients.size(), task() + " of patient " + patient.id());
            try {
                PatientFiles patientFiles = new PatientFiles(patient, context, work, i, patients.size(), task());
                Map<String, Path> changed = processPatient(patientFiles, parameters);
                Map<String, Path> files = new LinkedHashMap<>(patient.files());
                files.putAll(changed);
                for (String column : changed.keySet()) {
                    if (!columns.contains(column)) {
                        columns.add(column);
                    }
                }
                done.add(new Cohort.Patient(patient.id(), files));
                rows.add(i);
            } catch (PatientFailure failure) {
                context.reportPatientFailure(patient.id(), failure.field(), failure.getMessage());
                lastFailure = "patient " + patient.id() + ": " + failure.getMessage();
            }
        }
        context.progress(1, task() + " of " + done.size() + " of " + patients.size() + " patients");
        if (done.isEmpty()) {
            throw new NodeExecutionException(task() + " failed for all " + patients.size() + " patients; last failure: "
                    + lastFailure);
        }
        return Map.of(COHORT, new Cohort(cohort.manifest(), done, columns, cohort.clinical().rows(rows)));
    }
    /** Throws when the parameter {@code key} (a cohort file column) is blank. */
    protected static String column(Parameters parameters, String key) {
        String value = parameters.getString(key, "").trim();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("parameter '" + key + "' (a cohort file column) is empty");
        }
        return value;
    }

    /** Parses a comma- or blank-separated list of numbers, naming {@code key} on error. */
    protected static double[] numbers(Parameters parameters, String key) {
        String text = parameters.getString(key, "").trim();
        if (text.isEmpty()) {
            return new double[0];
        }
        String[] parts = text.replace("[", "").replace("]", "").split("[,\\s]+");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Double.parseDouble(parts[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("parameter '" + key + "' must list numbers, got '" + text + "'");
            }
        }
        return out;
    }

    /** Parses a list of integer labels, naming {@code key} on error. */
    protected static int[] labels(Parameters parameters, String key) {
        double[] values = numbers(parameters, key);
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] != Math.rint(values[i]) || values[i] < 1) {
                throw new IllegalArgumentException("parameter '" + key + "' must list positive integer labels, got "
                        + parameters.getString(key, ""));
            }
            out[i] = (int) values[i];
        }
        return out;
    }

    /** One patient's files: reading, writing derived files and turning errors into {@link PatientFailure}s. */
    protected static final class PatientFiles {
        private final Cohort.Patient patient;
        private final ExecutionContext context;
        private final Path work;
        private final int index;
        private final int count;
        private final String task;

        PatientFiles(Cohort.Patient patient, ExecutionContext context, Path work, int index, int count, String task) {
            this.patient = patient;
            this.context = context;
            this.work = work;
            this.index = index;
            this.count = count;
            this.task = task;
        }

        public Cohort.Patient patient() {
            return patient;
        }

        /** Reports progress within this patient ({@code fraction} in [0, 1]) as progress of the whole node. */
        public void progress(double fraction) {
            context.progress((index + Math.min(1, Math.max(0, fraction))) / count, task + " of patient " + patient.id());
        }

        /** Whether the user asked to stop (for long per-patient work that polls). */
        public boolean isCanceled() {
            return context.isCanceled();
        }

        /** A line for the run log. */
        public void log(String message) {
            context.log(message);
        }

        /** The file of {@code column}, or a failure naming the column. */
        public Path file(String column) throws PatientFailure {
            try {
                return patient.file(column);
            } catch (IllegalArgumentException e) {
                throw new PatientFailure(column, e.getMessage());
            }
        }

        /** Reads the image of {@code column} (recorded as a run input). */
        public Image3D read(String column) throws PatientFailure {
            Path file = file(column);
            if (Files.isRegularFile(file)) {
                context.recordInput(file);
            }
            try {
                return ImageFiles.read(file);
            } catch (IOException e) {
                String message = e.getMessage() == null ? e.toString() : e.getMessage();
                throw new PatientFailure(file.toString(), message.contains(file.getFileName().toString()) ? message
                        : file + ": " + message);
            }
        }

        /** Writes {@code image} as the derived file of {@code column} and returns its path. */
        public Path write(Image3D image, String column) throws PatientFailure {
            Path file = work.resolve(patient.id().replaceAll("[^A-Za-z0-9._-]", "_") + "_"
                    + column.replaceAll("[^A-Za-z0-9._-]", "_") + ".nrrd");
            try {
                ImageFiles.write(image, file);
                return file;
            } catch (IOException e) {
                throw new PatientFailure(file.toString(), "cannot write " + file + ": " + e.getMessage());
            }
        }

        /**
         * Runs {@code operation}; an {@link IllegalArgumentException} (the library's bad-input error) becomes a
         * failure of the file in {@code column}, with the file in the message.
         */
        public <T> T check(String column, Supplier<T> operation) throws PatientFailure {
            try {
                return operation.get();
            } catch (IllegalArgumentException e) {
                Path file = file(column);
                throw new PatientFailure(file.toString(), file + ": " + e.getMessage());
            }
        }
    }

    /** One patient failed; {@code field} is the file (or column) at fault. */
    protected static final class PatientFailure extends Exception {
        private static final long serialVersionUID = 1L;
        private final String field;

        public PatientFailure(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }
}
