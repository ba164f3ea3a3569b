// class: closure
// source: original
// expect: escape
// Give a block a delegate of the attacker's choice, then let the DSL call it.
machines('lab') {
    def inner = { -> exec('touch @MARKER@') }
    inner.delegate = Runtime.runtime
    inner.resolveStrategy = Closure.DELEGATE_ONLY
    inner()
}
