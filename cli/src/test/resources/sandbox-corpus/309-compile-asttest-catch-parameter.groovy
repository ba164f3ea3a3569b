// class: compile-time
// source: original (an independent review: annotations on catch parameters compiled)
// expect: write
try {
    throw new RuntimeException('x')
} catch (@groovy.transform.ASTTest(value = { new File('@CANARY_WRITE@').text = 'pwned' }) RuntimeException e) {
}
