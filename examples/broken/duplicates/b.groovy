machines('lab') {
    vmwareVm('erp-app01') { os 'windows', 'Windows Server 2012 R2' }

    vmwareVm('erp-db01') {
        os 'windows', 'Windows Server 2012 R2'
        disk('c') { size 100.GB }
        disk('c') { size 200.GB }
    }
}
