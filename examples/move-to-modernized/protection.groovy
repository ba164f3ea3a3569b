// The machines' protection in the modernized vault: its policy form, the appliance that carries them, where their
// replicas go. Their items are still in the classic vault: the plan moves them (=>), it does not protect them anew.

replicationPolicy('standard') {
    recoveryPointHistory 3.days
    crashConsistentFrequency 5.minutes
    appConsistentFrequency 4.hours
}

// The classic vault maps the site's port groups to the Azure network its machines fail over into: kept while
// the classic vault's recovery points can still be failed over to.
networkMapping 'VM Network', to: 'dr-vnet'
networkMapping 'DMZ', to: 'dr-vnet'

protectionGroup('finance') {
    source 'utrecht'
    target 'northwind-dr'
    policy 'standard'
    appliance 'utr-asr01'
    targetResourceGroup 'rg-dr-finance'
    targetNetwork 'dr-vnet'; targetSubnet 'servers'
    logStorageAccount 'northwindcache01'     // the classic target's: the move keeps the log account (MOVE-LOG)
    tagged 'finance'
}

protectionGroup('web-and-services') {
    source 'utrecht'
    target 'northwind-dr'
    policy 'standard'
    appliance 'utr-asr01'
    targetResourceGroup 'rg-dr-general'
    targetNetwork 'dr-vnet'; targetSubnet 'servers'
    logStorageAccount 'northwindcache01'     // the classic target's: the move keeps the log account (MOVE-LOG)
    tagged 'web', 'services'
}
