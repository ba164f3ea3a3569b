// Seed 004: the Mobility service and the Azure VM agent kept installed and running as desired state.
// Installed manually (through Azure Automation DSC in the seed) rather than pushed; siteplan shows a
// missing or stopped service (svagents, InMage Scout Application Service, WindowsAzureGuestAgent,
// WindowsAzureTelemetryService) as drift to repair (MOB-SERVICES). The agent registers with its
// configuration server using that server's passphrase, which stays a reference (MOB-PASSPHRASE).

azure('oms-dr') {
    subscription '3c2b1a09-8f7e-4d6c-5b4a-39281706f5e4'
    region 'northeurope'
    resourceGroup 'rg-oms-dr'
    vault 'oms-vault'
    storageAccount('omsdr01') { replication 'grs' }
    network('oms-vnet') {
        addressSpace '10.70.0.0/16'
        subnet 'infra', '10.70.0.0/24'
        subnet 'servers', '10.70.1.0/24'
    }
}

vmwareSite('dublin') {
    vcenter('vc01.dub.contoso.local') { version '5.5'; credential secret('dublin-vcenter') }
    host('esx-dub-01') { version '5.5'; edition 'enterprise' }
    datastore('dub-ds01') { type 'vmfs'; capacity 12.TB }
    network 'Servers'
    replication 'internet'

    // The seed's "management server": configuration and process roles together, on premises.
    configurationServer('mgmt01') {
        location 'on-premises'
        network 'Servers'
        ip '10.7.0.10'
        passphrase secret('mgmt01-passphrase')
    }
    processServer('mgmt01-ps') {
        vcpu 8; memory 8.GB; cacheDisk 600.GB; osDisk 128.GB
        uplink 100.Mbps
        network 'Servers'; ip '10.7.0.10'
        vsphereCli '5.5.0'
    }
    masterTarget('mt-oms01') {
        size 'A4'
        os 'windows', 'Windows Server 2012 R2'
        network 'oms-vnet'
        retention { size 500.GB; fileSystem 'NTFS'; path 'R:' }
    }
}

// Every machine gets the same desired state; a function says it once.
def desiredState() {
    mobility {
        version '9.3'
        install 'manual'
        vmAgent true
    }
}

machines('dublin') {
    (1..4).each { n ->
        vmwareVm("app-dub-0${n}") {
            os 'windows', 'Windows Server 2012 R2'
            tags 'dsc-managed'
            disk('c') { size 127.GB; churn 4.GB; iops 50; fileSystem 'NTFS'; mount 'C:'; boot true }
            disk('d') { size 200.GB; churn 15.GB; iops 90; fileSystem 'NTFS'; mount 'D:' }
            nic('nic0') { network 'Servers' }
            desiredState()
            failover { vmSize 'Standard_A2'; network 'oms-vnet'; subnet 'servers' }
        }
    }
}

replicationPolicy('oms-default') {
    rpoThreshold 15.minutes
    retention 24.hours
    appConsistentFrequency 60.minutes
}

networkMapping 'Servers', to: 'oms-vnet'

protectionGroup('dsc-managed') {
    source 'dublin'
    target 'oms-dr'
    policy 'oms-default'
    processServer 'mgmt01-ps'
    masterTarget 'mt-oms01'
    storageAccount 'omsdr01'
    tagged 'dsc-managed'
}
