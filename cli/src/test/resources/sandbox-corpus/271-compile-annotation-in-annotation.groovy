// class: compile-time
// source: Jenkins SECURITY-1713 (annotations inside annotations)
// expect: write
@groovy.lang.Category(value = {
    @groovy.transform.ASTTest(value = { new File('@CANARY_WRITE@').text = 'pwned' })
    Object
})
class Foo { }
