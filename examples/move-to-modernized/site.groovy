// Northwind protects its Utrecht VMware estate with Site Recovery's classic architecture (a configuration server,
// a process server, a master target; provider InMageAzureV2), retired in 2026. It moves every machine to a
// modernized vault in the same region: Site Recovery's switch-provider move, planned, reviewed and applied like
// any other change (MOVE-*). The machines' groups target the new vault; siteplan finds them in the old one.

// The classic vault the machines replicate to today. It stays declared while they move: siteplan reads it to find
// them, and its last recovery points stay failover-able until their retention ends.
azure('northwind-classic') {
    subscription '8d2e6f1a-3b4c-4d5e-9f6a-7b8c9d0e1f2a'
    region 'westeurope'
    resourceGroup 'rg-asr-classic'
    vault 'northwind-vault'
    // The classic items' cache account. A moved machine keeps logging through it (MOVE-LOG): the modernized groups name it
    // here, in the classic vault's resource group (storage account names are unique across Azure, so it is declared once).
    storageAccount('northwindcache01') { replication 'grs' }
}

// The modernized vault the machines move to: the same region as the classic one (MOVE-REGION).
azure('northwind-dr') {
    subscription '8d2e6f1a-3b4c-4d5e-9f6a-7b8c9d0e1f2a'
    region 'westeurope'
    resourceGroup 'rg-asr'
    vault 'northwind-vault-modern'
    architecture 'modernized'

    network('dr-vnet') {
        addressSpace '10.70.0.0/16'
        subnet 'servers', '10.70.1.0/24'
        subnet 'web', '10.70.2.0/24'
    }
    network('drill-vnet') {
        addressSpace '10.99.0.0/16'
        subnet 'servers', '10.99.1.0/24'
        subnet 'web', '10.99.2.0/24'
        drill true
    }
}

vmwareSite('utrecht') {
    vcenter('vc01.utr.northwind.local') {
        version '7.0'
        credential secret('vcenter-asr')
        access 'read-write'
    }
    ['esx-u01', 'esx-u02', 'esx-u03'].each { h ->
        host(h) { version '7.0'; edition 'enterprise' }
    }
    datastore('utr-gold') { type 'vmfs'; capacity 20.TB }
    datastore('utr-silver') { type 'vmfs'; capacity 30.TB }
    network 'VM Network', '10.7.0.0/16'
    network 'DMZ', '172.16.70.0/24'

    replication 'expressroute'

    // The classic servers the machines replicate through until they move; retire them once the move is done.
    configurationServer('cs01') {
        location 'on-premises'
        network 'VM Network'
        ip '10.7.0.10'
        passphrase secret('cs01-passphrase')
    }
    processServer('ps01') {
        vcpu 12; memory 8.GB; cacheDisk 600.GB; osDisk 128.GB
        uplink 200.Mbps
        network 'VM Network'; ip '10.7.0.21'
        vsphereCli '5.5.0'
    }
    masterTarget('mt-win01') {
        size 'D14'
        os 'windows', 'Windows Server 2012 R2'
        network 'dr-vnet'; ip '10.70.1.250'
        retention { size 1.TB; fileSystem 'NTFS'; path 'R:' }
    }

    // The appliance that takes the machines over (Microsoft: one appliance per classic process server). It must
    // discover the site's vCenter and be healthy before the move (MOVE-APPLIANCE).
    replicationAppliance('utr-asr01') {
        vcpu 16; memory 32.GB; cacheDisk 1.TB
        network 'VM Network'; ip '10.7.0.31'
        uplink 500.Mbps
        runAsAccount secret('asr-push-admin'), secret('asr-push-root')
    }
}
