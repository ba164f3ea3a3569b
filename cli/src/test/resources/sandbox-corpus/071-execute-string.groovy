// class: method
// source: examples/broken/sandbox/execute.groovy
// expect: run
def out = 'touch @MARKER@'.execute().waitFor()
