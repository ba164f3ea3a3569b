package siteplan.providers.azure;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import siteplan.model.Estate;

/**
 * Which of Site Recovery's fabrics is which site of the definition. A fabric is named by Site Recovery
 * (a hash); it carries the name of the server that registered it: a VMware site's configuration server
 * (friendlyName and customDetails.hostName), a VMM site's VMM server (friendlyName), a modernized site's
 * replication appliances (the names its components are listed under). A fabric whose
 * friendlyName is the site's own name is taken too (a site registered under that name).
 */
final class AsrNames {
    private final Estate estate;
    /** A modernized vault's discovered machines: id (lower-case) → display name, as the appliances reported them. */
    private final java.util.Map<String, String> discovered = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile boolean discoveredRead;

    AsrNames(Estate estate) {
        this.estate = estate;
    }

    /**
     * Reads the machines the appliances of a vault's modernized fabrics discovered (Azure Migrate's discovery sites), once:
     * what names a modernized item's machine, since Site Recovery names the item by the target VM's name given at enable.
     * Deleted records are left out.
     */
    void readDiscovered(AzureConnection az, java.util.List<JsonNode> fabrics) {
        if (discoveredRead) return;
        for (JsonNode f : fabrics) {
            if (!RcmFabric.is(f)) continue;
            JsonNode custom = f.path("properties").path("customDetails");
            for (String site : java.util.List.of(custom.path("vmwareSiteId").asText(""), custom.path("physicalSiteId").asText(""))) {
                if (site.isBlank()) continue;
                for (JsonNode m : az.list(site + "/machines", RcmProtection.OFF_AZURE_API)) {
                    if (m.path("properties").path("isDeleted").asBoolean(false)) continue;
                    discovered.put(m.path("id").asText().toLowerCase(Locale.ROOT), m.path("properties").path("displayName").asText());
                }
            }
        }
        discoveredRead = true;
    }

    /** The same for a vault's items: read only when some item is a modernized one, with the vault's fabrics listed then. */
    void readDiscoveredFor(AzureConnection az, String vaultId, java.util.List<JsonNode> items) {
        if (discoveredRead || items.stream().noneMatch(i -> AzureVault.provider(i).startsWith("InMageRcm"))) return;
        readDiscovered(az, az.list(vaultId + "/replicationFabrics", AzureConnection.ASR_API));
    }

    /**
     * The machine a protected item protects: for a modernized item, the display name of the machine its appliance discovered
     * (InMageRcm), or the VMware VM it fails back into (InMageRcmFailback targetVmName); else its friendlyName.
     */
    String machineOf(JsonNode item) {
        JsonNode p = item.path("properties"), d = p.path("providerSpecificDetails");
        String friendly = p.path("friendlyName").asText(item.path("name").asText());
        String provider = d.path("instanceType").asText("");
        if (provider.equals("InMageRcm") && d.hasNonNull("fabricDiscoveryMachineId")) {
            return discovered.getOrDefault(d.get("fabricDiscoveryMachineId").asText().toLowerCase(Locale.ROOT), friendly);
        }
        if (provider.equals("InMageRcmFailback") && d.hasNonNull("targetVmName") && !d.get("targetVmName").asText().isBlank()) return d.get("targetVmName").asText();
        return friendly;
    }

    /** The names a site's fabric may carry: its server's names, then its own. */
    List<String> candidates(String site) {
        List<String> out = new ArrayList<>();
        estate.vmwareSites().stream().filter(s -> s.name().equals(site)).findFirst().ifPresent(s -> {
            if (s.configurationServer() != null) out.add(s.configurationServer().name());
            s.appliances().forEach(a -> out.add(a.name()));
        });
        estate.vmmSites().stream().filter(s -> s.name().equals(site)).findFirst().ifPresent(s -> s.servers().forEach(v -> {
            out.add(v.name());
            if (v.address() != null) out.add(v.address());
        }));
        out.add(site);
        return out;
    }

    boolean isFabricOf(JsonNode fabric, String site) {
        if (isAzure(fabric)) return false;
        JsonNode p = fabric.path("properties");
        for (String name : candidates(site)) {
            if (name.equalsIgnoreCase(p.path("friendlyName").asText()) || name.equalsIgnoreCase(p.path("customDetails").path("hostName").asText())) return true;
            // A modernized fabric is named by Site Recovery; the appliances registered with it carry the names people know.
            if (RcmFabric.is(fabric) && RcmFabric.registered(fabric, name)) return true;
        }
        return false;
    }

    /** The VMware sites of the definition whose appliances are registered with a modernized fabric, in declaration order; at least one. */
    List<String> sitesOf(JsonNode fabric) {
        List<String> out = new ArrayList<>();
        for (var s : estate.vmwareSites()) {
            if (s.appliances().stream().anyMatch(a -> RcmFabric.registered(fabric, a.name()))) out.add(s.name());
        }
        if (out.isEmpty()) out.add(siteOf(fabric));
        return out;
    }

    java.util.Optional<String> siteOfAppliance(String appliance) {
        return estate.vmwareSites().stream().filter(s -> s.appliances().stream().anyMatch(a -> a.name().equalsIgnoreCase(appliance))).map(s -> s.name()).findFirst();
    }

    java.util.Optional<String> siteOfVcenter(String address) {
        return estate.vmwareSites().stream().filter(s -> s.vcenter() != null && address.equalsIgnoreCase(s.vcenter().address())).map(s -> s.name()).findFirst();
    }

    java.util.Optional<String> siteOfMachine(String machine) {
        return estate.machine(machine).map(m -> m.site());
    }

    /** Whether the definition declares a policy of this name (or is the failback twin of one). */
    boolean declaresPolicy(String name) {
        return estate.replicationPolicies().stream().anyMatch(p -> p.name().equalsIgnoreCase(name) || (p.name() + "-failback").equalsIgnoreCase(name));
    }

    /** The site of the definition a fabric is, or its friendlyName when the definition has no such site. */
    String siteOf(JsonNode fabric) {
        for (var s : estate.vmwareSites()) if (isFabricOf(fabric, s.name())) return s.name();
        for (var s : estate.vmmSites()) if (isFabricOf(fabric, s.name())) return s.name();
        return fabric.path("properties").path("friendlyName").asText(fabric.path("name").asText());
    }

    /** Site Recovery's own fabric for Azure in a VMware/physical → Azure vault: not a site. */
    static boolean isAzure(JsonNode fabric) {
        return "Azure".equalsIgnoreCase(fabric.path("properties").path("customDetails").path("instanceType").asText());
    }

    /** Who discovers a fabric's machines, as a person would name it. */
    String discoveredBy(JsonNode fabric) {
        JsonNode p = fabric.path("properties");
        String type = p.path("customDetails").path("instanceType").asText("");
        String server = p.path("customDetails").path("hostName").asText(p.path("friendlyName").asText());
        if (type.equalsIgnoreCase("InMageRcm")) return "the replication appliances of " + p.path("friendlyName").asText() + " (" + String.join(", ", RcmFabric.names(fabric)) + ")";
        return type.equalsIgnoreCase("VMM") ? "VMM server " + p.path("friendlyName").asText() : "configuration server " + server;
    }

    /**
     * The protection group of an item whose provider has none (Hyper-V Replica carries no multi-VM group):
     * the machine's group in the definition, when the item is protected under that group's policy.
     */
    String group(String machine, String policy) {
        return siteplan.model.Membership.of(estate).groupOf(machine).filter(g -> policy == null || g.policy().equals(policy)).map(g -> g.name()).orElse(null);
    }

    /** A VHD as the definition names the disk: VMM's file name without its extension and the "VM_" prefix VMM gives it. */
    String diskName(String machine, String vhdName) {
        String n = vhdName;
        int dot = n.lastIndexOf('.');
        if (dot > 0) n = n.substring(0, dot);
        if (n.toLowerCase(java.util.Locale.ROOT).startsWith(machine.toLowerCase(java.util.Locale.ROOT) + "_")) n = n.substring(machine.length() + 1);
        String bare = n;
        return estate.machine(machine).flatMap(m -> m.disks().stream().filter(x -> x.name().equalsIgnoreCase(bare)).map(x -> x.name()).findFirst()).orElse(vhdName);
    }
}
