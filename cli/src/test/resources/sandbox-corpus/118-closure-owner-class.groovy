// class: closure
// source: SandboxSpec "the binding of a closure"
// expect: escape
def c = { -> }
c.owner.class.classLoader.loadClass('java.lang.Runtime').runtime.exec('touch @MARKER@').waitFor()
