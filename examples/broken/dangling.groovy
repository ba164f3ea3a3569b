include '_site.groovy'

machines('lab') {
    vmwareVm('erp-db01') {
        os 'windows', 'Windows Server 2012 R2'
        nic('nic0') { network 'VM Netwrok' }
    }
}

replicationPolicy('golden') {
    rpoThreshold 15.minutes
    retention 24.hours
    appConsistentFrequency 60.minutes
}

protectionGroup('erp') {
    source 'lab'
    target 'dr'
    policy 'gold'
    processServer 'ps01'
    masterTarget 'mt02'
    members 'erp-db01', 'erp-db02'
}

recoveryPlan('erp') {
    source 'lab'
    target 'dr'
    group { machines 'erp-db01' }
    group { machine 'erp-app01', dependsOn: ['erp-db01'] }
}
