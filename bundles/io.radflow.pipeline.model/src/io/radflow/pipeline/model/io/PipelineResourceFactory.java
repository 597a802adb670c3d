package io.radflow.pipeline.model.io;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.xmi.XMLResource;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceImpl;

/**
  * Resource factory for {@code .radflow} files: XMI 2.0 in UTF-8 with {@code \n} line ends.
  *
  * <p>Nodes are identified by their own {@code id} attribute (the model's ID attribute), never by
  * generated UUIDs or positional paths, so connections read {@code source="cox"} and ids survive
  * every load/save cycle. Unknown elements or attributes are errors, not silently dropped data.
  *
  * <p>Registered for the {@code radflow} extension through {@code org.eclipse.emf.ecore.extension_parser}
  * in plugin.xml; {@link PipelineFiles} uses it directly on a private resource set, so it also works
  * in a plain JVM.
  */
public class PipelineResourceFactory extends XMIResourceFactoryImpl {

    /** File extension of pipeline files, without the dot. */
    public static final String EXTENSION = "radflow";

    /** Encoding of pipeline files. */
    public static final String ENCODING = "UTF-8";

    @Override
    public Resource createResource(URI uri) {
        XMIResourceImpl resource = new XMIResourceImpl(uri);
        resource.setEncoding(ENCODING);
        resource.setIntrinsicIDToEObjectMap(new HashMap<>());
        Map<Object, Object> save = resource.getDefaultSaveOptions();
        save.put(XMLResource.OPTION_ENCODING, ENCODING);
        save.put(XMLResource.OPTION_LINE_DELIMITER, "\n");
        save.put(XMLResource.OPTION_SAVE_TYPE_INFORMATION, Boolean.FALSE);
        save.put(XMLResource.OPTION_PROCESS_DANGLING_HREF, XMLResource.OPTION_PROCESS_DANGLING_HREF_THROW);
        Map<Object, Object> load = resource.getDefaultLoadOptions();
        load.put(XMLResource.OPTION_DEFER_IDREF_RESOLUTION, Boolean.TRUE);
        load.put(XMLResource.OPTION_RECORD_UNKNOWN_FEATURE, Boolean.FALSE);
        return resource;
    }
}
