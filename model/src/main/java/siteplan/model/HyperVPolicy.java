package siteplan.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.time.Duration;

@JsonClassDescription("A Hyper-V replication policy between VMM clouds (seed 003 'Set up replication settings').")
public record HyperVPolicy(
        @Required @JsonPropertyDescription("Policy name.") String name,
        @Required @JsonPropertyDescription("Copy frequency: 30s, 5min or 15min (POL-HV-COPY).") Duration copyFrequency,
        @JsonPropertyDescription("Hours of additional recovery points kept (POL-HV-APP); 0 keeps only the latest.") Integer recoveryPoints,
        @JsonPropertyDescription("Application-consistent snapshot frequency, 1h to 12h (POL-HV-APP).") Duration appConsistentFrequency,
        @JsonPropertyDescription("Compress data in transfer.") boolean compression,
        @Required @JsonPropertyDescription("kerberos (port 8083, 2012 R2 hosts) or certificate (port 8084) (POL-HV-AUTH).") HyperVAuthentication authentication,
        @JsonPropertyDescription("Replication port; 8083 for Kerberos, 8084 for certificate unless declared.") Integer port,
        @JsonPropertyDescription("Initial replication method; network, immediately, unless declared.") InitialReplication initialReplication,
        @JsonPropertyDescription("Delete the replica VM when protection is disabled.") boolean deleteReplica) {}
