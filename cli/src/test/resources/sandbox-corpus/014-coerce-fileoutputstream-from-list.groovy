// class: coercion
// source: original
// expect: write
// Constructing a FileOutputStream creates the file.
FileOutputStream out = ['@CANARY_WRITE@']
out.write(120)
out.close()
