package siteplan.model;

/**
 * Boot firmware. The classic architecture protects no UEFI/EFI machine (SRC-UNSUPPORTED); the modernized one protects
 * UEFI machines with Secure Boot off (RCM-UEFI), and fails them over as generation 2 VMs (RCM-OS-DISK).
 */
public enum Firmware implements Token {
    BIOS, UEFI, UEFI_SECURE_BOOT;

    public boolean uefi() {
        return this != BIOS;
    }
}
