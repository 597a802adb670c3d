package io.radflow.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.radflow.core.data.Table;
import io.radflow.image.Image3D;
import io.radflow.image.ImageGeometry;
import io.radflow.image.io.ImageFiles;
import io.radflow.pipeline.engine.NodeTypeRegistry;
import io.radflow.pipeline.engine.PipelineExecutor;
import io.radflow.pipeline.engine.RunMonitor;
import io.radflow.pipeline.engine.RunOptions;
import io.radflow.pipeline.engine.RunResult;
import io.radflow.pipeline.engine.RunStatus;
import io.radflow.pipeline.model.io.PipelineFiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Benchmark (not a test; excluded by default): a generated cohort of 1,000 small patients (a 24 x 24
 * x 12 noisy CT-like image and a spherical ROI each) through first-order and GLCM features, run by
 * the plain local runner ({@link PipelineExecutor}, one thread) and by Spark on {@code local[1]} and
 * {@code local[2]}, all in the same JVM and run. Prints and writes
 * {@code target/bench/spark-scaling.md}: wall time, patients per second and ratios to the local runner.
 * Asserts only that all three give the same feature table. Run it with
 * {@code ./mvnw -B verify -pl runners/radflow-spark -am -Dradflow.test.groups=benchmark
 * -Dradflow.test.excludedGroups= -Dtest=SparkScalingBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dtycho.surefire.skip=true}.
 */
@Tag("benchmark")
class SparkScalingBenchmark {

    static final int PATIENTS = Integer.getInteger("radflow.bench.patients", 1000);

    @Test
    void patientsPerSecondLocalVersusSpark() throws Exception {
        Path root = Path.of(System.getProperty("radflow.test.output")).resolve("bench");
        Path pipeline = generate(root.resolve("cohort-" + PATIENTS));
        NodeTypeRegistry registry = ClasspathNodeRegistry.load(getClass().getClassLoader());
        Path cache = Files.createDirectories(root.resolve("cache"));

        Path runs = root.resolve("runs-" + System.nanoTime());
        List<String> lines = new ArrayList<>();
        // an untimed first local run warms up the JIT for all contenders (they share this JVM)
        new PipelineExecutor(registry).execute(PipelineFiles.load(pipeline),
                new RunOptions(pipeline.getParent(), cache, runs.resolve("warm-up"), pipeline), RunMonitor.NONE);
        long start = System.nanoTime();
        RunResult local = new PipelineExecutor(registry).execute(PipelineFiles.load(pipeline),
                new RunOptions(pipeline.getParent(), cache, runs.resolve("local"), pipeline), RunMonitor.NONE);
        double localSeconds = (System.nanoTime() - start) / 1e9;
        assertEquals(RunStatus.SUCCEEDED, local.status());
        Table expected = Table.readCsv(runs.resolve("local/glcm/features.csv"));
        lines.add(row("plain local runner (PipelineExecutor)", localSeconds, localSeconds));

        for (int cores : new int[] {1, 2}) {
            SparkSession spark = SparkSession.builder().master("local[" + cores + "]").appName("radflow bench")
                    .config("spark.ui.enabled", "false").getOrCreate();
            try {
                Path out = runs.resolve("spark-" + cores);
                start = System.nanoTime();
                SparkPipelineRunner.SparkRunResult result = new SparkPipelineRunner(spark, registry).run(pipeline, out,
                        new SparkPipelineRunner.Options(cache, null, false, null), RunMonitor.NONE);
                double seconds = (System.nanoTime() - start) / 1e9;
                assertEquals(RunStatus.SUCCEEDED, result.run().status());
                assertEquals(expected, Table.readCsv(out.resolve("glcm/features.csv")));
                lines.add(row("Spark local[" + cores + "]", seconds, localSeconds));
            } finally {
                spark.stop();
            }
        }
        String report = "| runner (" + PATIENTS + " patients, first-order + GLCM) | wall time s | patients/s | speed vs local runner |\n"
                + "|---|---|---|---|\n" + String.join("\n", lines) + "\n\nMachine: " + Runtime.getRuntime().availableProcessors()
                + " cores visible, Java " + System.getProperty("java.version") + ", Spark " + org.apache.spark.package$.MODULE$.SPARK_VERSION() + "\n";
        System.out.println(report);
        Path bench = Files.createDirectories(Path.of(System.getProperty("radflow.test.output")).getParent().resolve("bench"));
        Files.writeString(bench.resolve("spark-scaling.md"), report);
    }

    private static String row(String name, double seconds, double localSeconds) {
        return String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.2f |", name, seconds, PATIENTS / seconds, localSeconds / seconds);
    }

    /** Writes the cohort (once) and a pipeline file beside it; returns the pipeline file. */
    private static Path generate(Path folder) throws Exception {
        Path manifest = folder.resolve("cohort.csv");
        if (!Files.exists(manifest)) {
            Files.createDirectories(folder);
            StringBuilder csv = new StringBuilder("PatientID,image,mask\n");
            ImageGeometry geometry = ImageGeometry.of(24, 24, 12, new double[3], new double[] {1, 1, 2});
            for (int p = 0; p < PATIENTS; p++) {
                SplittableRandom random = new SplittableRandom(1000L + p);
                double radius = 3 + 3 * random.nextDouble();
                double spread = 10 + 40 * random.nextDouble();
                double[] image = new double[24 * 24 * 12];
                double[] mask = new double[image.length];
                for (int z = 0, i = 0; z < 12; z++) {
                    for (int y = 0; y < 24; y++) {
                        for (int x = 0; x < 24; x++, i++) {
                            boolean inside = Math.pow(x - 11.5, 2) + Math.pow(y - 11.5, 2) + Math.pow(2 * (z - 5.5), 2) <= radius * radius;
                            mask[i] = inside ? 1 : 0;
                            image[i] = Math.rint((inside ? 80 : 40) + spread * (random.nextDouble() - 0.5) * 2);
                        }
                    }
                }
                String id = String.format(Locale.ROOT, "B%04d", p + 1);
                ImageFiles.write(new Image3D(geometry, image), folder.resolve(id + "_image.nii.gz"));
                ImageFiles.write(new Image3D(geometry, mask), folder.resolve(id + "_mask.nii.gz"));
                csv.append(id).append(',').append(id).append("_image.nii.gz,").append(id).append("_mask.nii.gz\n");
            }
            Files.writeString(manifest, csv);
        }
        Path pipeline = folder.resolve("bench.radflow");
        Files.writeString(pipeline, """
                <?xml version="1.0" encoding="UTF-8"?>
                <radflow:Pipeline xmi:version="2.0" xmlns:xmi="http://www.omg.org/XMI" xmlns:radflow="http://radflow.io/pipeline/1.0" name="scaling benchmark">
                  <nodes id="cohort" typeId="radflow.io.cohort" typeVersion="1.0.0">
                    <parameters key="manifest" value="cohort.csv"/>
                  </nodes>
                  <nodes id="firstorder" typeId="radflow.features.firstOrder" typeVersion="1.0.0">
                    <parameters key="image" value="image"/>
                    <parameters key="label" value="1"/>
                  </nodes>
                  <nodes id="glcm" typeId="radflow.features.glcm" typeVersion="1.0.0">
                    <parameters key="image" value="image"/>
                    <parameters key="label" value="1"/>
                  </nodes>
                  <connections source="cohort" sourcePort="cohort" target="firstorder" targetPort="cohort"/>
                  <connections source="cohort" sourcePort="cohort" target="glcm" targetPort="cohort"/>
                </radflow:Pipeline>
                """);
        return pipeline;
    }
}
