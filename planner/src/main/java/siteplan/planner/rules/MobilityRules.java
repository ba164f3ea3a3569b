package siteplan.planner.rules;

import java.util.List;
import siteplan.model.*;
import siteplan.model.Address.Kind;

/** Mobility service rules (seed 000 step 8, seed 004). */
final class MobilityRules {
    private MobilityRules() {}

    /** Every finding of this family for the facts. */
    static List<Finding> check(Facts f) {
        Findings out = new Findings(f.sources);
        check(f, out);
        return out.list();
    }

    private static void check(Facts f, Findings out) {
        for (Machine m : f.protectedMachines()) {
            if (m.mobility() == null) continue;
            ProtectionGroup g = f.groupOf(m).orElseThrow();
            push(f, out, m, g);
            reboot(f, out, m);
        }
        for (VmwareSite s : f.estate.vmwareSites()) passphrase(f, out, s);
    }

    /** MOB-PUSH-WIN / MOB-PUSH-LINUX: a push install needs an account: an administrator on Windows, root on Linux, declared as such. */
    static void push(Facts f, Findings out, Machine m, ProtectionGroup g) {
        InstallMethod how = m.mobility().install() == null ? InstallMethod.PUSH : m.mobility().install();
        if (how != InstallMethod.PUSH) return;
        boolean windows = m.os() == OsFamily.WINDOWS;
        var guest = f.discovered.vcenter(m.site()).flatMap(v -> v.vm(m.name())).map(siteplan.planner.state.VmInfo::guest).orElse(null);
        if (guest != null) {
            java.util.List<String> missing = new java.util.ArrayList<>();
            if (windows) {
                if (Boolean.FALSE.equals(guest.fileAndPrinterSharing())) missing.add("File and Printer Sharing is blocked by the firewall");
                if (Boolean.FALSE.equals(guest.wmi())) missing.add("WMI is blocked by the firewall");
                if (Boolean.FALSE.equals(guest.localAccountTokenFilterPolicy())) missing.add("LocalAccountTokenFilterPolicy is not 1 (needed for a non-domain account)");
            } else {
                if (Boolean.FALSE.equals(guest.hostsFileMapsAllNics())) missing.add("/etc/hosts does not map the host name to every NIC's address");
                if (Boolean.FALSE.equals(guest.sshPasswordAuthentication())) missing.add("SSH on port 22 does not allow password authentication");
                if (Boolean.FALSE.equals(guest.sftp())) missing.add("the SSH server has no SFTP subsystem");
            }
            if (!missing.isEmpty()) {
                out.report(windows ? "MOB-PUSH-WIN" : "MOB-PUSH-LINUX", Severity.ERROR, m.name(), Address.machine(m.name()),
                        "the Mobility service cannot be pushed to " + m.name() + ": " + String.join("; ", missing));
            }
        }
        // Modernized: the appliance pushes with its run-as accounts; a machine's own account must be one of them.
        List<SecretRef> runAs = f.modernized(m) ? f.vmwareSite(m.site()).flatMap(s -> s.appliances().stream().filter(a -> a.name().equals(g.appliance())).findFirst())
                .map(ReplicationAppliance::runAsAccounts).orElse(List.of()) : List.of();
        SecretRef used = m.mobility().account() != null ? m.mobility().account() : g.pushAccount();
        if (!runAs.isEmpty()) {
            if (used != null && !runAs.contains(used)) {
                out.report(windows ? "MOB-PUSH-WIN" : "MOB-PUSH-LINUX", Severity.ERROR, m.name(), Address.machine(m.name()), "the Mobility agent of " + m.name() + " is pushed with "
                        + used + ", which replication appliance " + g.appliance() + " does not hold; an appliance pushes with its run-as accounts ("
                        + String.join(", ", runAs.stream().map(SecretRef::toString).toList()) + ") — add it there: runAsAccount " + used);
                return;
            }
            if (used == null) return; // the appliance picks among its run-as accounts; their standing is the appliance's to declare
        }
        if (m.mobility().account() == null && g.pushAccount() == null) {
            out.report(windows ? "MOB-PUSH-WIN" : "MOB-PUSH-LINUX", Severity.ERROR, m.name(), Address.machine(m.name()), "the Mobility service is pushed to " + m.name()
                    + " but no account is given: " + (windows ? "an administrator account (and LocalAccountTokenFilterPolicy=1 for a local one)" : "root")
                    + (f.modernized(m) ? " — add runAsAccount secret('…') to replication appliance " + g.appliance() : " — add pushAccount secret('…') to protection group " + g.name()));
            return;
        }
        standing(out, m, g, windows);
    }

    /**
     * The push account's standing (the second half of MOB-PUSH-WIN / MOB-PUSH-LINUX). The account in effect is the machine's own (mobility { account … }) or else its group's pushAccount,
     * and so is the standing declared beside it. Undeclared, siteplan cannot know: it says so and how to
     * declare it; declared as anything else, the push would fail, so it is an error.
     */
    private static void standing(Findings out, Machine m, ProtectionGroup g, boolean windows) {
        boolean own = m.mobility().account() != null;
        AccountStanding declared = own ? m.mobility().accountStanding() : g.pushAccountStanding();
        AccountStanding needed = windows ? AccountStanding.ADMINISTRATOR : AccountStanding.ROOT;
        String rule = windows ? "MOB-PUSH-WIN" : "MOB-PUSH-LINUX";
        String account = own ? "the push account " + m.mobility().account() + " of " + m.name() : "push account " + g.pushAccount() + " of protection group " + g.name();
        String declare = own ? "accountStanding '" + needed.token() + "' in the mobility block of " + m.name() : "pushAccountStanding '" + needed.token() + "' to protection group " + g.name();
        Address where = own ? Address.machine(m.name()).child(Kind.MOBILITY) : Address.protectionGroup(g.name());
        String os = windows ? "Windows" : "Linux";
        if (declared == null) {
            out.report(rule, Severity.WARNING, m.name(), where, "the Mobility service is pushed to " + m.name() + " (" + os + ") with " + account
                    + ", which must be " + (windows ? "an administrator" : "root") + " there; its standing is not declared, so siteplan cannot check it — add: " + declare);
        } else if (declared != needed) {
            out.report(rule, Severity.ERROR, m.name(), where, "the Mobility service cannot be pushed to " + m.name() + " (" + os + ") with " + account + ": it is "
                    + declared.token() + ", and a push install needs " + (windows ? "an administrator" : "root") + " — use such an account and declare " + declare);
        }
    }

    /** MOB-REBOOT: a pending reboot (pending file rename operations) blocks installing the Mobility service. */
    static void reboot(Facts f, Findings out, Machine m) {
        boolean pending = f.discovered.vcenter(m.site()).flatMap(v -> v.vm(m.name())).map(v -> Boolean.TRUE.equals(v.pendingReboot())).orElse(false);
        boolean installed = f.discovered.protectedItem(m.name()).map(p -> p.mobility() != null).orElse(false);
        if (pending && !installed) {
            out.report("MOB-REBOOT", Severity.WARNING, m.name(), Address.machine(m.name()), m.name()
                    + " is waiting for a reboot (pending file rename operations), which blocks installing the Mobility service — reboot it first");
        }
    }

    /** MOB-PASSPHRASE: machines register with their configuration server's passphrase, a reference never printed. */
    static void passphrase(Facts f, Findings out, VmwareSite s) {
        // The modernized architecture's agents register with their appliance, which the vault registered: no passphrase.
        boolean needed = f.protectedMachinesOf(s.name()).stream().anyMatch(m -> m.mobility() != null && !f.modernized(m));
        ConfigurationServer cs = s.configurationServer();
        if (needed && (cs == null || cs.passphrase() == null)) {
            out.report("MOB-PASSPHRASE", Severity.ERROR, "site " + s.name(), cs == null ? Address.site(s.name()) : Address.site(s.name()).child(Kind.CONFIGURATION_SERVER, cs.name()),
                    "Mobility services of " + s.name() + " register with the configuration server's passphrase, but " + (cs == null ? "the site declares no configuration server"
                            : "configuration server " + cs.name() + " has none — add: passphrase secret('…')"));
        }
    }
}
