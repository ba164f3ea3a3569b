package siteplan.providers.vsphere;

import com.vmware.vim25.ManagedObjectReference;
import com.vmware.vim25.PropertyFilterSpec;
import com.vmware.vim25.RetrieveOptions;
import com.vmware.vim25.RetrieveResult;
import com.vmware.vim25.VimPortType;
import com.vmware.vim25.mo.ServiceInstance;
import com.vmware.vim25.mo.VirtualMachine;
import java.io.PrintWriter;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Discovery of a vCenter three ways, in one session, for bench/vsphere-discovery.sh:
 * <ul>
 * <li>raw: one RetrievePropertiesEx of exactly the properties discovery reads (and its continuations),
 *     nothing turned into the inventory: the floor any discovery has to pay;</li>
 * <li>batched: {@link VsphereDiscovery#discover}, everything included (view, paging, license query,
 *     the inventory records);</li>
 * <li>naive: a walk that asks for each property of each VM in its own call, as code that reads
 *     {@code vm.getConfig()…} object by object does.</li>
 * </ul>
 * Wall times are medians of {@code runs} runs after one warm-up; naive runs once (it is the slow one).
 */
public final class DiscoveryBenchmark {
    private DiscoveryBenchmark() {}

    public static void run(URL sdk, String user, String password, String thumbprint, int runs, boolean naive, PrintWriter out) throws Exception {
        // The operator names the vCenter on the command line (no definition is involved), so that is the trust.
        int port = sdk.getPort() > 0 ? sdk.getPort() : 443;
        var destination = siteplan.providers.TrustedEndpoints.parse(sdk.getHost() + ":" + port + (thumbprint == null ? "" : "=" + thumbprint))
                .vcenter("vsphere-bench", sdk.toString(), null, null);
        try (VsphereSession session = VsphereSession.open(destination, user, password)) {
            ServiceInstance si = session.serviceInstance();
            VimPortType vim = si.getServerConnection().getVimService();
            ManagedObjectReference pc = si.getServiceContent().getPropertyCollector();
            ManagedObjectReference view = vim.createContainerView(si.getServiceContent().getViewManager(), si.getServiceContent().getRootFolder(),
                    new String[] {"VirtualMachine", "HostSystem", "Datastore", "Network", "Datacenter"}, true);
            PropertyFilterSpec spec = VsphereDiscovery.spec(view);
            int[] objects = new int[1];
            long[] raw = time(runs, () -> {
                int n = 0;
                RetrieveResult r = vim.retrievePropertiesEx(pc, new PropertyFilterSpec[] {spec}, new RetrieveOptions());
                while (r != null) {
                    n += r.getObjects() == null ? 0 : r.getObjects().length;
                    if (r.getToken() == null) break;
                    r = vim.continueRetrievePropertiesEx(pc, r.getToken());
                }
                objects[0] = n;
            });
            int[] vms = new int[1];
            long[] batched = time(runs, () -> vms[0] = new VsphereDiscovery(session).discover("bench", sdk.getHost()).vms().size());
            out.printf("objects %d, VMs %d, %d VM properties each%n", objects[0], vms[0], VsphereDiscovery.VM_PROPERTIES.length);
            out.printf("raw RetrievePropertiesEx:  median %7.1f ms  (runs: %s)%n", median(raw), ms(raw));
            out.printf("batched discovery:         median %7.1f ms  (runs: %s)%n", median(batched), ms(batched));
            out.printf("batched / raw:             %.2fx%n", median(batched) / median(raw));
            if (naive) {
                List<ManagedObjectReference> refs = new ArrayList<>();
                RetrieveResult r = vim.retrievePropertiesEx(pc, new PropertyFilterSpec[] {spec}, new RetrieveOptions());
                Arrays.stream(r.getObjects()).filter(o -> o.getObj().getType().equals("VirtualMachine")).forEach(o -> refs.add(o.getObj()));
                int[] calls = new int[1];
                long[] walk = time(1, () -> {
                    calls[0] = 0;
                    for (ManagedObjectReference ref : refs) {
                        VirtualMachine vm = new VirtualMachine(si.getServerConnection(), ref);
                        for (String path : VsphereDiscovery.VM_PROPERTIES) {
                            vm.getPropertyByPath(path);
                            calls[0]++;
                        }
                    }
                });
                out.printf("naive per-object walk:     %7.1f ms  (%d calls for %d VMs, hosts and the rest not even read)%n", median(walk), calls[0], refs.size());
                out.printf("naive / batched:           %.1fx%n", median(walk) / median(batched));
            }
            vim.destroyView(view);
        }
        out.flush();
    }

    interface Body {
        void run() throws Exception;
    }

    private static long[] time(int runs, Body body) throws Exception {
        body.run(); // warm-up: class loading, JIT, the server's caches
        long[] t = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            body.run();
            t[i] = System.nanoTime() - start;
        }
        return t;
    }

    private static double median(long[] t) {
        long[] s = t.clone();
        Arrays.sort(s);
        return (s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2.0) / 1e6;
    }

    private static String ms(long[] t) {
        return String.join(", ", Arrays.stream(t).mapToObj(x -> String.format("%.0f", x / 1e6)).toList());
    }
}
