// siteplan-vcsim: a vCenter simulator for siteplan's provider tests and discovery benchmark.
//
// It serves govmomi's simulator (a VPX model: one datacenter, a cluster of ESXi hosts, a local
// datastore) on a loopback address, then creates, through the vSphere API itself, the hosts' names, port groups
// and VMs of one site of a siteplan state file (or -vms N generated ones). Before serving it makes the simulator
// answer as a vSphere 6.0 vCenter does, because yavijava's XML reader aborts on elements of newer
// APIs: newer ServiceContent managers, HostConfigInfo.deploymentInfo and the video card's
// graphicsMemorySizeInKB are removed.
//
// Usage: siteplan-vcsim -listen 127.0.0.1:0 -inventory inv.json -readyfile ready.json
//        siteplan-vcsim -listen 127.0.0.1:0 -vms 1000 -disks 4 -readyfile ready.json
// It writes {"url", "user", "password", "thumbprint", "vms"} to -readyfile once ready and serves
// until it gets SIGTERM or SIGINT.
package main

import (
	"context"
	"crypto/sha256"
	"crypto/tls"
	"encoding/json"
	"flag"
	"fmt"
	"io/ioutil"
	"log"
	"net/url"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"

	"github.com/vmware/govmomi"
	"github.com/vmware/govmomi/find"
	"github.com/vmware/govmomi/object"
	"github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/simulator/esx"
	"github.com/vmware/govmomi/simulator/vpx"
	"github.com/vmware/govmomi/vim25/types"
)

// Inventory is one site's vCenter in siteplan's discovered-state form (a simulated estate's
// state.json holds a list of these under "vcenters"), so a simulation can be served as a real vCenter.
type Inventory struct {
	Site     string   `json:"site"`
	Networks []string `json:"networks"`
	Hosts    []Host   `json:"hosts"`
	Vms      []Vm     `json:"vms"`
	// Datastores are served by name only with -datastores (else the simulator's one LocalDS_0).
	Datastores []Host `json:"datastores"`
}

// Host is an ESXi host of the cluster.
type Host struct {
	Name string `json:"name"`
}

// Vm is one virtual machine: guest, firmware, power, tools, disks and NICs.
type Vm struct {
	Name           string `json:"name"`
	GuestOs        string `json:"guestOs"`
	Firmware       string `json:"firmware"`
	PowerState     string `json:"powerState"`
	Tools          string `json:"tools"`
	DiskEnableUUID *bool  `json:"diskEnableUuid"`
	Disks          []Disk `json:"disks"`
	Nics           []Nic  `json:"nics"`
}

// Disk has a size as siteplan writes it ("127GB", binary units) and a controller token.
type Disk struct {
	Size       string `json:"size"`
	Controller string `json:"controller"`
}

// Nic is on a port group.
type Nic struct {
	Network string `json:"network"`
}

func olderVcenter() {
	for _, sc := range []*types.ServiceContent{&vpx.ServiceContent, &esx.ServiceContent} {
		sc.DatastoreNamespaceManager = nil
		sc.OverheadMemoryManager = nil
		sc.CertificateManager = nil
		sc.IoFilterManager = nil
		sc.VStorageObjectManager = nil
		sc.HostSpecManager = nil
		sc.CryptoManager = nil
		sc.HealthUpdateManager = nil
		sc.FailoverClusterConfigurator = nil
		sc.FailoverClusterManager = nil
	}
	esx.HostConfigInfo.DeploymentInfo = nil
	for _, d := range esx.VirtualDevice {
		if card, ok := d.(*types.VirtualMachineVideoCard); ok {
			card.GraphicsMemorySizeInKB = 0
		}
	}
}

func generated(n, disks int) Inventory {
	inv := Inventory{Site: "bench", Networks: []string{"VM Network", "Backup Network"}}
	guests := []string{"Windows Server 2012 R2 (64-bit)", "Red Hat Enterprise Linux 7 (64-bit)"}
	for i := 0; i < n; i++ {
		t := i%3 != 0
		vm := Vm{Name: fmt.Sprintf("vm%05d", i), GuestOs: guests[i%2], Firmware: "bios", PowerState: "poweredOn", Tools: "running",
			DiskEnableUUID: &t, Nics: []Nic{{Network: "VM Network"}}}
		for d := 0; d < disks; d++ {
			vm.Disks = append(vm.Disks, Disk{Size: fmt.Sprintf("%dGB", 40+10*d), Controller: "lsi-logic-sas"})
		}
		inv.Vms = append(inv.Vms, vm)
	}
	return inv
}

// sizeKB reads siteplan's data sizes: a number and a binary unit.
func sizeKB(s string) (int64, error) {
	units := map[string]float64{"KB": 1, "MB": 1024, "GB": 1024 * 1024, "TB": 1024 * 1024 * 1024}
	for u, f := range units {
		if strings.HasSuffix(strings.ToUpper(s), u) {
			n, err := strconv.ParseFloat(strings.TrimSpace(s[:len(s)-2]), 64)
			if err != nil {
				return 0, err
			}
			return int64(n * f), nil
		}
	}
	return 0, fmt.Errorf("%q is not a data size such as 127GB", s)
}

// controllerTypes maps siteplan's controller tokens to govmomi's names.
var controllerTypes = map[string]string{"lsi-logic": "lsilogic", "lsi-logic-sas": "lsilogic-sas", "paravirtual": "pvscsi", "bus-logic": "buslogic"}

func main() {
	listen := flag.String("listen", "127.0.0.1:0", "address to serve on (loopback only)")
	stateFile := flag.String("state", "", "a siteplan state.json whose vCenter inventory to serve")
	site := flag.String("site", "", "with -state: the site whose vCenter to serve (default: the first)")
	vms := flag.Int("vms", 0, "generate this many VMs instead of reading -inventory")
	disks := flag.Int("disks", 2, "disks per generated VM")
	hosts := flag.Int("hosts", 2, "ESXi hosts in the cluster")
	user := flag.String("user", "administrator@vsphere.local", "the one account that may log in")
	password := flag.String("password", "vcsim-secret", "its password")
	datastores := flag.Bool("datastores", false, "with -state: serve the site's datastores under their names (a failback into one is checked against them)")
	urlFile := flag.String("readyfile", "", "file to write the SDK URL, login and certificate fingerprint to (JSON) once ready")
	flag.Parse()

	inv := generated(*vms, *disks)
	if *stateFile != "" {
		b, err := ioutil.ReadFile(*stateFile)
		if err != nil {
			log.Fatalf("cannot read %s: %v", *stateFile, err)
		}
		var state struct {
			Vcenters []Inventory `json:"vcenters"`
		}
		if err := json.Unmarshal(b, &state); err != nil {
			log.Fatalf("%s is not a siteplan state file: %v", *stateFile, err)
		}
		found := false
		for _, v := range state.Vcenters {
			if *site == "" || v.Site == *site {
				inv, found = v, true
				break
			}
		}
		if !found {
			log.Fatalf("%s has no vCenter for site %q", *stateFile, *site)
		}
	}

	olderVcenter()
	model := simulator.VPX()
	model.Datacenter = 1
	model.Cluster = 1
	model.ClusterHost = *hosts
	if len(inv.Hosts) > 0 {
		model.ClusterHost = len(inv.Hosts)
	}
	model.Host = 0
	model.Machine = 0
	model.Portgroup = 1 // the simulator creates its distributed switch only with a port group
	model.Datastore = 1
	if !*datastores {
		inv.Datastores = nil
	} else if len(inv.Datastores) > 0 {
		model.Datastore = len(inv.Datastores)
	}
	if err := model.Create(); err != nil {
		log.Fatal(err)
	}
	defer model.Remove()
	u, err := url.Parse("https://" + *listen)
	if err != nil {
		log.Fatal(err)
	}
	u.User = url.UserPassword(*user, *password) // only this login is accepted, so a wrong password fails as on vCenter
	model.Service.Listen = u
	model.Service.TLS = &tls.Config{}
	server := model.Service.NewServer()
	defer server.Close()

	ctx := context.Background()
	client, err := govmomi.NewClient(ctx, server.URL, true)
	if err != nil {
		log.Fatal(err)
	}
	if err := populate(ctx, client, inv); err != nil {
		log.Fatal(err)
	}

	if *urlFile != "" {
		// What a client needs: the SDK URL (its user and password are the simulator's defaults) and the
		// SHA-256 fingerprint of the self-signed certificate, to pin instead of turning verification off.
		sum := sha256.Sum256(server.Certificate().Raw)
		hexed := make([]string, len(sum))
		for i, b := range sum {
			hexed[i] = fmt.Sprintf("%02X", b)
		}
		sdk := *server.URL
		sdk.User = nil
		password, _ := server.URL.User.Password()
		ready, _ := json.Marshal(map[string]string{"url": sdk.String(), "user": server.URL.User.Username(), "password": password,
			"thumbprint": strings.Join(hexed, ":"), "vms": fmt.Sprint(len(inv.Vms))})
		tmp := *urlFile + ".tmp"
		if err := ioutil.WriteFile(tmp, append(ready, '\n'), 0600); err != nil {
			log.Fatal(err)
		}
		if err := os.Rename(tmp, *urlFile); err != nil {
			log.Fatal(err)
		}
	}
	fmt.Fprintf(os.Stderr, "siteplan-vcsim: %d VMs on %s\n", len(inv.Vms), server.URL.Host)

	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGTERM, syscall.SIGINT)
	<-sig
}

func populate(ctx context.Context, c *govmomi.Client, inv Inventory) error {
	finder := find.NewFinder(c.Client, true)
	dc, err := finder.DefaultDatacenter(ctx)
	if err != nil {
		return err
	}
	finder.SetDatacenter(dc)
	folders, err := dc.Folders(ctx)
	if err != nil {
		return err
	}
	dvs, err := finder.Network(ctx, "DVS0")
	if err != nil {
		return err
	}
	sw := dvs.(*object.DistributedVirtualSwitch)
	backing := map[string]types.BaseVirtualDeviceBackingInfo{}
	for _, name := range inv.Networks {
		// A network the model already has (the hosts' standard "VM Network") is used as it is.
		if existing, err := finder.NetworkList(ctx, name); err != nil || len(existing) == 0 {
			task, err := sw.AddPortgroup(ctx, []types.DVPortgroupConfigSpec{{Name: name, Type: string(types.DistributedVirtualPortgroupPortgroupTypeEarlyBinding), NumPorts: 1024}})
			if err != nil {
				return err
			}
			if err := task.Wait(ctx); err != nil {
				return err
			}
		}
		pgs, err := finder.NetworkList(ctx, name)
		if err != nil {
			return err
		}
		b, err := pgs[0].EthernetCardBackingInfo(ctx)
		if err != nil {
			return err
		}
		backing[name] = b
	}
	hostList, err := finder.HostSystemList(ctx, "*")
	if err != nil {
		return err
	}
	for i, h := range inv.Hosts {
		// The simulator cannot rename a host through the API; its object is renamed in place.
		if i < len(hostList) {
			if obj, ok := simulator.Map.Get(hostList[i].Reference()).(*simulator.HostSystem); ok {
				name := h.Name
				simulator.Map.WithLock(obj, func() {
					obj.Name = name
					obj.Summary.Config.Name = name
				})
			}
		}
	}
	if len(inv.Datastores) > 0 {
		// Like the hosts, the simulator's datastores are renamed in place to the site's.
		all, err := finder.DatastoreList(ctx, "*")
		if err != nil {
			return err
		}
		for i, d := range inv.Datastores {
			if i >= len(all) {
				break
			}
			if obj, ok := simulator.Map.Get(all[i].Reference()).(*simulator.Datastore); ok {
				name := d.Name
				simulator.Map.WithLock(obj, func() {
					obj.Name = name
					obj.Summary.Name = name
					obj.Info.GetDatastoreInfo().Name = name
				})
			}
		}
	}
	pool, err := finder.DefaultResourcePool(ctx)
	if err != nil {
		return err
	}
	// The VMs' files live on the first datastore (the site's first, with -datastores).
	stores, err := finder.DatastoreList(ctx, "*")
	if err != nil {
		return err
	}
	ds := stores[0]
	dsRef := ds.Reference()
	for _, vm := range inv.Vms {
		spec := types.VirtualMachineConfigSpec{
			Name:     vm.Name,
			GuestId:  guestID(vm.GuestOs),
			Firmware: vm.Firmware,
			NumCPUs:  2,
			MemoryMB: 4096,
			Files:    &types.VirtualMachineFileInfo{VmPathName: "[" + ds.Name() + "]"},
		}
		if vm.DiskEnableUUID != nil {
			v := "FALSE"
			if *vm.DiskEnableUUID {
				v = "TRUE"
			}
			spec.ExtraConfig = []types.BaseOptionValue{&types.OptionValue{Key: "disk.EnableUUID", Value: v}}
		}
		var devices object.VirtualDeviceList
		ctrls := map[string]types.BaseVirtualController{}
		for i, d := range vm.Disks {
			kind := controllerTypes[d.Controller]
			if kind == "" {
				kind = "lsilogic-sas"
			}
			ctrl, ok := ctrls[kind]
			if !ok {
				c, err := devices.CreateSCSIController(kind)
				if err != nil {
					return err
				}
				devices = append(devices, c)
				ctrl = devices.PickController(c.(types.BaseVirtualController))
				ctrls[kind] = ctrl
			}
			kb, err := sizeKB(d.Size)
			if err != nil {
				return fmt.Errorf("VM %s: %v", vm.Name, err)
			}
			disk := devices.CreateDisk(ctrl, dsRef, fmt.Sprintf("[%s] %s/disk%d.vmdk", ds.Name(), vm.Name, i))
			disk.CapacityInKB = kb
			devices = append(devices, disk)
		}
		for _, nic := range vm.Nics {
			n := nic.Network
			b, ok := backing[n]
			if !ok {
				return fmt.Errorf("VM %s is on network %q, which the inventory does not list", vm.Name, n)
			}
			nic, err := object.EthernetCardTypes().CreateEthernetCard("vmxnet3", b)
			if err != nil {
				return err
			}
			devices = append(devices, nic)
		}
		spec.DeviceChange, err = devices.ConfigSpec(types.VirtualDeviceConfigSpecOperationAdd)
		if err != nil {
			return err
		}
		for _, dc := range spec.DeviceChange {
			if _, ok := dc.GetVirtualDeviceConfigSpec().Device.(*types.VirtualDisk); ok {
				dc.GetVirtualDeviceConfigSpec().FileOperation = types.VirtualDeviceConfigSpecFileOperationCreate
			}
		}
		task, err := folders.VmFolder.CreateVM(ctx, spec, pool, nil)
		if err != nil {
			return err
		}
		info, err := task.WaitForResult(ctx, nil)
		if err != nil {
			return fmt.Errorf("creating %s: %v", vm.Name, err)
		}
		ref := info.Result.(types.ManagedObjectReference)
		// What the API cannot set on a new VM, the simulator's object takes directly: the guest's full
		// name and the VMware Tools state a running guest reports.
		if obj, ok := simulator.Map.Get(ref).(*simulator.VirtualMachine); ok {
			simulator.Map.WithLock(obj, func() {
				if vm.GuestOs != "" {
					obj.Config.GuestFullName = vm.GuestOs
					obj.Summary.Config.GuestFullName = vm.GuestOs
					obj.Guest.GuestFullName = vm.GuestOs
				}
				switch vm.Tools {
				case "running", "":
					obj.Guest.ToolsRunningStatus = string(types.VirtualMachineToolsRunningStatusGuestToolsRunning)
					obj.Guest.ToolsVersionStatus2 = string(types.VirtualMachineToolsVersionStatusGuestToolsCurrent)
				case "not-installed":
					obj.Guest.ToolsRunningStatus = string(types.VirtualMachineToolsRunningStatusGuestToolsNotRunning)
					obj.Guest.ToolsVersionStatus2 = string(types.VirtualMachineToolsVersionStatusGuestToolsNotInstalled)
				default:
					obj.Guest.ToolsRunningStatus = string(types.VirtualMachineToolsRunningStatusGuestToolsNotRunning)
					obj.Guest.ToolsVersionStatus2 = string(types.VirtualMachineToolsVersionStatusGuestToolsCurrent)
				}
			})
		}
		if vm.PowerState == "" || vm.PowerState == "poweredOn" {
			v := object.NewVirtualMachine(c.Client, ref)
			t, err := v.PowerOn(ctx)
			if err != nil {
				return err
			}
			if err := t.Wait(ctx); err != nil {
				return err
			}
		}
	}
	return nil
}

// guestID picks the vSphere guest identifier closest to a guest's full name.
func guestID(fullName string) string {
	n := strings.ToLower(fullName)
	switch {
	case strings.Contains(n, "2012"):
		return "windows8Server64Guest"
	case strings.Contains(n, "2008"):
		return "windows7Server64Guest"
	case strings.Contains(n, "windows"):
		return "windows9Server64Guest"
	case strings.Contains(n, "red hat") || strings.Contains(n, "rhel") || strings.Contains(n, "centos"):
		return "rhel7_64Guest"
	case strings.Contains(n, "suse"):
		return "sles12_64Guest"
	case strings.Contains(n, "ubuntu"):
		return "ubuntu64Guest"
	}
	return "otherGuest64"
}
