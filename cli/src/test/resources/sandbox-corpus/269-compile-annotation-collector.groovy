// class: compile-time
// source: Jenkins SECURITY-1321 / CVE-2019-1003024 (@AnnotationCollector)
// expect: write
import groovy.transform.AnnotationCollector
import groovy.transform.ASTTest
@AnnotationCollector([ASTTest]) @interface Harmless {}
@Harmless(value = { new File('@CANARY_WRITE@').text = 'pwned' })
def x = 1
