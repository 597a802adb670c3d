package io.radflow.charts;

import io.radflow.charts.data.CorrelationMatrix;

import java.awt.Color;
import java.awt.Paint;
import java.util.List;
import java.util.Locale;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * Correlation heat map: cell (column j, row i) coloured by r_ij on a blue-white-red scale from -1 to 1
 * ({@link DivergingScale}), first variable in the top row, a colour legend on the right; with at most
 * {@value #MAX_ANNOTATED} variables each cell also prints r with two decimals.
 */
public final class CorrelationHeatmapChart {

    public static final int MAX_ANNOTATED = 15;

    private CorrelationHeatmapChart() {
    }

    public static JFreeChart create(String title, CorrelationMatrix matrix) {
        List<String> names = matrix.names();
        int n = names.size();
        if (n == 0) {
            throw new IllegalArgumentException("correlation heat map: no variables");
        }
        double[][] xyz = new double[3][n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                int k = i * n + j;
                xyz[0][k] = j;
                xyz[1][k] = n - 1 - i;
                xyz[2][k] = matrix.get(i, j);
            }
        }
        DefaultXYZDataset dataset = new DefaultXYZDataset();
        dataset.addSeries("r", xyz);
        String[] columns = names.toArray(String[]::new);
        String[] rows = new String[n];
        for (int i = 0; i < n; i++) {
            rows[i] = names.get(n - 1 - i);
        }
        SymbolAxis x = new SymbolAxis(null, columns);
        x.setVerticalTickLabels(true);
        x.setGridBandsVisible(false);
        x.setRange(-0.5, n - 0.5);
        SymbolAxis y = new SymbolAxis(null, rows);
        y.setGridBandsVisible(false);
        y.setRange(-0.5, n - 0.5);
        XYBlockRenderer renderer = new XYBlockRenderer();
        DivergingScale scale = new DivergingScale();
        renderer.setPaintScale(scale);
        XYPlot plot = new XYPlot(dataset, x, y, renderer);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        if (n <= MAX_ANNOTATED) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double r = matrix.get(i, j);
                    XYTextAnnotation text = new XYTextAnnotation(Double.isNaN(r) ? "NA"
                            : String.format(Locale.ROOT, "%.2f", r), j, n - 1 - i);
                    text.setFont(ChartStyle.SMALL_FONT);
                    text.setPaint(Math.abs(r) > 0.6 ? Color.WHITE : Color.BLACK);
                    plot.addAnnotation(text);
                }
            }
        }
        JFreeChart chart = ChartStyle.chart(title, plot, false, null);
        NumberAxis legendAxis = new NumberAxis("r");
        legendAxis.setRange(-1, 1);
        PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(4, 4, 40, 4);
        legend.setStripWidth(12);
        chart.addSubtitle(legend);
        return chart;
    }

    /**
     * Linear blue (-1, RGB 33,102,172) - white (0) - red (+1, RGB 178,24,43) scale, the end colours of
     * ColorBrewer's RdBu palette; NaN is light grey.
     */
    public static final class DivergingScale implements PaintScale, java.io.Serializable {

        private static final long serialVersionUID = 1L;
        static final Color NEGATIVE = new Color(33, 102, 172);
        static final Color POSITIVE = new Color(178, 24, 43);
        static final Color MISSING = new Color(200, 200, 200);

        @Override
        public double getLowerBound() {
            return -1;
        }

        @Override
        public double getUpperBound() {
            return 1;
        }

        @Override
        public Paint getPaint(double value) {
            if (Double.isNaN(value)) {
                return MISSING;
            }
            double v = Math.max(-1, Math.min(1, value));
            Color end = v < 0 ? NEGATIVE : POSITIVE;
            double t = Math.abs(v);
            return new Color(mix(255, end.getRed(), t), mix(255, end.getGreen(), t), mix(255, end.getBlue(), t));
        }

        private static int mix(int from, int to, double t) {
            return (int) Math.round(from + (to - from) * t);
        }
    }
}
