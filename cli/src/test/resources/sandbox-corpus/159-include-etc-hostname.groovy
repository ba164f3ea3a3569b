// class: include
// source: examples/broken/sandbox/include-outside.groovy
// expect: read
include '../../../../../../../../etc/hostname.groovy'
