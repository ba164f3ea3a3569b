// class: compile-time
// source: Jenkins SECURITY-1320 (import alias of a blocked annotation)
// expect: write
import groovy.transform.ASTTest as harmless
@harmless(value = { new File('@CANARY_WRITE@').text = 'pwned' })
def x = 1
