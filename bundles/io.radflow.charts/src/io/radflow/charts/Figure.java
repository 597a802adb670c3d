package io.radflow.charts;

import io.radflow.core.io.AtomicFiles;
import io.radflow.core.port.PortObject;
import io.radflow.core.port.PortTypes;

import java.awt.Dimension;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
            AtomicFiles.write(png, out -> ChartUtils.writeChartAsPNG(out, chart, width, height));
            SVGGraphics2D g2 = new SVGGraphics2D(svgDocument());
            g2.setSVGCanvasSize(new Dimension(width, height));
            chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
            AtomicFiles.write(svg, out -> {
                Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                g2.stream(writer, true);
                writer.flush();
            });
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

}
