package siteplan.model;

/** Virtual SCSI controller of a VM (FB-MT-VM wants LSI Logic). */
public enum ScsiController implements Token { LSI_LOGIC,LSI_LOGIC_SAS,PARAVIRTUAL,BUS_LOGIC }
