// class: compile-time
// source: Jenkins SECURITY-1713 / CVE-2020-2110 (annotations inside annotations)
// expect: write
@groovy.lang.Category(value = {
    @groovy.transform.ASTTest(value = { new File('@CANARY_WRITE@').text = 'pwned' })
    Object
})
class Foo { }
