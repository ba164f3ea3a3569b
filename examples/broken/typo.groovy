include '_site.groovy'

machines('lab') {
    vmwareVm('erp-db01') {
        os 'windows', 'Windows Server 2012 R2'
        chrun 40.GB
        disk('data') { size 500.GB; iosp 120 }
    }
}
