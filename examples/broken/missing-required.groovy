include '_site.groovy'

machines('lab') {
    vmwareVm('app02') {
        disk('c') { churn 2.GB }
    }
}

replicationPolicy('silver') {
    rpoThreshold 30.minutes
}
