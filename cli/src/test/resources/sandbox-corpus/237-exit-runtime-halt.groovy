// class: exit
// source: original
// expect: exit
Runtime.runtime.halt(1)
