// A minimal valid site that the broken examples include, so each shows only its own mistake.
azure('dr') {
    subscription '00000000-0000-0000-0000-000000000001'
    region 'westeurope'
    resourceGroup 'rg-dr'
    vault 'vault-dr'
    storageAccount('drstore') { replication 'grs' }
    network('dr-vnet') { addressSpace '10.0.0.0/16'; subnet 'servers', '10.0.1.0/24' }
}
vmwareSite('lab') {
    network 'VM Network'
    processServer('ps01') { vcpu 4; memory 4.GB; cacheDisk 600.GB }
    masterTarget('mt01') { size 'A4'; os 'windows', 'Windows Server 2012 R2' }
}
