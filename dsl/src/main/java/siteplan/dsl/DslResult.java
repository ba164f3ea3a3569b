package siteplan.dsl;

import java.util.List;
import siteplan.diag.Problem;
import siteplan.diag.SourceMap;
import siteplan.model.Estate;

/**
 * What evaluating Groovy definition files produced: the declarations, where each came from, every
 * problem found, and whether every file ran to its end (when one stopped early, references to what it
 * would have declared are not worth checking yet).
 */
public record DslResult(Estate estate, SourceMap sources, List<Problem> problems, boolean complete) {}
