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

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
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
 * output ports on the left and, on the right, a table (for {@link Table} outputs), a chart (for
 * Kaplan-Meier curves and figures) or a summary. After a run it shows the run's first chart.
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
        table = new org.eclipse.swt.widgets.Table(stack, SWT.BORDER | SWT.VIRTUAL | SWT.FULL_SELECTION);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.addListener(SWT.SetData, e -> {
            org.eclipse.swt.widgets.TableItem row = (org.eclipse.swt.widgets.TableItem) e.item;
            if (table.getData() instanceof Table data) {
                int index = table.indexOf(row);
                List<Column> cols = data.columns();
                for (int c = 0; c < cols.size(); c++) {
                    row.setText(c, cols.get(c).text(index));
                }
            }
        });
        chartPage = new Composite(stack, SWT.NONE);
        chartPage.setLayout(new FillLayout());
        text = new Text(stack, SWT.BORDER | SWT.MULTI | SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL);
        stackLayout.topControl = text;
        sash.setWeights(new int[] { 25, 75 });

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
        if (object instanceof Table t) {
            showTable(t);
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
            for (Column c : columns) {
                TableColumn tc = new TableColumn(table, c.isNumeric() ? SWT.RIGHT : SWT.LEFT);
                tc.setText(c.name());
                tc.setWidth(Math.max(70, Math.min(200, 9 * c.name().length())));
            }
            table.setData(t);
            table.clearAll();
            table.setItemCount(t.rowCount());
        } finally {
            table.setRedraw(true);
        }
        stackLayout.topControl = table;
        stack.layout();
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
