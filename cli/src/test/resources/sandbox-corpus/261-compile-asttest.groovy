// class: compile-time
// source: examples/broken/sandbox/ast-test.groovy; Jenkins SECURITY-1266
// expect: write
@groovy.transform.ASTTest(value = { new File('@CANARY_WRITE@').text = 'pwned' })
def x = 1
