include '_site.groovy'

machines('lab') {
    vmwareVm('app01') {
        os 'windows', 'Windows Server 2012 R2'
        firmware 'uefy'
        clustered 'no'
        disk('c') { size 120 }
        mobility { account 'P@ssw0rd!' }
    }
}

replicationPolicy('gold') {
    rpoThreshold '15 minutes'
    retention 24.hours
    appConsistentFrequency 1.hours
}
