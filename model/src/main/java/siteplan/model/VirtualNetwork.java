package siteplan.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

@JsonClassDescription("An Azure virtual network that failed-over machines, the configuration server or master targets join.")
public record VirtualNetwork(
        @Required @JsonPropertyDescription("Network name, unique within the Azure target.") String name,
        @JsonPropertyDescription("Azure region of the network; defaults to the target's region (NET-REGION).") String region,
        @JsonPropertyDescription("Address spaces in CIDR form.") List<String> addressSpace,
        @JsonPropertyDescription("Subnets of the network.") List<Subnet> subnets,
        @JsonPropertyDescription("True for an isolated network meant for test failovers (drills).") boolean drill) {
    public VirtualNetwork {
        addressSpace = Lists.copy(addressSpace);
        subnets = Lists.copy(subnets);
    }
}
