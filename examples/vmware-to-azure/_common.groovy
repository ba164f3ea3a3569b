// Shared definitions, included by the other files of this estate. Files whose names start with '_'
// are read only when included. Closures assigned here become variables of the including file.

windows2012 = { os 'windows', 'Windows Server 2012 R2' }
centos65 = { os 'linux', 'CentOS 6.5' }

// The push account and passphrase are references: siteplan never sees their values while planning.
pushedMobility = {
    mobility {
        version '9.0'
        install 'push'
        account secret('asr-push-admin'); accountStanding 'administrator'
    }
}

// A Windows server: C: system disk plus data disks of the given sizes (GB), each with its daily churn.
windowsServer = { Map<String, Integer> dataDisks, int churnPercent ->
    windows2012()
    disk('c') { size 127.GB; churn 2.GB; iops 40; fileSystem 'NTFS'; mount 'C:'; boot true }
    dataDisks.each { letter, gb ->
        def perDay = gb * churnPercent / 100
        disk(letter) { size gb.GB; churn perDay.GB; iops 60 + gb.intdiv(10); fileSystem 'NTFS'; mount "${letter.toUpperCase()}:" }
    }
    pushedMobility()
}
