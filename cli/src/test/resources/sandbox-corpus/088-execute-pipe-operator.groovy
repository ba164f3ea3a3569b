// class: method
// source: original
// expect: run
def p = 'echo hi'.execute() | 'touch @MARKER@'.execute()
p.waitFor()
