package io.radflow.image.io;

import io.radflow.image.Image3D;
import io.radflow.testsupport.TestOutput;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading speed of the image readers on brain1 (256 x 256 x 25 int16, gzip NRRD) and its NIfTI and MetaImage
 * copies, against a baseline measured in the same run: {@code Files.readAllBytes} plus decompression of the
 * same bytes (gunzip, or zlib inflate for MetaImage), which is the least any reader must do. Prints and writes
 * {@code bench/image-io.md}; asserts nothing about speed.
 */
@Tag("benchmark")
class ImageIOBenchmark {

    private static final int WARMUP = 5;
    private static final int RUNS = 15;

    @TempDir
    Path dir;

    private interface Work {
        Object run() throws IOException;
    }

    /** Median wall time in ms of {@link #RUNS} runs after {@link #WARMUP}. */
    private static double medianMillis(Work work) throws IOException {
        for (int i = 0; i < WARMUP; i++) {
            work.run();
        }
        double[] times = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            Object result = work.run();
            times[i] = (System.nanoTime() - start) / 1e6;
            if (result == null) {
                throw new IllegalStateException("no result");
            }
        }
        Arrays.sort(times);
        return times[RUNS / 2];
    }

    /** Offset of the data after an attached NRRD header (the first empty line). */
    private static int nrrdDataOffset(byte[] bytes) {
        for (int i = 1; i < bytes.length; i++) {
            if (bytes[i] == '\n' && bytes[i - 1] == '\n') {
                return i + 1;
            }
        }
        throw new IllegalStateException("no NRRD header end");
    }

    private static int mhaDataOffset(byte[] bytes) {
        String text = new String(bytes, 0, Math.min(bytes.length, 4096), java.nio.charset.StandardCharsets.ISO_8859_1);
        int line = text.indexOf("ElementDataFile");
        return text.indexOf('\n', line) + 1;
    }

    @Test
    void readBrain1InEveryFormat() throws IOException {
        Path nrrd = SharedData.file("pyradiomics/brain1_image.nrrd");
        Image3D image = ImageFiles.read(nrrd);
        Path niiGz = dir.resolve("brain1.nii.gz");
        Path nii = dir.resolve("brain1.nii");
        Path mha = dir.resolve("brain1.mha");
        ImageFiles.write(image, niiGz);
        ImageFiles.write(image, nii);
        ImageFiles.write(image, mha);
        double megabytes = image.voxelCount() * 2 / 1e6; // int16 payload

        List<String> rows = new ArrayList<>();
        rows.add(row("NRRD gzip (original)", nrrd, megabytes, () -> ImageFiles.read(nrrd), () -> {
            byte[] b = Files.readAllBytes(nrrd);
            int offset = nrrdDataOffset(b);
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(b, offset, b.length - offset), 1 << 16)) {
                return in.readAllBytes();
            }
        }, "readAllBytes + gunzip"));
        rows.add(row("NIfTI-1 .nii.gz", niiGz, megabytes, () -> ImageFiles.read(niiGz), () -> {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(Files.readAllBytes(niiGz)), 1 << 16)) {
                return in.readAllBytes();
            }
        }, "readAllBytes + gunzip"));
        rows.add(row("NIfTI-1 .nii", nii, megabytes, () -> ImageFiles.read(nii), () -> Files.readAllBytes(nii),
                "readAllBytes"));
        rows.add(row("MetaImage .mha (zlib)", mha, megabytes, () -> ImageFiles.read(mha), () -> {
            byte[] b = Files.readAllBytes(mha);
            int offset = mhaDataOffset(b);
            try (InputStream in = new InflaterInputStream(new ByteArrayInputStream(b, offset, b.length - offset))) {
                return in.readAllBytes();
            }
        }, "readAllBytes + inflate"));

        StringBuilder md = new StringBuilder("# Image reading benchmark\n\n");
        md.append(String.format(Locale.ROOT, "brain1: 256 x 256 x 25 int16 (%.2f MB of voxels). Median of %d runs after %d "
                + "warm-up runs. Ratio = reader time / baseline time (the baseline only reads and decompresses the same "
                + "bytes, in the same run). Java %s, %d processors.%n%n", megabytes, RUNS, WARMUP,
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors()));
        md.append("| file | size on disk (MB) | reader (ms) | reader MB/s | baseline | baseline (ms) | ratio |\n");
        md.append("|---|---|---|---|---|---|---|\n");
        rows.forEach(r -> md.append(r).append('\n'));
        System.out.println(md);
        TestOutput.writeBenchReport("image-io.md", md.toString());
    }

    private static String row(String name, Path file, double megabytes, Work reader, Work baseline, String baselineName)
            throws IOException {
        double readerMs = medianMillis(reader);
        double baselineMs = medianMillis(baseline);
        return String.format(Locale.ROOT, "| %s | %.2f | %.1f | %.0f | %s | %.1f | %.2f |", name, Files.size(file) / 1e6,
                readerMs, megabytes / (readerMs / 1e3), baselineName, baselineMs, readerMs / baselineMs);
    }
}
