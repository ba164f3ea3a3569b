package siteplan.diag;

import java.util.List;
import java.util.stream.Collectors;

/** Every problem found in one run over a definition, reported together; the CLI maps it to exit code 1. */
public class InvalidDefinitionException extends RuntimeException {
    private final List<Problem> problems;

    public InvalidDefinitionException(List<Problem> problems) {
        super(problems.stream().map(Problem::render).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() { return problems; }
}
