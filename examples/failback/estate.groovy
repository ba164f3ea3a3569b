// Seeds 001 and 002: machines of Paris fail over to Azure and fail back to VMware.
// Failback needs a process server in Azure, an on-premises master target with a retention volume,
// and a site-to-site VPN (or ExpressRoute private peering) between Azure and Paris.

azure('contoso-paris-dr') {
    subscription '0b7c5e1d-2a3f-4c6b-8d9e-1f2a3b4c5d6e'
    region 'francecentral'
    resourceGroup 'rg-paris-dr'
    vault 'paris-vault'
    storageAccount('parisdr01') { replication 'ra-grs' }
    network('paris-dr-vnet') {
        addressSpace '10.40.0.0/16'
        subnet 'infra', '10.40.0.0/24'
        subnet 'servers', '10.40.1.0/24'
    }
}

vmwareSite('paris') {
    vcenter('vc01.par.contoso.local') {
        version '5.5'
        credential env('PARIS_VCENTER_CREDENTIAL')
        access 'read-write'           // a read-only account fails reprotection (FB-VCENTER-RW)
    }
    host('esx-par-01') { version '5.5'; edition 'enterprise' }
    host('esx-par-02') { version '5.5'; edition 'enterprise' }
    datastore('par-vmfs01') { type 'vmfs'; capacity 16.TB; host 'esx-par-01' }
    datastore('par-nfs01') { type 'nfs'; capacity 8.TB }
    network 'VM Network', '10.4.0.0/16'

    replication 'vpn'
    failbackConnection 'vpn'

    // The on-premises configuration server must be running for failback (FB-CS); two NICs keep IPs.
    configurationServer('cs-par01') {
        location 'on-premises'
        network 'VM Network'
        ip '10.4.0.10'
        nics 2
        passphrase secret('cs-par01-passphrase')
    }

    processServer('ps-par01') {
        vcpu 4; memory 4.GB; cacheDisk 600.GB; osDisk 128.GB
        uplink 50.Mbps
        network 'VM Network'; ip '10.4.0.21'
        vsphereCli '5.5.0'
    }

    // Failback: a process server in Azure, in the network of the failed-over VMs (FB-PS-AZURE).
    processServer('ps-azure01') {
        location 'azure'
        deploymentModel 'resource-manager'
        vcpu 4; memory 4.GB; cacheDisk 600.GB
        network 'paris-dr-vnet'; ip '10.40.0.30'
    }

    masterTarget('mt-azure01') {
        size 'A4'
        os 'windows', 'Windows Server 2012 R2'
        network 'paris-dr-vnet'; ip '10.40.0.20'
        retention { size 500.GB; fileSystem 'NTFS'; path 'R:' }
    }

    // Failback: an on-premises master target VM (FB-MT-VM, FB-VMFS, FB-RETENTION).
    masterTarget('mt-par01') {
        location 'on-premises'
        os 'windows', 'Windows Server 2012 R2'
        esxiHost 'esx-par-01'
        datastore 'par-vmfs01'
        snapshots 0
        scsiController 'lsi-logic'
        diskEnableUuid true
        tools 'running'
        storageVmotionExcluded true
        network 'VM Network'; ip '10.4.0.40'
        retention { size 1.TB; fileSystem 'NTFS'; path 'R:'; usage 'dedicated' }
    }
}

machines('paris') {
    ['crm-db01': 600, 'crm-app01': 200, 'crm-app02': 200].each { name, gb ->
        vmwareVm(name) {
            os 'windows', 'Windows Server 2012 R2'
            tags 'crm'
            esxiHost 'esx-par-02'; datastore 'par-vmfs01'
            snapshots 0
            disk('c') { size 127.GB; churn 3.GB; iops 30; fileSystem 'NTFS'; mount 'C:'; boot true }
            disk('d') { size gb.GB; churn gb.intdiv(10).GB; iops 90; fileSystem 'NTFS'; mount 'D:' }
            nic('nic0') { network 'VM Network' }
            mobility { version '9.0'; install 'push'; account secret('paris-push-admin'); accountStanding 'administrator' }
            failover { vmSize 'Standard_A4'; network 'paris-dr-vnet'; subnet 'servers' }
        }
    }
}

replicationPolicy('paris-standard') {
    rpoThreshold 15.minutes
    retention 24.hours
    appConsistentFrequency 60.minutes
    multiVmConsistency true
}

networkMapping 'VM Network', to: 'paris-dr-vnet'

protectionGroup('crm') {
    source 'paris'
    target 'contoso-paris-dr'
    policy 'paris-standard'
    processServer 'ps-par01'
    masterTarget 'mt-azure01'
    storageAccount 'parisdr01'
    pushAccount secret('paris-push-admin'); pushAccountStanding 'administrator'
    tagged 'crm'
}

recoveryPlan('crm') {
    source 'paris'
    target 'contoso-paris-dr'
    group {
        machines 'crm-db01'
        before { manual 'Shut down crm-db01 on premises first so no data is lost (RP-UNPLANNED)' }
    }
    group { machines 'crm-app01', 'crm-app02' }
}
