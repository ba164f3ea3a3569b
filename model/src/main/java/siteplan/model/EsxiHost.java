package siteplan.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

@JsonClassDescription("An ESXi host of a VMware site.")
public record EsxiHost(
        @Required @JsonPropertyDescription("Host name.") String name,
        @Required @JsonPropertyDescription("ESXi version, e.g. 5.5 (SRC-VMWARE).") String version,
        @JsonPropertyDescription("License edition, e.g. enterprise, or free (FB-ESXI-FREE: failback does not work on free hypervisors).") String edition) {}
