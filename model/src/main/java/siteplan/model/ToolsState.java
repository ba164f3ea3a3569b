package siteplan.model;

/** VMware Tools state inside a VM (SRC-VMWARE, FB-MT-VM). */
public enum ToolsState implements Token { RUNNING,NOT_RUNNING,NOT_INSTALLED }
