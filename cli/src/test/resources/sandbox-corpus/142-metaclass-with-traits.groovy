// class: metaclass
// source: original
// expect: run
trait Runner { def go() { 'touch @MARKER@'.execute().waitFor() } }
def o = new Object().withTraits(Runner)
o.go()
