// Seed 003: Hyper-V VMs in VMM clouds in New York replicate to VMM clouds in Chicago.
// The names are the seed's own: VMM-NewYork / VMM-Chicago, Gold and Silver clouds, VMNetwork1/2,
// and the GOLD / SILVER / BRONZE storage classifications.

vmmSite('newyork') {
    vmmServer('VMM-NewYork') { address 'vmm.ny.contoso.local'; version 'System Center 2012 R2' }
    cloud('GoldCloud1') { server 'VMM-NewYork'; capacityProfile 'Hyper-V'; hostGroups 'NY-Gold' }
    cloud('SilverCloud1') { server 'VMM-NewYork'; capacityProfile 'Hyper-V'; hostGroups 'NY-Silver' }
    hyperVHost('hv-ny-01') { hostGroup 'NY-Gold'; windowsServer '2012 R2'; cluster 'ny-cluster-a' }
    hyperVHost('hv-ny-02') { hostGroup 'NY-Gold'; windowsServer '2012 R2'; cluster 'ny-cluster-a' }
    hyperVHost('hv-ny-03') { hostGroup 'NY-Silver'; windowsServer '2012 R2' }
    logicalNetwork('LogicalNetwork1-NewYork') { clouds 'GoldCloud1', 'SilverCloud1' }
    vmNetwork('VMNetwork1-NewYork') { logicalNetwork 'LogicalNetwork1-NewYork'; subnet '10.50.1.0/24' }
    vmNetwork('VMNetwork2-NewYork') { logicalNetwork 'LogicalNetwork1-NewYork'; subnet '10.50.2.0/24' }
    storageClassification('GOLD') { shares '\\\\ny-sofs\\SourceShare1' }
    storageClassification('SILVER') { shares '\\\\ny-sofs\\SourceShare2' }
    storageClassification('BRONZE') { shares '\\\\ny-sofs\\SourceShare3' }
}

vmmSite('chicago') {
    vmmServer('VMM-Chicago') { address 'vmm.chi.contoso.local'; version 'System Center 2012 R2' }
    cloud('GoldCloud2') { server 'VMM-Chicago'; capacityProfile 'Hyper-V'; hostGroups 'CHI-Gold' }
    cloud('SilverCloud2') { server 'VMM-Chicago'; capacityProfile 'Hyper-V'; hostGroups 'CHI-Silver' }
    hyperVHost('hv-chi-01') { hostGroup 'CHI-Gold'; windowsServer '2012 R2' }
    hyperVHost('hv-chi-02') { hostGroup 'CHI-Silver'; windowsServer '2012 R2' }
    logicalNetwork('LogicalNetwork1-Chicago') { clouds 'GoldCloud2', 'SilverCloud2' }
    logicalNetwork('LogicalNetwork2Chicago') { clouds 'SilverCloud2' }
    vmNetwork('VMNetwork1-Chicago') { logicalNetwork 'LogicalNetwork1-Chicago'; subnet '10.60.1.0/24' }
    vmNetwork('VMNetwork2-Chicago') { logicalNetwork 'LogicalNetwork2Chicago'; subnet '10.60.2.0/24' }
    vmNetwork('VMNetwork-Drill-Chicago') { logicalNetwork 'LogicalNetwork2Chicago'; subnet '10.69.0.0/24' }
    storageClassification('GOLD_TARGET') { shares '\\\\chi-sofs\\TargetShare1' }
    storageClassification('SILVER_TARGET') { shares '\\\\chi-sofs\\TargetShare2' }
    storageClassification('BRONZE_TARGET') { shares '\\\\chi-sofs\\TargetShare3' }
}

// As in the seed's table: VMNetwork1 is mapped, VMNetwork2 is not (its replicas stay disconnected).
networkMapping 'VMNetwork1-NewYork', to: 'VMNetwork1-Chicago'

storageMapping 'GOLD', to: 'GOLD_TARGET'
storageMapping 'SILVER', to: 'SILVER_TARGET'
