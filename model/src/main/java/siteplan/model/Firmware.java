package siteplan.model;

/** Boot firmware; UEFI/EFI boot is not protectable (SRC-UNSUPPORTED). */
public enum Firmware implements Token { BIOS,UEFI }
