// Site Recovery does not move recovery plans: declared toward the modernized vault, the plan creates them there
// (MOVE-PLANS); the classic vault's copies stay for failover to its last recovery points.

recoveryPlan('finance-failover') {
    source 'utrecht'
    target 'northwind-dr'
    group { machines 'fin-sql01' }
    group { machines 'fin-app01', 'fin-app02' }
    group { machines 'web01', 'web02' }
    drill {
        network 'drill-vnet'
        every 90.days
        tcp 'fin-sql01', 1433
    }
}

recoveryPlan('services-failover') {
    source 'utrecht'
    target 'northwind-dr'
    group { machines 'mq01', 'files01' }
}
