// class: closure
// source: original
// expect: escape
def c = { -> }
def vars = c.thisObject.binding.variables
vmwareSite("leak-${vars.keySet().join(',')}") { network 'VM Network' }
c.thisObject.evaluate("new File('@CANARY_WRITE@').text = 'pwned'")
