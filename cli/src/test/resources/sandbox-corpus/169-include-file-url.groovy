// class: include
// source: original
// expect: read
include 'file://@CANARY_READ@'
