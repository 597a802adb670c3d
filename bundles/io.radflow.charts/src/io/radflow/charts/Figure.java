package io.radflow.charts;

import io.radflow.core.port.PortObject;
import io.radflow.core.port.PortTypes;

import java.awt.Dimension;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.UUID;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.apache.batik.svggen.SVGGraphics2D;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.w3c.dom.DOMImplementation;
import org.w3c.dom.Document;

/**
 * A chart with its output size in pixels, the data of port type {@code radflow.figure}.
 * {@link #write} renders {@code <base>.png} (JFreeChart's {@code ChartUtils}) and {@code <base>.svg}
 * (Apache Batik's SVG generator, Apache-2.0; JFreeSVG is GPL-3 and not used), each to a
 * temporary file that is then moved atomically into place. The chart is built by the producing node
 * and must not be changed afterwards.
 */
public final class Figure implements PortObject {

    private static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";

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

    @Override
    public List<Path> write(Path directory, String baseName) throws IOException {
        Files.createDirectories(directory);
        Path png = directory.resolve(baseName + ".png");
        Path svg = directory.resolve(baseName + ".svg");
        synchronized (chart) {
            Path temp = temporary(png);
            try {
                try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW)) {
                    ChartUtils.writeChartAsPNG(out, chart, width, height);
                }
                Files.move(temp, png, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
            SVGGraphics2D g2 = new SVGGraphics2D(svgDocument());
            g2.setSVGCanvasSize(new Dimension(width, height));
            chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
            temp = temporary(svg);
            try {
                try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE)) {
                    g2.stream(out, true);
                }
                Files.move(temp, svg, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        }
        return List.of(png, svg);
    }

    /** An empty SVG DOM document from the JDK's XML parser (Batik's generator only needs a DOM). */
    private static Document svgDocument() throws IOException {
        try {
            DOMImplementation dom = DocumentBuilderFactory.newInstance().newDocumentBuilder().getDOMImplementation();
            return dom.createDocument(SVG_NAMESPACE, "svg", null);
        } catch (ParserConfigurationException e) {
            throw new IOException("No XML DOM implementation for the SVG export", e);
        }
    }

    /** A hidden temporary sibling of {@code target} (same folder, so the move can be atomic). */
    private static Path temporary(Path target) {
        return target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
    }
}
