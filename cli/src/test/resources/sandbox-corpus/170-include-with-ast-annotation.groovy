// class: include
// source: Jenkins SECURITY-1266, from an included file
// expect: write
include '_helpers.groovy'
// ---- _helpers.groovy
@groovy.transform.ASTTest(value = { new File('@CANARY_WRITE@').text = 'pwned' })
def helper = 1
