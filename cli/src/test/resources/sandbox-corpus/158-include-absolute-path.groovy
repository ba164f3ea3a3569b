// class: include
// source: original
// expect: read
include '@CANARY_READ@'
