// class: include
// source: original
// expect: connect
include 'http://127.0.0.1:@PORT@/x.groovy'
