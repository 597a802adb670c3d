package io.radflow.pipeline.engine;

import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * An OSGi service that knows about extensions that could not be installed (a dropped-in jar that is not a
 * bundle, misses an import, ...). {@link NodeTypeRegistry#fromPlatform()} adds its problems to the registry's
 * own, so every place that lists registry problems (CLI, studio) names them.
 */
@FunctionalInterface
public interface ExtensionProblems {

    /** One line per problem, naming the file or bundle and what is wrong. */
    List<String> problems();

    /** The problems of all registered services; empty outside OSGi. */
    static List<String> ofServices() {
        Bundle bundle = FrameworkUtil.getBundle(ExtensionProblems.class);
        BundleContext context = bundle == null ? null : bundle.getBundleContext();
        if (context == null) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        try {
            for (ServiceReference<ExtensionProblems> reference : context.getServiceReferences(ExtensionProblems.class, null)) {
                ExtensionProblems service = context.getService(reference);
                if (service != null) {
                    try {
                        problems.addAll(service.problems());
                    } finally {
                        context.ungetService(reference);
                    }
                }
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e); // no filter given
        }
        return problems;
    }
}
