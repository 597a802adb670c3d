package io.radflow.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Stroke;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;

/** The look shared by Radflow's charts: white background, light grid, colour-blind-safe series colours. */
public final class ChartStyle {

    /** Series colours, by index (cycled): the Okabe-Ito palette. */
    private static final Color[] PALETTE = {new Color(0, 114, 178), new Color(213, 94, 0), new Color(0, 158, 115),
        new Color(204, 121, 167), new Color(86, 180, 233), new Color(230, 159, 0), new Color(0, 0, 0)};

    /** Reference lines (chance diagonal, ideal calibration, treat none). */
    public static final Color REFERENCE = new Color(120, 120, 120);
    public static final Color GRID = new Color(220, 220, 220);
    public static final Font SUBTITLE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    public static final Font SMALL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 10);

    private ChartStyle() {
    }

    /** The colour of the {@code index}-th series. */
    public static Color colorOf(int index) {
        return PALETTE[index % PALETTE.length];
    }

    public static Stroke line(float width) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER);
    }

    public static Stroke dashed(float width) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);
    }

    /** White backgrounds and light grid lines. */
    public static void style(Plot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        if (plot instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(GRID);
            xy.setRangeGridlinePaint(GRID);
        } else if (plot instanceof org.jfree.chart.plot.CategoryPlot category) {
            category.setRangeGridlinePaint(GRID);
        }
    }

    /** A chart around {@code plot} with a white background and an optional subtitle. */
    public static JFreeChart chart(String title, Plot plot, boolean legend, String subtitle) {
        style(plot);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, legend);
        chart.setBackgroundPaint(Color.WHITE);
        if (subtitle != null && !subtitle.isEmpty()) {
            chart.addSubtitle(new TextTitle(subtitle, SUBTITLE_FONT));
        }
        return chart;
    }

    /** A labelled dashed vertical line at {@code x} in the foreground of {@code plot}. */
    public static ValueMarker verticalMarker(XYPlot plot, double x, String label) {
        ValueMarker marker = new ValueMarker(x, REFERENCE, dashed(1.2f));
        marker.setLabel(label);
        marker.setLabelFont(SMALL_FONT);
        marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        plot.addDomainMarker(marker, Layer.FOREGROUND);
        return marker;
    }
}
