package io.radflow.demo;

import io.radflow.core.data.Cohort;
import io.radflow.core.node.CanceledExecutionException;
import io.radflow.core.node.ExecutionContext;
import io.radflow.core.node.NodeExecutionException;
import io.radflow.core.node.NodeImplementation;
import io.radflow.core.node.NodeInputs;
import io.radflow.core.node.Parameters;
import io.radflow.core.port.PortObject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * Node {@value #TYPE_ID}: loads a cohort from a manifest CSV (see {@link Cohort#read(Path)}) and
 * offers it on port {@value #COHORT_PORT} and its clinical columns on port {@value #CLINICAL_PORT}.
 *
 * <p>Parameter {@value #MANIFEST} (declared in plugin.xml, default {@value #BUILTIN_DEMO}): a
 * manifest path, relative paths resolving against {@link ExecutionContext#baseDirectory()}, or
 * {@value #BUILTIN_DEMO} for the synthetic demo cohort of {@link DemoCohortGenerator}, generated
 * into {@code <cacheDirectory>/}{@value #DEMO_FOLDER} unless a complete copy is already there.
 *
 * <p>The manifest and every listed file that exists are recorded as run inputs (patient by patient,
 * files in manifest column order). A listed file that
 * does not exist is not an error here: the node that reads images reports it for that patient. A
 * manifest that is missing or does not parse fails the node with a message naming the file.
 */
public final class CohortLoaderNode implements NodeImplementation {

    /** Node type id. */
    public static final String TYPE_ID = "radflow.io.cohort";
    /** Parameter key of the manifest path. */
    public static final String MANIFEST = "manifest";
    /** Parameter value selecting the generated demo cohort. */
    public static final String BUILTIN_DEMO = "builtin:demo";
    /** Folder of the demo cohort inside the cache directory. */
    public static final String DEMO_FOLDER = "demo-cohort-v2";
    /** Output port with the {@link Cohort}. */
    public static final String COHORT_PORT = "cohort";
    /** Output port with the clinical {@link io.radflow.core.data.Table}. */
    public static final String CLINICAL_PORT = "clinical";

    private static final String BUILTIN_PREFIX = "builtin:";

    @Override
    public void validate(Parameters parameters) {
        String value = parameters.getString(MANIFEST, "").trim();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("parameter '" + MANIFEST + "' is empty; give a cohort manifest CSV or "
                    + BUILTIN_DEMO);
        }
        if (value.startsWith(BUILTIN_PREFIX)) {
            if (!value.equals(BUILTIN_DEMO)) {
                throw new IllegalArgumentException("parameter '" + MANIFEST + "': unknown built-in cohort '" + value
                        + "'; the only built-in cohort is " + BUILTIN_DEMO);
            }
            return;
        }
        try {
            Path.of(value);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("parameter '" + MANIFEST + "' is not a valid path: '" + value + "' ("
                    + e.getReason() + ")");
        }
    }

    @Override
    public Map<String, PortObject> execute(NodeInputs inputs, Parameters parameters, ExecutionContext context)
            throws NodeExecutionException, CanceledExecutionException {
        try {
            validate(parameters);
        } catch (IllegalArgumentException e) {
            throw new NodeExecutionException(e.getMessage(), e);
        }
        String value = parameters.getString(MANIFEST).trim();
        Path manifest = value.equals(BUILTIN_DEMO) ? demoManifest(context) : resolve(value, context);
        if (!Files.isRegularFile(manifest)) {
            throw new NodeExecutionException("Cohort manifest " + manifest + " does not exist (parameter '" + MANIFEST
                    + "' = '" + value + "')");
        }
        Cohort cohort;
        try {
            cohort = Cohort.read(manifest);
        } catch (IOException | RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            String prefix = manifest + ": ";
            if (message.startsWith(prefix)) {
                message = message.substring(prefix.length());
            }
            throw new NodeExecutionException("Cannot read cohort manifest " + manifest + ": " + message, e);
        }
        context.recordInput(manifest);
        int total = cohort.patients().size();
        int recorded = 0;
        int missing = 0;
        for (int i = 0; i < total; i++) {
            context.checkCanceled();
            Map<String, Path> files = cohort.patients().get(i).files();
            for (String column : cohort.fileColumns()) {
                Path file = files.get(column);
                if (file == null) {
                    continue;
                }
                if (Files.isRegularFile(file)) {
                    context.recordInput(file);
                    recorded++;
                } else {
                    missing++;
                }
            }
            context.progress(0.9 + 0.1 * (i + 1) / total, "Recorded the files of " + (i + 1) + " of " + total + " patients");
        }
        context.log("Cohort " + manifest + ": " + cohort.summary() + "; " + recorded + " files found"
                + (missing > 0 ? ", " + missing + " listed files missing" : ""));
        Map<String, PortObject> outputs = new LinkedHashMap<>();
        outputs.put(COHORT_PORT, cohort);
        outputs.put(CLINICAL_PORT, cohort.clinical());
        return outputs;
    }

    private static Path resolve(String value, ExecutionContext context) throws NodeExecutionException {
        Path path = Path.of(value);
        if (path.isAbsolute()) {
            return path.normalize();
        }
        Path base = context.baseDirectory();
        if (base == null) {
            throw new NodeExecutionException("Cohort manifest '" + value
                    + "' is a relative path but the run has no base directory; give an absolute path");
        }
        return base.resolve(path).normalize();
    }

    private static Path demoManifest(ExecutionContext context) throws NodeExecutionException, CanceledExecutionException {
        Path cache = context.cacheDirectory();
        if (cache == null) {
            throw new NodeExecutionException("The built-in demo cohort needs a cache directory, and this run has none");
        }
        Path folder = cache.resolve(DEMO_FOLDER);
        DemoCohortGenerator generator = new DemoCohortGenerator();
        if (generator.isComplete(folder)) {
            return folder.resolve(DemoCohortGenerator.MANIFEST_FILE);
        }
        context.log("Generating the synthetic demo cohort (" + generator.patientCount() + " patients, seed "
                + generator.seed() + ") into " + folder);
        try {
            return generator.write(folder, (done, total) -> {
                if (context.isCanceled()) {
                    throw new CancellationException();
                }
                context.progress(0.9 * done / total, "Generated demo patient " + done + " of " + total);
            });
        } catch (CancellationException canceled) {
            throw new CanceledExecutionException();
        } catch (IOException | RuntimeException e) {
            throw new NodeExecutionException("Cannot generate the demo cohort in " + folder + ": " + e.getMessage(), e);
        }
    }
}
