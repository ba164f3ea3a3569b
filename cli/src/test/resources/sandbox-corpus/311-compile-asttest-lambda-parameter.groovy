// class: compile-time
// source: original (an independent review: annotations on lambda parameters compiled)
// expect: write
def f = (@groovy.transform.ASTTest(value = { new File('@CANARY_WRITE@').text = 'pwned' }) def x) -> x
f(1)
