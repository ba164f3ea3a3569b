// class: include
// source: original
// expect: read
include 'sub/../../outside/secret.txt'
