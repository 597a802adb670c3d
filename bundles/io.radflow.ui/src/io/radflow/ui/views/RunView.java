package io.radflow.ui.views;

import io.radflow.pipeline.engine.PatientFailure;
import io.radflow.pipeline.engine.RunResult;
import io.radflow.ui.run.RunSession;
import io.radflow.ui.run.RunSession.NodeRow;

import java.util.List;
import java.util.Locale;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.part.ViewPart;

/**
 * The current (or last) run: overall progress, one row per node with status, time and message,
 * the patients that failed, and a Cancel button.
 */
public final class RunView extends ViewPart {

    public static final String ID = "io.radflow.ui.runView";

    private Label status;
    private Button cancel;
    private ProgressBar progress;
    private Table nodes;
    private Label failuresLabel;
    private Table failures;
    private RunSession session;
    private final Runnable listener = this::refresh;

    @Override
    public void createPartControl(Composite parent) {
        Composite root = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(2, false);
        layout.marginWidth = 6;
        layout.marginHeight = 6;
        root.setLayout(layout);

        status = new Label(root, SWT.NONE);
        status.setText("No run yet: open a pipeline and choose Pipeline > Run.");
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        cancel = new Button(root, SWT.PUSH);
        cancel.setText("Cancel");
        cancel.setEnabled(false);
        cancel.addListener(SWT.Selection, e -> {
            if (session != null) {
                session.cancel();
            }
        });

        progress = new ProgressBar(root, SWT.SMOOTH | SWT.HORIZONTAL);
        progress.setMaximum(1000);
        progress.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));

        SashForm sash = new SashForm(root, SWT.VERTICAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
        nodes = table(sash, new String[] { "Node", "Status", "Time", "Message" }, new int[] { 130, 80, 62, 420 });
        Composite bottom = new Composite(sash, SWT.NONE);
        GridLayout bl = new GridLayout(1, false);
        bl.marginWidth = 0;
        bl.marginHeight = 0;
        bottom.setLayout(bl);
        failuresLabel = new Label(bottom, SWT.NONE);
        failuresLabel.setText("Patient failures");
        failuresLabel.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        failures = table(bottom, new String[] { "Node", "Patient", "Field", "Message" }, new int[] { 110, 80, 90, 400 });
        failures.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        sash.setWeights(new int[] { 72, 28 });
    }

    private static Table table(Composite parent, String[] titles, int[] widths) {
        Table table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        for (int i = 0; i < titles.length; i++) {
            TableColumn column = new TableColumn(table, SWT.LEFT);
            column.setText(titles[i]);
            column.setWidth(widths[i]);
        }
        return table;
    }

    /** Shows {@code session} from now on (the previous one is left alone). */
    public void show(RunSession newSession) {
        if (session != null) {
            session.removeListener(listener);
        }
        session = newSession;
        session.addListener(listener);
        refresh();
    }

    public RunSession session() {
        return session;
    }

    /** The status line, e.g. "demo: succeeded in 2.3 s". */
    public String statusText() {
        return status.getText();
    }

    private void refresh() {
        if (status == null || status.isDisposed() || session == null) {
            return;
        }
        setContentDescription(session.pipelineName());
        status.setText(statusLine());
        status.setToolTipText(session.outputDirectory() == null ? null : "Output folder: " + session.outputDirectory());
        cancel.setEnabled(!session.isFinished() && !session.isCancelRequested());
        progress.setSelection((int) Math.round(1000 * session.overallFraction()));
        List<NodeRow> rows = session.rows();
        nodes.setItemCount(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            NodeRow row = rows.get(i);
            TableItem item = nodes.getItem(i);
            String time = row.durationMillis() >= 0 ? String.format(Locale.ROOT, "%.2f s", row.durationMillis() / 1000.0)
                    : row.status().equals("running") ? Math.round(100 * row.fraction()) + " %" : "";
            item.setText(new String[] { row.label(), row.status(), time, row.message() });
            item.setForeground(1, statusColor(row.status()));
        }
        List<PatientFailure> list = session.patientFailures();
        failuresLabel.setText("Patient failures (" + list.size() + ")");
        failures.setItemCount(list.size());
        for (int i = 0; i < list.size(); i++) {
            PatientFailure f = list.get(i);
            failures.getItem(i).setText(new String[] { f.nodeId(), f.patientId(), f.field(), f.message() });
        }
        status.getParent().layout(true);
    }

    private String statusLine() {
        if (session.error().isPresent()) {
            return "Could not run: " + session.error().get();
        }
        if (session.isFinished()) {
            RunResult r = session.result().orElseThrow();
            long millis = r.nodes().stream().mapToLong(n -> n.durationMillis()).sum();
            String outcome = r.status().name().toLowerCase(Locale.ROOT).replace('_', ' ');
            return String.format(Locale.ROOT, "%s%s in %.1f s", Character.toUpperCase(outcome.charAt(0)),
                    outcome.substring(1), millis / 1000.0);
        }
        if (session.isCancelRequested()) {
            return "Canceling...";
        }
        return "Running" + session.currentNode().map(n -> " " + n).orElse("") + "...";
    }

    private Color statusColor(String s) {
        int color = switch (s) {
            case "succeeded" -> SWT.COLOR_DARK_GREEN;
            case "failed" -> SWT.COLOR_RED;
            case "running" -> SWT.COLOR_DARK_YELLOW;
            default -> SWT.COLOR_DARK_GRAY;
        };
        return nodes.getDisplay().getSystemColor(color);
    }

    @Override
    public void setFocus() {
        nodes.setFocus();
    }

    @Override
    public void dispose() {
        if (session != null) {
            session.removeListener(listener);
        }
        super.dispose();
    }
}
