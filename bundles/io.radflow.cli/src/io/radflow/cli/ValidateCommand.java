package io.radflow.cli;

import io.radflow.pipeline.engine.NodeTypeRegistry;
import io.radflow.pipeline.engine.PipelineMigration;
import io.radflow.pipeline.engine.PipelineValidator;
import io.radflow.pipeline.engine.ValidationProblem;
import io.radflow.pipeline.model.Pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "validate", description = "Check a pipeline against the installed node types without running it.")
final class ValidateCommand implements Callable<Integer> {

    @ParentCommand
    private RadflowCli cli;

    @Parameters(index = "0", paramLabel = "PIPELINE")
    private Path pipelineFile;

    @Override
    public Integer call() {
        List<ValidationProblem> problems;
        try {
            NodeTypeRegistry registry = cli.registry.get();
            Pipeline pipeline = PipelineSource.load(pipelineFile);
            new PipelineMigration(registry).migrate(pipeline)
                    .forEach(m -> cli.out.println(pipelineFile + ": note: " + m));
            problems = new PipelineValidator(registry).validate(pipeline);
        } catch (IOException | RuntimeException e) {
            cli.err.println("radflow-cli: cannot read pipeline: " + e.getMessage());
            return ExitCodes.INVALID;
        }
        problems.forEach(p -> (p.isError() ? cli.err : cli.out).println(pipelineFile + ": " + p));
        boolean valid = problems.stream().noneMatch(ValidationProblem::isError);
        cli.out.println(pipelineFile + (valid ? ": valid" : ": NOT valid"));
        return valid ? ExitCodes.OK : ExitCodes.INVALID;
    }
}
