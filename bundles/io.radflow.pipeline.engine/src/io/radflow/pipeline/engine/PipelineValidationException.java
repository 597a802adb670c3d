package io.radflow.pipeline.engine;

import java.util.List;
import java.util.stream.Collectors;

/** The pipeline has validation errors and was not run. */
public final class PipelineValidationException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<ValidationProblem> problems;

    public PipelineValidationException(String pipeline, List<ValidationProblem> problems) {
        super("Pipeline " + pipeline + " is not valid:\n  " + problems.stream().map(ValidationProblem::toString)
                .collect(Collectors.joining("\n  ")));
        this.problems = List.copyOf(problems);
    }

    public List<ValidationProblem> problems() {
        return problems;
    }
}
