package io.radflow.charts;

import io.radflow.core.io.AtomicFiles;

import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.apache.batik.svggen.SVGGraphics2D;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.w3c.dom.DOMImplementation;
import org.w3c.dom.Document;

import com.lowagie.text.DocumentException;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfWriter;

/**
 * Renders a chart to PNG (JFreeChart's {@code ChartUtils}), SVG (Apache Batik's {@code SVGGraphics2D}
 * on a JDK DOM, Apache-2.0; JFreeSVG is GPL-3 and not used) or PDF (OpenPDF's {@code PdfGraphics2D},
 * LGPL-2.1/MPL-2.0: one page of the chart's size in points, text kept as text in the base-14 fonts).
 * Files are written to a temporary file and moved into place. Drawing is synchronised on the chart,
 * which must not change while it is drawn.
 */
public final class ChartExport {

    private static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";

    private ChartExport() {
    }

    /** Writes {@code chart} to {@code file} in the format of its extension; returns the file. */
    public static Path write(JFreeChart chart, int width, int height, Path file) throws IOException {
        ChartFormat format = ChartFormat.ofFile(file);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        AtomicFiles.write(file, out -> write(chart, width, height, format, out));
        return file;
    }

    /** The bytes of {@code chart} in {@code format}. */
    public static byte[] toBytes(JFreeChart chart, int width, int height, ChartFormat format) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        write(chart, width, height, format, bytes);
        return bytes.toByteArray();
    }

    /** Writes {@code chart} in {@code format} to {@code out} (which stays open). */
    public static void write(JFreeChart chart, int width, int height, ChartFormat format, OutputStream out)
            throws IOException {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("Chart size must be positive, got " + width + " x " + height);
        }
        synchronized (chart) {
            switch (format) {
                case PNG -> ChartUtils.writeChartAsPNG(out, chart, width, height);
                case SVG -> writeSvg(chart, width, height, out);
                case PDF -> writePdf(chart, width, height, out);
                default -> throw new IllegalStateException(format.name());
            }
        }
    }

    private static void writeSvg(JFreeChart chart, int width, int height, OutputStream out) throws IOException {
        SVGGraphics2D g2 = new SVGGraphics2D(svgDocument());
        g2.setSVGCanvasSize(new Dimension(width, height));
        chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        g2.stream(writer, true);
        writer.flush();
    }

    private static void writePdf(JFreeChart chart, int width, int height, OutputStream out) throws IOException {
        com.lowagie.text.Document document = new com.lowagie.text.Document(new Rectangle(width, height), 0, 0, 0, 0);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, new NonClosingStream(out));
            document.addCreator("Radflow (JFreeChart, OpenPDF)");
            document.open();
            PdfContentByte content = writer.getDirectContent();
            Graphics2D g2 = content.createGraphics(width, height);
            try {
                chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
            } finally {
                g2.dispose();
            }
        } catch (DocumentException e) {
            throw new IOException("cannot write the chart as PDF: " + e.getMessage(), e);
        } finally {
            if (document.isOpen()) {
                document.close();
            }
        }
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

    /** Keeps the caller's stream open when OpenPDF closes its document. */
    private static final class NonClosingStream extends java.io.FilterOutputStream {
        NonClosingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
