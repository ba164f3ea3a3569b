vmwareSite('lab') {
    network 'VM Network'
}

machines('lab') {
    vmwareVm('erp-db01') { os 'windows', 'Windows Server 2012 R2' }
}
