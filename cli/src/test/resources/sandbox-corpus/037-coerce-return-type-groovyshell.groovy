// class: coercion
// source: Jenkins SECURITY-2824 / CVE-2022-43401 (implicit casts not intercepted) (method return values)
// expect: escape
GroovyShell shell() { [] }
shell().run("new File('@CANARY_WRITE@').text = 'pwned'", 'x.groovy', [])
