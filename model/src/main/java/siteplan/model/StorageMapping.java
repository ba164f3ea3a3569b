package siteplan.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

@JsonClassDescription("Maps a source storage classification to a target one (MAP-STORAGE).")
public record StorageMapping(
        @Required @JsonPropertyDescription("Source storage classification, e.g. GOLD.") String source,
        @Required @JsonPropertyDescription("Target storage classification, e.g. GOLD_TARGET.") String target) {}
