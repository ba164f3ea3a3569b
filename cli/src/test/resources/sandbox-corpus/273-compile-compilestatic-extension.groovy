// class: compile-time
// source: Jenkins SECURITY-3793 (@CompileStatic extensions)
// expect: write
import groovy.transform.CompileStatic
@CompileStatic(extensions = ['_ext.groovy'])
class Foo { int x = 1 }
// ---- _ext.groovy
new File('@CANARY_WRITE@').text = 'pwned'
