// Seed 000 step 7: policies; steps 8-9: protection groups that push the Mobility service.

replicationPolicy('gold') {
    rpoThreshold 15.minutes
    retention 24.hours
    appConsistentFrequency 60.minutes
    multiVmConsistency true      // Windows-only groups (POL-MULTIVM)
}

replicationPolicy('silver') {
    rpoThreshold 30.minutes
    retention 72.hours
    appConsistentFrequency 4.hours
}

networkMapping 'VM Network', to: 'dr-vnet'
networkMapping 'DMZ', to: 'dr-vnet'

protectionGroup('erp') {
    source 'amsterdam'
    target 'contoso-dr'
    policy 'gold'
    processServer 'ps01'
    masterTarget 'mt-win01'
    storageAccount 'contosodr01'
    pushAccount secret('asr-push-admin'); pushAccountStanding 'administrator'
    tagged 'erp'
}

protectionGroup('windows-general') {
    source 'amsterdam'
    target 'contoso-dr'
    policy 'silver'
    processServer 'ps02'
    masterTarget 'mt-win01'
    storageAccount 'contosodr02'
    pushAccount secret('asr-push-admin'); pushAccountStanding 'administrator'
    tagged 'web', 'office'
}

protectionGroup('linux-services') {
    source 'amsterdam'
    target 'contoso-dr'
    policy 'silver'
    processServer 'ps01'
    masterTarget 'mt-lnx01'
    storageAccount 'contosodr02'
    pushAccount secret('asr-push-root'); pushAccountStanding 'root'
    members 'mq01', 'mq02', 'files01', 'monitor01'
}
