// Two recovery plans: the order system (database, then applications, then the web tier) and the Linux services.

recoveryPlan('orders-failover') {
    source 'rotterdam'
    target 'fabrikam-dr'
    rto 2.hours                    // each drill is judged against these (exit 4 when one is missed)
    rpo 30.minutes

    group {
        machines 'ord-sql01', 'ord-sql02'
        before { manual 'Confirm with the DBA on call that order intake is paused' }
        // Run when the databases are up: in a drill a failing check stops the application groups from failing over.
        checks { tcp 'ord-sql01', 1433, timeout: 5.minutes, retryEvery: 15.seconds }
        after { script 'scripts/check-sql.sh', timeout: 10.minutes }
    }
    group {
        machine 'ord-app01', dependsOn: ['ord-sql01']
        machine 'ord-app02', dependsOn: ['ord-sql01']
        machine 'ord-app03', dependsOn: ['ord-sql02']
        machine 'ord-batch01', dependsOn: ['ord-sql01', 'ord-sql02']
    }
    group {
        machines 'web01', 'web02', 'web03', 'web04'
        after { manual 'Announce the failover on the status page' }
    }

    drill {
        network 'drill-vnet'
        every 90.days
        http 'web01', 'http://web01/health', status: 200
    }
}

recoveryPlan('services-failover') {
    source 'rotterdam'
    target 'fabrikam-dr'
    rto 4.hours
    rpo 1.hours
    group { machines 'jump01', 'mq01', 'mq02', 'monitor01' }
    group { machines 'search01', 'search02', 'search03' }
    group { machines 'files01', 'print01', 'badge01' }
    drill {
        network 'drill-vnet'
        every 180.days
        tcp 'mq01', 5672
    }
}
