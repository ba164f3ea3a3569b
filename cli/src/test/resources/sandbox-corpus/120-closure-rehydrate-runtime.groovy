// class: closure
// source: original
// expect: run
def c = { -> exec('touch @MARKER@') }
def r = c.rehydrate(Runtime.getRuntime(), null, null)
r.resolveStrategy = Closure.DELEGATE_FIRST
r().waitFor()
