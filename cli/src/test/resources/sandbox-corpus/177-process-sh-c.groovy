// class: process
// source: original
// expect: run
['sh', '-c', 'touch @MARKER@'].execute().waitFor()
