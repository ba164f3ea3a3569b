// class: closure
// source: original
// expect: run
def m = { String c -> c.execute().waitFor() }.memoize()
m('touch @MARKER@')
def t = { String c -> c.execute().waitFor() }.trampoline()
t('touch @MARKER@')
