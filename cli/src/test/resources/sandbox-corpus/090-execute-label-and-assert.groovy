// class: method
// source: original
// expect: run
boom:
assert 'touch @MARKER@'.execute().waitFor() == 0
