// Today's Site Recovery for VMware VMs and physical servers: the modernized architecture. Rotterdam's vSphere 8
// estate replicates to Azure West Europe through replication appliances; there is no configuration, process or
// master target server to run (those are the classic architecture's, retired in 2026: ARCH-CLASSIC).

azure('fabrikam-dr') {
    subscription '2b9c4d1e-7a3f-4e2b-8c1d-5f6e7a8b9c0d'
    region 'westeurope'
    resourceGroup 'rg-siterecovery'
    vault 'fabrikam-vault'
    architecture 'modernized'          // a vault holds one architecture; this picks profile asr-2026

    // The log cache of replication: a storage account in the vault's region (LRS is what Site Recovery creates).
    storageAccount('fabrikamlog01') { replication 'lrs' }

    network('dr-vnet') {
        addressSpace '10.60.0.0/16'
        subnet 'servers', '10.60.1.0/24'
        subnet 'web', '10.60.2.0/24'
        subnet 'data', '10.60.3.0/24'
    }
    network('drill-vnet') {
        addressSpace '10.99.0.0/16'
        subnet 'servers', '10.99.1.0/24'
        subnet 'web', '10.99.2.0/24'
        subnet 'data', '10.99.3.0/24'
        drill true
    }
}

vmwareSite('rotterdam') {
    vcenter('vc01.rtm.fabrikam.local') {
        version '8.0'
        credential secret('vcenter-asr')
        access 'read-write'
    }
    ['esx-r01', 'esx-r02', 'esx-r03', 'esx-r04'].each { h ->
        host(h) { version '8.0'; edition 'enterprise' }
    }
    datastore('rtm-gold') { type 'vmfs'; capacity 40.TB }
    datastore('rtm-silver') { type 'vmfs'; capacity 60.TB }
    network 'VM Network', '10.6.0.0/16'
    network 'DMZ', '172.16.60.0/24'

    replication 'expressroute'

    // Two appliances carry forward replication; the modernized design scales out by adding appliances (each has
    // its own process server), not by separate process servers.
    replicationAppliance('rtm-asr01') {
        vcpu 16; memory 32.GB; cacheDisk 1.TB
        network 'VM Network'; ip '10.6.0.31'
        uplink 500.Mbps
        runAsAccount secret('asr-push-admin'), secret('asr-push-root')
    }
    replicationAppliance('rtm-asr02') {
        vcpu 8; memory 16.GB; cacheDisk 620.GB
        network 'VM Network'; ip '10.6.0.32'
        uplink 200.Mbps
        runAsAccount secret('asr-push-admin')
    }
    // A third appliance reprotects machines back from Azure (failback), so failback's disks never crowd
    // forward replication (RCM-FAILBACK-DISKS: at most 60 disks attached to one appliance).
    replicationAppliance('rtm-asr-fb') {
        vcpu 8; memory 16.GB; cacheDisk 620.GB
        network 'VM Network'; ip '10.6.0.33'
        uplink 200.Mbps
        runAsAccount secret('asr-push-admin'), secret('asr-push-root')
    }
}
