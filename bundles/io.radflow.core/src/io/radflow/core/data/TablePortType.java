package io.radflow.core.data;

import io.radflow.core.port.PortObject;
import io.radflow.core.port.PortType;
import io.radflow.core.port.PortTypes;

import java.io.IOException;
import java.nio.file.Path;

/** Port type of {@link Table}; reads CSV files. */
public final class TablePortType implements PortType {

    @Override
    public String id() {
        return PortTypes.TABLE;
    }

    @Override
    public Class<? extends PortObject> objectClass() {
        return Table.class;
    }

    @Override
    public boolean canRead() {
        return true;
    }

    @Override
    public PortObject read(Path file) throws IOException {
        return Table.readCsv(file);
    }
}
