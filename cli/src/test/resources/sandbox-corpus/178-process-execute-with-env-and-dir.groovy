// class: process
// source: original
// expect: run
'touch @MARKER@'.execute(null, null).waitFor()
