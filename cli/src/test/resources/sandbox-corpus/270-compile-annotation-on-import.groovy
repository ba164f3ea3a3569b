// class: compile-time
// source: Jenkins SECURITY-1713 (annotations on imports)
// expect: write
@groovy.transform.ASTTest(value = { new File('@CANARY_WRITE@').text = 'pwned' })
import java.lang.Object
def x = 1
