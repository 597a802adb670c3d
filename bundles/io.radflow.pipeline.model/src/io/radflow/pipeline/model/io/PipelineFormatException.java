package io.radflow.pipeline.model.io;

import java.io.IOException;

/**
 * A pipeline file or text is malformed. The message starts with {@code source:line:column:} when
 * the position is known (1-based), e.g. {@code demo.yaml:12:7: nodes[2] (id 'cox'): unknown key 'colour'}.
 */
public class PipelineFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final int column;

    /**
     * @param source file name or other description of the input
     * @param line 1-based line, or 0 if unknown
     * @param column 1-based column, or 0 if unknown
     * @param problem what is wrong, naming the offending entry
     * @param cause underlying parser exception, may be null
     */
    public PipelineFormatException(String source, int line, int column, String problem, Throwable cause) {
        super(format(source, line, column, problem), cause);
        this.source = source;
        this.line = line;
        this.column = column;
    }

    private static String format(String source, int line, int column, String problem) {
        StringBuilder text = new StringBuilder(source);
        if (line > 0) {
            text.append(':').append(line);
            if (column > 0) {
                text.append(':').append(column);
            }
        }
        return text.append(": ").append(problem).toString();
    }

    /** File name or description of the input. */
    public String getSource() {
        return source;
    }

    /** 1-based line of the problem, or 0 if unknown. */
    public int getLine() {
        return line;
    }

    /** 1-based column of the problem, or 0 if unknown. */
    public int getColumn() {
        return column;
    }
}
