// class: method
// source: original
// expect: run
// 'in' calls isCase on the right side: a closure.
def ran = 'touch @MARKER@' in { it.execute().waitFor() == 0 }
