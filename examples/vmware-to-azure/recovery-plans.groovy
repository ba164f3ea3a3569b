// Seed 000 step 10: recovery plans fail machines over group by group, with steps between groups.

recoveryPlan('erp-failover') {
    source 'amsterdam'
    target 'contoso-dr'

    group {
        machines 'erp-db01'
        before { manual 'Confirm with the DBA on call that batch jobs are stopped' }
        after { script 'scripts/check-sql.sh', timeout: 10.minutes }
    }
    group {
        machine 'erp-app01', dependsOn: ['erp-db01']
        machine 'erp-app02', dependsOn: ['erp-db01']
    }
    group {
        machines 'web01', 'web02', 'web03'
        after {
            runbook 'Update-PublicDns'
            manual 'Announce the failover on the status page'
        }
    }

    drill {
        network 'drill-vnet'
        every 90.days
        tcp 'erp-db01', 1433
        http 'web01', 'http://web01/health', status: 200
    }
}

recoveryPlan('linux-services') {
    source 'amsterdam'
    target 'contoso-dr'
    group { machines 'mq01', 'mq02' }
    group {
        machines 'files01', 'monitor01'
        after { script 'scripts/check-mq.sh', timeout: 2.minutes }
    }
    drill {
        network 'drill-vnet'
        every 180.days
        tcp 'mq01', 5672
    }
}
