package io.radflow.pipeline.model.codegen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.emf.codegen.ecore.generator.Generator;
import org.eclipse.emf.codegen.ecore.generator.GeneratorAdapterFactory;
import org.eclipse.emf.codegen.ecore.genmodel.generator.GenModelGeneratorAdapterFactory;
import org.eclipse.emf.codegen.ecore.genmodel.GenModel;
import org.eclipse.emf.codegen.ecore.genmodel.GenModelPackage;
import org.eclipse.emf.codegen.ecore.genmodel.generator.GenBaseGeneratorAdapter;
import org.eclipse.emf.common.util.BasicMonitor;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EcorePackage;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.ecore.xmi.impl.EcoreResourceFactoryImpl;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;

/**
  * Regenerates the EMF model code of {@code io.radflow.pipeline.model} without an Eclipse IDE.
  *
  * <p>Usage (from the repository root):
  * <pre>./mvnw -q -f bundles/io.radflow.pipeline.model/codegen/pom.xml compile exec:java</pre>
  *
  * <p>Steps: load {@code model/pipeline.genmodel} with EMF's stand-alone codegen (precompiled JET
  * templates, i.e. dynamic templates off; code formatting off), map
  * {@code platform:/resource/io.radflow.pipeline.model/} to a fresh staging folder, generate the
  * model code there, then replace the bundle's {@code src-gen/} with the staged {@code src-gen/}
  * (stale files disappear). Anything else the generator writes (plugin.properties,
  * build.properties, ...) stays in the staging folder and is discarded, so the hand-written
  * MANIFEST.MF, plugin.xml and build.properties of the bundle are never touched.
  *
  * <p>The single argument is the bundle folder (the pom passes {@code ${project.basedir}/..}).
  */
public final class GeneratePipelineModel {

    private static final String BUNDLE = "io.radflow.pipeline.model";
    private static final String GENMODEL = "model/pipeline.genmodel";
    private static final String SRC_GEN = "src-gen";

    private GeneratePipelineModel() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: GeneratePipelineModel <bundle folder of " + BUNDLE + ">");
        }
        Path bundle = Path.of(args[0]).toAbsolutePath().normalize();
        Path genModelFile = bundle.resolve(GENMODEL);
        if (!Files.isRegularFile(genModelFile)) {
            throw new IllegalArgumentException("no genmodel at " + genModelFile);
        }
        Path staging = Files.createTempDirectory("radflow-codegen-");
        try {
            generate(genModelFile, staging);
            Path staged = staging.resolve(SRC_GEN);
            if (!Files.isDirectory(staged)) {
                throw new IllegalStateException("the generator wrote nothing to " + staged);
            }
            Path target = bundle.resolve(SRC_GEN);
            deleteTree(target);
            copyTree(staged, target);
            long count;
            try (Stream<Path> files = Files.walk(target)) {
                count = files.filter(Files::isRegularFile).count();
            }
            System.out.println("Generated " + count + " files into " + target);
        } finally {
            deleteTree(staging);
        }
    }

    private static void generate(Path genModelFile, Path staging) {
        // Stand-alone registrations (inside Eclipse, plugin.xml files do this).
        GenModelPackage.eINSTANCE.eClass();
        EcorePackage.eINSTANCE.eClass();
        ResourceSet resourceSet = new ResourceSetImpl();
        resourceSet.getPackageRegistry().put(GenModelPackage.eNS_URI, GenModelPackage.eINSTANCE);
        resourceSet.getPackageRegistry().put(EcorePackage.eNS_URI, EcorePackage.eINSTANCE);
        resourceSet.getResourceFactoryRegistry().getExtensionToFactoryMap().put("ecore", new EcoreResourceFactoryImpl());
        resourceSet.getResourceFactoryRegistry().getExtensionToFactoryMap().put("genmodel", new XMIResourceFactoryImpl());
        // platform:/resource/<bundle>/ -> staging folder: the generator resolves modelDirectory through it.
        URI platformBundle = URI.createPlatformResourceURI("/" + BUNDLE + "/", false);
        URI stagingUri = URI.createFileURI(staging.toString() + "/");
        resourceSet.getURIConverter().getURIMap().put(platformBundle, stagingUri);

        Resource resource = resourceSet.getResource(URI.createFileURI(genModelFile.toString()), true);
        GenModel genModel = (GenModel) resource.getContents().get(0);
        EcoreUtil.resolveAll(resourceSet);
        if (!resource.getErrors().isEmpty()) {
            throw new IllegalStateException(genModelFile + ": " + resource.getErrors());
        }
        genModel.reconcile();
        genModel.setCanGenerate(true);
        genModel.setDynamicTemplates(false);
        genModel.setCodeFormatting(false);
        genModel.setUpdateClasspath(false);
        genModel.setBundleManifest(false);
        IStatus valid = genModel.validate();
        if (valid.getSeverity() == IStatus.ERROR) {
            throw new IllegalStateException(genModelFile + " is invalid: " + describe(valid));
        }

        // A private adapter registry (inside Eclipse the extension registry fills the global one).
        GeneratorAdapterFactory.Descriptor.DelegatingRegistry adapters =
                new GeneratorAdapterFactory.Descriptor.DelegatingRegistry();
        adapters.addDescriptor(GenModelPackage.eNS_URI, GenModelGeneratorAdapterFactory.DESCRIPTOR);
        Generator generator = new Generator(adapters);
        generator.setInput(genModel);
        Diagnostic result = generator.generate(genModel, GenBaseGeneratorAdapter.MODEL_PROJECT_TYPE,
                new BasicMonitor.Printing(System.out) {
                    @Override
                    public void subTask(String name) {
                        // keep the output quiet; errors are reported through the diagnostic
                    }
                });
        if (result.getSeverity() != Diagnostic.OK) {
            System.out.println(describe(result));
        }
        if (result.getSeverity() == Diagnostic.ERROR) {
            throw new IllegalStateException("code generation failed: " + describe(result));
        }
    }

    private static String describe(Diagnostic diagnostic) {
        List<String> lines = new ArrayList<>();
        collect(diagnostic, lines, "");
        return String.join(System.lineSeparator(), lines);
    }

    private static String describe(IStatus status) {
        StringBuilder text = new StringBuilder(status.getMessage());
        for (IStatus child : status.getChildren()) {
            text.append(System.lineSeparator()).append("  ").append(describe(child));
        }
        return text.toString();
    }

    private static void collect(Diagnostic diagnostic, List<String> lines, String indent) {
        if (diagnostic.getMessage() != null) {
            lines.add(indent + diagnostic.getMessage());
        }
        if (diagnostic.getException() != null) {
            lines.add(indent + "  " + diagnostic.getException());
        }
        for (Diagnostic child : diagnostic.getChildren()) {
            collect(child, lines, indent + "  ");
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()));
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot delete " + p, e);
                }
            });
        }
    }
}
