package siteplan.dsl.isolation;

import java.util.List;
import java.util.Map;
import siteplan.diag.Location;
import siteplan.diag.Problem;
import siteplan.model.Estate;

/**
 * All an evaluator process hands back: the model of the Groovy files it evaluated, where each thing was
 * declared, and the problems found. Data only, read by the parent with the model's own mapping.
 */
public record Evaluated(Estate estate, Map<String, List<Location>> sources, List<Problem> problems, boolean complete) {}
