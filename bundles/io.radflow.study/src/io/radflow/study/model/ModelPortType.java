package io.radflow.study.model;

import io.radflow.core.port.PortObject;
import io.radflow.core.port.PortType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Port type {@value FittedModel#PORT_TYPE} of {@link FittedModel}; reads the model JSON file. */
public final class ModelPortType implements PortType {

    @Override
    public String id() {
        return FittedModel.PORT_TYPE;
    }

    @Override
    public Class<? extends PortObject> objectClass() {
        return FittedModel.class;
    }

    @Override
    public boolean canRead() {
        return true;
    }

    @Override
    public PortObject read(Path file) throws IOException {
        try {
            return FittedModel.fromJson(Files.readString(file, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }
}
