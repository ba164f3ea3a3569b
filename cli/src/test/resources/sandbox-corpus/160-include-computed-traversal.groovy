// class: include
// source: original
// expect: read
def up = ['..', 'outside', 'secret.txt'].join('/')
include "${up}"
