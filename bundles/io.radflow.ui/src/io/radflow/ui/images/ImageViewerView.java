package io.radflow.ui.images;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.BusyIndicator;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Scale;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;

/**
 * Image viewer: axial, coronal or sagittal slices of one or more images ({@link ViewerInput}), a slice
 * slider (also the mouse wheel over an image), window/level presets ({@link WindowLevel}), and the label
 * map overlaid with a colour per label, an opacity and an outline switch ({@link OverlayStyle}). The
 * pixels come from {@link SliceRenderer}; this class only wires widgets. Several viewers may be open
 * (secondary ids).
 */
public final class ImageViewerView extends ViewPart {

    public static final String ID = "io.radflow.ui.imageViewer";

    private Label title;
    private final Map<SliceOrientation, Button> orientationButtons = new EnumMap<>(SliceOrientation.class);
    private Scale slider;
    private Label sliceLabel;
    private Combo presets;
    private Scale opacity;
    private Button outline;
    private final List<Button> labelButtons = new ArrayList<>();
    private SashForm panes;
    private final List<Canvas> canvases = new ArrayList<>();
    private final List<SliceRenderer.Rendered> rendered = new ArrayList<>();

    private ViewerInput input;
    private SliceOrientation orientation = SliceOrientation.AXIAL;
    private final Map<SliceOrientation, Integer> slices = new EnumMap<>(SliceOrientation.class);
    private WindowLevel window = WindowLevel.ABDOMEN;
    private OverlayStyle overlay = OverlayStyle.DEFAULT;

    /** Opens a new viewer on {@code input}; null (and an error dialog) when the view cannot open. */
    public static ImageViewerView open(IWorkbenchPage page, ViewerInput input) {
        try {
            String secondary = Long.toString(System.nanoTime());
            ImageViewerView view = (ImageViewerView) page.showView(ID, secondary, IWorkbenchPage.VIEW_ACTIVATE);
            view.show(input);
            return view;
        } catch (PartInitException | IllegalArgumentException e) {
            MessageDialog.openError(page.getWorkbenchWindow().getShell(), "Cannot open the image viewer", e.getMessage());
            return null;
        }
    }

    /** Reads an image (and mask) and opens a viewer on it; reports unreadable files in a dialog. */
    public static ImageViewerView openFiles(IWorkbenchPage page, String title, Path image, Path mask) {
        ViewerInput[] read = new ViewerInput[1];
        String[] error = new String[1];
        BusyIndicator.showWhile(page.getWorkbenchWindow().getShell().getDisplay(), () -> {
            try {
                read[0] = ViewerInput.fromFiles(title, image, mask);
            } catch (IOException | IllegalArgumentException e) {
                error[0] = e.getMessage();
            }
        });
        if (read[0] == null) {
            MessageDialog.openError(page.getWorkbenchWindow().getShell(), "Cannot open image", error[0]);
            return null;
        }
        return open(page, read[0]);
    }

    @Override
    public void createPartControl(Composite parent) {
        Composite root = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 4;
        layout.marginHeight = 4;
        root.setLayout(layout);
        title = new Label(root, SWT.NONE);
        title.setText("Open an image from a cohort or a node output in the Results view.");
        title.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

        Composite bar = new Composite(root, SWT.NONE);
        RowLayout row = new RowLayout(SWT.HORIZONTAL);
        row.center = true;
        row.spacing = 6;
        bar.setLayout(row);
        for (SliceOrientation o : SliceOrientation.values()) {
            Button b = new Button(bar, SWT.RADIO);
            b.setText(o.name().charAt(0) + o.name().substring(1).toLowerCase());
            b.setSelection(o == orientation);
            b.addListener(SWT.Selection, e -> {
                if (b.getSelection()) {
                    setOrientation(o);
                }
            });
            orientationButtons.put(o, b);
        }
        slider = new Scale(bar, SWT.HORIZONTAL);
        slider.setLayoutData(new org.eclipse.swt.layout.RowData(180, SWT.DEFAULT));
        slider.addListener(SWT.Selection, e -> setSlice(slider.getSelection()));
        sliceLabel = new Label(bar, SWT.NONE);
        sliceLabel.setText("slice 000 / 000");
        presets = new Combo(bar, SWT.READ_ONLY);
        for (WindowLevel w : WindowLevel.PRESETS) {
            presets.add(w.label());
        }
        presets.addListener(SWT.Selection, e -> setWindow(WindowLevel.PRESETS.get(presets.getSelectionIndex())));
        new Label(bar, SWT.NONE).setText("Opacity");
        opacity = new Scale(bar, SWT.HORIZONTAL);
        opacity.setMaximum(100);
        opacity.setSelection((int) Math.round(overlay.opacity() * 100));
        opacity.setLayoutData(new org.eclipse.swt.layout.RowData(100, SWT.DEFAULT));
        opacity.addListener(SWT.Selection, e -> setOverlay(overlay.withOpacity(opacity.getSelection() / 100.0)));
        outline = new Button(bar, SWT.CHECK);
        outline.setText("Outline");
        outline.addListener(SWT.Selection, e -> setOverlay(overlay.withOutline(outline.getSelection())));
        for (OverlayStyle.LabelStyle ls : overlay.labels()) {
            Button b = new Button(bar, SWT.CHECK);
            b.setText(ls.name() + " (" + ls.label() + ")");
            b.setSelection(ls.visible());
            b.setForeground(new org.eclipse.swt.graphics.Color(b.getDisplay(), (ls.rgb() >> 16) & 0xFF,
                    (ls.rgb() >> 8) & 0xFF, ls.rgb() & 0xFF));
            b.addListener(SWT.Selection, e -> setOverlay(overlay.withVisible(ls.label(), b.getSelection())));
            labelButtons.add(b);
        }
        panes = new SashForm(root, SWT.HORIZONTAL);
        panes.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        panes.setBackground(panes.getDisplay().getSystemColor(SWT.COLOR_BLACK));
        updateControls();
    }

    /** Shows {@code newInput} from its start slice (the most tumour), in the abdomen window for CT. */
    public void show(ViewerInput newInput) {
        input = newInput;
        slices.clear();
        for (SliceOrientation o : SliceOrientation.values()) {
            slices.put(o, newInput.startSlice(o));
        }
        double[] voxels = newInput.panels().get(0).image().voxels();
        double min = java.util.Arrays.stream(voxels).min().orElse(0);
        window = min < -200 ? WindowLevel.ABDOMEN : WindowLevel.fullRange(voxels);
        setPartName("Image: " + newInput.title());
        title.setText(newInput.title() + (newInput.labels() == null ? "" : "  (with mask)"));
        for (Canvas c : canvases) {
            c.dispose();
        }
        canvases.clear();
        rendered.clear();
        for (int i = 0; i < newInput.panels().size(); i++) {
            int pane = i;
            Canvas canvas = new Canvas(panes, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
            canvas.addListener(SWT.Paint, e -> paint(pane, e.gc, canvas.getClientArea()));
            canvas.addListener(SWT.MouseVerticalWheel, e -> setSlice(sliceIndex() + (e.count > 0 ? 1 : -1)));
            canvases.add(canvas);
            rendered.add(null);
        }
        panes.layout(true);
        refresh();
    }

    public void setOrientation(SliceOrientation value) {
        orientation = value;
        refresh();
    }

    /** Moves to slice {@code index}, clamped to the image. */
    public void setSlice(int index) {
        if (input == null) {
            return;
        }
        int count = orientation.sliceCount(input.panels().get(0).image().geometry());
        slices.put(orientation, Math.max(0, Math.min(count - 1, index)));
        refresh();
    }

    public void setWindow(WindowLevel value) {
        window = value;
        refresh();
    }

    public void setOverlay(OverlayStyle value) {
        overlay = value;
        refresh();
    }

    public SliceOrientation orientation() {
        return orientation;
    }

    public int sliceIndex() {
        return slices.getOrDefault(orientation, 0);
    }

    public WindowLevel window() {
        return window;
    }

    public OverlayStyle overlay() {
        return overlay;
    }

    public ViewerInput input() {
        return input;
    }

    /** The pixels last shown in pane {@code pane} (before scaling to the canvas). */
    public SliceRenderer.Rendered rendered(int pane) {
        return rendered.get(pane);
    }

    public List<Canvas> canvases() {
        return List.copyOf(canvases);
    }

    private void refresh() {
        if (input == null || panes == null || panes.isDisposed()) {
            return;
        }
        Slice labels = input.labels() == null ? null : Slice.of(input.labels(), orientation, sliceIndex());
        for (int i = 0; i < input.panels().size(); i++) {
            ViewerInput.Panel panel = input.panels().get(i);
            Slice slice = Slice.of(panel.image(), orientation, sliceIndex());
            WindowLevel w = panel.fixedWindow() == null ? window : panel.fixedWindow();
            rendered.set(i, SliceRenderer.render(slice, labels, w, overlay));
            canvases.get(i).redraw();
        }
        updateControls();
    }

    private void updateControls() {
        if (slider == null || slider.isDisposed()) {
            return;
        }
        orientationButtons.forEach((o, b) -> b.setSelection(o == orientation));
        int count = input == null ? 1 : orientation.sliceCount(input.panels().get(0).image().geometry());
        slider.setMinimum(0);
        slider.setMaximum(Math.max(1, count - 1));
        slider.setSelection(sliceIndex());
        sliceLabel.setText("slice " + (sliceIndex() + 1) + " / " + count);
        int preset = WindowLevel.PRESETS.indexOf(window);
        if (preset >= 0) {
            presets.select(preset);
        } else {
            presets.deselectAll();
            presets.setText(window.label());
        }
        opacity.setSelection((int) Math.round(overlay.opacity() * 100));
        outline.setSelection(overlay.outline());
        for (int i = 0; i < labelButtons.size(); i++) {
            labelButtons.get(i).setSelection(overlay.labels().get(i).visible());
            labelButtons.get(i).setEnabled(input != null && input.labels() != null);
        }
        sliceLabel.getParent().layout(true);
    }

    /** Draws the rendered slice scaled to fit, keeping the physical aspect ratio, with its caption. */
    private void paint(int pane, GC gc, Rectangle area) {
        gc.setBackground(gc.getDevice().getSystemColor(SWT.COLOR_BLACK));
        gc.fillRectangle(area);
        SliceRenderer.Rendered r = pane < rendered.size() ? rendered.get(pane) : null;
        if (r == null) {
            return;
        }
        ImageData data = new ImageData(r.width(), r.height(), 24, new PaletteData(0xFF0000, 0x00FF00, 0x0000FF));
        data.setPixels(0, 0, r.rgb().length, r.rgb(), 0);
        for (int y = 1; y < r.height(); y++) {
            data.setPixels(0, y, r.width(), r.rgb(), y * r.width());
        }
        double[] spacing = input.panels().get(pane).image().geometry().spacing();
        double physicalWidth = r.width() * orientation.pixelWidth(input.panels().get(pane).image().geometry());
        double physicalHeight = r.height() * orientation.pixelHeight(input.panels().get(pane).image().geometry());
        double scale = Math.min((area.width - 8) / physicalWidth, (area.height - 24) / physicalHeight);
        int w = Math.max(1, (int) Math.round(physicalWidth * scale));
        int h = Math.max(1, (int) Math.round(physicalHeight * scale));
        int x = area.x + (area.width - w) / 2;
        int y = area.y + 20 + (area.height - 20 - h) / 2;
        Image image = new Image(gc.getDevice(), data);
        try {
            gc.setInterpolation(SWT.NONE);
            gc.drawImage(image, 0, 0, r.width(), r.height(), x, y, w, h);
        } finally {
            image.dispose();
        }
        gc.setForeground(gc.getDevice().getSystemColor(SWT.COLOR_WHITE));
        ViewerInput.Panel panel = input.panels().get(pane);
        WindowLevel shown = panel.fixedWindow() == null ? window : panel.fixedWindow();
        gc.drawText(panel.caption() + "  " + orientation.name().toLowerCase() + " " + (sliceIndex() + 1) + "  "
                + shown.label() + "  " + spacing[0] + " x " + spacing[1] + " x " + spacing[2] + " mm", area.x + 4,
                area.y + 2, true);
    }

    @Override
    public void setFocus() {
        if (!canvases.isEmpty()) {
            canvases.get(0).setFocus();
        } else if (panes != null) {
            panes.setFocus();
        }
    }

    /** For tests and screenshots: the composite holding the image panes. */
    public Control panes() {
        return panes;
    }
}
