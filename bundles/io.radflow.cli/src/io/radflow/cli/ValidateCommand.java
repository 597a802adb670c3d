package io.radflow.cli;

import io.radflow.pipeline.engine.PipelineValidator;
import io.radflow.pipeline.engine.ValidationProblem;

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
            problems = new PipelineValidator(cli.registry.get()).validate(PipelineSource.load(pipelineFile));
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
