// class: method
// source: original
// expect: run
['touch', '@MARKER@'].execute().waitFor()
