package io.radflow.stats.tests.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.charts.Figure;
import io.radflow.charts.KaplanMeierChart;
import io.radflow.charts.KaplanMeierPlotNode;
import io.radflow.core.data.Table;
import io.radflow.core.node.NodeInputs;
import io.radflow.core.node.Parameters;
import io.radflow.core.port.PortObject;
import io.radflow.stats.nodes.SurvivalCurves;
import io.radflow.stats.survival.Golden;
import io.radflow.stats.survival.KaplanMeier;
import io.radflow.stats.survival.KaplanMeierCurve;
import io.radflow.stats.survival.LogRankTest;
import io.radflow.stats.survival.SurvivalData;
import io.radflow.testsupport.RecordingContext;
import io.radflow.testsupport.TestOutput;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Renders the lung-by-sex Kaplan-Meier plot headless to PNG, SVG (Batik) and PDF and inspects the PNG and SVG. */
class KaplanMeierPlotTest {

    private static final Pattern STROKE = Pattern.compile("(?:^|;)\\s*stroke\\s*:\\s*([^;]+)");

    private static SurvivalCurves lungBySex() {
        Table lung = Golden.lung();
        SurvivalData data = Golden.survival(lung, Golden.allRows(lung), 2, "sex");
        return new SurvivalCurves(KaplanMeier.fitByGroup(data), LogRankTest.of(data), "days");
    }

    @Test
    void plotNodeWritesPngAndSvgWithOneCurvePerGroup() throws Exception {
        SurvivalCurves curves = lungBySex();
        Map<String, PortObject> out = new KaplanMeierPlotNode().execute(
                new NodeInputs("plot", Map.of("curves", curves)),
                new Parameters("plot", Map.of("title", "Lung by sex", "xLabel", "Days", "width", "800",
                        "height", "600")),
                new RecordingContext(TestOutput.folder("charts")));
        Figure figure = (Figure) out.get("figure");
        JFreeChart chart = figure.chart();
        assertEquals("Lung by sex", chart.getTitle().getText());
        Path dir = TestOutput.folder("charts");
        List<Path> files = figure.write(dir, "km_lung_sex");
        assertEquals(List.of(dir.resolve("km_lung_sex.png"), dir.resolve("km_lung_sex.svg"), dir.resolve("km_lung_sex.pdf")),
                files);

        BufferedImage png = ImageIO.read(files.get(0).toFile());
        assertEquals(800, png.getWidth());
        assertEquals(600, png.getHeight());
        for (int g = 0; g < 2; g++) {
            int count = countPixels(png, KaplanMeierChart.colorOf(g));
            assertTrue(count > 200, "pixels of curve colour " + g + ": " + count);
        }
        assertEquals(0, countPixels(png, KaplanMeierChart.colorOf(2)), "no third curve colour");

        String svg = Files.readString(files.get(1));
        assertTrue(svg.contains("Log-rank p = 0.0013"), "log-rank p in the subtitle");
        List<KaplanMeierCurve> list = curves.curves();
        for (int g = 0; g < list.size(); g++) {
            Color c = KaplanMeierChart.colorOf(g);
            String stroke = "rgb(" + c.getRed() + "," + c.getGreen() + "," + c.getBlue() + ")";
            int eventTimes = 0;
            for (int d : list.get(g).nEvent()) {
                eventTimes += d > 0 ? 1 : 0;
            }
            int curvesFound = 0;
            for (String[] path : strokedPaths(svg)) {
                int segments = path[1].split("L", -1).length - 1;
                if (path[0].equals(stroke) && segments > 20) {
                    curvesFound++;
                    // a step curve: one horizontal and one vertical segment per event time, plus the tail
                    assertTrue(segments == 2 * eventTimes || segments == 2 * eventTimes + 1,
                            "group " + list.get(g).group() + ": " + segments + " segments for " + eventTimes
                                    + " event times");
                }
            }
            assertEquals(1, curvesFound, "one path for group " + list.get(g).group());
        }
    }

    @Test
    void figureRejectsBadSizeAndSubtitleOmitsMissingTest() {
        SurvivalCurves curves = lungBySex();
        JFreeChart chart = KaplanMeierChart.create(curves, "t", "x");
        assertEquals(2, chart.getSubtitleCount(), "legend and log-rank subtitle");
        SurvivalCurves single = new SurvivalCurves(List.of(curves.curves().get(0)), null, "days");
        assertEquals(1, KaplanMeierChart.create(single, "t", "x").getSubtitleCount(), "legend only");
        try {
            new Figure(chart, 0, 10);
            throw new AssertionError("size 0 accepted");
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage().contains("0 x 10"));
        }
    }

    /**
     * Every drawn {@code <path>} of an SVG document (clip paths excluded) as {effective stroke, d}; the
     * stroke comes from the path's own style or the nearest ancestor's (SVG style inheritance).
     */
    static List<String[]> strokedPaths(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
        NodeList paths = document.getElementsByTagName("path");
        List<String[]> out = new ArrayList<>();
        for (int i = 0; i < paths.getLength(); i++) {
            Element path = (Element) paths.item(i);
            String stroke = null;
            boolean clip = false;
            for (Node n = path; n instanceof Element; n = n.getParentNode()) {
                Element e = (Element) n;
                if (e.getTagName().equals("clipPath")) {
                    clip = true;
                }
                Matcher m = STROKE.matcher(e.getAttribute("style"));
                if (stroke == null && m.find()) {
                    stroke = m.group(1).trim();
                }
                if (stroke == null && e.hasAttribute("stroke")) {
                    stroke = e.getAttribute("stroke").trim();
                }
            }
            if (!clip) {
                out.add(new String[] {stroke == null ? "" : stroke.replace(" ", ""), path.getAttribute("d")});
            }
        }
        return out;
    }

    private static int countPixels(BufferedImage image, Color color) {
        int rgb = color.getRGB() & 0xFFFFFF;
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    count++;
                }
            }
        }
        return count;
    }
}
