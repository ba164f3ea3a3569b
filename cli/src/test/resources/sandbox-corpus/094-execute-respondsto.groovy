// class: method
// source: original
// expect: run
'touch @MARKER@'.respondsTo('execute')[0].invoke('touch @MARKER@').waitFor()
