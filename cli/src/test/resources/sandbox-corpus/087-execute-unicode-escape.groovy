// class: method
// source: original (a unicode escape hides the name from text checks)
// expect: run
'touch @MARKER@'."\u0065xecute"().waitFor()
