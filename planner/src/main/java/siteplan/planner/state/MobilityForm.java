package siteplan.planner.state;

import java.util.List;

/**
 * The Mobility service as discovery reports it: the services its desired state keeps running on a
 * protected machine (seed 004, MOB-SERVICES), and the Azure VM agent's when the machine wants the agent.
 */
public final class MobilityForm {
    public static final List<String> MOBILITY_SERVICES = List.of("svagents", "InMage Scout Application Service");
    public static final List<String> AGENT_SERVICES = List.of("WindowsAzureGuestAgent", "WindowsAzureTelemetryService");

    private MobilityForm() {}
}
