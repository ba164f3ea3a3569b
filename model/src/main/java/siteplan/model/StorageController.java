package siteplan.model;

/** Storage controller of a physical server; HP CCISS is not protectable on Linux (SRC-UNSUPPORTED). */
public enum StorageController implements Token { STANDARD,HP_CCISS }
