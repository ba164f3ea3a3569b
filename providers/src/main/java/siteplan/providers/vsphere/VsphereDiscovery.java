package siteplan.providers.vsphere;

import com.vmware.vim25.*;
import com.vmware.vim25.mo.ServiceInstance;
import java.rmi.RemoteException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import siteplan.planner.provider.Provider.DiscoveryException;
import siteplan.planner.state.DatastoreInfo;
import siteplan.planner.state.HostInfo;
import siteplan.planner.state.VcenterInventory;
import siteplan.planner.state.VmDisk;
import siteplan.planner.state.VmInfo;
import siteplan.planner.state.VmNic;
import siteplan.units.DataSize;

/**
 * Reads a vCenter's inventory into the planner's {@link VcenterInventory}: one container view over the
 * whole inventory and one RetrievePropertiesEx for every object and property, paged by the server
 * ({@code maxObjects}), never a round trip per object. Only narrow property paths are read (the device
 * list and extra config of a VM, not its whole config).
 */
public final class VsphereDiscovery {
    /** Objects per page; vCenter may return fewer. */
    public static final int PAGE = 500;

    static final String[] VM_PROPERTIES = {"name", "config.guestFullName", "config.firmware", "config.hardware.device",
            "config.extraConfig", "runtime.host", "runtime.powerState", "guest.toolsRunningStatus", "guest.toolsVersionStatus2", "snapshot", "datastore", "guest.net"};
    static final String[] HOST_PROPERTIES = {"name", "summary.config.product.version"};
    static final String[] DATASTORE_PROPERTIES = {"name", "summary.type", "summary.capacity"};
    static final String[] NETWORK_PROPERTIES = {"name"};
    static final String[] DATACENTER_PROPERTIES = {"name"};

    private final ServiceInstance si;
    private final VimPortType vim;
    private final ManagedObjectReference collector;
    private int roundTrips;

    public VsphereDiscovery(VsphereSession session) {
        this.si = session.serviceInstance();
        this.vim = si.getServerConnection().getVimService();
        this.collector = si.getServiceContent().getPropertyCollector();
    }

    /** SOAP calls made so far, for the benchmark and the spec that checks batching. */
    public int roundTrips() {
        return roundTrips;
    }

    /** The whole inventory of {@code site}'s vCenter. */
    public VcenterInventory discover(String site, String address) {
        try {
            Map<String, Map<String, Object>> objects = retrieveAll(PAGE);
            return inventory(site, address, si.getAboutInfo().getVersion(), objects, editions());
        } catch (RemoteException | RuntimeException e) {
            throw new DiscoveryException("discovery of vCenter " + address + " failed: " + siteplan.providers.Causes.root(e));
        }
    }

    /** Every object the inventory's container view holds, with the properties above, keyed by "Type:moref". */
    public Map<String, Map<String, Object>> retrieveAll(Integer pageSize) throws RemoteException {
        ManagedObjectReference view = vim.createContainerView(si.getServiceContent().getViewManager(), si.getServiceContent().getRootFolder(),
                new String[] {"VirtualMachine", "HostSystem", "Datastore", "Network", "Datacenter"}, true);
        roundTrips++;
        try {
            RetrieveOptions options = new RetrieveOptions();
            options.setMaxObjects(pageSize);
            RetrieveResult first = vim.retrievePropertiesEx(collector, new PropertyFilterSpec[] {spec(view)}, options);
            roundTrips++;
            return pages(first, token -> {
                roundTrips++;
                return vim.continueRetrievePropertiesEx(collector, token);
            });
        } finally {
            vim.destroyView(view);
            roundTrips++;
        }
    }

    /** The next page of a paged retrieval, by the token the previous page ended with. */
    interface NextPage {
        RetrieveResult next(String token) throws RemoteException;
    }

    /** Every object of every page, following continuation tokens until a page has none. */
    static Map<String, Map<String, Object>> pages(RetrieveResult first, NextPage next) throws RemoteException {
        Map<String, Map<String, Object>> out = new HashMap<>();
        RetrieveResult page = first;
        while (page != null) {
            collect(page.getObjects(), out);
            if (page.getToken() == null) break;
            page = next.next(page.getToken());
        }
        return out;
    }

    static PropertyFilterSpec spec(ManagedObjectReference view) {
        TraversalSpec traverse = new TraversalSpec();
        traverse.setName("view");
        traverse.setType("ContainerView");
        traverse.setPath("view");
        traverse.setSkip(false);
        ObjectSpec start = new ObjectSpec();
        start.setObj(view);
        start.setSkip(true);
        start.setSelectSet(new SelectionSpec[] {traverse});
        PropertyFilterSpec filter = new PropertyFilterSpec();
        filter.setObjectSet(new ObjectSpec[] {start});
        filter.setPropSet(new PropertySpec[] {props("VirtualMachine", VM_PROPERTIES), props("HostSystem", HOST_PROPERTIES),
                props("Datastore", DATASTORE_PROPERTIES), props("Network", NETWORK_PROPERTIES), props("Datacenter", DATACENTER_PROPERTIES)});
        return filter;
    }

    private static PropertySpec props(String type, String[] paths) {
        PropertySpec p = new PropertySpec();
        p.setType(type);
        p.setPathSet(paths);
        return p;
    }

    private static void collect(ObjectContent[] objects, Map<String, Map<String, Object>> out) {
        if (objects == null) return;
        for (ObjectContent oc : objects) {
            Map<String, Object> values = out.computeIfAbsent(oc.getObj().getType() + ":" + oc.getObj().getVal(), k -> new HashMap<>());
            if (oc.getPropSet() != null) {
                for (DynamicProperty p : oc.getPropSet()) values.put(p.getName(), p.getVal());
            }
        }
    }

    /** Host moref → license edition, in one call to the license assignment manager; empty where there is none. */
    private Map<String, String> editions() {
        Map<String, String> out = new HashMap<>();
        try {
            ManagedObjectReference licenses = si.getServiceContent().getLicenseManager();
            if (licenses == null) return out;
            Object lam = si.getServerConnection().getVimService().retrieveProperties(collector, new PropertyFilterSpec[] {single(licenses, "licenseAssignmentManager")})[0].getPropSet()[0].getVal();
            roundTrips++;
            LicenseAssignmentManagerLicenseAssignment[] assigned = vim.queryAssignedLicenses((ManagedObjectReference) lam, null);
            roundTrips++;
            if (assigned == null) return out;
            for (LicenseAssignmentManagerLicenseAssignment a : assigned) {
                LicenseManagerLicenseInfo l = a.getAssignedLicense();
                if (l != null) out.put(a.getEntityId(), l.getName() != null ? l.getName() : l.getEditionKey());
            }
        } catch (RemoteException | RuntimeException e) {
            // An ESXi host, or an account without license rights: editions stay unknown, as declared ones decide FB-ESXI-FREE.
        }
        return out;
    }

    private static PropertyFilterSpec single(ManagedObjectReference obj, String path) {
        ObjectSpec o = new ObjectSpec();
        o.setObj(obj);
        PropertyFilterSpec f = new PropertyFilterSpec();
        f.setObjectSet(new ObjectSpec[] {o});
        f.setPropSet(new PropertySpec[] {props(obj.getType(), new String[] {path})});
        return f;
    }

    // ------------------------------------------------------------------ turning properties into the inventory

    static VcenterInventory inventory(String site, String address, String version, Map<String, Map<String, Object>> objects, Map<String, String> editions) {
        Map<String, String> hostNames = new HashMap<>(), datastoreNames = new HashMap<>(), networkNames = new HashMap<>();
        List<HostInfo> hosts = new ArrayList<>();
        List<DatastoreInfo> datastores = new ArrayList<>();
        TreeMap<String, String> networks = new TreeMap<>();
        List<String> datacenters = new ArrayList<>();
        objects.forEach((key, p) -> {
            String type = key.substring(0, key.indexOf(':')), id = key.substring(key.indexOf(':') + 1);
            String name = (String) p.get("name");
            switch (type) {
                case "HostSystem" -> {
                    hostNames.put(id, name);
                    hosts.add(new HostInfo(name, (String) p.get("summary.config.product.version"), editions.get(id)));
                }
                case "Datastore" -> {
                    datastoreNames.put(id, name);
                    Object capacity = p.get("summary.capacity");
                    datastores.add(new DatastoreInfo(name, p.get("summary.type") == null ? null : p.get("summary.type").toString().toLowerCase(java.util.Locale.ROOT),
                            capacity instanceof Number n ? new DataSize(n.longValue()) : null));
                }
                case "Datacenter" -> datacenters.add(name);
                case "VirtualMachine" -> { }
                default -> { // Network, DistributedVirtualPortgroup, OpaqueNetwork
                    networkNames.put(id, name);
                    networks.put(name, name);
                }
            }
        });
        List<VmInfo> vms = new ArrayList<>();
        objects.forEach((key, p) -> {
            if (key.startsWith("VirtualMachine:")) vms.add(vm(p, hostNames, datastoreNames, networkNames));
        });
        hosts.sort(java.util.Comparator.comparing(HostInfo::name));
        datastores.sort(java.util.Comparator.comparing(DatastoreInfo::name));
        datacenters.sort(null);
        return new VcenterInventory(site, address, version, String.join(",", datacenters), hosts, datastores, List.copyOf(networks.keySet()), vms);
    }

    static VmInfo vm(Map<String, Object> p, Map<String, String> hosts, Map<String, String> datastores, Map<String, String> networks) {
        VirtualDevice[] devices = array(p.get("config.hardware.device"), VirtualDevice.class);
        Map<Integer, String> controllers = new HashMap<>();
        for (VirtualDevice d : devices) {
            String c = controller(d);
            if (c != null) controllers.put(d.getKey(), c);
        }
        List<VmDisk> disks = new ArrayList<>();
        List<VmNic> nics = new ArrayList<>();
        GuestNicInfo[] guestNics = array(p.get("guest.net"), GuestNicInfo.class);
        for (VirtualDevice d : devices) {
            String label = d.getDeviceInfo() == null ? "device " + d.getKey() : d.getDeviceInfo().getLabel();
            if (d instanceof VirtualDisk disk) {
                long bytes = disk.getCapacityInBytes() != null && disk.getCapacityInBytes() > 0 ? disk.getCapacityInBytes() : disk.getCapacityInKB() * 1024;
                disks.add(new VmDisk(label, new DataSize(bytes), controllers.getOrDefault(d.getControllerKey(), "unknown")));
            } else if (d instanceof VirtualEthernetCard card) {
                String network = null;
                if (card.getBacking() instanceof VirtualEthernetCardDistributedVirtualPortBackingInfo dv && dv.getPort() != null) {
                    network = networks.get(dv.getPort().getPortgroupKey());
                } else if (card.getBacking() instanceof VirtualEthernetCardNetworkBackingInfo nb) {
                    network = nb.getNetwork() != null ? networks.get(nb.getNetwork().getVal()) : nb.getDeviceName();
                }
                String ip = null;
                for (GuestNicInfo g : guestNics) {
                    if (g.getDeviceConfigId() == d.getKey() && g.getIpAddress() != null && g.getIpAddress().length > 0) ip = g.getIpAddress()[0];
                }
                nics.add(new VmNic(label, network, ip));
            }
        }
        Boolean enableUuid = null;
        for (OptionValue o : array(p.get("config.extraConfig"), OptionValue.class)) {
            if ("disk.EnableUUID".equalsIgnoreCase(o.getKey()) && o.getValue() != null) enableUuid = Boolean.parseBoolean(o.getValue().toString());
        }
        int snapshots = 0;
        if (p.get("snapshot") instanceof VirtualMachineSnapshotInfo info) snapshots = count(info.getRootSnapshotList());
        ManagedObjectReference host = (ManagedObjectReference) p.get("runtime.host");
        ManagedObjectReference[] ds = array(p.get("datastore"), ManagedObjectReference.class);
        Object power = p.get("runtime.powerState");
        return new VmInfo((String) p.get("name"), (String) p.get("config.guestFullName"), (String) p.get("config.firmware"),
                host == null ? null : hosts.get(host.getVal()), ds.length == 0 ? null : datastores.get(ds[0].getVal()),
                power == null ? null : power.toString(), tools(p), snapshots, enableUuid, disks, nics,
                null, null);
    }

    /** VMware Tools in siteplan's words (running, not-running, not-installed), from the guest's two status fields. */
    static String tools(Map<String, Object> p) {
        Object version = p.get("guest.toolsVersionStatus2"), running = p.get("guest.toolsRunningStatus");
        if ("guestToolsNotInstalled".equals(version)) return "not-installed";
        if (running == null) return null;
        return "guestToolsRunning".equals(running) || "guestToolsExecutingScripts".equals(running) ? "running" : "not-running";
    }

    private static int count(VirtualMachineSnapshotTree[] trees) {
        if (trees == null) return 0;
        int n = 0;
        for (VirtualMachineSnapshotTree t : trees) n += 1 + count(t.getChildSnapshotList());
        return n;
    }

    /** The controller a disk hangs off, as siteplan's tokens name SCSI controllers (ScsiController), else ide or sata. */
    static String controller(VirtualDevice d) {
        if (d instanceof ParaVirtualSCSIController) return "paravirtual";
        if (d instanceof VirtualLsiLogicSASController) return "lsi-logic-sas";
        if (d instanceof VirtualLsiLogicController) return "lsi-logic";
        if (d instanceof VirtualBusLogicController) return "bus-logic";
        if (d instanceof VirtualIDEController) return "ide";
        if (d instanceof VirtualAHCIController || d instanceof VirtualSATAController) return "sata";
        return null;
    }

    /** yavijava hands arrays back as Java arrays, or as their ArrayOf… wrappers; both, or nothing, become an array. */
    @SuppressWarnings("unchecked")
    static <T> T[] array(Object v, Class<T> type) {
        if (v == null) return (T[]) java.lang.reflect.Array.newInstance(type, 0);
        if (type.isInstance(v)) {
            T[] one = (T[]) java.lang.reflect.Array.newInstance(type, 1);
            one[0] = (T) v;
            return one;
        }
        if (v.getClass().isArray()) {
            Object[] src = (Object[]) v;
            T[] out = (T[]) java.lang.reflect.Array.newInstance(type, src.length);
            for (int i = 0; i < src.length; i++) out[i] = (T) src[i];
            return out;
        }
        for (java.lang.reflect.Method m : v.getClass().getMethods()) {
            if (m.getParameterCount() == 0 && m.getReturnType().isArray() && type.isAssignableFrom(m.getReturnType().getComponentType())) {
                try {
                    return array(m.invoke(v), type);
                } catch (ReflectiveOperationException e) {
                    break;
                }
            }
        }
        return (T[]) java.lang.reflect.Array.newInstance(type, 0);
    }
}
