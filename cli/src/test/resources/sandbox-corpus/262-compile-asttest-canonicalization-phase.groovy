// class: compile-time
// source: Jenkins SECURITY-1266 / SECURITY-1292 (ASTTest at a later phase)
// expect: write
@groovy.transform.ASTTest(phase = org.codehaus.groovy.control.CompilePhase.CANONICALIZATION, value = { new File('@CANARY_WRITE@').text = 'pwned' })
def x = 1
