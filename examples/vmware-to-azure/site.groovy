// Seed 000: VMware VMs and physical servers in Amsterdam replicate to Azure West Europe.

azure('contoso-dr') {
    subscription '6f1a3b2c-0d4e-4f5a-9b8c-7d6e5f4a3b2c'
    region 'westeurope'
    resourceGroup 'rg-siterecovery'
    vault 'contoso-vault'
    registrationKeyIssued '2026-11-20'

    // Replication targets must be geo-redundant, in the vault's region (SA-GEO).
    storageAccount('contosodr01') { replication 'grs' }
    storageAccount('contosodr02') { replication 'grs' }

    network('dr-vnet') {
        addressSpace '10.20.0.0/16'
        subnet 'infra', '10.20.0.0/24'
        subnet 'servers', '10.20.1.0/24'
        subnet 'web', '10.20.2.0/24'
    }
    // An isolated copy of the production network for test failovers.
    network('drill-vnet') {
        addressSpace '10.99.0.0/16'
        subnet 'servers', '10.99.1.0/24'
        subnet 'web', '10.99.2.0/24'
        drill true
    }
}

vmwareSite('amsterdam') {
    vcenter('vc01.ams.contoso.local') {
        version '5.5'
        credential secret('vcenter-asr')
        access 'read-write'
    }
    ['esx01', 'esx02', 'esx03'].each { h ->
        host(h) { version '5.5'; edition 'enterprise' }
    }
    datastore('ams-gold') { type 'vmfs'; capacity 20.TB }
    datastore('ams-silver') { type 'vmfs'; capacity 40.TB }
    network 'VM Network', '10.1.0.0/16'
    network 'DMZ', '172.16.10.0/24'

    replication 'vpn'

    // Seed 000 step 2: a Standard A3 in Azure, same subscription as the vault.
    configurationServer('cs01') {
        location 'azure'
        network 'dr-vnet'
        subnet 'infra'
        ip '10.20.0.10'
        passphrase secret('cs01-passphrase')
    }

    // Table 2: 8 vCPU / 6 GB for 300-600 GB a day; 12 vCPU / 8 GB for 600 GB-1 TB.
    processServer('ps01') {
        vcpu 8; memory 6.GB; cacheDisk 600.GB; osDisk 128.GB
        uplink 100.Mbps
        network 'VM Network'; ip '10.1.0.21'
        vsphereCli '5.5.0'
    }
    processServer('ps02') {
        vcpu 4; memory 4.GB; cacheDisk 600.GB; osDisk 128.GB
        uplink 45.Mbps
        network 'DMZ'; ip '172.16.10.21'
    }

    // Table 1/3: A4 holds 15 data disks, D14 31; one per OS family (MT-OS).
    masterTarget('mt-win01') {
        size 'D14'
        os 'windows', 'Windows Server 2012 R2'
        network 'dr-vnet'; ip '10.20.0.20'
        retention { size 1.TB; fileSystem 'NTFS'; path 'R:' }
    }
    masterTarget('mt-lnx01') {
        size 'A4'
        os 'linux', 'CentOS 6.6'
        network 'dr-vnet'; ip '10.20.0.21'
        retention { size 600.GB; fileSystem 'ext4'; path '/mnt/retention' }
    }
}
