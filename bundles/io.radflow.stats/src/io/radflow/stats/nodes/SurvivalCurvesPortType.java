package io.radflow.stats.nodes;

import io.radflow.core.port.PortObject;
import io.radflow.core.port.PortType;
import io.radflow.core.port.PortTypes;

/** Port type {@code radflow.survivalCurves} of {@link SurvivalCurves} (no reader). */
public final class SurvivalCurvesPortType implements PortType {

    @Override
    public String id() {
        return PortTypes.SURVIVAL_CURVES;
    }

    @Override
    public Class<? extends PortObject> objectClass() {
        return SurvivalCurves.class;
    }
}
