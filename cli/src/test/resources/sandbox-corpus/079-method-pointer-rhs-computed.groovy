// class: method
// source: Jenkins SECURITY-1465 / CVE-2019-10356 (right side of a method pointer)
// expect: run
def p = 'touch @MARKER@'.&("exec" + 'ute')
p().waitFor()
