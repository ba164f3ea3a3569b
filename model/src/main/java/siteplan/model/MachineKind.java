package siteplan.model;

/** What a protected machine is: a VMware VM, a physical server (both replicate to Azure), or a Hyper-V VM in a VMM cloud. */
public enum MachineKind implements Token { VMWARE_VM,PHYSICAL,HYPERV_VM }
