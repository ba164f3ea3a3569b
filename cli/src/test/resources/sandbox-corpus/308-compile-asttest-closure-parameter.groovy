// class: compile-time
// source: original (an independent review: annotations on closure parameters compiled)
// expect: write
def c = { @groovy.transform.ASTTest(value = { new File('@CANARY_WRITE@').text = 'pwned' }) x -> x }
c(1)
