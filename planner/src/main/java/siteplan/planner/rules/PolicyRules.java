package siteplan.planner.rules;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import siteplan.model.*;
import siteplan.units.Durations;

/** Replication policy and protection group rules (seed 000 step 7, seed 003 "Set up replication settings"). */
final class PolicyRules {
    private PolicyRules() {}

    /** Every finding of this family for the facts. */
    static List<Finding> check(Facts f) {
        Findings out = new Findings(f.sources);
        check(f, out);
        return out.list();
    }

    private static void check(Facts f, Findings out) {
        // The modernized form has its own rule (RCM-POLICY-HISTORY).
        for (ReplicationPolicy p : f.estate.replicationPolicies()) if (!p.modernized()) fields(f, out, p);
        for (HyperVPolicy p : f.estate.hyperVPolicies()) {
            copy(f, out, p);
            app(f, out, p);
            offline(f, out, p);
        }
        for (ProtectionGroup g : f.estate.protectionGroups()) {
            // Multi-VM consistency's Windows-only groups and one master target are the classic architecture's.
            f.replicationPolicy(g.policy()).filter(p -> f.architectureOf(g) == Architecture.CLASSIC).ifPresent(p -> {
                multiVm(f, out, g, p);
                consistentMt(f, out, g, p);
            });
            f.hyperVPolicy(g.policy()).ifPresent(p -> {
                hostOs(f, out, g, p);
                auth(f, out, g, p);
            });
        }
    }

    /** POL-FIELDS: RPO threshold, retention and app-consistent frequency, each more than zero. */
    static void fields(Facts f, Findings out, ReplicationPolicy p) {
        for (var e : java.util.Map.of("rpoThreshold", p.rpoThreshold(), "retention", p.retention(), "appConsistentFrequency", p.appConsistentFrequency()).entrySet()) {
            if (e.getValue() == null || e.getValue().isZero()) {
                out.report("POL-FIELDS", Severity.ERROR, p.name(), Address.policy(p.name()), "policy " + p.name() + " needs " + e.getKey() + " greater than 0");
            }
        }
    }

    /** POL-MULTIVM: multi-VM consistency only where every machine of the group runs Windows. */
    static void multiVm(Facts f, Findings out, ProtectionGroup g, ReplicationPolicy p) {
        if (!p.multiVmConsistency()) return;
        List<String> linux = f.membership.members(g).stream().filter(m -> m.os() != OsFamily.WINDOWS).map(Machine::name).toList();
        if (!linux.isEmpty()) {
            out.report("POL-MULTIVM", Severity.ERROR, g.name(), Address.protectionGroup(g.name()), "protection group " + g.name() + " uses multi-VM consistency (policy " + p.name()
                    + ") but " + String.join(", ", linux) + " do not run Windows");
        }
    }

    /** PG-CONSISTENT-MT: machines of a multi-VM group use one master target. */
    static void consistentMt(Facts f, Findings out, ProtectionGroup g, ReplicationPolicy p) {
        if (p.multiVmConsistency() && g.masterTarget() == null && f.membership.members(g).size() > 1) {
            out.report("PG-CONSISTENT-MT", Severity.ERROR, g.name(), Address.protectionGroup(g.name()), "protection group " + g.name()
                    + " is multi-VM consistent and must name the one master target its machines use — add: masterTarget 'name'");
        }
    }

    /** POL-HV-COPY: copy frequency 30 s, 5 min or 15 min. */
    static void copy(Facts f, Findings out, HyperVPolicy p) {
        if (!f.profile.hyperV().copyFrequencies().contains(p.copyFrequency())) {
            out.report("POL-HV-COPY", Severity.ERROR, p.name(), Address.policy(p.name()), "policy " + p.name() + " copies every " + Durations.format(p.copyFrequency()) + "; allowed: "
                    + f.profile.hyperV().copyFrequencies().stream().map(Durations::format).collect(Collectors.joining(", ")));
        }
    }

    /** POL-HV-APP: app-consistent snapshots every 1-12 hours, and less often than the recovery points kept. */
    static void app(Facts f, Findings out, HyperVPolicy p) {
        Duration a = p.appConsistentFrequency();
        if (a == null) return;
        Duration min = f.profile.hyperV().appConsistentMin();
        Duration max = f.profile.hyperV().appConsistentMax();
        if (a.compareTo(min) < 0 || a.compareTo(max) > 0) {
            out.report("POL-HV-APP", Severity.ERROR, p.name(), Address.policy(p.name()), "policy " + p.name() + " takes app-consistent snapshots every " + Durations.format(a)
                    + "; allowed " + Durations.format(min) + " to " + Durations.format(max));
        }
        int points = p.recoveryPoints() == null ? 0 : p.recoveryPoints();
        if (a.toHours() >= points) {
            out.report("POL-HV-APP", Severity.ERROR, p.name(), Address.policy(p.name()), "policy " + p.name() + " takes app-consistent snapshots every " + Durations.format(a)
                    + " but keeps " + points + " hours of recovery points; the frequency must be less than that");
        }
    }

    /** POL-HV-OFFLINE: offline export and import paths exist and are not on a Hyper-V host. */
    static void offline(Facts f, Findings out, HyperVPolicy p) {
        InitialReplication ir = p.initialReplication();
        if (ir == null || ir.method() != InitialReplicationMethod.OFFLINE) return;
        Set<String> hosts = f.estate.vmmSites().stream().flatMap(s -> s.hosts().stream()).map(h -> h.name().toLowerCase()).collect(Collectors.toSet());
        for (String[] path : new String[][] {{"exportPath", ir.exportPath()}, {"importPath", ir.importPath()}}) {
            if (path[1] == null) {
                out.report("POL-HV-OFFLINE", Severity.ERROR, p.name(), Address.policy(p.name()), "policy " + p.name() + " replicates offline but declares no " + path[0]);
                continue;
            }
            String host = uncHost(path[1]);
            if (host != null && hosts.contains(host.toLowerCase())) {
                out.report("POL-HV-OFFLINE", Severity.ERROR, p.name(), Address.policy(p.name()), "the offline " + path[0] + " " + path[1] + " of policy " + p.name()
                        + " is on Hyper-V host " + host + "; use a file server");
            }
        }
    }

    private static String uncHost(String path) {
        if (!path.startsWith("\\\\")) return null;
        String rest = path.substring(2);
        int slash = rest.indexOf('\\');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    /** Hosts of the clouds a Hyper-V group protects from and to. */
    private static List<HyperVHost> hosts(Facts f, Findings out, String site, String cloud) {
        return f.vmmSite(site).map(s -> {
            Set<String> groups = s.clouds().stream().filter(c -> c.name().equals(cloud)).flatMap(c -> c.hostGroups().stream()).collect(Collectors.toSet());
            return s.hosts().stream().filter(h -> groups.contains(h.hostGroup())).toList();
        }).orElse(List.of());
    }

    /** POL-HV-HOSTOS: every Hyper-V host under one policy runs the same Windows Server version. */
    static void hostOs(Facts f, Findings out, ProtectionGroup g, HyperVPolicy p) {
        Set<String> versions = new TreeSet<>();
        f.estate.protectionGroups().stream().filter(x -> x.policy().equals(p.name()))
                .forEach(x -> hosts(f, out, x.source(), x.sourceCloud()).forEach(h -> versions.add(h.windowsServer())));
        if (versions.size() > 1) {
            out.report("POL-HV-HOSTOS", Severity.ERROR, p.name(), Address.policy(p.name()), "the Hyper-V hosts under policy " + p.name() + " run different Windows Server versions ("
                    + String.join(", ", versions) + "); use one policy per version");
        }
    }

    /** POL-HV-AUTH: Kerberos (8083) only between Windows Server 2012 R2 hosts; certificate on 8084. */
    static void auth(Facts f, Findings out, ProtectionGroup g, HyperVPolicy p) {
        int expected = p.authentication() == HyperVAuthentication.KERBEROS ? f.profile.hyperV().kerberosPort() : f.profile.hyperV().certificatePort();
        if (p.port() != null && p.port() != expected) {
            out.report("POL-HV-AUTH", Severity.ERROR, p.name(), Address.policy(p.name()), "policy " + p.name() + " uses " + p.authentication().token() + " on port " + p.port()
                    + "; " + p.authentication().token() + " uses port " + expected);
        }
        if (p.authentication() != HyperVAuthentication.KERBEROS) return;
        String want = f.profile.hyperV().kerberosHostVersion();
        List<String> other = new java.util.ArrayList<>();
        hosts(f, out, g.source(), g.sourceCloud()).forEach(h -> { if (!want.equalsIgnoreCase(h.windowsServer())) other.add(h.name() + " (" + h.windowsServer() + ")"); });
        hosts(f, out, g.target(), g.targetCloud()).forEach(h -> { if (!want.equalsIgnoreCase(h.windowsServer())) other.add(h.name() + " (" + h.windowsServer() + ")"); });
        if (!other.isEmpty()) {
            out.report("POL-HV-AUTH", Severity.ERROR, g.name(), Address.protectionGroup(g.name()), "protection group " + g.name() + " uses Kerberos (policy " + p.name()
                    + "), which needs Windows Server " + want + " hosts: " + String.join(", ", other) + " — use certificate authentication");
        }
    }
}
