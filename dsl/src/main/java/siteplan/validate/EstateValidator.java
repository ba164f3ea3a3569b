package siteplan.validate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import siteplan.diag.Location;
import siteplan.diag.Problem;
import siteplan.diag.SourceMap;
import siteplan.dsl.Suggestions;
import siteplan.model.*;
import siteplan.model.Address.Kind;
import siteplan.net.Ipv4;
import siteplan.units.Durations;

/**
 * Checks that an estate hangs together: every name declared once, every reference pointing at
 * something declared, of the right kind. Capacity and prerequisite rules (SRC-*, PS-*, …) are the
 * planner's; this is only what makes the model a model. The same checks run for Groovy, YAML and
 * JSON definitions, so all three say the same thing about the same mistake.
 */
public final class EstateValidator {
    /** The longest drill cadence: ten years. */
    public static final long MAX_CADENCE_DAYS = 3650;

    private final Estate estate;
    private final SourceMap sources;
    private final List<Problem> problems = new ArrayList<>();

    private final Map<String, VmwareSite> vmwareSites = new HashMap<>();
    private final Map<String, VmmSite> vmmSites = new HashMap<>();
    private final Map<String, AzureTarget> azure = new HashMap<>();
    private final Map<String, Machine> machinesByName = new HashMap<>();
    private final Map<String, List<Machine>> machinesBySite = new HashMap<>();
    private final Membership membership;
    private final Map<String, VirtualNetwork> azureNetworks = new HashMap<>();
    private final Set<String> azureNetworkNames = new TreeSet<>();

    private EstateValidator(Estate estate, SourceMap sources) {
        this.estate = estate;
        this.sources = sources;
        estate.vmwareSites().forEach(s -> vmwareSites.putIfAbsent(s.name(), s));
        estate.vmmSites().forEach(s -> vmmSites.putIfAbsent(s.name(), s));
        estate.azure().forEach(a -> azure.putIfAbsent(a.name(), a));
        estate.azure().forEach(a -> a.networks().forEach(n -> {
            azureNetworks.putIfAbsent(n.name(), n);
            azureNetworkNames.add(n.name());
        }));
        membership = Membership.of(estate);
        for (Machine m : estate.machines()) {
            machinesByName.putIfAbsent(m.name(), m);
            machinesBySite.computeIfAbsent(m.site(), k -> new ArrayList<>()).add(m);
        }
    }

    public static List<Problem> validate(Estate estate, SourceMap sources) {
        EstateValidator v = new EstateValidator(estate, sources);
        v.duplicates();
        v.sites();
        v.machines();
        v.policies();
        v.protectionGroups();
        v.objectives();
        v.recoveryPlans();
        v.mappings();
        v.addresses();
        v.problems.sort(null);
        return v.problems;
    }

    // ---------------------------------------------------------------- duplicates

    private void duplicates() {
        unique("azure target", Address::azure, estate.azure(), AzureTarget::name);
        List<String> siteNames = Stream.concat(estate.vmwareSites().stream().map(VmwareSite::name), estate.vmmSites().stream().map(VmmSite::name)).toList();
        unique("site", Address::site, siteNames, Function.identity());
        unique("machine", Address::machine, estate.machines(), Machine::name);
        List<String> policies = Stream.concat(estate.replicationPolicies().stream().map(ReplicationPolicy::name), estate.hyperVPolicies().stream().map(HyperVPolicy::name)).toList();
        unique("policy", Address::policy, policies, Function.identity());
        unique("protection group", Address::protectionGroup, estate.protectionGroups(), ProtectionGroup::name);
        unique("recovery plan", Address::recoveryPlan, estate.recoveryPlans(), RecoveryPlan::name);
        unique("network mapping of", n -> Address.of(Kind.NETWORK_MAPPING, n), estate.networkMappings(), NetworkMapping::source);
        unique("storage mapping of", n -> Address.of(Kind.STORAGE_MAPPING, n), estate.storageMappings(), StorageMapping::source);
        // Process servers and master targets are named by protection groups without their site.
        List<Address> servers = new ArrayList<>();
        for (VmwareSite s : estate.vmwareSites()) {
            s.processServers().forEach(p -> servers.add(Address.site(s.name()).child(Kind.PROCESS_SERVER, p.name())));
            s.masterTargets().forEach(m -> servers.add(Address.site(s.name()).child(Kind.MASTER_TARGET, m.name())));
            s.appliances().forEach(a -> servers.add(Address.site(s.name()).child(Kind.APPLIANCE, a.name())));
        }
        Map<String, List<Address>> byName = new LinkedHashMap<>();
        for (Address s : servers) byName.computeIfAbsent(s.last().name(), k -> new ArrayList<>()).add(s);
        byName.forEach((name, decls) -> {
            if (decls.size() > 1) {
                error(sources.at(decls.get(1)), "server '" + name + "' is declared twice (first at " + where(sources.at(decls.get(0)))
                        + ") — protection groups name servers without their site, so server names must be unique");
            }
        });
        // Azure storage account names are unique across all of Azure: one name declared in two targets of different resource groups
        // is two accounts that cannot both exist. Two targets of one subscription and resource group declare the same account.
        Map<String, Address> accounts = new LinkedHashMap<>();
        Map<String, String> placeOf = new HashMap<>();
        Map<String, String> settingsOf = new HashMap<>();
        Set<String> reported = new HashSet<>();
        for (AzureTarget a : estate.azure()) {
            for (StorageAccount sa : a.storageAccounts()) {
                Address at = Address.azure(a.name()).child(Kind.STORAGE_ACCOUNT, sa.name());
                String subscription = sa.subscription() != null ? sa.subscription() : a.subscription();
                String place = subscription + "/" + a.resourceGroup();
                // What the account is, wherever it is declared: one account cannot be grs in one file and ra-grs in another.
                String settings = sa.replication() + " in " + (sa.region() != null ? sa.region() : a.region());
                Address first = accounts.putIfAbsent(sa.name(), at);
                String firstPlace = placeOf.putIfAbsent(sa.name(), place);
                String firstSettings = settingsOf.putIfAbsent(sa.name(), settings);
                if (first == null || first.parent().equals(at.parent()) || !reported.add(sa.name())) continue;
                String both = "storage account '" + sa.name() + "' is declared in azure('" + first.parent().last().name() + "') (" + where(sources.at(first)) + ") and in azure('" + a.name() + "')";
                if (!String.valueOf(firstPlace).equalsIgnoreCase(place)) {
                    boolean otherSubscription = !firstPlace.substring(0, firstPlace.indexOf('/')).equalsIgnoreCase(subscription);
                    error(sources.at(at), both + ", in another " + (otherSubscription ? "subscription" : "resource group") + " — storage account names are unique across Azure,"
                            + " so they cannot be two accounts; declare it once (a group of another target of the same region may name it)");
                } else if (!firstSettings.equalsIgnoreCase(settings)) {
                    error(sources.at(at), both + " as " + settings.toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ", and first as "
                            + firstSettings.toLowerCase(java.util.Locale.ROOT).replace('_', '-') + " — it is one account: declare it the same way in both, or once");
                } else {
                    reported.remove(sa.name());
                }
            }
        }
        for (AzureTarget a : estate.azure()) {
            Address k = Address.azure(a.name());
            unique("storage account", n -> k.child(Kind.STORAGE_ACCOUNT, n), a.storageAccounts(), StorageAccount::name);
            unique("network", n -> k.child(Kind.NETWORK, n), a.networks(), VirtualNetwork::name);
            for (VirtualNetwork net : a.networks()) {
                unique("subnet", n -> k.child(Kind.NETWORK, net.name()).child(Kind.SUBNET, n), net.subnets(), Subnet::name);
            }
        }
        for (VmwareSite s : estate.vmwareSites()) {
            Address k = Address.site(s.name());
            unique("host", n -> k.child(Kind.HOST, n), s.hosts(), EsxiHost::name);
            unique("datastore", n -> k.child(Kind.DATASTORE, n), s.datastores(), Datastore::name);
            unique("network", n -> k.child(Kind.NETWORK, n), s.networks(), PortGroup::name);
        }
        for (VmmSite s : estate.vmmSites()) {
            Address k = Address.site(s.name());
            unique("VMM server", n -> k.child(Kind.VMM_SERVER, n), s.servers(), VmmServer::name);
            unique("cloud", n -> k.child(Kind.CLOUD, n), s.clouds(), VmmCloud::name);
            unique("Hyper-V host", n -> k.child(Kind.HYPERV_HOST, n), s.hosts(), HyperVHost::name);
            unique("logical network", n -> k.child(Kind.LOGICAL_NETWORK, n), s.logicalNetworks(), LogicalNetwork::name);
            unique("VM network", n -> k.child(Kind.VM_NETWORK, n), s.vmNetworks(), VmNetwork::name);
            unique("storage classification", n -> k.child(Kind.STORAGE_CLASSIFICATION, n), s.storageClassifications(), StorageClassification::name);
        }
        for (Machine m : estate.machines()) {
            Address k = Address.machine(m.name());
            unique("disk '%s' of machine '" + m.name() + "'", n -> k.child(Kind.DISK, n), m.disks(), Disk::name);
            unique("nic '%s' of machine '" + m.name() + "'", n -> k.child(Kind.NIC, n), m.nics(), Nic::name);
        }
    }

    /** Reports each name declared twice, at its second place; {@code address} gives a name's address. */
    private <T> void unique(String what, Function<String, Address> address, List<T> items, Function<T, String> name) {
        Set<String> seen = new HashSet<>();
        Set<String> reported = new HashSet<>();
        for (T item : items) {
            String n = name.apply(item);
            if (n != null && !seen.contains(n)) printable(what, address.apply(n), n);
            if (n == null || seen.add(n) || !reported.add(n)) continue;
            Address key = address.apply(n);
            List<Location> places = sources.all(key);
            String label = what.contains("%s") ? String.format(what, n) : what + " '" + n + "'";
            Location second = places.size() > 1 ? places.get(1) : sources.at(key);
            String first = places.isEmpty() ? "" : " (first at " + where(places.get(0)) + ")";
            error(second, label + " is declared twice" + first);
        }
    }

    /**
     * Names are printed on terminals, in plans reviewed in pull requests and in CI logs: a control
     * character (an ANSI escape, a newline) or a bidirectional override in one could recolour the
     * output, forge lines such as "0 problems", or show a reviewer other text than the file holds.
     */
    private void printable(String what, Address key, String name) {
        name.codePoints().filter(EstateValidator::unprintable).findFirst().ifPresent(c -> {
            String label = what.contains("%s") ? String.format(what, shown(name)) : what + " '" + shown(name) + "'";
            error(sources.at(key), label + " holds the unprintable character " + String.format("U+%04X", c)
                    + " — names are shown on terminals and in reviews; write them with printable characters only");
        });
    }

    private static boolean unprintable(int c) {
        return Character.isISOControl(c) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F;
    }

    /** The name as it can be shown safely: each unprintable character written as a backslash-u escape. */
    private static String shown(String name) {
        StringBuilder b = new StringBuilder();
        name.codePoints().forEach(c -> {
            if (unprintable(c)) b.append(String.format("\\u%04X", c));
            else b.appendCodePoint(c);
        });
        return b.toString();
    }

    // ---------------------------------------------------------------- sites

    private void sites() {
        for (AzureTarget a : estate.azure()) {
            if (a.provider() == ProviderKind.VSPHERE) {
                error(sources.at(Address.azure(a.name())), "azure target '" + a.name() + "' has provider 'vsphere' — an Azure target takes provider 'simulated' or 'azure'");
            }
        }
        for (VmwareSite s : estate.vmwareSites()) {
            Vcenter vc = s.vcenter();
            if (vc != null && vc.provider() != null && vc.provider() != ProviderKind.SIMULATED) {
                Location at = sources.at(Address.site(s.name()).child(Kind.VCENTER, vc.address()));
                String label = "vcenter '" + vc.address() + "'";
                if (vc.provider() == ProviderKind.AZURE) {
                    error(at, label + " has provider 'azure' — a vCenter takes provider 'simulated' or 'vsphere'");
                } else {
                    // Discovery logs in as a named account; the password is the credential Site Recovery uses too.
                    if (vc.user() == null) error(at, label + " has provider 'vsphere' and no user — add: user 'administrator@vsphere.local'");
                    if (vc.credential() == null) error(at, label + " has provider 'vsphere' and no credential — add: credential secret('vcenter-password')");
                }
            }
            Address site = Address.site(s.name());
            Set<String> hosts = names(s.hosts(), EsxiHost::name);
            for (Datastore d : s.datastores()) {
                if (d.host() != null) ref(site.child(Kind.DATASTORE, d.name()), "datastore '" + d.name() + "'", "host", d.host(), hosts);
            }
            Set<String> datastores = names(s.datastores(), Datastore::name);
            Set<String> portGroups = names(s.networks(), PortGroup::name);
            for (ReplicationAppliance a : s.appliances()) {
                Address key = site.child(Kind.APPLIANCE, a.name());
                String label = "replication appliance '" + a.name() + "'";
                if (a.network() != null) ref(key, label, "network", a.network(), portGroups);
                if (a.vcenter() != null) {
                    if (s.vcenter() == null) error(sources.at(key), label + " discovers vCenter '" + a.vcenter() + "', but site '" + s.name() + "' declares no vcenter — declare it, or remove vcenter from the appliance");
                    else ref(key, label, "vcenter", a.vcenter(), Set.of(s.vcenter().address()));
                }
            }
            for (MasterTarget mt : s.masterTargets()) {
                Address key = site.child(Kind.MASTER_TARGET, mt.name());
                if (mt.esxiHost() != null) ref(key, "master target '" + mt.name() + "'", "host", mt.esxiHost(), hosts);
                if (mt.datastore() != null) ref(key, "master target '" + mt.name() + "'", "datastore", mt.datastore(), datastores);
            }
        }
        for (VmmSite s : estate.vmmSites()) {
            Set<String> servers = names(s.servers(), VmmServer::name);
            Set<String> clouds = names(s.clouds(), VmmCloud::name);
            Set<String> logical = names(s.logicalNetworks(), LogicalNetwork::name);
            Address site = Address.site(s.name());
            for (VmmCloud c : s.clouds()) ref(site.child(Kind.CLOUD, c.name()), "cloud '" + c.name() + "'", "VMM server", c.server(), servers);
            for (LogicalNetwork l : s.logicalNetworks()) {
                for (String c : l.clouds()) ref(site.child(Kind.LOGICAL_NETWORK, l.name()), "logical network '" + l.name() + "'", "cloud", c, clouds);
            }
            for (VmNetwork n : s.vmNetworks()) {
                ref(site.child(Kind.VM_NETWORK, n.name()), "VM network '" + n.name() + "'", "logical network", n.logicalNetwork(), logical);
            }
        }
    }

    // ---------------------------------------------------------------- machines

    private void machines() {
        for (Machine m : estate.machines()) {
            Address key = Address.machine(m.name());
            String label = "machine '" + m.name() + "'";
            boolean hyperV = m.kind() == MachineKind.HYPERV_VM;
            if (hyperV) {
                VmmSite site = vmmSites.get(m.site());
                if (site == null) {
                    siteProblem(key, label, m.site(), "a VMM site (vmmSite)", vmmSites.keySet(), vmwareSites.containsKey(m.site()));
                    continue;
                }
                if (m.hyperVHost() == null) error(sources.at(key), label + " is a Hyper-V VM and needs its host — add: hyperVHost 'name'");
                else ref(key, label, "Hyper-V host", m.hyperVHost(), names(site.hosts(), HyperVHost::name));
                if (m.cloud() == null) error(sources.at(key), label + " is a Hyper-V VM and needs its VMM cloud — add: cloud 'name'");
                else ref(key, label, "cloud", m.cloud(), names(site.clouds(), VmmCloud::name));
                Set<String> nets = names(site.vmNetworks(), VmNetwork::name);
                for (Nic n : m.nics()) ref(key.child(Kind.NIC, n.name()), "nic '" + n.name() + "' of " + label, "network", n.network(), nets);
                Set<String> classes = names(site.storageClassifications(), StorageClassification::name);
                for (Disk d : m.disks()) {
                    if (d.storageClassification() != null) {
                        ref(key.child(Kind.DISK, d.name()), "disk '" + d.name() + "' of " + label, "storage classification", d.storageClassification(), classes);
                    }
                }
            } else {
                VmwareSite site = vmwareSites.get(m.site());
                if (site == null) {
                    siteProblem(key, label, m.site(), "a VMware or physical site (vmwareSite)", vmwareSites.keySet(), vmmSites.containsKey(m.site()));
                    continue;
                }
                Set<String> nets = names(site.networks(), PortGroup::name);
                for (Nic n : m.nics()) ref(key.child(Kind.NIC, n.name()), "nic '" + n.name() + "' of " + label, "network", n.network(), nets);
                if (m.esxiHost() != null) ref(key, label, "host", m.esxiHost(), names(site.hosts(), EsxiHost::name));
                if (m.datastore() != null) ref(key, label, "datastore", m.datastore(), names(site.datastores(), Datastore::name));
                if (m.kind() == MachineKind.PHYSICAL && (m.esxiHost() != null || m.datastore() != null)) {
                    error(sources.at(key), label + " is a physical server; esxiHost and datastore apply to VMware VMs only");
                }
            }
            FailoverSettings f = m.failover();
            if (f != null && f.network() != null) {
                Address fk = key.child(Kind.FAILOVER);
                if (ref(fk, "failover settings of " + label, "network", f.network(), azureNetworkNames) && f.subnet() != null) {
                    VirtualNetwork net = azureNetworks.get(f.network());
                    ref(fk, "failover settings of " + label, "subnet", f.subnet(), names(net.subnets(), Subnet::name));
                }
            }
        }
    }

    // ---------------------------------------------------------------- addresses

    /** Every IPv4 address and prefix the model declares is one, and a failover IP lies in its subnet, a subnet in its network. */
    private void addresses() {
        for (AzureTarget a : estate.azure()) {
            for (VirtualNetwork n : a.networks()) {
                Address nk = Address.azure(a.name()).child(Kind.NETWORK, n.name());
                String label = "network '" + n.name() + "' of azure target '" + a.name() + "'";
                List<Ipv4.Prefix> spaces = new ArrayList<>();
                for (String space : n.addressSpace()) {
                    if (prefix(nk, "addressSpace of " + label, space)) spaces.add(Ipv4.prefix(space));
                }
                for (Subnet sn : n.subnets()) {
                    Address sk = nk.child(Kind.SUBNET, sn.name());
                    String subnet = "subnet '" + sn.name() + "' of " + label;
                    if (!prefix(sk, "prefix of " + subnet, sn.prefix()) || spaces.isEmpty()) continue;
                    Ipv4.Prefix p = Ipv4.prefix(sn.prefix());
                    if (spaces.stream().noneMatch(sp -> sp.contains(p))) {
                        error(sources.at(sk), subnet + " has prefix " + sn.prefix() + ", outside the network's address space "
                                + String.join(", ", n.addressSpace()) + " — choose a prefix inside it, or widen the address space");
                    }
                }
            }
        }
        for (VmwareSite s : estate.vmwareSites()) {
            Address site = Address.site(s.name());
            for (PortGroup g : s.networks()) prefix(site.child(Kind.NETWORK, g.name()), "subnet of network '" + g.name() + "' of site '" + s.name() + "'", g.subnet());
            ConfigurationServer cs = s.configurationServer();
            if (cs != null) address(site.child(Kind.CONFIGURATION_SERVER, cs.name()), "ip of configuration server '" + cs.name() + "'", cs.ip());
            for (ProcessServer p : s.processServers()) address(site.child(Kind.PROCESS_SERVER, p.name()), "ip of process server '" + p.name() + "'", p.ip());
            for (MasterTarget m : s.masterTargets()) address(site.child(Kind.MASTER_TARGET, m.name()), "ip of master target '" + m.name() + "'", m.ip());
        }
        for (VmmSite s : estate.vmmSites()) {
            for (VmNetwork n : s.vmNetworks()) prefix(Address.site(s.name()).child(Kind.VM_NETWORK, n.name()), "subnet of VM network '" + n.name() + "' of site '" + s.name() + "'", n.subnet());
        }
        for (Machine m : estate.machines()) {
            Address key = Address.machine(m.name());
            for (Nic n : m.nics()) address(key.child(Kind.NIC, n.name()), "ip of nic '" + n.name() + "' of machine '" + m.name() + "'", n.ip());
            FailoverSettings f = m.failover();
            if (f == null || !address(key.child(Kind.FAILOVER), "ip of failover settings of machine '" + m.name() + "'", f.ip())) continue;
            VirtualNetwork net = f.network() == null ? null : azureNetworks.get(f.network());
            Subnet sn = net == null || f.subnet() == null ? null : net.subnets().stream().filter(x -> x.name().equals(f.subnet())).findFirst().orElse(null);
            Ipv4.Prefix p = sn == null ? null : Ipv4.prefix(sn.prefix());
            if (p != null && !p.contains(Ipv4.address(f.ip()))) {
                error(sources.at(key.child(Kind.FAILOVER)), "failover settings of machine '" + m.name() + "' give ip " + f.ip() + ", outside subnet '" + sn.name() + "' ("
                        + sn.prefix() + ") it fails over into — choose an address in " + sn.prefix() + ", or another subnet");
            }
        }
    }

    /** True when text is an address; false when absent or reported. */
    private boolean address(Address key, String what, String text) {
        if (text == null) return false;
        String problem = Ipv4.addressProblem(text);
        if (problem != null) error(sources.at(key), what + ": " + problem);
        return problem == null;
    }

    /** True when text is a prefix; false when absent or reported. */
    private boolean prefix(Address key, String what, String text) {
        if (text == null) return false;
        String problem = Ipv4.prefixProblem(text);
        if (problem != null) error(sources.at(key), what + ": " + problem);
        return problem == null;
    }

    private void siteProblem(Address key, String label, String site, String kind, Collection<String> known, boolean otherKind) {
        if (otherKind) {
            error(sources.at(key), label + " is in site '" + site + "', which is not " + kind + " — "
                    + (kind.startsWith("a VMM") ? "Hyper-V VMs belong to vmmSite sites" : "VMware VMs and physical servers belong to vmwareSite sites"));
        } else {
            ref(key, label, "site", site, known);
        }
    }

    // ---------------------------------------------------------------- protection groups

    private void protectionGroups() {
        Map<String, String> groupOf = new HashMap<>();
        Set<String> vmwarePolicies = names(estate.replicationPolicies(), ReplicationPolicy::name);
        Set<String> hyperVPolicies = names(estate.hyperVPolicies(), HyperVPolicy::name);
        for (ProtectionGroup g : estate.protectionGroups()) {
            Address key = Address.protectionGroup(g.name());
            String label = "protection group '" + g.name() + "'";
            Location at = sources.at(key);
            VmwareSite vs = vmwareSites.get(g.source());
            VmmSite hs = vmmSites.get(g.source());
            if (vs == null && hs == null) {
                ref(key, label, "source site", g.source(), allSiteNames());
            } else if (vs != null) {
                ref(key, label, "target", g.target(), azure.keySet());
                refOfKind(key, label, "policy", g.policy(), vmwarePolicies, hyperVPolicies, "a Hyper-V policy; VMware and physical machines need a replicationPolicy");
                AzureTarget t = azure.get(g.target());
                if (t != null && Architecture.of(t) == Architecture.MODERNIZED) {
                    modernizedGroup(g, vs, t, key, label, at);
                } else {
                    classicGroup(g, t, key, label, at);
                }
                if (g.sourceCloud() != null || g.targetCloud() != null) error(at, label + " protects a VMware site; sourceCloud and targetCloud apply to Hyper-V sites only");
            } else {
                VmmSite target = vmmSites.get(g.target());
                ref(key, label, "target site", g.target(), vmmSites.keySet());
                refOfKind(key, label, "policy", g.policy(), hyperVPolicies, vmwarePolicies, "a VMware replication policy; Hyper-V clouds need a hyperVPolicy");
                if (g.sourceCloud() == null) error(at, label + " protects a VMM site and needs the protected cloud — add: sourceCloud 'name'");
                else ref(key, label, "source cloud", g.sourceCloud(), names(hs.clouds(), VmmCloud::name));
                if (g.targetCloud() == null) error(at, label + " protects a VMM site and needs the protecting cloud — add: targetCloud 'name'");
                else if (target != null) ref(key, label, "target cloud", g.targetCloud(), names(target.clouds(), VmmCloud::name));
            }
            for (String member : g.members()) {
                Machine m = machinesByName.get(member);
                if (m == null) {
                    ref(key, label, "machine", member, names(estate.machines(), Machine::name));
                } else if (!m.site().equals(g.source())) {
                    error(at, label + " includes machine '" + member + "' of site '" + m.site() + "', but the group protects site '" + g.source() + "'");
                }
            }
            List<Machine> siteMachines = machinesBySite.getOrDefault(g.source(), List.of());
            for (String tag : g.tagged()) {
                boolean any = siteMachines.stream().anyMatch(m -> m.tags().contains(tag));
                if (!any) {
                    Set<String> tags = siteMachines.stream().flatMap(m -> m.tags().stream()).collect(Collectors.toCollection(TreeSet::new));
                    error(at, label + " selects machines tagged '" + tag + "', but no machine of site '" + g.source() + "' has that tag"
                            + Suggestions.didYouMean(tag, tags));
                }
            }
            for (Machine m : membership.members(g)) {
                String other = groupOf.putIfAbsent(m.name(), g.name());
                if (other != null) {
                    error(at, "machine '" + m.name() + "' is in protection groups '" + other + "' and '" + g.name() + "'; a machine is protected by one group");
                }
            }
        }
    }

    /**
     * A policy has one complete form (POL-FIELDS): the DSL asks for the missing words as it reads a block; this
     * catches a YAML or JSON definition, whose schema cannot say "all of these, or that one".
     */
    private void policies() {
        for (ReplicationPolicy p : estate.replicationPolicies()) {
            Location at = sources.at(Address.policy(p.name()));
            if (at.file() != null && at.file().endsWith(".groovy")) continue; // the DSL said so already, word by word
            String label = "replication policy '" + p.name() + "'";
            if (p.modernized()) {
                if (p.recoveryPointHistory() == null) error(at, label + " is of the modernized form (crashConsistentFrequency) and needs recoveryPointHistory — add: recoveryPointHistory: 3d");
                List<String> classic = new ArrayList<>();
                if (p.rpoThreshold() != null) classic.add("rpoThreshold");
                if (p.retention() != null) classic.add("retention");
                if (!classic.isEmpty()) error(at, label + " mixes the modernized form (recoveryPointHistory) with " + String.join(" and ", classic)
                        + " of the classic form — a policy has one form: keep recoveryPointHistory, or the classic three (POL-FORM)");
            } else {
                List<String> missing = new ArrayList<>();
                if (p.rpoThreshold() == null) missing.add("rpoThreshold");
                if (p.retention() == null) missing.add("retention");
                if (p.appConsistentFrequency() == null) missing.add("appConsistentFrequency");
                if (!missing.isEmpty()) error(at, label + " has no " + String.join(", ", missing) + " (POL-FIELDS) — a classic policy declares rpoThreshold, retention and appConsistentFrequency;"
                        + " a modernized one recoveryPointHistory");
            }
        }
    }

    /** A group toward a classic vault: its servers are the site's process server and master target. */
    private void classicGroup(ProtectionGroup g, AzureTarget t, Address key, String label, Location at) {
        VmwareSite vs = vmwareSites.get(g.source());
        if (g.processServer() != null) ref(key, label, "process server", g.processServer(), names(vs.processServers(), ProcessServer::name));
        if (g.masterTarget() != null) ref(key, label, "master target", g.masterTarget(), names(vs.masterTargets(), MasterTarget::name));
        if (g.storageAccount() != null && t != null) ref(key, label, "storage account", g.storageAccount(), names(t.storageAccounts(), StorageAccount::name));
        List<String> modern = new ArrayList<>();
        if (g.appliance() != null) modern.add("appliance");
        if (g.targetResourceGroup() != null) modern.add("targetResourceGroup");
        if (g.targetNetwork() != null) modern.add("targetNetwork");
        if (g.targetSubnet() != null) modern.add("targetSubnet");
        if (g.logStorageAccount() != null) modern.add("logStorageAccount");
        if (g.diskType() != null) modern.add("diskType");
        if (g.failbackAppliance() != null) modern.add("failbackAppliance");
        if (g.failbackDatastore() != null) modern.add("failbackDatastore");
        if (!modern.isEmpty() && t != null) {
            error(at, label + " sets " + String.join(", ", modern) + ", which belong to the modernized architecture, but target '" + t.name()
                    + "' is classic — add architecture 'modernized' to azure('" + t.name() + "') (a vault holds one architecture), or remove them");
        }
        ReplicationPolicy p = policy(g.policy());
        if (p != null && p.modernized() && t != null) {
            error(at, label + " uses policy '" + p.name() + "' of the modernized form (recoveryPointHistory), but target '" + t.name()
                    + "' is classic — a classic vault takes rpoThreshold, retention and appConsistentFrequency (POL-FORM)");
        }
    }

    /**
     * A group toward a modernized vault: a replication appliance of the source site carries it (no process server,
     * no master target), replicas go to a resource group and network of the target, logs to its storage account.
     */
    private void modernizedGroup(ProtectionGroup g, VmwareSite vs, AzureTarget t, Address key, String label, Location at) {
        List<String> classic = new ArrayList<>();
        if (g.processServer() != null) classic.add("processServer");
        if (g.masterTarget() != null) classic.add("masterTarget");
        if (g.storageAccount() != null) classic.add("storageAccount");
        if (!classic.isEmpty()) {
            error(at, label + " sets " + String.join(", ", classic) + ", but target '" + t.name() + "' is modernized: its replication appliance carries replication"
                    + " and replicas are managed disks — name the appliance instead (appliance 'name'; logStorageAccount for the log cache)");
        }
        Set<String> appliances = names(vs.appliances(), ReplicationAppliance::name);
        if (g.appliance() == null) {
            error(at, label + " protects site '" + vs.name() + "' toward modernized target '" + t.name() + "' and needs the replication appliance that carries it — add: appliance '"
                    + (appliances.isEmpty() ? "name" : appliances.iterator().next()) + "'" + (appliances.isEmpty() ? " (and declare it: replicationAppliance('name') { … } in the site)" : ""));
        } else {
            ref(key, label, "replication appliance", g.appliance(), appliances);
        }
        if (g.failbackAppliance() != null) ref(key, label, "replication appliance", g.failbackAppliance(), appliances);
        if (g.failbackDatastore() != null) ref(key, label, "datastore", g.failbackDatastore(), names(vs.datastores(), Datastore::name));
        if (g.logStorageAccount() != null) logStorageAccount(g, t, key, label, at);
        if (g.targetNetwork() != null) {
            ref(key, label, "network", g.targetNetwork(), names(t.networks(), VirtualNetwork::name));
            t.networks().stream().filter(n -> n.name().equals(g.targetNetwork())).findFirst().ifPresent(n -> {
                if (g.targetSubnet() != null) ref(key, label, "subnet", g.targetSubnet(), names(n.subnets(), Subnet::name));
            });
        } else if (g.targetSubnet() != null) {
            error(at, label + " sets targetSubnet '" + g.targetSubnet() + "' without targetNetwork — add: targetNetwork 'name'");
        }
        ReplicationPolicy p = policy(g.policy());
        if (p != null && !p.modernized()) {
            error(at, label + " uses policy '" + p.name() + "' of the classic form, but target '" + t.name()
                    + "' is modernized — a modernized vault takes recoveryPointHistory (and crashConsistentFrequency, appConsistentFrequency) (POL-FORM)");
        }
    }

    /**
     * A group's log storage account: its target's, or another target's of the vault's region — a machine moved from a classic
     * vault keeps logging through the classic account, which stays in the classic vault's resource group (MOVE-LOG). Site
     * Recovery caches logs only in an account of the vault's region.
     */
    private void logStorageAccount(ProtectionGroup g, AzureTarget t, Address key, String label, Location at) {
        Optional<AzureTarget> owner = estate.storageAccountOwner(g.logStorageAccount());
        if (owner.isEmpty()) {
            ref(key, label, "storage account", g.logStorageAccount(), estate.azure().stream()
                    .flatMap(o -> o.storageAccounts().stream().filter(a -> t.region() == null || t.region().equalsIgnoreCase(regionOf(a, o)))).map(StorageAccount::name)
                    .collect(Collectors.toCollection(TreeSet::new)));
            return;
        }
        String region = owner.get().storageAccounts().stream().filter(a -> a.name().equals(g.logStorageAccount())).findFirst().map(a -> regionOf(a, owner.get())).orElse(owner.get().region());
        if (region != null && t.region() != null && !region.equalsIgnoreCase(t.region())) {
            error(at, label + " logs through storage account '" + g.logStorageAccount() + "' of target '" + owner.get().name() + "' in " + region
                    + ", but its target '" + t.name() + "' is in " + t.region() + " — Site Recovery caches logs in an account of the vault's region; declare one in azure('"
                    + t.name() + "') and name it");
        }
    }

    /** A storage account's region: its own where it says, else its target's. */
    private static String regionOf(StorageAccount a, AzureTarget t) {
        return a.region() != null ? a.region() : t.region();
    }

    private ReplicationPolicy policy(String name) {
        return estate.replicationPolicies().stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }

    // ---------------------------------------------------------------- objectives

    /** The estate's objectives: declared once, each more than no time, and a cadence the plans' rule can count (whole days). */
    private void objectives() {
        List<Location> places = sources.all(Address.objectives());
        if (places.size() > 1) {
            error(places.get(1), "the estate's objectives are declared twice (first at " + where(places.get(0))
                    + ") — declare them once, in one objectives block, so every file reads the same");
        }
        Objectives o = estate.objectives();
        if (o == null) return;
        Location at = sources.at(Address.objectives());
        if (o.rto() != null && (o.rto().isZero() || o.rto().isNegative())) error(at, "rto of the estate's objectives must be longer than no time, e.g. rto 4.hours");
        if (o.rpo() != null && (o.rpo().isZero() || o.rpo().isNegative())) error(at, "rpo of the estate's objectives must be longer than no time, e.g. rpo 30.minutes");
        if (o.drillInterval() != null && !wholeDays(o.drillInterval())) {
            error(at, "the drill cadence of the estate's objectives is counted in whole days from 1 to " + MAX_CADENCE_DAYS
                    + " — write e.g. every 90.days (in YAML or JSON, drillInterval: 90d)");
        }
        for (var objective : java.util.Map.of("rto", java.util.Optional.ofNullable(o.rto()), "rpo", java.util.Optional.ofNullable(o.rpo())).entrySet()) {
            objective.getValue().filter(d -> !withinCalendar(d)).ifPresent(d -> error(at, objective.getKey() + " of the estate's objectives is longer than "
                    + MAX_CADENCE_DAYS + " days, which no failover or data loss is planned for — write e.g. " + objective.getKey() + " 4.hours"));
        }
        if (o.drillMandatory() && o.drillInterval() == null) {
            error(at, "the estate's objectives make the drill cadence mandatory without one — write: every 90.days, mandatory: true");
        }
    }

    /** An objective a run can be judged against and a report can print: within ten years, like a cadence. */
    private static boolean withinCalendar(java.time.Duration d) {
        return d.toDays() <= MAX_CADENCE_DAYS;
    }

    /** An objective of a plan or group over ten years, unless it is the estate's (reported there, once). */
    private void tooLong(Address at, String what, java.time.Duration d, java.time.Duration estates) {
        if (d != null && !withinCalendar(d) && !d.equals(estates)) {
            error(sources.at(at), what + " is longer than " + MAX_CADENCE_DAYS + " days, which no failover or data loss is planned for — write e.g. "
                    + (what.startsWith("rpo") ? "rpo 1.hours" : "rto 4.hours"));
        }
    }

    /** A cadence DRILL-OVERDUE can judge: counted in days from the day of the last successful drill, within the calendar. */
    public static boolean wholeDays(java.time.Duration every) {
        return every.toSeconds() % 86_400 == 0 && every.toDays() >= 1 && every.toDays() <= MAX_CADENCE_DAYS;
    }

    // ---------------------------------------------------------------- recovery plans

    private void recoveryPlans() {
        for (RecoveryPlan p : estate.recoveryPlans()) {
            Address key = Address.recoveryPlan(p.name());
            String label = "recovery plan '" + p.name() + "'";
            ref(key, label, "source site", p.source(), allSiteNames());
            Objectives estates = estate.objectives();
            tooLong(key, "rto of " + label, p.rto(), estates == null ? null : estates.rto());
            tooLong(key, "rpo of " + label, p.rpo(), estates == null ? null : estates.rpo());
            Set<String> targets = new TreeSet<>(azure.keySet());
            targets.addAll(vmmSites.keySet());
            ref(key, label, "target", p.target(), targets);
            Set<String> inPlan = new HashSet<>();
            Set<String> machineNames = names(estate.machines(), Machine::name);
            for (RecoveryGroup g : p.groups()) {
                for (PlanMachine pm : g.machines()) {
                    Address mk = key.child(Kind.MACHINE, pm.name());
                    if (!inPlan.add(pm.name())) error(sources.at(mk), label + " lists machine '" + pm.name() + "' twice; a machine fails over once");
                    ref(mk, label, "machine", pm.name(), machineNames);
                }
            }
            for (RecoveryGroup g : p.groups()) {
                for (PlanMachine pm : g.machines()) {
                    for (String dep : pm.dependsOn()) {
                        if (!inPlan.contains(dep)) {
                            error(sources.at(key.child(Kind.MACHINE, pm.name())), "machine '" + pm.name() + "' in " + label + " depends on '" + dep
                                    + "', which is not in the plan" + Suggestions.didYouMean(dep, inPlan));
                        }
                    }
                }
            }
            // A group's check runs when that group is up: it may target its own machines or an earlier group's, not a later one's.
            Set<String> upBy = new HashSet<>();
            int number = 0;
            for (RecoveryGroup g : p.groups()) {
                number++;
                g.machines().forEach(pm -> upBy.add(pm.name()));
                Address gk = key.child(Kind.GROUP, String.valueOf(number));
                tooLong(gk, "rto of group " + number + " of " + label, g.rto(), null);
                if (g.rto() != null && (g.rto().isZero() || g.rto().isNegative())) {
                    error(sources.at(gk), "rto of group " + number + " of " + label + " must be longer than no time, e.g. rto 20.minutes");
                }
                // The plan's RTO runs until its last group is up, so it holds every group already: a group's own target that is
                // longer could never be missed alone, and is most likely a slip (or an estate-wide RTO lowered under it).
                if (g.rto() != null && p.rto() != null && !p.rto().isZero() && !p.rto().isNegative() && g.rto().compareTo(p.rto()) > 0
                        && withinCalendar(g.rto())) {
                    error(sources.at(gk), "rto of group " + number + " of " + label + " (" + Durations.human(g.rto().toSeconds())
                            + ") is longer than the plan's rto (" + Durations.human(p.rto().toSeconds())
                            + "), which holds every group already — make the group's shorter or leave it out");
                }
                for (SmokeCheck c : g.checks()) {
                    if (c.machine() == null || upBy.contains(c.machine())) continue;
                    error(sources.at(gk), c.kind().token() + " check of group " + number + " of " + label + " targets machine '" + c.machine() + "', which "
                            + (inPlan.contains(c.machine()) ? "is not up yet when group " + number + " is: move the check to the group of that machine or a later one"
                            : "is not in the plan" + Suggestions.didYouMean(c.machine(), inPlan)));
                }
            }
            Drill d = p.drill();
            if (d != null) {
                Address dk = key.child(Kind.DRILL);
                AzureTarget t = azure.get(p.target());
                VmmSite vt = vmmSites.get(p.target());
                // A VMM target site drills into its VM networks, even when an Azure target of the same name says where its vault lives.
                // The cadence is judged in days, from the day of the last successful drill (DRILL-OVERDUE): a part of a day cannot be,
                // and a cadence of more than ten years is none (its due date would leave the calendar).
                java.time.Duration every = d.interval();
                if (d.mandatory() && d.interval() == null) {
                    // The drill block says the same at the same place; the two are one problem.
                    error(sources.at(dk), "drill of " + label + " makes its cadence mandatory without one — write: every 90.days, mandatory: true");
                }
                // A cadence the plan took from the estate's objectives is reported there, once.
                boolean fromEstate = estate.objectives() != null && every != null && every.equals(estate.objectives().drillInterval());
                if (every != null && !fromEstate && !wholeDays(every)) {
                    error(sources.at(dk), "the drill cadence of " + label + " is counted in whole days from 1 to " + MAX_CADENCE_DAYS + " — write e.g. every 90.days");
                }
                if (vt != null) ref(dk, "drill of " + label, "network", d.network(), names(vt.vmNetworks(), VmNetwork::name));
                else if (t != null) ref(dk, "drill of " + label, "network", d.network(), names(t.networks(), VirtualNetwork::name));
                for (SmokeCheck c : d.checks()) {
                    if (c.machine() != null && !inPlan.contains(c.machine())) {
                        error(sources.at(dk), c.kind().token() + " check of drill of " + label + " targets machine '" + c.machine()
                                + "', which is not in the plan" + Suggestions.didYouMean(c.machine(), inPlan));
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------- mappings

    private void mappings() {
        Map<String, List<String>> sourceNets = new HashMap<>();
        estate.vmwareSites().forEach(s -> s.networks().forEach(n -> sourceNets.computeIfAbsent(n.name(), k -> new ArrayList<>()).add(s.name())));
        estate.vmmSites().forEach(s -> s.vmNetworks().forEach(n -> sourceNets.computeIfAbsent(n.name(), k -> new ArrayList<>()).add(s.name())));
        Set<String> targetNets = new TreeSet<>();
        estate.azure().forEach(a -> a.networks().forEach(n -> targetNets.add(n.name())));
        estate.vmmSites().forEach(s -> s.vmNetworks().forEach(n -> targetNets.add(n.name())));
        for (NetworkMapping m : estate.networkMappings()) {
            Address key = Address.of(Kind.NETWORK_MAPPING, m.source());
            String label = "network mapping '" + m.source() + "'";
            String src = m.source();
            int slash = src.indexOf('/');
            if (slash > 0) {
                String site = src.substring(0, slash);
                String net = src.substring(slash + 1);
                if (!sourceNets.getOrDefault(net, List.of()).contains(site)) {
                    error(sources.at(key), label + " maps '" + src + "', but site '" + site + "' declares no network '" + net + "'");
                }
            } else if (!sourceNets.containsKey(src)) {
                ref(key, label, "source network", src, sourceNets.keySet());
            } else if (sourceNets.get(src).size() > 1) {
                error(sources.at(key), label + ": sites " + sourceNets.get(src).stream().sorted().map(s -> "'" + s + "'").collect(Collectors.joining(" and "))
                        + " both declare network '" + src + "' — write it as 'site/" + src + "'");
            }
            ref(key, label, "target network", m.target(), targetNets);
        }
        Set<String> classifications = new TreeSet<>();
        estate.vmmSites().forEach(s -> s.storageClassifications().forEach(c -> classifications.add(c.name())));
        for (StorageMapping m : estate.storageMappings()) {
            Address key = Address.of(Kind.STORAGE_MAPPING, m.source());
            String label = "storage mapping '" + m.source() + "'";
            ref(key, label, "source classification", m.source(), classifications);
            ref(key, label, "target classification", m.target(), classifications);
        }
    }

    // ---------------------------------------------------------------- helpers

    private Set<String> allSiteNames() {
        Set<String> all = new TreeSet<>(vmwareSites.keySet());
        all.addAll(vmmSites.keySet());
        return all;
    }

    /** Reports a reference to an undeclared name; true when the reference resolves. */
    private boolean ref(Address key, String label, String what, String name, Collection<String> known) {
        if (name == null || known.contains(name)) return true;
        String hint = Suggestions.closest(name, known).map(s -> " — did you mean '" + s + "'?")
                .orElse(known.isEmpty() ? " — none is declared" : " — declared: " + known.stream().sorted().limit(8).map(s -> "'" + s + "'").collect(Collectors.joining(", "))
                        + (known.size() > 8 ? ", …" : ""));
        error(sources.at(key), label + " uses " + what + " '" + name + "', which is never declared" + hint);
        return false;
    }

    private void refOfKind(Address key, String label, String what, String name, Set<String> right, Set<String> wrong, String wrongKind) {
        if (name != null && !right.contains(name) && wrong.contains(name)) {
            error(sources.at(key), label + " uses " + what + " '" + name + "', which is " + wrongKind);
        } else {
            ref(key, label, what, name, right);
        }
    }

    private static <T> Set<String> names(Collection<T> items, Function<T, String> name) {
        return items.stream().map(name).collect(Collectors.toCollection(TreeSet::new));
    }

    private void error(Location at, String message) {
        problems.add(new Problem(at, message));
    }

    private static String where(Location l) {
        if (l.file() == null) return "unknown place";
        return l.line() > 0 ? l.file() + ", line " + l.line() : l.file();
    }
}
