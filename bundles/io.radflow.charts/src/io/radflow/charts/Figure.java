package io.radflow.charts;

import io.radflow.core.port.PortObject;
import io.radflow.core.port.PortTypes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.JFreeChart;

/**
 * A chart with its output size in pixels, the data of port type {@code radflow.figure}.
 * {@link #write} renders {@code <base>.png}, {@code <base>.svg} and {@code <base>.pdf} through
 * {@link ChartExport}, each to a temporary file that is then moved atomically into place. The chart
 * is built by the producing node and must not be changed afterwards.
 */
public final class Figure implements PortObject {

    private final JFreeChart chart;
    private final int width;
    private final int height;

    public Figure(JFreeChart chart, int width, int height) {
        if (chart == null) {
            throw new IllegalArgumentException("A figure needs a chart");
        }
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("Figure size must be positive, got " + width + " x " + height);
        }
        this.chart = chart;
        this.width = width;
        this.height = height;
    }

    public JFreeChart chart() {
        return chart;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    @Override
    public String portTypeId() {
        return PortTypes.FIGURE;
    }

    @Override
    public String summary() {
        String title = chart.getTitle() == null ? "chart" : "'" + chart.getTitle().getText() + "'";
        return title + ", " + width + " x " + height + " px";
    }

    /** Writes {@code <base>.png}, {@code <base>.svg} and {@code <base>.pdf} ({@link ChartExport}). */
    @Override
    public List<Path> write(Path directory, String baseName) throws IOException {
        Files.createDirectories(directory);
        List<Path> files = new ArrayList<>();
        for (ChartFormat format : ChartFormat.values()) {
            files.add(ChartExport.write(chart, width, height, directory.resolve(baseName + "." + format.extension())));
        }
        return List.copyOf(files);
    }
}
