// class: constructor
// source: original
// expect: run
new ProcessBuilder('touch', '@MARKER@').start().waitFor()
