// Utrecht's protected machines: a finance system, a web tier and two Linux services.

machines('utrecht') {
    [['fin-sql01', 10, 900], ['fin-app01', 20, 200], ['fin-app02', 21, 200]].each { name, last, dataGb ->
        vmwareVm(name) {
            os 'windows', 'Windows Server 2019'
            disk('c') { size 128.GB; churn 2.GB; iops 40; fileSystem 'NTFS'; mount 'C:'; boot true }
            disk('d') { size dataGb.GB; churn (dataGb / 10).GB; iops 120; fileSystem 'NTFS'; mount 'D:' }
            mobility { version '9.66'; install 'push'; account secret('asr-push-admin'); accountStanding 'administrator' }
            tags 'finance'
            esxiHost 'esx-u01'; datastore 'utr-gold'
            nic('nic0') { network 'VM Network'; subnet 'servers'; ip "10.7.1.${last}" }
            failover { vmSize 'Standard_D4s_v5'; network 'dr-vnet'; subnet 'servers'; ip "10.70.1.${last}" }
        }
    }
    (1..2).each { n ->
        vmwareVm("web0${n}") {
            os 'windows', 'Windows Server 2016'
            disk('c') { size 128.GB; churn 1.GB; iops 30; fileSystem 'NTFS'; mount 'C:'; boot true }
            mobility { version '9.66'; install 'push'; account secret('asr-push-admin'); accountStanding 'administrator' }
            tags 'web'
            esxiHost 'esx-u02'; datastore 'utr-silver'
            nic('nic0') { network 'DMZ'; subnet 'web'; ip "172.16.70.${10 + n}" }
            failover { vmSize 'Standard_D2s_v5'; network 'dr-vnet'; subnet 'web' }
        }
    }
    ['mq01', 'files01'].eachWithIndex { name, i ->
        vmwareVm(name) {
            os 'linux', 'Ubuntu 20.04'
            disk('root') { size 64.GB; churn 1.GB; iops 20; fileSystem 'ext4'; mount '/'; boot true }
            disk('data') { size 300.GB; churn 20.GB; iops 60; fileSystem 'xfs'; mount '/data' }
            mobility { version '9.66'; install 'push'; account secret('asr-push-root'); accountStanding 'root' }
            tags 'services'
            esxiHost 'esx-u03'; datastore 'utr-silver'
            nic('eth0') { network 'VM Network'; subnet 'servers'; ip "10.7.1.${40 + i}" }
            failover { vmSize 'Standard_D2s_v5'; network 'dr-vnet'; subnet 'servers' }
        }
    }
}
