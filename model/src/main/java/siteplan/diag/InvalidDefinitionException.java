package siteplan.diag;

import java.util.List;
import java.util.stream.Collectors;

/** Every problem found in one run over a definition, reported together; the CLI maps it to exit code 1. */
public class InvalidDefinitionException extends RuntimeException {
    private final List<Problem> problems;
    private final boolean partial;

    public InvalidDefinitionException(List<Problem> problems) {
        this(problems, false);
    }

    /** @param partial true when some file stopped early, so names used across files were not checked yet */
    public InvalidDefinitionException(List<Problem> problems, boolean partial) {
        super(problems.stream().map(Problem::render).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
        this.partial = partial;
    }

    public List<Problem> problems() { return problems; }

    public boolean partial() { return partial; }
}
