package io.radflow.ui.compare;

import io.radflow.pipeline.engine.NodeTypeRegistry;
import io.radflow.pipeline.engine.RunMonitor;
import io.radflow.pipeline.engine.RunResult;
import io.radflow.pipeline.model.Pipeline;
import io.radflow.pipeline.model.io.PipelineFiles;
import io.radflow.ui.editor.PipelineEditor;
import io.radflow.ui.run.PipelineRunner;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IEditorReference;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;
import org.jfree.chart.swt.ChartComposite;

/**
 * Compares two or more pipelines: tab "Structure" lists the {@link PipelineDiff} of each pipeline against
 * the first, tab "Metrics" the {@link MetricTable} of their runs (metrics whose values differ first, marked
 * with a not-equal sign), tab "Curves" the
 * {@link CurveOverlay}s. Runs come from open editors' last runs of the same files, or from "Run all"
 * ({@link ComparisonRunner}, one background job).
 */
public final class ComparisonView extends ViewPart {

    public static final String ID = "io.radflow.ui.comparisonView";

    /** One compared pipeline and its run (null until run). */
    public record Entry(Path file, Pipeline pipeline, RunResult result) {
        public String name() {
            return file.getFileName().toString().replaceFirst("\\.radflow$", "");
        }
    }

    private Label header;
    private CTabFolder tabs;
    private Table structure;
    private Table metricsTable;
    private Combo overlayChoice;
    private Composite chartPage;
    private ChartComposite chart;
    private final List<Entry> entries = new ArrayList<>();
    private MetricTable metrics;
    private List<CurveOverlay.Overlay> overlays = List.of();

    /** Shows the comparison view with {@code files}; null (and an error dialog) on failure. */
    public static ComparisonView open(IWorkbenchPage page, List<Path> files) {
        try {
            ComparisonView view = (ComparisonView) page.showView(ID);
            view.setPipelines(files);
            return view;
        } catch (PartInitException | IOException | RuntimeException e) {
            MessageDialog.openError(page.getWorkbenchWindow().getShell(), "Cannot compare pipelines", e.getMessage());
            return null;
        }
    }

    @Override
    public void createPartControl(Composite parent) {
        Composite root = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 4;
        layout.marginHeight = 4;
        root.setLayout(layout);
        header = new Label(root, SWT.WRAP);
        header.setText("Compare Pipelines... or Pipeline > Create Variants... to compare pipelines.");
        header.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        tabs = new CTabFolder(root, SWT.BORDER | SWT.TOP);
        tabs.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        structure = table(tab("Structure"), "Pipeline", "Change", "Node", "What", "Before", "After");
        metricsTable = table(tab("Metrics"), "Metric");
        Composite curves = new Composite(tabs, SWT.NONE);
        curves.setLayout(new GridLayout(1, false));
        overlayChoice = new Combo(curves, SWT.READ_ONLY);
        overlayChoice.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        overlayChoice.addListener(SWT.Selection, e -> showOverlay(overlayChoice.getSelectionIndex()));
        chartPage = new Composite(curves, SWT.NONE);
        chartPage.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        chartPage.setLayout(new FillLayout());
        CTabItem curvesTab = new CTabItem(tabs, SWT.NONE);
        curvesTab.setText("Curves");
        curvesTab.setControl(curves);
        tabs.setSelection(0);

        Action add = new Action("Add...") {
            @Override
            public void run() {
                FileDialog dialog = new FileDialog(getSite().getShell(), SWT.OPEN | SWT.MULTI);
                dialog.setText("Pipelines to compare");
                dialog.setFilterExtensions(new String[] {"*.radflow"});
                if (dialog.open() != null) {
                    List<Path> files = new ArrayList<>(entries.stream().map(Entry::file).toList());
                    for (String name : dialog.getFileNames()) {
                        files.add(Path.of(dialog.getFilterPath(), name));
                    }
                    try {
                        setPipelines(files);
                    } catch (IOException | RuntimeException e) {
                        MessageDialog.openError(getSite().getShell(), "Cannot compare pipelines", e.getMessage());
                    }
                }
            }
        };
        add.setToolTipText("Add pipeline files to the comparison");
        Action run = new Action("Run all") {
            @Override
            public void run() {
                runAll();
            }
        };
        run.setToolTipText("Run every pipeline that has no run yet");
        getViewSite().getActionBars().getToolBarManager().add(add);
        getViewSite().getActionBars().getToolBarManager().add(run);
    }

    private Composite tab(String title) {
        Composite page = new Composite(tabs, SWT.NONE);
        page.setLayout(new FillLayout());
        CTabItem item = new CTabItem(tabs, SWT.NONE);
        item.setText(title);
        item.setControl(page);
        return page;
    }

    private static Table table(Composite parent, String... columns) {
        Table table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        for (String c : columns) {
            TableColumn column = new TableColumn(table, SWT.LEFT);
            column.setText(c);
            column.setWidth(120);
        }
        return table;
    }

    /** Loads {@code files} (at least one); runs of open editors on the same files are taken over. */
    public void setPipelines(List<Path> files) throws IOException {
        List<Entry> loaded = new ArrayList<>();
        for (Path file : files) {
            Path absolute = file.toAbsolutePath().normalize();
            loaded.add(new Entry(absolute, PipelineFiles.load(absolute), editorRun(absolute)));
        }
        entries.clear();
        entries.addAll(loaded);
        refresh();
    }

    private RunResult editorRun(Path file) {
        IWorkbenchPage page = getSite().getPage();
        for (IEditorReference ref : page.getEditorReferences()) {
            if (ref.getEditor(false) instanceof PipelineEditor editor && editor.file() != null
                    && editor.file().toAbsolutePath().normalize().equals(file) && !editor.isDirty()) {
                return editor.lastResult().orElse(null);
            }
        }
        return null;
    }

    /** Runs, in one background job, every pipeline without a run; the view refreshes when it ends. */
    public Job runAll() {
        Path runs = Path.of(System.getProperty(PipelineRunner.RUNS_PROPERTY,
                entries.isEmpty() ? "runs" : entries.get(0).file().getParent().resolve("runs").toString()));
        ComparisonRunner runner = new ComparisonRunner(NodeTypeRegistry.fromPlatform(), runs,
                Path.of(System.getProperty("user.home"), ".cache", "radflow"));
        List<Entry> todo = entries.stream().filter(e -> e.result() == null).toList();
        Display display = getSite().getShell().getDisplay();
        Job job = new Job("Run " + todo.size() + " pipeline(s) for the comparison") {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                monitor.beginTask(getName(), todo.size());
                List<String> failures = new ArrayList<>();
                for (Entry entry : todo) {
                    if (monitor.isCanceled()) {
                        return Status.CANCEL_STATUS;
                    }
                    monitor.subTask(entry.name());
                    try {
                        RunResult result = runner.run(entry.file(), new RunMonitor() {
                            @Override
                            public boolean isCanceled() {
                                return monitor.isCanceled();
                            }
                        });
                        display.asyncExec(() -> replace(entry, result));
                    } catch (Exception e) {
                        failures.add(entry.name() + ": " + e.getMessage());
                    }
                    monitor.worked(1);
                }
                if (!failures.isEmpty()) {
                    display.asyncExec(() -> header.setText("Runs failed: " + String.join("; ", failures)));
                }
                return Status.OK_STATUS;
            }
        };
        job.schedule();
        return job;
    }

    private void replace(Entry entry, RunResult result) {
        int index = entries.indexOf(entry);
        if (index >= 0 && !header.isDisposed()) {
            entries.set(index, new Entry(entry.file(), entry.pipeline(), result));
            refresh();
        }
    }

    private void refresh() {
        List<String> names = entries.stream().map(Entry::name).toList();
        long run = entries.stream().filter(e -> e.result() != null).count();
        header.setText(entries.size() + " pipelines: " + String.join(", ", names) + " (" + run + " run"
                + (run == entries.size() ? ")" : "; Run all to run the others)"));
        structure.removeAll();
        for (int i = 1; i < entries.size(); i++) {
            for (PipelineDiff.Row row : diff(i).rows()) {
                TableItem item = new TableItem(structure, SWT.NONE);
                item.setText(new String[] {names.get(i) + " vs " + names.get(0), row.kind().name().toLowerCase(Locale.ROOT),
                        row.nodeId(), row.what(), row.before(), row.after()});
            }
        }
        List<RunOutputs> outputs = entries.stream().map(e -> e.result() == null ? null : RunOutputs.of(e.result())).toList();
        metrics = MetricTable.of(names, outputs);
        metricsTable.removeAll();
        while (metricsTable.getColumnCount() > 1) {
            metricsTable.getColumn(1).dispose();
        }
        metricsTable.getColumn(0).setWidth(420);
        for (String name : names) {
            TableColumn column = new TableColumn(metricsTable, SWT.RIGHT);
            column.setText(name);
            column.setWidth(170);
        }
        List<String> ordered = new ArrayList<>(metrics.metrics().stream().filter(metrics::differs).toList());
        metrics.metrics().stream().filter(m -> !metrics.differs(m)).forEach(ordered::add);
        for (String metric : ordered) {
            TableItem item = new TableItem(metricsTable, SWT.NONE);
            item.setText(0, (metrics.differs(metric) ? "\u2260 " : "   ") + metric);
            for (int r = 0; r < names.size(); r++) {
                double v = metrics.value(metric, r);
                item.setText(r + 1, Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.5g", v));
            }
        }
        overlays = CurveOverlay.overlays(names, outputs);
        overlayChoice.removeAll();
        overlays.forEach(o -> overlayChoice.add(o.output()));
        if (!overlays.isEmpty()) {
            overlayChoice.select(0);
            showOverlay(0);
        }
        header.getParent().layout(true, true);
    }

    private void showOverlay(int index) {
        if (index < 0 || index >= overlays.size()) {
            return;
        }
        if (chart == null || chart.isDisposed()) {
            chart = new ChartComposite(chartPage, SWT.NONE, overlays.get(index).chart(), true);
        } else {
            chart.setChart(overlays.get(index).chart());
        }
        chartPage.layout(true);
    }

    /** The diff of pipeline {@code index} against the first. */
    public PipelineDiff diff(int index) {
        return PipelineDiff.between(entries.get(0).pipeline(), entries.get(index).pipeline());
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    public MetricTable metrics() {
        return metrics;
    }

    public List<CurveOverlay.Overlay> overlays() {
        return overlays;
    }

    /** Brings tab {@code index} (0 structure, 1 metrics, 2 curves) to the front. */
    public void showTab(int index) {
        tabs.setSelection(index);
    }

    public Table structureTable() {
        return structure;
    }

    public Table metricsTable() {
        return metricsTable;
    }

    @Override
    public void setFocus() {
        tabs.setFocus();
    }
}
