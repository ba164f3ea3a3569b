// The protected machines of Amsterdam: an ERP system, a web tier and some Linux services.
include '_common.groovy'

machines('amsterdam') {
    vmwareVm('erp-db01') {
        windowsServer([d: 800, e: 400, l: 200], 12)
        tags 'erp', 'tier-data'
        esxiHost 'esx01'; datastore 'ams-gold'
        nic('nic0') { network 'VM Network'; subnet 'servers'; ip '10.1.1.10' }
        failover { vmSize 'Standard_D4'; network 'dr-vnet'; subnet 'servers'; ip '10.20.1.10' }
    }

    vmwareVm('erp-app01') {
        windowsServer([d: 300], 10)
        tags 'erp', 'tier-app'
        esxiHost 'esx02'; datastore 'ams-gold'
        nic('nic0') { network 'VM Network'; subnet 'servers'; ip '10.1.1.20' }
        failover { vmSize 'Standard_A4'; network 'dr-vnet'; subnet 'servers' }
    }

    vmwareVm('erp-app02') {
        windowsServer([d: 300], 10)
        tags 'erp', 'tier-app'
        esxiHost 'esx03'; datastore 'ams-gold'
        nic('nic0') { network 'VM Network'; subnet 'servers'; ip '10.1.1.21' }
        failover { vmSize 'Standard_A4'; network 'dr-vnet'; subnet 'servers' }
    }

    // Three identical web servers: a loop instead of three copies.
    (1..3).each { n ->
        vmwareVm("web0${n}") {
            windowsServer([d: 100], 5)
            tags 'web'
            esxiHost "esx0${n}"; datastore 'ams-silver'
            nic('nic0') { network 'DMZ'; subnet 'web'; ip "172.16.10.${30 + n}" }
            failover { vmSize 'Standard_A2'; network 'dr-vnet'; subnet 'web' }
        }
    }

    // Linux services on their own master target (MT-OS).
    [['mq01', 200, 30], ['mq02', 200, 30], ['files01', 900, 45], ['monitor01', 150, 10]].each { name, gb, churnGb ->
        vmwareVm(name) {
            centos65()
            tags 'linux-services'
            datastore 'ams-silver'
            disk('root') { size 40.GB; churn 1.GB; iops 20; fileSystem 'ext4'; mount '/'; boot true }
            disk('data') { size gb.GB; churn churnGb.GB; iops 80; fileSystem 'xfs'; mount '/data' }
            nic('eth0') { network 'VM Network'; subnet 'servers' }
            mobility { version '9.0'; install 'push'; account secret('asr-push-root'); accountStanding 'root' }
            failover { vmSize 'Standard_A2'; network 'dr-vnet'; subnet 'servers' }
        }
    }

    // Two physical Windows servers (seed 000 protects them the same way, without vCenter).
    ['print01', 'scan01'].each { name ->
        physicalServer(name) {
            windowsServer([d: 250], 4)
            tags 'office'
            nic('nic0') { network 'VM Network'; subnet 'servers' }
            failover { vmSize 'Standard_A2'; network 'dr-vnet'; subnet 'servers' }
        }
    }
}
