// Shared definitions, included by the other files of this estate.

windows2022 = { os 'windows', 'Windows Server 2022' }
windows2019 = { os 'windows', 'Windows Server 2019' }
ubuntu2204 = { os 'linux', 'Ubuntu 22.04' }
rhel94 = { os 'linux', 'Red Hat Enterprise Linux 9.4' }

// The appliance pushes the Mobility agent with the run-as account; the version is what discovery reports.
pushedAgent = { ref, standing ->
    mobility {
        version '9.66'
        install 'push'
        account secret(ref); accountStanding standing
    }
}

// A Windows server: C: system disk plus data disks of the given sizes (GB), each with its daily churn (% a day).
windowsServer = { Map<String, Integer> dataDisks, int churnPercent ->
    disk('c') { size 128.GB; churn 2.GB; iops 40; fileSystem 'NTFS'; mount 'C:'; boot true }
    dataDisks.each { letter, gb ->
        def perDay = gb * churnPercent / 100
        disk(letter) { size gb.GB; churn perDay.GB; iops 60 + gb.intdiv(20); fileSystem 'NTFS'; mount "${letter.toUpperCase()}:" }
    }
    pushedAgent('asr-push-admin', 'administrator')
}

// A Linux server: a root disk plus one data disk.
linuxServer = { int dataGb, int churnGb ->
    disk('root') { size 64.GB; churn 1.GB; iops 20; fileSystem 'xfs'; mount '/'; boot true }
    disk('data') { size dataGb.GB; churn churnGb.GB; iops 80; fileSystem 'xfs'; mount '/data' }
    pushedAgent('asr-push-root', 'root')
}
