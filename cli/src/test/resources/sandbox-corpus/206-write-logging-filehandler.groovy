// class: file-write
// source: original (java.util.logging creates the file)
// expect: write
def h = new java.util.logging.FileHandler('@CANARY_WRITE@')
h.close()
