package io.radflow.ui.views;

import io.radflow.core.data.Column;
import io.radflow.core.data.Table;
import io.radflow.core.port.PortObject;
import io.radflow.pipeline.engine.NodeRunRecord;
import io.radflow.pipeline.engine.RunResult;
import io.radflow.pipeline.model.Node;
import io.radflow.pipeline.model.Port;
import io.radflow.ui.editor.PipelineEditor;
import io.radflow.ui.editor.SelectedNode;

import io.radflow.charts.ChartExport;
import io.radflow.charts.ChartFormat;
import io.radflow.charts.Figure;
import io.radflow.ui.images.ImagePaths;
import io.radflow.ui.images.ImageViewerView;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.dialogs.MessageDialog;

import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.part.ViewPart;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.swt.ChartComposite;

/**
 * The outputs of the node selected in the pipeline editor, from the editor's last run: a list of
 * output ports on the left and, on the right, a table (for {@link Table} outputs and a cohort's
 * patients; sortable by clicking a column, filtered by the box above it, exported as CSV), a chart
 * (Kaplan-Meier curves with their risk table, figures; exported as PNG, SVG or PDF, or opened in a
 * {@link ChartView}) or a summary. Double-clicking a row that names image files opens them in the
 * image viewer (the clicked image column, with the row's mask). After a run it shows the run's first chart.
 */
public final class ResultsView extends ViewPart {

    public static final String ID = "io.radflow.ui.resultsView";

    /** One entry of the output list: node, port and the object on it. */
    public record OutputItem(Node node, String port, PortObject object) {
        String nodeName() {
            return node.getLabel() == null || node.getLabel().isBlank() ? node.getId() : node.getLabel();
        }

        String text() {
            return nodeName() + " \u203a " + port;
        }
    }

    private Label header;
    private Text filter;
    private FilteredTable filtered;
    private Label detail;
    private org.eclipse.swt.widgets.List list;
    private Composite stack;
    private StackLayout stackLayout;
    private org.eclipse.swt.widgets.Table table;
    private Composite chartPage;
    private ChartComposite chartComposite;
    private Text text;
    private final List<OutputItem> items = new ArrayList<>();
    private OutputItem shown;

    private final ISelectionListener selectionListener = this::selectionChanged;

    @Override
    public void createPartControl(Composite parent) {
        Composite root = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 4;
        layout.marginHeight = 4;
        root.setLayout(layout);
        header = new Label(root, SWT.NONE);
        header.setText("Select a node in a pipeline editor to see its outputs.");
        header.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

        SashForm sash = new SashForm(root, SWT.HORIZONTAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        list = new org.eclipse.swt.widgets.List(sash, SWT.BORDER | SWT.SINGLE | SWT.V_SCROLL | SWT.H_SCROLL);
        list.addListener(SWT.Selection, e -> {
            int i = list.getSelectionIndex();
            if (i >= 0 && i < items.size()) {
                display(items.get(i));
            }
        });
        Composite right = new Composite(sash, SWT.NONE);
        GridLayout rl = new GridLayout(1, false);
        rl.marginWidth = 0;
        rl.marginHeight = 0;
        rl.verticalSpacing = 2;
        right.setLayout(rl);
        detail = new Label(right, SWT.NONE);
        detail.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        stack = new Composite(right, SWT.NONE);
        stack.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        stackLayout = new StackLayout();
        stack.setLayout(stackLayout);
        Composite tablePage = new Composite(stack, SWT.NONE);
        GridLayout tl = new GridLayout(1, false);
        tl.marginWidth = 0;
        tl.marginHeight = 0;
        tl.verticalSpacing = 2;
        tablePage.setLayout(tl);
        filter = new Text(tablePage, SWT.BORDER | SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
        filter.setMessage("Filter rows (words in any cell)");
        filter.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        filter.addListener(SWT.Modify, e -> setFilter(filter.getText()));
        table = new org.eclipse.swt.widgets.Table(tablePage, SWT.BORDER | SWT.VIRTUAL | SWT.FULL_SELECTION);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.addListener(SWT.SetData, e -> {
            org.eclipse.swt.widgets.TableItem row = (org.eclipse.swt.widgets.TableItem) e.item;
            if (filtered != null) {
                int index = table.indexOf(row);
                for (int c = 0; c < filtered.table().columnCount(); c++) {
                    row.setText(c, filtered.cell(index, c));
                }
            }
        });
        table.addListener(SWT.MouseDoubleClick, e -> {
            org.eclipse.swt.widgets.TableItem item = table.getItem(new org.eclipse.swt.graphics.Point(e.x, e.y));
            if (item != null && filtered != null) {
                int column = -1;
                for (int c = 0; c < table.getColumnCount(); c++) {
                    if (item.getBounds(c).contains(e.x, e.y)) {
                        column = c;
                    }
                }
                openImageOfRow(table.indexOf(item), column < 0 ? null : filtered.table().columnNames().get(column));
            }
        });
        chartPage = new Composite(stack, SWT.NONE);
        chartPage.setLayout(new FillLayout());
        text = new Text(stack, SWT.BORDER | SWT.MULTI | SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL);
        stackLayout.topControl = text;
        sash.setWeights(new int[] { 25, 75 });
        createActions();

        getSite().getPage().addSelectionListener(selectionListener);
    }

    private void selectionChanged(IWorkbenchPart part, ISelection selection) {
        if (part != this && selection instanceof IStructuredSelection s && s.getFirstElement() instanceof SelectedNode n) {
            showNode(n);
        }
    }

    /** Shows the outputs of one node; the first chart if it has one, else the first output. */
    public void showNode(SelectedNode selected) {
        Optional<Node> node = selected.node();
        if (node.isEmpty()) {
            return;
        }
        Optional<NodeRunRecord> record = selected.lastRecord();
        List<OutputItem> outputs = record.map(r -> outputsOf(node.get(), r)).orElse(List.of());
        String name = node.get().getLabel() == null ? node.get().getId() : node.get().getLabel();
        String head = record.isEmpty() ? name + ": not run yet"
                : name + ": " + record.get().status().name().toLowerCase() + ", " + outputs.size() + " output(s)";
        setItems(head, outputs, outputs.stream().filter(ResultsView::isChart).findFirst()
                .orElse(outputs.isEmpty() ? null : outputs.get(0)));
        if (record.isPresent() && record.get().error() != null && outputs.isEmpty()) {
            showText(record.get().error());
        }
    }

    /** After a run: every output of the run, showing the first chart (Kaplan-Meier curves or figure). */
    public void showRun(PipelineEditor editor, RunResult result) {
        List<OutputItem> outputs = new ArrayList<>();
        for (Node node : editor.pipeline().getNodes()) {
            result.node(node.getId()).ifPresent(r -> outputs.addAll(outputsOf(node, r)));
        }
        OutputItem first = outputs.stream().filter(o -> isSurvival(o.object())).findFirst()
                .or(() -> outputs.stream().filter(ResultsView::isChart).findFirst())
                .orElse(outputs.isEmpty() ? null : outputs.get(0));
        setItems("Run of " + editor.getPartName() + ": " + result.status().name().toLowerCase().replace('_', ' ') + ", "
                + outputs.size() + " output(s)", outputs, first);
    }

    private static List<OutputItem> outputsOf(Node node, NodeRunRecord record) {
        List<OutputItem> outputs = new ArrayList<>();
        List<String> order = new ArrayList<>(node.getOutputs().stream().map(Port::getName).toList());
        record.outputs().keySet().stream().filter(k -> !order.contains(k)).sorted().forEach(order::add);
        for (String port : order) {
            PortObject object = record.outputs().get(port);
            if (object != null) {
                outputs.add(new OutputItem(node, port, object));
            }
        }
        return outputs;
    }

    private void setItems(String head, List<OutputItem> outputs, OutputItem toShow) {
        header.setText(head);
        items.clear();
        items.addAll(outputs);
        list.removeAll();
        boolean oneNode = outputs.stream().map(o -> o.node().getId()).distinct().count() <= 1;
        outputs.forEach(o -> list.add(oneNode ? o.port() : o.text()));
        if (toShow != null) {
            list.setSelection(outputs.indexOf(toShow));
            display(toShow);
        } else {
            shown = null;
            detail.setText("");
            showText("No outputs.");
        }
        header.getParent().layout(true);
    }

    private void display(OutputItem item) {
        shown = item;
        list.setToolTipText(item.text() + ": " + item.object().summary());
        detail.setText(item.text() + ": " + item.object().summary());
        PortObject object = item.object();
        Optional<Table> asTable = OutputTables.tableOf(object);
        if (asTable.isPresent()) {
            showTable(asTable.get());
            return;
        }
        Optional<JFreeChart> chart = OutputCharts.chartOf(item.node(), object);
        if (chart.isPresent()) {
            showChart(chart.get());
        } else {
            showText(object.summary());
        }
    }

    private void showTable(Table t) {
        table.setRedraw(false);
        try {
            table.removeAll();
            for (TableColumn c : table.getColumns()) {
                c.dispose();
            }
            List<Column> columns = t.columns();
            for (int i = 0; i < columns.size(); i++) {
                Column c = columns.get(i);
                int index = i;
                TableColumn tc = new TableColumn(table, c.isNumeric() ? SWT.RIGHT : SWT.LEFT);
                tc.setText(c.name());
                tc.setWidth(Math.max(70, Math.min(200, 9 * c.name().length())));
                tc.addListener(SWT.Selection, e -> sortBy(index));
            }
            filtered = new FilteredTable(t);
            filtered.setFilter(filter.getText());
            table.setData(t);
            table.setSortColumn(null);
            table.clearAll();
            table.setItemCount(filtered.rowCount());
        } finally {
            table.setRedraw(true);
        }
        stackLayout.topControl = table.getParent();
        stack.layout();
    }

    /** Filters the shown table's rows ({@link FilteredTable#setFilter}). */
    public void setFilter(String value) {
        if (!filter.getText().equals(value)) {
            filter.setText(value); // fires Modify, which comes back here
            return;
        }
        if (filtered != null) {
            filtered.setFilter(value);
            table.clearAll();
            table.setItemCount(filtered.rowCount());
        }
    }

    /** Sorts the shown table by column {@code index}: ascending first, descending on a second click. */
    public void sortBy(int index) {
        if (filtered == null) {
            return;
        }
        boolean ascending = filtered.sortColumn() != index || !filtered.ascending();
        filtered.setSort(index, ascending);
        table.setSortColumn(table.getColumn(index));
        table.setSortDirection(ascending ? SWT.UP : SWT.DOWN);
        table.clearAll();
        table.setItemCount(filtered.rowCount());
    }

    /** The table shown with its filter and sort, if a table is on top. */
    public Optional<FilteredTable> filteredTable() {
        return stackLayout.topControl == table.getParent() ? Optional.ofNullable(filtered) : Optional.empty();
    }

    /** Writes the visible rows of the shown table as CSV. */
    public Path exportTable(Path file) throws IOException {
        FilteredTable shownTable = filteredTable().orElseThrow(() -> new IllegalStateException("no table is shown"));
        shownTable.writeCsv(file);
        return file;
    }

    /** Writes the shown chart to {@code file} (PNG, SVG or PDF by extension) at its figure or on-screen size. */
    public Path exportChart(Path file) throws IOException {
        ChartComposite composite = chartComposite().orElseThrow(() -> new IllegalStateException("no chart is shown"));
        int[] size = chartSize();
        return ChartExport.write(composite.getChart(), size[0], size[1], file);
    }

    private int[] chartSize() {
        if (shown != null && shown.object() instanceof Figure figure) {
            return new int[] {figure.width(), figure.height()};
        }
        org.eclipse.swt.graphics.Point p = chartComposite == null ? new org.eclipse.swt.graphics.Point(0, 0)
                : chartComposite.getSize();
        return new int[] {Math.max(800, p.x), Math.max(600, p.y)};
    }

    /**
     * Opens the image named in visible row {@code row} of the shown table ({@link ImagePaths#fromRow}:
     * {@code column} if it is an image column, with the row's mask) in a new image viewer.
     */
    public Optional<ImageViewerView> openImageOfRow(int row, String column) {
        if (filtered == null || row < 0 || row >= filtered.rowCount()) {
            return Optional.empty();
        }
        Map<String, String> cells = new LinkedHashMap<>();
        List<String> names = filtered.table().columnNames();
        for (int c = 0; c < names.size(); c++) {
            cells.put(names.get(c), filtered.cell(row, c));
        }
        Optional<ImagePaths.ImagePair> pair = ImagePaths.fromRow(cells, column, null);
        if (pair.isEmpty()) {
            return Optional.empty();
        }
        String id = cells.getOrDefault(io.radflow.core.data.Cohort.PATIENT_ID, "row " + (row + 1));
        return Optional.ofNullable(ImageViewerView.openFiles(getSite().getPage(), id + " \u203a "
                + pair.get().imageColumn(), pair.get().image(), pair.get().mask()));
    }

    /** Opens the shown chart in its own {@link ChartView}. */
    public Optional<ChartView> openChartView() {
        return chartComposite().map(c -> ChartView.open(getSite().getPage(), shown == null ? "Chart" : shown.text(),
                c.getChart()));
    }

    private void createActions() {
        IToolBarManager toolbar = getViewSite().getActionBars().getToolBarManager();
        Action csv = new Action("CSV") {
            @Override
            public void run() {
                if (filteredTable().isEmpty()) {
                    return;
                }
                FileDialog dialog = new FileDialog(getSite().getShell(), SWT.SAVE);
                dialog.setText("Export table as CSV");
                dialog.setFilterExtensions(new String[] {"*.csv"});
                dialog.setFileName((shown == null ? "table" : shown.port()) + ".csv");
                dialog.setOverwrite(true);
                String chosen = dialog.open();
                if (chosen != null) {
                    try {
                        exportTable(Path.of(chosen));
                    } catch (IOException | RuntimeException e) {
                        MessageDialog.openError(getSite().getShell(), "Export failed", e.getMessage());
                    }
                }
            }
        };
        csv.setToolTipText("Export the visible rows of the table as CSV");
        toolbar.add(csv);
        for (ChartFormat format : ChartFormat.values()) {
            Action export = new Action(format.name()) {
                @Override
                public void run() {
                    chartComposite().ifPresent(c -> ChartView.exportInteractively(getSite().getShell(), c.getChart(),
                            chartSize()[0], chartSize()[1], format));
                }
            };
            export.setToolTipText("Export the chart as " + format.name());
            toolbar.add(export);
        }
        Action chartView = new Action("Chart view") {
            @Override
            public void run() {
                openChartView();
            }
        };
        chartView.setToolTipText("Open the chart in its own view");
        toolbar.add(chartView);
        Action image = new Action("Image") {
            @Override
            public void run() {
                int row = table.getSelectionIndex();
                if (row >= 0 && openImageOfRow(row, null).isEmpty()) {
                    MessageDialog.openInformation(getSite().getShell(), "No image", "The selected row names no image file.");
                }
            }
        };
        image.setToolTipText("Open the image of the selected row (with its mask) in the image viewer");
        toolbar.add(image);
    }

    private void showChart(JFreeChart chart) {
        if (chartComposite == null || chartComposite.isDisposed()) {
            chartComposite = new ChartComposite(chartPage, SWT.NONE, chart, true);
        } else {
            chartComposite.setChart(chart);
            chartComposite.forceRedraw();
        }
        stackLayout.topControl = chartPage;
        chartPage.layout();
        stack.layout();
    }

    private void showText(String message) {
        text.setText(message);
        stackLayout.topControl = text;
        stack.layout();
    }

    private static boolean isChart(OutputItem item) {
        return OutputCharts.isChart(item.object());
    }

    private static boolean isSurvival(PortObject object) {
        return io.radflow.core.port.PortTypes.SURVIVAL_CURVES.equals(object.portTypeId());
    }

    /** The chart widget currently shown, if the chart page is on top. */
    public Optional<ChartComposite> chartComposite() {
        return stackLayout.topControl == chartPage ? Optional.ofNullable(chartComposite) : Optional.empty();
    }

    /** The output currently shown. */
    public Optional<OutputItem> shownOutput() {
        return Optional.ofNullable(shown);
    }

    public List<OutputItem> items() {
        return List.copyOf(items);
    }

    @Override
    public void setFocus() {
        list.setFocus();
    }

    @Override
    public void dispose() {
        getSite().getPage().removeSelectionListener(selectionListener);
        super.dispose();
    }
}
