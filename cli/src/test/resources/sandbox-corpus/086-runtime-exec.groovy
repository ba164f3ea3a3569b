// class: method
// source: original
// expect: run
Runtime.getRuntime().exec('touch @MARKER@').waitFor()
