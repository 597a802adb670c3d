package io.radflow.ui.views;

import io.radflow.charts.ChartExport;
import io.radflow.charts.ChartFormat;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.swt.ChartComposite;

/**
 * One chart in its own view (several may be open), with toolbar actions that export it as PNG, SVG or
 * PDF ({@link ChartExport}) at its on-screen size.
 */
public final class ChartView extends ViewPart {

    public static final String ID = "io.radflow.ui.chartView";

    private Composite page;
    private ChartComposite chartComposite;

    /** Opens a new chart view titled {@code title}; null when it cannot open. */
    public static ChartView open(IWorkbenchPage workbenchPage, String title, JFreeChart chart) {
        try {
            ChartView view = (ChartView) workbenchPage.showView(ID, Long.toString(System.nanoTime()),
                    IWorkbenchPage.VIEW_ACTIVATE);
            view.show(title, chart);
            return view;
        } catch (PartInitException e) {
            MessageDialog.openError(workbenchPage.getWorkbenchWindow().getShell(), "Cannot open the chart view",
                    e.getMessage());
            return null;
        }
    }

    @Override
    public void createPartControl(Composite parent) {
        page = new Composite(parent, SWT.NONE);
        page.setLayout(new FillLayout());
        for (ChartFormat format : ChartFormat.values()) {
            Action export = new Action("Export " + format.name()) {
                @Override
                public void run() {
                    exportInteractively(getSite().getShell(), chart(), size()[0], size()[1], format);
                }
            };
            export.setToolTipText("Save the chart as " + format.name());
            getViewSite().getActionBars().getToolBarManager().add(export);
        }
    }

    public void show(String title, JFreeChart chart) {
        setPartName(title);
        if (chartComposite == null || chartComposite.isDisposed()) {
            chartComposite = new ChartComposite(page, SWT.NONE, chart, true);
        } else {
            chartComposite.setChart(chart);
        }
        page.layout(true);
    }

    public JFreeChart chart() {
        return chartComposite == null ? null : chartComposite.getChart();
    }

    public ChartComposite chartComposite() {
        return chartComposite;
    }

    /** Writes the chart at its on-screen size to {@code file} (format from the extension). */
    public Path export(Path file) throws IOException {
        int[] size = size();
        return ChartExport.write(chart(), size[0], size[1], file);
    }

    private int[] size() {
        org.eclipse.swt.graphics.Point p = chartComposite == null ? new org.eclipse.swt.graphics.Point(0, 0)
                : chartComposite.getSize();
        return new int[] {Math.max(400, p.x), Math.max(300, p.y)};
    }

    /** Asks for a file name, then exports; reports failures in a dialog. Shared with the Results view. */
    static void exportInteractively(Shell shell, JFreeChart chart, int width, int height, ChartFormat format) {
        if (chart == null) {
            return;
        }
        FileDialog dialog = new FileDialog(shell, SWT.SAVE);
        dialog.setText("Export chart as " + format.name());
        dialog.setFilterExtensions(new String[] {"*." + format.extension()});
        dialog.setFileName("chart." + format.extension());
        dialog.setOverwrite(true);
        String chosen = dialog.open();
        if (chosen == null) {
            return;
        }
        Path file = Path.of(chosen.endsWith("." + format.extension()) ? chosen : chosen + "." + format.extension());
        try {
            ChartExport.write(chart, width, height, file);
        } catch (IOException | RuntimeException e) {
            MessageDialog.openError(shell, "Export failed", "Cannot write " + file + ": " + e.getMessage());
        }
    }

    @Override
    public void setFocus() {
        if (chartComposite != null) {
            chartComposite.setFocus();
        } else {
            page.setFocus();
        }
    }
}
