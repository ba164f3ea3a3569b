// class: compile-time
// source: Jenkins SECURITY-1321 (@AnnotationCollector)
// expect: write
import groovy.transform.AnnotationCollector
import groovy.transform.ASTTest
@AnnotationCollector([ASTTest]) @interface Harmless {}
@Harmless(value = { new File('@CANARY_WRITE@').text = 'pwned' })
def x = 1
