package siteplan.dsl;

import java.util.List;
import siteplan.diag.Problem;
import siteplan.diag.SourceMap;
import siteplan.model.Estate;

/** What evaluating Groovy definition files produced: the declarations, where each came from, and every problem found. */
public record DslResult(Estate estate, SourceMap sources, List<Problem> problems) {}
