package io.radflow.core.data;

import io.radflow.core.port.PortObject;
import io.radflow.core.port.PortType;
import io.radflow.core.port.PortTypes;

import java.io.IOException;
import java.nio.file.Path;

/** Port type of {@link Cohort}; reads a cohort manifest CSV. */
public final class CohortPortType implements PortType {

    @Override
    public String id() {
        return PortTypes.COHORT;
    }

    @Override
    public Class<? extends PortObject> objectClass() {
        return Cohort.class;
    }

    @Override
    public boolean canRead() {
        return true;
    }

    @Override
    public PortObject read(Path file) throws IOException {
        return Cohort.read(file);
    }
}
