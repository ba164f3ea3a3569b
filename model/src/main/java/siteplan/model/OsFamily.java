package siteplan.model;

/** Operating system family of a protected machine or master target (MT-OS, FB-MT-OS). */
public enum OsFamily implements Token { WINDOWS,LINUX }
