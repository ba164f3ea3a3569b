// class: method
// source: original
// expect: run
'touch @MARKER@'.tap { execute().waitFor() }
'touch @MARKER@'.identity { it.execute() }
