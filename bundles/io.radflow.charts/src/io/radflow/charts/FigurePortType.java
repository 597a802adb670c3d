package io.radflow.charts;

import io.radflow.core.port.PortObject;
import io.radflow.core.port.PortType;
import io.radflow.core.port.PortTypes;

/** Port type {@code radflow.figure} of {@link Figure} (no reader). */
public final class FigurePortType implements PortType {

    @Override
    public String id() {
        return PortTypes.FIGURE;
    }

    @Override
    public Class<? extends PortObject> objectClass() {
        return Figure.class;
    }
}
