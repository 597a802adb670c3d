package io.radflow.pipeline.model.io;

import io.radflow.core.io.AtomicFiles;
import io.radflow.pipeline.model.Connection;
import io.radflow.pipeline.model.Node;
import io.radflow.pipeline.model.Pipeline;
import io.radflow.pipeline.model.PipelinePackage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.common.util.WrappedException;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.xml.sax.SAXParseException;

/**
 * Loads and saves pipelines as files.
 *
 * <p>The format follows the file name: {@code .yaml}/{@code .yml} is the readable YAML form
 * ({@link PipelineYaml}); anything else, normally {@code .radflow}, is XMI
 * ({@link PipelineResourceFactory}). Works inside OSGi and in a plain JVM alike: every load uses a
 * private {@link ResourceSet} with the pipeline package and factory registered locally; the only
 * global effect is EMF's own registration of {@link PipelinePackage} on first use.
 *
 * <p>Saving is atomic: the text is written to a temporary file in the target folder, which is then
 * moved over the target. A failed save leaves the previous file untouched and no temporary file behind.
 */
public final class PipelineFiles {

    private PipelineFiles() {
    }

    /**
     * Reads a pipeline file.
     *
     * @return the pipeline, the only root of a resource in a fresh private resource set
     * @throws PipelineFormatException if the content is malformed; the message names the file and,
     *         for XML errors, the line and column
     * @throws IOException if the file cannot be read
     */
    public static Pipeline load(Path file) throws IOException {
        if (isYaml(file)) {
            return PipelineYaml.fromYaml(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        }
        Resource resource = newResource(file);
        try (InputStream in = Files.newInputStream(file)) {
            resource.load(in, null);
        } catch (IOException | RuntimeException e) {
            if (e instanceof NoSuchFileException || e instanceof AccessDeniedException) {
                throw e;
            }
            throw describe(file, e);
        }
        if (!resource.getErrors().isEmpty()) {
            Resource.Diagnostic error = resource.getErrors().get(0);
            throw new PipelineFormatException(file.toString(), error.getLine(), error.getColumn(), error.getMessage(), null);
        }
        if (resource.getContents().size() != 1 || !(resource.getContents().get(0) instanceof Pipeline)) {
            EObject first = resource.getContents().isEmpty() ? null : resource.getContents().get(0);
            throw new PipelineFormatException(file.toString(), 0, 0, "expected one radflow:Pipeline root element, found "
                    + (first == null ? "none" : resource.getContents().size() + " roots, the first a " + first.eClass().getName()), null);
        }
        return (Pipeline) resource.getContents().get(0);
    }

    /**
     * Writes a pipeline atomically; the format follows the file name (see the class comment).
     * The pipeline itself is not changed or moved between resources (a copy is serialised).
     *
     * @throws IOException if the pipeline cannot be serialised (e.g. a connection to a node outside
     *         the pipeline) or the file cannot be written; the previous file is then intact
     */
    public static void save(Pipeline pipeline, Path file) throws IOException {
        byte[] bytes = isYaml(file) ? PipelineYaml.toYaml(pipeline).getBytes(StandardCharsets.UTF_8) : toXmi(pipeline, file);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    /**
     * The XMI text of a pipeline, exactly as {@link #save} writes it to a {@code .radflow} file.
     *
     * @throws IOException if the pipeline cannot be serialised
     */
    public static String toXmiString(Pipeline pipeline) throws IOException {
        return new String(toXmi(pipeline, Path.of("pipeline." + PipelineResourceFactory.EXTENSION)), StandardCharsets.UTF_8);
    }

    /**
     * Reads a pipeline from XMI text.
     *
     * @param sourceName names the input in error messages
     * @throws PipelineFormatException if the text is malformed
     */
    public static Pipeline fromXmiString(String xmi, String sourceName) throws PipelineFormatException {
        Path name = Path.of("pipeline." + PipelineResourceFactory.EXTENSION);
        Resource resource = newResource(name);
        try (InputStream in = new ByteArrayInputStream(xmi.getBytes(StandardCharsets.UTF_8))) {
            resource.load(in, null);
        } catch (IOException | RuntimeException e) {
            throw describe(sourceName, e);
        }
        if (resource.getContents().size() != 1 || !(resource.getContents().get(0) instanceof Pipeline)) {
            throw new PipelineFormatException(sourceName, 0, 0, "expected one radflow:Pipeline root element", null);
        }
        return (Pipeline) resource.getContents().get(0);
    }

    /**
     * A deep copy, detached from any resource. Node ids, parameter and port order and the
     * connections (re-pointed to the copied nodes) are kept.
     */
    public static Pipeline copy(Pipeline pipeline) {
        return EcoreUtil.copy(pipeline);
    }

    /** True if the file name ends with {@code .yaml} or {@code .yml} (any case). */
    public static boolean isYaml(Path file) {
        Path name = file.getFileName();
        String text = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        return text.endsWith(".yaml") || text.endsWith(".yml");
    }

    private static byte[] toXmi(Pipeline pipeline, Path file) throws IOException {
        if (pipeline == null) {
            throw new IllegalArgumentException("pipeline is null");
        }
        String problem = referenceProblem(pipeline);
        if (problem != null) {
            throw new IOException("cannot write pipeline " + file + ": " + problem);
        }
        Resource resource = newResource(file);
        resource.getContents().add(copy(pipeline));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            resource.save(bytes, null);
        } catch (IOException | RuntimeException e) {
            Throwable cause = e instanceof WrappedException w && w.exception() != null ? w.exception() : e;
            throw new IOException("cannot write pipeline " + file + ": " + cause.getMessage(), cause);
        }
        return bytes.toByteArray();
    }

    /**
     * Why the connections of a pipeline cannot be written so that they read back to the same nodes:
     * two nodes share an id, or a connection refers to a node outside the pipeline. Null if none.
     */
    static String referenceProblem(Pipeline pipeline) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < pipeline.getNodes().size(); i++) {
            String id = pipeline.getNodes().get(i).getId();
            if (id != null && !ids.add(id)) {
                return "nodes[" + i + "]: duplicate node id '" + id + "'";
            }
        }
        for (int i = 0; i < pipeline.getConnections().size(); i++) {
            Connection connection = pipeline.getConnections().get(i);
            for (Node node : new Node[] {connection.getSource(), connection.getTarget()}) {
                if (node != null && node.eContainer() != pipeline) {
                    return "connections[" + i + "]: node '" + node.getId() + "' is not part of the pipeline";
                }
            }
        }
        return null;
    }

    private static Resource newResource(Path file) {
        ResourceSet resourceSet = new ResourceSetImpl();
        resourceSet.getPackageRegistry().put(PipelinePackage.eNS_URI, PipelinePackage.eINSTANCE);
        PipelineResourceFactory factory = new PipelineResourceFactory();
        resourceSet.getResourceFactoryRegistry().getExtensionToFactoryMap().put(PipelineResourceFactory.EXTENSION, factory);
        Resource resource = factory.createResource(URI.createFileURI(file.toAbsolutePath().toString()));
        resourceSet.getResources().add(resource);
        return resource;
    }


    private static PipelineFormatException describe(Path file, Throwable e) {
        return describe(file.toString(), e);
    }

    /** Turns an EMF/SAX load failure into a message naming the source and, if known, line and column. */
    private static PipelineFormatException describe(String source, Throwable e) {
        Throwable cause = e;
        for (int i = 0; i < 8 && cause != null; i++) {
            if (cause instanceof SAXParseException sax) {
                return new PipelineFormatException(source, sax.getLineNumber(), sax.getColumnNumber(),
                        "malformed XML: " + sax.getMessage(), e);
            }
            if (cause instanceof Resource.Diagnostic diagnostic && diagnostic.getLine() > 0) {
                return new PipelineFormatException(source, diagnostic.getLine(), diagnostic.getColumn(),
                        diagnostic.getMessage(), e);
            }
            Throwable next = cause instanceof WrappedException w ? w.exception() : cause.getCause();
            if (next == cause) {
                break;
            }
            cause = next;
        }
        String message = e instanceof Resource.Diagnostic d ? d.getMessage() : e.getMessage();
        return new PipelineFormatException(source, 0, 0, "cannot read pipeline: " + message, e);
    }
}
