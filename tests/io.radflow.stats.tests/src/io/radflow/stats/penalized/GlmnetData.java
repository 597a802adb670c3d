package io.radflow.stats.penalized;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

import io.radflow.stats.GoldenJson;

/** A numeric CSV (gzip) written by R's write.csv in golden/glmnet/: header of quoted names, numbers. */
record GlmnetData(List<String> header, double[][] rows) {

    static GlmnetData load(String fileName) {
        Path file = GoldenJson.dir().resolve("glmnet").resolve(fileName);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
                StandardCharsets.UTF_8))) {
            List<String> header = Arrays.stream(in.readLine().split(",")).map(s -> s.replace("\"", "")).toList();
            List<double[]> rows = new ArrayList<>();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    rows.add(Arrays.stream(line.split(",")).mapToDouble(s -> GoldenJson.toDouble(s.replace("\"", "")))
                            .toArray());
                }
            }
            return new GlmnetData(header, rows.toArray(double[][]::new));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    double[] column(String name) {
        int j = header.indexOf(name);
        if (j < 0) {
            throw new IllegalArgumentException("No column " + name + " in " + header);
        }
        return Arrays.stream(rows).mapToDouble(r -> r[j]).toArray();
    }

    FeatureMatrix features(List<String> names) {
        double[][] x = new double[rows.length][names.size()];
        for (int k = 0; k < names.size(); k++) {
            double[] c = column(names.get(k));
            for (int i = 0; i < rows.length; i++) {
                x[i][k] = c[i];
            }
        }
        return FeatureMatrix.of(x, names);
    }
}
