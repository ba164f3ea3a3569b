package siteplan.planner.state;

import java.util.ArrayList;
import java.util.List;
import siteplan.model.Machine;
import siteplan.model.OsFamily;

/**
 * The Mobility service as discovery reports it: the services its desired state keeps running on a
 * protected machine (seed 004, MOB-SERVICES), and the Azure VM agent's when the machine wants the agent.
 * Seed 004 names the Windows services; a Linux machine runs the same agents as Linux daemons: the
 * Mobility service's svagents and appservice, and the Linux VM agent, waagent.
 */
public final class MobilityForm {
    private static final List<String> WINDOWS_MOBILITY = List.of("svagents", "InMage Scout Application Service");
    private static final List<String> WINDOWS_AGENT = List.of("WindowsAzureGuestAgent", "WindowsAzureTelemetryService");
    private static final List<String> LINUX_MOBILITY = List.of("svagents", "appservice");
    private static final List<String> LINUX_AGENT = List.of("waagent");

    /**
     * Whether the agent version a vault reports is the declared one: a version declared as 9.66 is what Site Recovery reports as
     * 9.66.7567.1 (its build and revision), so the declared digits decide.
     */
    public static boolean versionSatisfies(String reported, String declared) {
        if (reported == null || declared == null) return false;
        return reported.equals(declared) || reported.startsWith(declared + ".");
    }

    private MobilityForm() {}

    /** The Mobility service's own services on a machine of this OS family. */
    public static List<String> mobilityServices(OsFamily os) {
        return os == OsFamily.LINUX ? LINUX_MOBILITY : WINDOWS_MOBILITY;
    }

    /** The Azure VM agent's services on a machine of this OS family. */
    public static List<String> agentServices(OsFamily os) {
        return os == OsFamily.LINUX ? LINUX_AGENT : WINDOWS_AGENT;
    }

    /** Every service the machine's desired state keeps running: the Mobility service's, and the VM agent's unless it declares vmAgent false. */
    public static List<String> desiredServices(Machine m) {
        List<String> services = new ArrayList<>(mobilityServices(m.os()));
        if (m.mobility() != null && !Boolean.FALSE.equals(m.mobility().vmAgent())) services.addAll(agentServices(m.os()));
        return services;
    }
}
