package io.radflow.charts.data;

import java.util.List;

/** Values per group (e.g. a rad-score by outcome or by centre), for box plots. */
public record GroupedValues(String valueLabel, List<Group> groups) {

    /** One group's values. */
    public record Group(String name, double[] values) {
        public Group {
            Checks.name("box plot group", name);
            values = Checks.finite("box plot group '" + name + "'", values);
            if (values.length == 0) {
                throw new IllegalArgumentException("box plot group '" + name + "' has no values");
            }
        }

        @Override
        public double[] values() {
            return values.clone();
        }
    }

    public GroupedValues {
        groups = List.copyOf(groups);
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("box plot: no groups");
        }
    }
}
