machines('lab') {
    vmwareVm('app03') {
        os 'linux', 'CentOS 6.5'
        disk('root') { size 40.GB
    }
}
