package siteplan.planner.state;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What exists, as providers report it, in the vocabulary of the systems themselves: vCenter
 * inventories, VMM inventories, Azure subscriptions, and Recovery Services vaults with their Site
 * Recovery objects. The simulated estate stores exactly this; real providers fill it from their APIs.
 * Lists are sorted so the same estate always has the same fingerprint.
 */
public record DiscoveredState(
        List<VcenterInventory> vcenters,
        List<VmmInventory> vmms,
        List<AzureSubscription> azure,
        List<RecoveryVault> vaults) {

    public DiscoveredState {
        vcenters = sorted(vcenters, Comparator.comparing(VcenterInventory::site));
        vmms = sorted(vmms, Comparator.comparing(VmmInventory::site));
        azure = sorted(azure, Comparator.comparing(AzureSubscription::target));
        vaults = sorted(vaults, Comparator.comparing(RecoveryVault::target));
    }

    public static DiscoveredState empty() {
        return new DiscoveredState(null, null, null, null);
    }

    static <T> List<T> sorted(List<T> l, Comparator<T> c) {
        return l == null ? List.of() : l.stream().sorted(c).toList();
    }

    static <T> List<T> copy(List<T> l) {
        return l == null ? List.of() : List.copyOf(l);
    }

    public Optional<VcenterInventory> vcenter(String site) {
        return vcenters.stream().filter(v -> v.site().equals(site)).findFirst();
    }

    public Optional<VmmInventory> vmm(String site) {
        return vmms.stream().filter(v -> v.site().equals(site)).findFirst();
    }

    public Optional<AzureSubscription> azure(String target) {
        return azure.stream().filter(a -> a.target().equals(target)).findFirst();
    }

    public Optional<RecoveryVault> vault(String target) {
        return vaults.stream().filter(v -> v.target().equals(target)).findFirst();
    }

    /** A protected item of a machine, in whichever vault holds it. */
    public Optional<ProtectedItem> protectedItem(String machine) {
        return vaults.stream().flatMap(v -> v.protectedItems().stream()).filter(p -> p.machine().equals(machine)).findFirst();
    }
}
