// class: method
// source: original
// expect: write
def f = new File('@CANARY_WRITE@')
f << 'pwned'
