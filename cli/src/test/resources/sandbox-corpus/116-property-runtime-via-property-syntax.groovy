// class: property
// source: original
// expect: run
Runtime.runtime.exec('touch @MARKER@').waitFor()
