package io.radflow.ui.properties;

import io.radflow.core.data.Cohort;
import io.radflow.core.data.Table;
import io.radflow.core.node.ParameterDescriptor;
import io.radflow.core.port.PortObject;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which widget edits a parameter and how its text is checked, decided from the node type's
 * {@link ParameterDescriptor} alone (the properties view only renders the decision). Free of SWT.
 */
public final class ParameterEditors {

    /** The widget of a parameter. */
    public enum Kind {
        /** Text field checked against the type (integer or number) and bounds. */
        NUMBER,
        /** Read-only combo of the declared choices. */
        CHOICE,
        /** Check box. */
        BOOLEAN,
        /** Text field of comma-separated values. */
        LIST,
        /** Text field with a Browse... button. */
        PATH,
        /** Editable combo offering the columns of the upstream cohort or tables, when a run made them known. */
        COLUMN,
        /** Plain text field. */
        TEXT
    }

    private ParameterEditors() {
    }

    /**
     * The widget for a parameter: numbers, choices, booleans and paths by their declared type; a
     * string parameter whose label or help speaks of a "column" is a column picker, one whose help
     * speaks of a "comma-separated" list is a list, any other string is plain text.
     */
    public static Kind kindOf(ParameterDescriptor descriptor) {
        return switch (descriptor.type()) {
            case INTEGER, DOUBLE -> Kind.NUMBER;
            case CHOICE -> Kind.CHOICE;
            case BOOLEAN -> Kind.BOOLEAN;
            case PATH -> Kind.PATH;
            case STRING -> {
                String text = (descriptor.label() + " " + descriptor.help()).toLowerCase(Locale.ROOT);
                if (text.contains("comma-separated") || text.contains("comma separated")) {
                    yield Kind.LIST;
                }
                yield text.contains("column") ? Kind.COLUMN : Kind.TEXT;
            }
        };
    }

    /** The allowed range of a number as shown beside its field ("1 to 1000", "at least 1e-06"), or "". */
    public static String rangeHint(ParameterDescriptor d) {
        if (d.min() != null && d.max() != null) {
            return number(d.min()) + " to " + number(d.max());
        }
        if (d.min() != null) {
            return "at least " + number(d.min());
        }
        if (d.max() != null) {
            return "at most " + number(d.max());
        }
        return "";
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /**
     * What is wrong with {@code text} as the value of the parameter, or {@code null} when it is fine.
     * An empty text means "use the default" and is checked as the default. Lists must not have empty
     * items; paths that do not exist (resolved against {@code baseDirectory}) are reported.
     */
    public static String problem(ParameterDescriptor d, String text, Path baseDirectory) {
        String value = text == null || text.isEmpty() ? d.defaultValue() : text;
        String problem = d.check(value);
        if (problem != null || value == null || value.isEmpty()) {
            return problem;
        }
        Kind kind = kindOf(d);
        if (kind == Kind.LIST && List.of(value.split(",", -1)).stream().anyMatch(s -> s.isBlank())) {
            return "parameter '" + d.key() + "' has an empty item in '" + value + "'";
        }
        if (kind == Kind.PATH && !value.startsWith("builtin:")) {
            try {
                Path path = Path.of(value);
                if (!path.isAbsolute() && baseDirectory != null) {
                    path = baseDirectory.resolve(path);
                }
                if (!Files.exists(path)) {
                    return "parameter '" + d.key() + "': " + path + " does not exist";
                }
            } catch (InvalidPathException e) {
                return "parameter '" + d.key() + "': not a valid path: " + e.getMessage();
            }
        }
        return null;
    }

    /**
     * Column names offered by a column picker: the file columns and clinical columns of upstream
     * cohorts and the columns of upstream tables, in order, without duplicates.
     */
    public static List<String> columns(Collection<PortObject> upstream) {
        Set<String> names = new LinkedHashSet<>();
        for (PortObject object : upstream) {
            if (object instanceof Cohort cohort) {
                names.addAll(cohort.fileColumns());
                if (cohort.clinical() != null) {
                    names.addAll(cohort.clinical().columnNames());
                }
            } else if (object instanceof Table table) {
                names.addAll(table.columnNames());
            }
        }
        return List.copyOf(names);
    }
}
