package siteplan.model;

/** How the Mobility service gets onto a machine: pushed by the process server or installed by hand/DSC. */
public enum InstallMethod implements Token { PUSH,MANUAL }
