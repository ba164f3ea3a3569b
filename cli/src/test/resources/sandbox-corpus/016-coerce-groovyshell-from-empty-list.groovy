// class: coercion
// source: original
// expect: escape
// An empty list calls the no-argument constructor: an unsandboxed GroovyShell.
GroovyShell sh = []
sh.evaluate("new File('@CANARY_WRITE@').text = 'pwned'")
