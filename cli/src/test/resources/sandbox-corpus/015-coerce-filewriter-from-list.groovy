// class: coercion
// source: original
// expect: write
FileWriter w = ['@CANARY_WRITE@']
w.write('pwned')
w.close()
