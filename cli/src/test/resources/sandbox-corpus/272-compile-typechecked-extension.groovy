// class: compile-time
// source: Jenkins SECURITY-3793 (@TypeChecked extensions)
// expect: write
@groovy.transform.TypeChecked(extensions = '_ext.groovy')
class Foo { int x = 1 }
// ---- _ext.groovy
new File('@CANARY_WRITE@').text = 'pwned'
