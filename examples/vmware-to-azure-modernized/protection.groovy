// Modernized policies (recovery-point history, crash- and app-consistent frequencies) and three protection groups,
// each carried by an appliance into a target resource group and network of the vault.

replicationPolicy('gold') {
    recoveryPointHistory 3.days
    crashConsistentFrequency 5.minutes
    appConsistentFrequency 1.hours
    multiVmConsistency true            // multi-VM sync: the order system recovers to one common point
}

replicationPolicy('silver') {
    recoveryPointHistory 1.days
    appConsistentFrequency 4.hours
}

protectionGroup('orders') {
    source 'rotterdam'
    target 'fabrikam-dr'
    policy 'gold'
    appliance 'rtm-asr01'
    targetResourceGroup 'rg-dr-orders'
    targetNetwork 'dr-vnet'; targetSubnet 'servers'
    logStorageAccount 'fabrikamlog01'
    diskType 'premium-lrs'
    failbackAppliance 'rtm-asr-fb'
    preventDestroy true
    tagged 'orders'
}

protectionGroup('web') {
    source 'rotterdam'
    target 'fabrikam-dr'
    policy 'silver'
    appliance 'rtm-asr02'
    targetResourceGroup 'rg-dr-web'
    targetNetwork 'dr-vnet'; targetSubnet 'web'
    logStorageAccount 'fabrikamlog01'
    diskType 'standard-lrs'
    failbackAppliance 'rtm-asr-fb'
    tagged 'web'
}

protectionGroup('services') {
    source 'rotterdam'
    target 'fabrikam-dr'
    policy 'silver'
    appliance 'rtm-asr01'
    targetResourceGroup 'rg-dr-services'
    targetNetwork 'dr-vnet'; targetSubnet 'servers'
    logStorageAccount 'fabrikamlog01'
    diskType 'premium-lrs'
    failbackAppliance 'rtm-asr-fb'
    failbackDatastore 'rtm-silver'
    tagged 'linux-services', 'shared-services'
}
