// Rotterdam's protected machines: an order-processing system, a web tier, file and data services, Linux services.
include '_common.groovy'

machines('rotterdam') {
    // Order processing: a SQL Server pair and three application servers.
    [['ord-sql01', 10], ['ord-sql02', 11]].each { name, last ->
        vmwareVm(name) {
            windows2022()
            firmware 'uefi'                              // Secure Boot off: protectable (RCM-UEFI), a generation 2 VM
            windowsServer([d: 1500, e: 600, l: 300], 8)  // a 1.5 TB data disk: beyond the classic 1023 GB (SRC-DISK-SIZE)
            tags 'orders', 'tier-data'
            esxiHost 'esx-r01'; datastore 'rtm-gold'
            nic('nic0') { network 'VM Network'; subnet 'servers'; ip "10.6.1.${last}" }
            failover { vmSize 'Standard_E8s_v5'; subnet 'data'; ip "10.60.3.${last}" }
        }
    }
    (1..3).each { n ->
        vmwareVm("ord-app0${n}") {
            windows2022()
            windowsServer([d: 200], 10)
            tags 'orders', 'tier-app'
            esxiHost "esx-r0${n + 1}"; datastore 'rtm-gold'
            nic('nic0') { network 'VM Network'; subnet 'servers'; ip "10.6.1.${20 + n}" }
            failover { vmSize 'Standard_D4s_v5' }
        }
    }

    // The nightly batch server: Linux, writing in large blocks (64 KB), so its busy disk fits a premium replica.
    vmwareVm('ord-batch01') {
        rhel94()
        disk('root') { size 64.GB; churn 1.GB; iops 20; fileSystem 'xfs'; mount '/'; boot true }
        disk('spool') { size 512.GB; churn 900.GB; writeSize 64.KB; iops 400; fileSystem 'xfs'; mount '/spool' }
        pushedAgent('asr-push-root', 'root')
        tags 'orders'
        esxiHost 'esx-r03'; datastore 'rtm-gold'
        nic('eth0') { network 'VM Network'; subnet 'servers'; ip '10.6.1.30' }
        failover { vmSize 'Standard_D4s_v5' }
    }

    // The web tier: four identical servers in the DMZ.
    (1..4).each { n ->
        vmwareVm("web0${n}") {
            windows2019()
            windowsServer([d: 80], 5)
            tags 'web'
            esxiHost "esx-r0${n}"; datastore 'rtm-silver'
            nic('nic0') { network 'DMZ'; subnet 'web'; ip "172.16.60.${30 + n}" }
            failover { vmSize 'Standard_D2s_v5'; subnet 'web' }
        }
    }

    // A file server with a 6 TB share on a dynamic data disk (modernized allows dynamic data disks; the OS stays basic).
    vmwareVm('files01') {
        windows2019()
        disk('c') { size 128.GB; churn 2.GB; iops 40; fileSystem 'NTFS'; mount 'C:'; boot true }
        disk('s') { size 6.TB; churn 120.GB; iops 300; fileSystem 'NTFS'; mount 'S:'; dynamic true }
        pushedAgent('asr-push-admin', 'administrator')
        tags 'shared-services'
        esxiHost 'esx-r04'; datastore 'rtm-silver'
        nic('nic0') { network 'VM Network'; subnet 'servers' }
        failover { vmSize 'Standard_D4s_v5' }
    }

    // Linux services: message queues, a search cluster, monitoring.
    [['mq01', 200, 40], ['mq02', 200, 40], ['search01', 800, 60], ['search02', 800, 60], ['search03', 800, 60], ['monitor01', 150, 8]].each { name, gb, churnGb ->
        vmwareVm(name) {
            if (name.startsWith('search')) rhel94() else ubuntu2204()
            linuxServer(gb, churnGb)
            tags 'linux-services'
            datastore 'rtm-silver'
            nic('eth0') { network 'VM Network'; subnet 'servers' }
            failover { vmSize 'Standard_D4s_v5' }
        }
    }

    // The administrators' jump host, first back in a disaster.
    vmwareVm('jump01') {
        windows2022()
        windowsServer([:], 0)
        tags 'shared-services'
        esxiHost 'esx-r02'; datastore 'rtm-silver'
        nic('nic0') { network 'VM Network'; subnet 'servers'; ip '10.6.0.40' }
        failover { vmSize 'Standard_B2ms' }
    }

    // Two physical Windows servers (the appliance protects them without vCenter).
    ['print01', 'badge01'].each { name ->
        physicalServer(name) {
            windows2019()
            windowsServer([d: 250], 4)
            tags 'shared-services'
            nic('nic0') { network 'VM Network'; subnet 'servers' }
            failover { vmSize 'Standard_D2s_v5' }
        }
    }
}
