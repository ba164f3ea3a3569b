// class: exit
// source: examples/broken/sandbox/system-exit.groovy
// expect: exit
System.exit(1)
