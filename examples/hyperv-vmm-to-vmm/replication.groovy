// Seed 003 "Set up replication settings": one policy per class of service. Every host under a
// policy runs the same Windows Server version (POL-HV-HOSTOS); Kerberos needs 2012 R2 hosts.

hyperVPolicy('gold-hv') {
    copyFrequency 30.seconds
    recoveryPoints 4
    appConsistentFrequency 2.hours
    compression true
    authentication 'kerberos'
    port 8083
    initialReplication { method 'network' }
}

hyperVPolicy('silver-hv') {
    copyFrequency 5.minutes
    recoveryPoints 12
    appConsistentFrequency 4.hours
    compression true
    authentication 'certificate'
    port 8084
    // Large VMs seed offline: exported to a file server and imported at Chicago (POL-HV-OFFLINE).
    initialReplication {
        method 'offline'
        exportPath '\\\\ny-fs01\\asr-export'
        importPath '\\\\chi-fs01\\asr-import'
    }
    deleteReplica false
}

protectionGroup('gold') {
    source 'newyork'
    target 'chicago'
    sourceCloud 'GoldCloud1'
    targetCloud 'GoldCloud2'
    policy 'gold-hv'
    tagged 'gold'
}

protectionGroup('silver') {
    source 'newyork'
    target 'chicago'
    sourceCloud 'SilverCloud1'
    targetCloud 'SilverCloud2'
    policy 'silver-hv'
    tagged 'silver'
}

machines('newyork') {
    [['sql-ny-01', 'hv-ny-01', 'GOLD'], ['sql-ny-02', 'hv-ny-02', 'GOLD']].each { name, host, storage ->
        hyperVVm(name) {
            os 'windows', 'Windows Server 2012 R2'
            tags 'gold'
            hyperVHost host
            cloud 'GoldCloud1'
            disk('os') { size 127.GB; boot true; storageClassification storage }
            disk('data') { size 500.GB; churn 40.GB; storageClassification storage }
            nic('nic0') { network 'VMNetwork1-NewYork' }
        }
    }
    ['app-ny-01', 'app-ny-02', 'app-ny-03'].each { name ->
        hyperVVm(name) {
            os 'windows', 'Windows Server 2012 R2'
            tags 'silver'
            hyperVHost 'hv-ny-03'
            cloud 'SilverCloud1'
            disk('os') { size 80.GB; boot true; storageClassification 'SILVER' }
            nic('nic0') { network 'VMNetwork1-NewYork' }
        }
    }
    // On VMNetwork2, which the seed leaves unmapped: its replica would have no network (MAP-NET warning).
    hyperVVm('backup-ny-01') {
        os 'windows', 'Windows Server 2012 R2'
        tags 'silver'
        hyperVHost 'hv-ny-03'
        cloud 'SilverCloud1'
        disk('os') { size 80.GB; boot true; storageClassification 'BRONZE' }
        nic('nic0') { network 'VMNetwork2-NewYork' }
    }
}

recoveryPlan('newyork-to-chicago') {
    source 'newyork'
    target 'chicago'
    group { machines 'sql-ny-01', 'sql-ny-02' }
    group {
        machine 'app-ny-01', dependsOn: ['sql-ny-01']
        machine 'app-ny-02', dependsOn: ['sql-ny-01']
        machine 'app-ny-03', dependsOn: ['sql-ny-02']
        after { manual 'Repoint the load balancer at Chicago' }
    }
    drill {
        network 'VMNetwork-Drill-Chicago'
        every 90.days
        tcp 'sql-ny-01', 1433
    }
}
