// class: compile-time
// source: original (an independent review: annotations on for-in variables compiled)
// expect: write
for (@groovy.transform.ASTTest(value = { new File('@CANARY_WRITE@').text = 'pwned' }) def i in [1, 2]) {
}
