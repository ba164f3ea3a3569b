// class: compile-time
// source: original (an annotation closure compiled into generated code)
// expect: write
@groovy.transform.ConditionalInterrupt({ new File('@CANARY_WRITE@').text = 'pwned'; false })
class Loop { def go() { (1..3).each { } } }
new Loop().go()
