// class: constructor
// source: original
// expect: write
def w = new java.io.PrintWriter('@CANARY_WRITE@')
w.println('pwned')
w.close()
