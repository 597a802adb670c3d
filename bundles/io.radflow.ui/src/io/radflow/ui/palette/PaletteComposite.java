package io.radflow.ui.palette;

import io.radflow.pipeline.engine.NodeType;
import io.radflow.ui.palette.PaletteModel.Category;

import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;

/**
 * The node palette of the pipeline editor: a search box over a tree of categories and node types
 * (from {@link PaletteModel}), each entry with its help as tool tip. Dragging an entry and releasing
 * it elsewhere reports the node type and the release point in display coordinates; double-clicking
 * (or Enter) reports the entry alone. The palette itself changes nothing.
 */
public final class PaletteComposite extends Composite {

    private static final int DRAG_THRESHOLD = 5;

    private final PaletteModel model;
    private final Text search;
    private final Tree tree;
    private BiConsumer<NodeType, Point> dropListener = (type, at) -> {
    };
    private Consumer<NodeType> openListener = type -> {
    };
    private NodeType pressed;
    private int pressX;
    private int pressY;
    private boolean dragging;

    public PaletteComposite(Composite parent, PaletteModel model) {
        super(parent, SWT.NONE);
        this.model = model;
        GridLayout grid = new GridLayout(1, false);
        grid.marginWidth = 4;
        grid.marginHeight = 4;
        setLayout(grid);
        Label title = new Label(this, SWT.NONE);
        title.setText("Nodes");
        search = new Text(this, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
        search.setMessage("Search nodes");
        search.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        tree = new Tree(this, SWT.SINGLE | SWT.V_SCROLL | SWT.H_SCROLL);
        tree.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        search.addListener(SWT.Modify, e -> fill(search.getText()));
        tree.addListener(SWT.MouseHover, this::hover);
        tree.addListener(SWT.MouseDown, this::down);
        tree.addListener(SWT.MouseMove, this::move);
        tree.addListener(SWT.MouseUp, this::up);
        tree.addListener(SWT.DefaultSelection, e -> {
            if (e.item instanceof TreeItem item && item.getData() instanceof NodeType type) {
                openListener.accept(type);
            }
        });
        fill("");
    }

    /** Told when an entry is dragged and released: the type and the release point in display coordinates. */
    public void setDropListener(BiConsumer<NodeType, Point> listener) {
        this.dropListener = listener;
    }

    /** Told when an entry is double-clicked or chosen with Enter. */
    public void setOpenListener(Consumer<NodeType> listener) {
        this.openListener = listener;
    }

    public Text searchField() {
        return search;
    }

    public Tree tree() {
        return tree;
    }

    /** The tree item of a node type, if shown under the current filter. */
    public TreeItem item(String typeId) {
        for (TreeItem category : tree.getItems()) {
            for (TreeItem item : category.getItems()) {
                if (item.getData() instanceof NodeType type && type.id().equals(typeId)) {
                    return item;
                }
            }
        }
        return null;
    }

    private void fill(String filter) {
        tree.setRedraw(false);
        try {
            tree.removeAll();
            for (Category category : model.categories(filter)) {
                TreeItem parent = new TreeItem(tree, SWT.NONE);
                parent.setText(category.name());
                parent.setData(category);
                for (NodeType type : category.nodeTypes()) {
                    TreeItem item = new TreeItem(parent, SWT.NONE);
                    item.setText(type.label());
                    item.setData(type);
                }
                parent.setExpanded(true);
            }
        } finally {
            tree.setRedraw(true);
        }
    }

    private NodeType typeAt(int x, int y) {
        TreeItem item = tree.getItem(new Point(x, y));
        return item != null && item.getData() instanceof NodeType type ? type : null;
    }

    private void hover(Event e) {
        NodeType type = typeAt(e.x, e.y);
        tree.setToolTipText(type == null ? null : PaletteModel.tooltip(type));
    }

    private void down(Event e) {
        pressed = e.button == 1 ? typeAt(e.x, e.y) : null;
        pressX = e.x;
        pressY = e.y;
        dragging = false;
    }

    private void move(Event e) {
        if (pressed != null && (e.stateMask & SWT.BUTTON1) != 0
                && Math.abs(e.x - pressX) + Math.abs(e.y - pressY) >= DRAG_THRESHOLD && !dragging) {
            dragging = true;
            tree.setCursor(getDisplay().getSystemCursor(SWT.CURSOR_HAND));
        }
    }

    private void up(Event e) {
        NodeType type = pressed;
        boolean dropped = dragging;
        pressed = null;
        dragging = false;
        tree.setCursor(null);
        if (type != null && dropped) {
            dropListener.accept(type, tree.toDisplay(e.x, e.y));
        }
    }
}
