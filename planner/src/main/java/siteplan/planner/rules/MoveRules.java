package siteplan.planner.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import siteplan.model.*;
import siteplan.planner.diff.Action;
import siteplan.planner.diff.Change;
import siteplan.planner.diff.ResourceType;
import siteplan.planner.state.ProtectedItem;
import siteplan.planner.state.RecoveryVault;

/**
 * Site Recovery's move of machines from a classic vault to a modernized one (switch provider), checked at plan time
 * from the plan's moves: what the move needs of each machine, of the servers on both sides and of the vaults, how
 * it runs (batches, time) and what it leaves to do (recovery plans). Source: Microsoft Learn, "Move from classic to
 * modernized VMware disaster recovery" (ms.date 08/01/2023, its prerequisites as of 03/26/2025), [MOVE] in profile asr-2026,
 * whose numbers these read; and what the vault itself reports of each classic item.
 */
public final class MoveRules {
    private MoveRules() {}

    /** Every finding of this family for the facts and the changes planned. */
    public static List<Finding> check(Facts f, List<Change> changes) {
        Findings out = new Findings(f.sources);
        List<Change> moves = changes.stream().filter(c -> c.type() == ResourceType.PROTECTION && c.action() == Action.MOVE).toList();
        Profile.Modernized modernized = f.profiles.modernized().modernized();
        // Every protected machine's vault and item, once: a plan may move thousands.
        Map<String, RecoveryVault> holders = new HashMap<>();
        Map<String, ProtectedItem> items = new HashMap<>();
        f.discovered.vaults().forEach(v -> v.protectedItems().forEach(p -> {
            if (holders.putIfAbsent(p.machine(), v) == null) items.put(p.machine(), p);
        }));
        region(f, out, changes, holders);
        unmanagedDisks(f, out, changes, holders, items);
        if (moves.isEmpty() || modernized == null || modernized.move() == null) return out.list();
        Profile.Move limits = modernized.move();
        Set<String> sitesChecked = new java.util.HashSet<>();
        Set<String> copies = new java.util.HashSet<>();
        for (Change c : moves) {
            Machine m = f.estate.machine(c.name()).orElse(null);
            ProtectionGroup g = m == null ? null : f.groupOf(m).orElse(null);
            RecoveryVault from = holders.get(c.name());
            ProtectedItem p = items.get(c.name());
            if (m == null || g == null || p == null) continue;
            agent(f, out, limits, m, p);
            state(out, m, p);
            blocked(out, m, from, p);
            if (sitesChecked.add(from.target() + "/" + m.site())) configurationServer(f, out, from, m.site());
            appliance(f, out, m, g);
            logAccount(out, m, g, p);
            policy(f, out, m, g, p, copies);
        }
        batches(f, out, limits, moves);
        plans(f, out, moves, holders);
        return out.list();
    }

    /**
     * MOVE-AGENT: the Mobility agent on a machine that moves runs version 9.50 or later (profile move.minimumVersion):
     * Site Recovery refuses to move an older one. An agent whose version the vault does not report cannot be checked.
     */
    static void agent(Facts f, Findings out, Profile.Move limits, Machine m, ProtectedItem p) {
        String version = p.mobility() == null ? null : p.mobility().version();
        if (version == null) {
            out.report("MOVE-AGENT", Severity.WARNING, m.name(), Address.machine(m.name()), "the vault reports no Mobility agent version for " + m.name()
                    + ": the move needs " + limits.minimumVersion() + " or later (profile " + f.profiles.modernized().name() + "); check it on the machine before applying");
        } else if (compare(version, limits.minimumVersion()) < 0) {
            out.report("MOVE-AGENT", Severity.ERROR, m.name(), Address.machine(m.name()), m.name() + " runs Mobility agent " + version + "; moving it to the modernized vault needs "
                    + limits.minimumVersion() + " or later (profile " + f.profiles.modernized().name() + ") — upgrade it in the classic vault first (mobility { version '"
                    + limits.minimumVersion() + "' } and apply), then plan the move");
        }
    }

    /**
     * MOVE-STATE: only a machine that replicates from on-premises to Azure with its initial replication complete moves:
     * not one replicating for the first time or resynchronising, failed over, failed back or replicating back, and
     * not one whose replication health is critical.
     */
    static void state(Findings out, Machine m, ProtectedItem p) {
        String why = null;
        if (p.state() != ProtectedItem.ReplicationState.PROTECTED || p.activeLocation() != ProtectedItem.ActiveLocation.PRIMARY) {
            why = "is " + p.state().token().replace('-', ' ') + (p.failedOver() ? " at the recovery site" : "") + "; Site Recovery moves only a machine whose initial replication"
                    + " is complete and that replicates from on-premises to Azure — let it finish (or fail it back) first";
        } else if ("critical".equalsIgnoreCase(p.health())) {
            why = "has critical replication health; Site Recovery moves only a machine in a noncritical state — resolve its replication errors first";
        }
        if (why != null) out.report("MOVE-STATE", Severity.ERROR, m.name(), Address.machine(m.name()), m.name() + " " + why);
    }

    /**
     * MOVE-BLOCKED: Site Recovery reports, on each classic item, why it cannot be moved now (switchProviderBlockingErrorDetails):
     * a machine it reports blockers for is not moved; each is shown with Site Recovery's recommended action.
     */
    static void blocked(Findings out, Machine m, RecoveryVault from, ProtectedItem p) {
        if (p.moveReadiness() == null || p.moveReadiness().blockers().isEmpty()) return;
        out.report("MOVE-BLOCKED", Severity.ERROR, m.name(), Address.machine(m.name()), "vault " + from.name() + " reports that " + m.name()
                + " cannot move to a modernized vault now: " + String.join("; ", p.moveReadiness().blockers()) + " — resolve that, then plan again");
    }

    /**
     * MOVE-DISKS: Site Recovery moves only an item that replicates to managed disks, not to a storage account (unmanaged disks),
     * as the item reports (useManagedDisks): such a machine is planned as protection disabled in the classic vault and enabled
     * in the modernized one (-/+), its recovery points lost and its disks replicated in full — said, with why.
     */
    static void unmanagedDisks(Facts f, Findings out, List<Change> changes, Map<String, RecoveryVault> holders, Map<String, ProtectedItem> items) {
        for (Change c : changes) {
            if (c.type() != ResourceType.PROTECTION || c.action() != Action.REPLACE) continue;
            ProtectedItem p = items.get(c.name());
            RecoveryVault from = holders.get(c.name());
            Machine m = f.estate.machine(c.name()).orElse(null);
            ProtectionGroup g = m == null ? null : f.groupOf(m).orElse(null);
            if (p == null || from == null || g == null || p.moveReadiness() == null || !p.moveReadiness().unmanagedDisks() || from.target().equals(g.target())) continue;
            out.report("MOVE-DISKS", Severity.WARNING, m.name(), Address.machine(m.name()), m.name() + " replicates to a storage account (unmanaged disks) in classic vault "
                    + from.name() + ": Site Recovery's switch provider moves only machines replicating to managed disks, so it is protected anew in the modernized vault"
                    + " (its recovery points lost, its disks replicated in full); the classic vault no longer enables replication, so there is no way to move it instead");
        }
    }

    /**
     * MOVE-SERVERS: the configuration server the moving machines replicate through is registered and not critical (its
     * components must be 9.50 or later too: the vault reports the server's agentVersion, which discovery does not read yet,
     * so that is not checked here).
     */
    static void configurationServer(Facts f, Findings out, RecoveryVault from, String site) {
        RecoveryVault.Fabric fabric = from.fabric(site).orElse(null);
        RecoveryVault.RegisteredServer cs = fabric == null ? null : fabric.servers().stream().filter(s -> s.role().equals("configuration-server")).findFirst().orElse(null);
        if (cs == null) {
            out.report("MOVE-SERVERS", Severity.ERROR, "site " + site, Address.site(site), "no configuration server of site " + site + " is registered in vault " + from.name()
                    + ": Site Recovery moves machines only through a healthy configuration server — register it again (or protect the machines anew in the modernized vault)");
        } else if ("critical".equalsIgnoreCase(cs.health())) {
            out.report("MOVE-SERVERS", Severity.ERROR, "site " + site, Address.site(site), "configuration server " + cs.name() + " of site " + site + " is critical in vault "
                    + from.name() + ": Site Recovery moves machines only through a noncritical configuration server with a healthy heartbeat — repair it first");
        }
    }

    /**
     * MOVE-APPLIANCE: the appliance that takes a moving machine over is registered in the modernized vault and not
     * critical, and discovers the machine's vCenter (declared on the site). One that the plan registers is checked
     * at the next plan.
     */
    static void appliance(Facts f, Findings out, Machine m, ProtectionGroup g) {
        if (g.appliance() == null) return;
        Optional<RecoveryVault.RegisteredServer> a = f.discovered.vault(g.target()).flatMap(v -> v.fabric(m.site()))
                .flatMap(x -> x.servers().stream().filter(s -> s.name().equals(g.appliance()) && !s.role().equals("vcenter")).findFirst());
        if (a.isPresent() && "critical".equalsIgnoreCase(a.get().health())) {
            out.report("MOVE-APPLIANCE", Severity.ERROR, m.name(), Address.machine(m.name()), "replication appliance " + g.appliance() + " that takes " + m.name()
                    + " over is critical: Site Recovery moves machines only to a noncritical appliance with a healthy heartbeat — repair it first");
        }
        boolean vcenter = f.vmwareSite(m.site()).map(s -> s.vcenter() != null).orElse(false);
        if (!vcenter && m.kind() == MachineKind.VMWARE_VM) {
            out.report("MOVE-APPLIANCE", Severity.ERROR, m.name(), Address.machine(m.name()), m.name() + " is a VMware VM of site " + m.site() + ", which declares no vCenter:"
                    + " the appliance must discover the machine's vCenter before Site Recovery can move it — declare the site's vcenter");
        }
    }

    /**
     * MOVE-REGION: switch provider moves machines only into a modernized vault in the classic vault's region; a move from
     * a classic vault into another region is planned as protection disabled and enabled again (-/+), its recovery points
     * lost and its data replicated in full: said, so that a modernized vault in the classic vault's region can be chosen instead.
     */
    static void region(Facts f, Findings out, List<Change> changes, Map<String, RecoveryVault> holders) {
        for (Change c : changes) {
            if (c.type() != ResourceType.PROTECTION || c.action() != Action.REPLACE) continue;
            Machine m = f.estate.machine(c.name()).orElse(null);
            ProtectionGroup g = m == null ? null : f.groupOf(m).orElse(null);
            RecoveryVault from = holders.get(c.name());
            AzureTarget to = g == null ? null : f.azure(g.target()).orElse(null);
            if (from == null || to == null || from.target().equals(to.name()) || Architecture.of(to) != Architecture.MODERNIZED) continue;
            boolean classic = f.azure(from.target()).map(t -> Architecture.of(t) == Architecture.CLASSIC).orElse(true);
            if (!classic || from.region() == null || to.region() == null || to.region().equalsIgnoreCase(from.region())) continue;
            out.report("MOVE-REGION", Severity.WARNING, m.name(), Address.protectionGroup(g.name()), m.name() + " leaves classic vault " + from.name() + " in " + from.region()
                    + " for a vault in " + to.region() + ": Site Recovery's switch provider moves machines only within the classic vault's region, so it is protected anew"
                    + " (its recovery points lost, its disks replicated in full) — declare target " + g.target() + " in " + from.region() + " to move it instead");
        }
    }

    /**
     * MOVE-LOG: Site Recovery moves an item with the classic vault's resources ("the same resources, which were being
     * used previously, will be defaulted to in the modernized vault"), its log storage account among them, and a
     * modernized item cannot change that account in place: a group that declares another one would have its machines
     * protected again after the move, losing their recovery points.
     */
    static void logAccount(Findings out, Machine m, ProtectionGroup g, ProtectedItem p) {
        if (p.storageAccount() == null || g.logStorageAccount() == null || p.storageAccount().equals(g.logStorageAccount())) return;
        out.report("MOVE-LOG", Severity.WARNING, m.name(), Address.protectionGroup(g.name()), m.name() + " moves with its classic log storage account "
                + p.storageAccount() + ", but group " + g.name() + " declares " + g.logStorageAccount() + ": the plan after the move would protect it again"
                + " to change that (its recovery points lost) — declare logStorageAccount '" + p.storageAccount() + "' to keep it");
    }

    /**
     * MOVE-POLICY: Site Recovery moves a machine under a copy of its classic policy that it makes in the modernized vault,
     * named after the policy, the vault and its resource group ("gold fabrikam-vault_rg-asr"), with the classic settings; the plan after the move gives the copy the
     * declared policy's settings (a modernized item's policy cannot be changed afterwards). A group that declares another
     * policy than the classic one its machines move from would keep them under the copy: said, with what to declare.
     */
    static void policy(Facts f, Findings out, Machine m, ProtectionGroup g, ProtectedItem p, Set<String> copies) {
        AzureTarget to = f.azure(g.target()).orElse(null);
        if (to == null || p.policy() == null) return;
        String copy = siteplan.planner.state.PolicyForm.moveCopy(p.policy(), to);
        if (!p.policy().equals(g.policy())) {
            out.report("MOVE-POLICY", Severity.WARNING, m.name(), Address.protectionGroup(g.name()), m.name() + " moves under Site Recovery's copy of its classic policy "
                    + p.policy() + " ('" + copy + "'), but group " + g.name() + " declares policy " + g.policy() + ", which a moved machine cannot be put under afterwards"
                    + " — declare replicationPolicy('" + p.policy() + "') in the modernized form for the group, with the settings it should have");
        } else if (copies.add(copy)) {
            out.report("MOVE-POLICY", Severity.INFO, g.policy(), Address.policy(g.policy()), "Site Recovery copies classic policy " + p.policy() + " into vault " + to.vault()
                    + " as '" + copy + "' with its classic settings, and moves the machines under it; the plan after the move gives the copy policy " + g.policy() + "'s declared settings");
        }
    }

    /**
     * MOVE-BATCH: Site Recovery moves up to 10 machines at once (profile move.batch); machines of a batch, and their
     * disks, move in parallel, so a batch takes as long as its longest machine (MOVE-TIME). Said so the reviewer sees
     * how long the move runs; apply runs them at its --parallelism (10 unless given).
     */
    static void batches(Facts f, Findings out, Profile.Move limits, List<Change> moves) {
        List<Change> sorted = moves.stream().sorted(java.util.Comparator.comparing(Change::name)).toList();
        List<String> parts = new ArrayList<>();
        double total = 0;
        for (int i = 0; i < sorted.size(); i += limits.batch()) {
            List<Change> batch = sorted.subList(i, Math.min(sorted.size(), i + limits.batch()));
            double hours = batch.stream().mapToDouble(c -> c.impact() == null || c.impact().initialReplicationHours() == null ? 0 : c.impact().initialReplicationHours()).max().orElse(0);
            total += hours;
            parts.add("batch " + (parts.size() + 1) + " (" + batch.size() + ", about " + hours + " h): " + batch.stream().map(Change::name).collect(Collectors.joining(", ")));
        }
        String first = sorted.get(0).name();
        out.report("MOVE-BATCH", Severity.INFO, "move", Address.machine(first), sorted.size() + " machine" + (sorted.size() == 1 ? "" : "s") + " move from classic to modernized vaults in "
                + parts.size() + " batch" + (parts.size() == 1 ? "" : "es") + " of up to " + limits.batch() + ", about " + Math.round(total * 10) / 10.0
                + " h in all (1-2 h a healthy machine, else 1 h + 45 s per GiB of its largest disk; a machine's move completes with its first recovery point in the new vault) — "
                + String.join("; ", parts));
    }

    /**
     * MOVE-PLANS: Site Recovery does not move recovery plans: each recovery plan of moving machines is created again in
     * the modernized vault (the plan's recovery_plan changes), and its copy in the classic vault stays, failing over
     * to the classic vault's last recovery points until their retention ends.
     */
    static void plans(Facts f, Findings out, List<Change> moves, Map<String, RecoveryVault> holders) {
        Set<String> moving = moves.stream().map(Change::name).collect(Collectors.toSet());
        for (RecoveryPlan p : f.estate.recoveryPlans()) {
            Set<String> members = new LinkedHashSet<>(p.machineNames());
            members.retainAll(moving);
            if (members.isEmpty()) continue;
            String classic = java.util.Optional.ofNullable(holders.get(members.iterator().next())).map(RecoveryVault::name).orElse("the classic vault");
            String target = f.azure(p.target()).map(AzureTarget::vault).orElse(p.target());
            out.report("MOVE-PLANS", Severity.INFO, p.name(), Address.recoveryPlan(p.name()), "recovery plan " + p.name() + " is created again in vault " + target
                    + " (Site Recovery does not move recovery plans); its copy in " + classic + " stays and fails over to that vault's last recovery points until their retention ends");
        }
    }

    /** Dotted versions compared part by part as numbers: 9.66.7567.1 is later than 9.50, and 9.5 (minor version 5) earlier. */
    static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = Long.compare(number(x[i]), number(y[i]));
            if (c != 0) return c;
        }
        return 0;
    }

    private static long number(String s) {
        try {
            return Long.parseLong(s.replaceAll("[^0-9].*$", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
